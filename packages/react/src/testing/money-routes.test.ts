import { AtriumApiError } from '@atrium/client';
import {
  accountSchema,
  balanceSchema,
  balanceTransactionSchema,
  bankAccountSchema,
  chargeSchema,
  listSchema,
  payoutQuoteSchema,
  payoutScheduleSchema,
  payoutSchema,
  refundSchema,
  transferSchema,
} from '@atrium/core';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from './fake-client';
import { buildPayoutHistory } from './fixtures';

const payouts = listSchema(payoutSchema);

describe('the canned money routes', () => {
  it('filter payouts by status, date and amount, and order them as asked', async () => {
    const client = createFakeClient();

    const failed = await client.get('/payouts', { query: { status: 'failed' }, schema: payouts });
    const large = await client.get('/payouts', { query: { amount: { gte: 100_000 } }, schema: payouts });
    const byAmount = await client.get('/payouts', { query: { order: 'amount_asc' }, schema: payouts });
    const lastWeek = await client.get('/payouts', {
      query: { created: { gte: 1_749_988_800 - 7 * 86_400, lte: 1_749_988_800 - 86_400 } },
      schema: payouts,
    });

    expect(failed.data.map((payout) => payout.status)).toEqual(['failed']);
    expect(large.data.map((payout) => payout.amount)).toEqual([250_000, 180_000]);
    expect(byAmount.data.map((payout) => payout.amount)).toEqual([20_000, 95_000, 180_000, 250_000]);
    expect(lastWeek.data.map((payout) => payout.amount)).toEqual([20_000, 180_000]);
  });

  it('read flat bracket parameters as a URL gives them, as well as nested ones', async () => {
    const client = createFakeClient();

    const flat = await client.get('/payouts', {
      query: { 'amount[lte]': '95000', order: 'amount_desc' },
      schema: payouts,
    });

    expect(flat.data.map((payout) => payout.amount)).toEqual([95_000, 20_000]);
  });

  it('page a long history in any order without repeating a payout', async () => {
    const client = createFakeClient({ data: { payouts: buildPayoutHistory(250) } });
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const list = await client.get('/payouts', {
        query: { limit: 100, order: 'amount_desc', starting_after: after },
        schema: payouts,
      });
      seen.push(...list.data.map((payout) => payout.id));
      after = list.data.at(-1)?.id;
    }

    expect(new Set(seen).size).toBe(250);
  });

  it('quote a payout: instant costs 1% with a minimum, standard nothing', async () => {
    const client = createFakeClient();

    const instant = await client.get('/payouts/quote', {
      query: { amount: 20_000, currency: 'usd', method: 'instant' },
      schema: payoutQuoteSchema,
    });
    const small = await client.get('/payouts/quote', {
      query: { amount: 1_000, currency: 'usd', method: 'instant' },
      schema: payoutQuoteSchema,
    });
    const standard = await client.get('/payouts/quote', {
      query: { amount: 20_000, currency: 'usd', method: 'standard' },
      schema: payoutQuoteSchema,
    });

    expect(instant).toMatchObject({ fee: 200, net: 19_800 });
    expect(small).toMatchObject({ fee: 50, net: 950 });
    expect(standard).toMatchObject({ fee: 0, net: 20_000 });
  });

  it('take a payout from the available balance into transit, and refuse one the balance cannot cover', async () => {
    const client = createFakeClient();

    await client.post('/payouts', { amount: 10_000, currency: 'usd', method: 'instant' }, { schema: payoutSchema });
    const balance = await client.get('/balance', { schema: balanceSchema });

    expect(balance.available[0]?.amount).toBe(1_224_567);
    expect(balance.instant_available?.[0]?.amount).toBe(990_000);
    expect(balance.in_transit?.[0]?.amount).toBe(260_000);
    await expect(client.post('/payouts', { amount: 5_000_000, currency: 'usd' })).rejects.toMatchObject({
      status: 400,
      code: 'balance_insufficient',
    });
  });

  it("list a payout's balance transactions", async () => {
    const client = createFakeClient();

    const list = await client.get('/balance_transactions', {
      query: { payout: 'po_1TestPayoutFailed00000000' },
      schema: listSchema(balanceTransactionSchema),
    });

    expect(list.data.map((txn) => txn.type)).toEqual(['payout', 'payout_failure']);
  });

  it('save a payout schedule into the account', async () => {
    const client = createFakeClient();

    const saved = await client.post(
      '/payout_schedule',
      { interval: 'monthly', monthly_anchor: 31 },
      { schema: payoutScheduleSchema },
    );
    const account = await client.get('/account', { schema: accountSchema });

    expect(saved).toEqual({ interval: 'monthly', monthly_anchor: 31, delay_days: 2 });
    expect(account.settings.payouts.schedule).toEqual(saved);
    await expect(client.post('/payout_schedule', { interval: 'hourly' })).rejects.toMatchObject({ status: 400 });
  });

  it('filter charges by card brand', async () => {
    const client = createFakeClient();

    const visa = await client.get('/charges', {
      query: { payment_method_brand: 'visa' },
      schema: listSchema(chargeSchema),
    });
    const amex = await client.get('/charges', {
      query: { payment_method_brand: 'amex' },
      schema: listSchema(chargeSchema),
    });

    expect(visa.data).toHaveLength(3);
    expect(amex.data).toHaveLength(0);
  });

  it('refund what remains of a charge, record it on the charge, and refuse to refund more', async () => {
    const client = createFakeClient();
    const id = 'ch_1TestChargeRefunded0000';

    const refund = await client.post('/refunds', { charge: id, reason: 'duplicate' }, { schema: refundSchema });
    const charge = await client.get(`/charges/${id}`, { schema: chargeSchema });

    expect(refund).toMatchObject({ amount: 25_000, reason: 'duplicate' });
    expect(charge).toMatchObject({ amount_refunded: 30_000, refunded: true });
    expect(charge.refunds?.data.map((item) => item.amount)).toEqual([25_000, 5_000]);
    await expect(client.post('/refunds', { charge: id, amount: 1 })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
    await expect(
      client.post('/refunds', { charge: 'ch_1TestCharge000000000000', amount: 12_501 }),
    ).rejects.toMatchObject({ code: 'amount_too_large' });
  });

  it('send a transfer to another account from the available balance, never to itself', async () => {
    const client = createFakeClient();

    const sent = await client.post(
      '/transfers',
      { destination: 'acct_1Other', amount: 1_000, currency: 'usd' },
      { schema: transferSchema },
    );
    const listed = await client.get('/transfers', { schema: listSchema(transferSchema) });

    expect(sent).toMatchObject({ destination: 'acct_1Other', source_account: 'acct_1AtriumTestAccount00' });
    expect(listed.data[0]?.id).toBe(sent.id);
    await expect(
      client.post('/transfers', { destination: 'acct_1AtriumTestAccount00', amount: 1, currency: 'usd' }),
    ).rejects.toBeInstanceOf(AtriumApiError);
  });
});

