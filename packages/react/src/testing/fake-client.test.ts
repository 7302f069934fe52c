import { AtriumApiError } from '@atrium/client';
import { chargeSchema, listSchema, payoutSchema } from '@atrium/core';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from './fake-client';
import { buildPayout } from './fixtures';

describe('createFakeClient', () => {
  it('serves canned data that meets the shared contracts', async () => {
    const client = createFakeClient();

    const payouts = await client.get('/payouts', { schema: listSchema(payoutSchema) });
    const charge = await client.get('/charges/ch_1TestChargeRefunded0000', { schema: chargeSchema });

    expect(payouts.data.map((payout) => payout.status)).toContain('failed');
    expect(charge.refunds?.data[0]?.amount).toBe(5_000);
  });

  it('pages lists with limit and starting_after', async () => {
    const client = createFakeClient();

    const first = await client.get('/payouts', { query: { limit: 2 }, schema: listSchema(payoutSchema) });
    const last = first.data[first.data.length - 1]?.id ?? '';
    const second = await client.get('/payouts', {
      query: { limit: 2, starting_after: last },
      schema: listSchema(payoutSchema),
    });

    expect(first.has_more).toBe(true);
    expect(second.data).toHaveLength(2);
    expect(second.has_more).toBe(false);
    expect(second.data[0]?.id).not.toBe(last);
  });

  it('answers an unknown object and an unknown route with a 404', async () => {
    const client = createFakeClient();

    await expect(client.get('/payouts/po_missing')).rejects.toMatchObject({ status: 404, code: 'resource_missing' });
    await expect(client.get('/disputes')).rejects.toBeInstanceOf(AtriumApiError);
  });

  it('adds created payouts to the data, so a refetch shows them', async () => {
    const client = createFakeClient();

    const created = await client.post('/payouts', { amount: 5_000, currency: 'usd' }, { schema: payoutSchema });
    const listed = await client.get('/payouts', { schema: listSchema(payoutSchema) });

    expect(created).toMatchObject({ amount: 5_000, status: 'pending' });
    expect(listed.data[0]?.id).toBe(created.id);
  });

  it('refuses a write with an amount that is not a positive integer', async () => {
    const client = createFakeClient();

    await expect(client.post('/payouts', { amount: 10.5 })).rejects.toMatchObject({
      status: 400,
      code: 'parameter_invalid',
    });
  });

  it('lets a test replace data, routes and grants, and records the requests', async () => {
    const client = createFakeClient({
      data: { payouts: [buildPayout({ id: 'po_only', status: 'paid' })] },
      routes: {
        'GET /balance': () => Promise.reject(new AtriumApiError({ status: 500, type: 'api_error', message: 'x' })),
      },
      session: { components: { payouts: { enabled: true, features: {} } } },
    });

    const payouts = await client.get('/payouts', { schema: listSchema(payoutSchema) });
    const session = await client.session();

    expect(payouts.data.map((payout) => payout.id)).toEqual(['po_only']);
    await expect(client.get('/balance')).rejects.toMatchObject({ status: 500 });
    expect(session.components).toEqual({ payouts: { enabled: true, features: {} } });
    expect(client.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /payouts',
      'GET /balance',
    ]);
  });

  it('returns copies, so changing an answer does not change the canned data', async () => {
    const client = createFakeClient();
    const first = await client.get('/payouts/po_1TestPayoutPaid0000000000', { schema: payoutSchema });
    first.amount = 1;

    const second = await client.get('/payouts/po_1TestPayoutPaid0000000000', { schema: payoutSchema });

    expect(second.amount).toBe(180_000);
  });

  it('rejects with the abort reason when the caller aborts during the latency', async () => {
    const client = createFakeClient({ latencyMs: 1_000 });
    const controller = new AbortController();

    const pending = client.get('/balance', { signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
