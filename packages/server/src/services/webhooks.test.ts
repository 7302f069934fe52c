import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import { API_VERSION, recordEvent } from './events';
import { MAX_DELIVERY_ATTEMPTS, backoffSeconds } from './webhooks';

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A webhook receiver on this machine that answers with whatever status the test sets. */
async function startReceiver(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  status: { code: number };
}> {
  const received: Received[] = [];
  const status = { code: 200 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.writeHead(status.code).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hooks`, received, status };
}

describe('webhook delivery', () => {
  let atrium: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    atrium = await startTestServer();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await atrium.close();
    receiver.server.close();
  });

  const advance = (seconds: number) =>
    fetch(`${atrium.baseUrl}/v1/test_helpers/clock/advance`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${atrium.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seconds }),
    });

  it('delivers a signed event that both verifiers accept, once, in the endpoint’s API version', async () => {
    const endpoint = await atrium.stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ['payout.paid'],
      api_version: API_VERSION,
    });
    const secret = endpoint.secret ?? '';
    const eventId = await atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type: 'payout.paid', accountId: undefined, object: { id: 'po_1', object: 'payout' } }),
    );
    await atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type: 'payout.failed', accountId: undefined, object: { id: 'po_2', object: 'payout' } }),
    );
    await atrium.app.atrium.jobs.runDue();
    await atrium.app.atrium.jobs.runDue();
    expect(receiver.received).toHaveLength(1);
    const delivery = receiver.received[0];
    if (!delivery) throw new Error('no delivery');
    const stripe = new Stripe('sk_test_unused');
    const event = stripe.webhooks.constructEvent(delivery.body, String(delivery.headers['stripe-signature']), secret);
    expect(event.id).toBe(eventId);
    expect(event.type).toBe('payout.paid');
    expect(event.api_version).toBe(endpoint.api_version);
    const standard = new Webhook(secret).verify(delivery.body, {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    }) as { id: string };
    expect(standard.id).toBe(eventId);
    await atrium.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('retries a failing endpoint with backoff on the test clock, then succeeds', async () => {
    receiver.received.length = 0;
    receiver.status.code = 500;
    const endpoint = await atrium.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] });
    await atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type: 'balance.available', accountId: undefined, object: { object: 'balance' } }),
    );
    await atrium.app.atrium.jobs.runDue();
    expect(receiver.received).toHaveLength(1);

    await atrium.app.atrium.jobs.runDue();
    expect(receiver.received).toHaveLength(1);

    receiver.status.code = 204;
    await advance(backoffSeconds(1));
    expect(receiver.received).toHaveLength(2);
    const [row] = await atrium.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM webhook_deliveries WHERE endpoint_id = $1',
      [endpoint.id],
    );
    expect(row).toEqual({ status: 'succeeded', attempts: 2 });
    await atrium.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('sends a disabled endpoint nothing more, retries included, even after it is enabled again', async () => {
    receiver.received.length = 0;
    receiver.status.code = 500;
    const endpoint = await atrium.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] });
    await atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type: 'balance.available', accountId: undefined, object: { object: 'balance' } }),
    );
    await atrium.app.atrium.jobs.runDue();
    expect(receiver.received).toHaveLength(1);

    await atrium.stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
    receiver.status.code = 204;
    await advance(backoffSeconds(1) + backoffSeconds(2));
    await atrium.stripe.webhookEndpoints.update(endpoint.id, { disabled: false });
    await advance(backoffSeconds(3));
    expect(receiver.received).toHaveLength(1);
    const [row] = await atrium.db.query<{ status: string; last_error: string }>(
      'SELECT status, last_error FROM webhook_deliveries WHERE endpoint_id = $1',
      [endpoint.id],
    );
    expect(row).toEqual({ status: 'failed', last_error: 'endpoint disabled' });
    await atrium.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('gives up after the last attempt', async () => {
    receiver.status.code = 503;
    const endpoint = await atrium.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] });
    await atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type: 'balance.available', accountId: undefined, object: { object: 'balance' } }),
    );
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      await atrium.app.atrium.jobs.runDue();
      await advance(backoffSeconds(attempt));
    }
    const [row] = await atrium.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM webhook_deliveries WHERE endpoint_id = $1',
      [endpoint.id],
    );
    expect(row).toEqual({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
  });

  it('sends connected accounts’ events only to Connect endpoints', async () => {
    receiver.received.length = 0;
    receiver.status.code = 200;
    const platformOnly = await atrium.stripe.webhookEndpoints.create({
      url: `${receiver.url}?platform`,
      enabled_events: ['*'],
    });
    const connect = await atrium.stripe.webhookEndpoints.create({
      url: `${receiver.url}?connect`,
      enabled_events: ['*'],
      connect: true,
    });
    await atrium.db.query(
      `INSERT INTO accounts (id, created_at, type, country, default_currency) VALUES ('acct_hooks1', now(), 'custom', 'US', 'usd')`,
    );
    await atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type: 'account.updated', accountId: 'acct_hooks1', object: { id: 'acct_hooks1' } }),
    );
    await atrium.app.atrium.jobs.runDue();
    const rows = await atrium.db.query<{ endpoint_id: string }>(
      `SELECT endpoint_id FROM webhook_deliveries d JOIN events e ON e.id = d.event_id WHERE e.account_id = 'acct_hooks1'`,
    );
    expect(rows.map((row) => row.endpoint_id)).toEqual([connect.id]);
    expect(JSON.parse(receiver.received.at(-1)?.body ?? '{}')).toMatchObject({ account: 'acct_hooks1' });
    await atrium.stripe.webhookEndpoints.del(platformOnly.id);
    await atrium.stripe.webhookEndpoints.del(connect.id);
  });
});

describe('an event’s delivery state in the API', () => {
  let atrium: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    atrium = await startTestServer();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await atrium.close();
    receiver.server.close();
  });

  const record = (type: string) =>
    atrium.db.transaction('read committed', (tx) =>
      recordEvent(tx, { type, accountId: undefined, object: { id: 'po_1', object: 'payout' } }),
    );
  const listedIds = async (params: Stripe.EventListParams) =>
    (await atrium.stripe.events.list({ limit: 100, ...params })).data.map((event) => event.id);

  it('counts the webhooks not yet delivered in pending_webhooks, and filters by delivery_success', async () => {
    receiver.status.code = 500;
    await atrium.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['payout.paid'] });
    const sent = await record('payout.paid');
    const unsent = await record('payout.failed');
    expect((await atrium.stripe.events.retrieve(sent)).pending_webhooks).toBe(1);
    expect((await atrium.stripe.events.retrieve(unsent)).pending_webhooks).toBe(0);

    await atrium.app.atrium.jobs.runDue();
    expect(JSON.parse(receiver.received.at(-1)?.body ?? '{}')).toMatchObject({ id: sent, pending_webhooks: 1 });
    expect(await listedIds({ delivery_success: false })).toEqual([sent]);
    expect(await listedIds({ delivery_success: true })).toEqual([unsent]);

    receiver.status.code = 200;
    const response = await fetch(`${atrium.baseUrl}/v1/test_helpers/clock/advance`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${atrium.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seconds: backoffSeconds(1) }),
    });
    expect(response.status).toBe(200);
    expect(receiver.received).toHaveLength(2);
    const [listed] = (await atrium.stripe.events.list({ type: 'payout.paid' })).data;
    expect(listed).toMatchObject({ id: sent, pending_webhooks: 0 });
    expect(await listedIds({ delivery_success: false })).toEqual([]);
    expect(await listedIds({ delivery_success: true })).toEqual([unsent, sent]);
  });
});