describe('the canned account routes', () => {
  it('answer the account with the canned bank accounts', async () => {
    const client = createFakeClient();

    const account = await client.get('/account', { schema: accountSchema });

    expect(account.external_accounts.data.map((bank) => bank.last4)).toEqual(['6789']);
  });

  it('add a bank account checked by the shared schema, and name the parameter at fault', async () => {
    const client = createFakeClient();
    const bank = { object: 'bank_account', country: 'US', currency: 'usd', routing_number: '110000000' };

    const added = await client.post(
      '/external_accounts',
      { external_account: { ...bank, account_number: '000888888883' }, default_for_currency: true },
      { schema: bankAccountSchema },
    );
    const account = await client.get('/account', { schema: accountSchema });

    expect(added).toMatchObject({ last4: '8883', default_for_currency: true, available_payout_methods: ['standard'] });
    expect(account.external_accounts.data.map((item) => [item.last4, item.default_for_currency])).toEqual([
      ['6789', false],
      ['8883', true],
    ]);
    await expect(
      client.post('/external_accounts', {
        external_account: { ...bank, routing_number: '123', account_number: '1234' },
      }),
    ).rejects.toMatchObject({ status: 400, param: 'external_account[routing_number]' });
  });

  it('make another bank account the default, and refuse to remove the default one', async () => {
    const client = createFakeClient();
    const added = await client.post(
      '/external_accounts',
      {
        external_account: {
          object: 'bank_account',
          country: 'US',
          currency: 'usd',
          routing_number: '110000000',
          account_number: '000123456789',
        },
      },
      { schema: bankAccountSchema },
    );

    await client.post(`/external_accounts/${added.id}`, { default_for_currency: true });

    await expect(client.delete(`/external_accounts/${added.id}`)).rejects.toMatchObject({
      code: 'external_account_default',
    });
    await expect(client.delete('/external_accounts/ba_1TestBankAccount0000000')).resolves.toMatchObject({
      deleted: true,
    });
  });
});
