import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, balanceOf, charge, clockTime, createSeller, platform } from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const DAY = 24 * 60 * 60;

describe('balances, balance transactions and application fees through the stripe SDK', () => {
  let server: TestServer;
  let seller: string;
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows an empty balance in the account currency, with instant_available and in_transit', async () => {
    const balance = await server.stripe.balance.retrieve({}, { stripeAccount: seller });
    expect(balance.available).toEqual([{ amount: 0, currency: 'usd' }]);
    expect(balance.pending).toEqual([{ amount: 0, currency: 'usd' }]);
    expect(balance.instant_available).toEqual([{ amount: 0, currency: 'usd' }]);
    expect((balance as unknown as { in_transit: unknown }).in_transit).toEqual([{ amount: 0, currency: 'usd' }]);
  });

  it('dates pending funds by the delay of each owner, and lists balance transactions by filter', async () => {
    // The clock answers in rounded seconds; a second earlier is surely before the charge.
    const start = (await clockTime(server)) - 1;
    const intent = await charge(server, {
      amount: 20_000,
      application_fee_amount: 2000,
      transfer_data: { destination: seller },
    });
    const chargeId = intent.latest_charge as string;
    const mine = await server.stripe.balanceTransactions.list({ source: chargeId }, { stripeAccount: seller });
    expect(mine.data.map((txn) => [txn.type, txn.amount, txn.fee, txn.net, txn.status])).toEqual([
      ['payment', 20_000, 2000, 18_000, 'pending'],
    ]);
    // Two days in the US, counted from midnight UTC.
    const midnight = Math.floor((mine.data[0]?.created ?? 0) / DAY) * DAY;
    expect(mine.data[0]?.available_on).toBe(midnight + 2 * DAY);

    const platformSide = await server.stripe.balanceTransactions.list({ created: { gte: start }, limit: 100 });
    expect(platformSide.data.map((txn) => [txn.type, txn.net]).sort()).toEqual([
      ['application_fee', 2000],
      ['charge', 19_390],
      ['transfer', -20_000],
    ]);
    const onlyFees = await server.stripe.balanceTransactions.list({ type: 'application_fee', created: { gte: start } });
    expect(onlyFees.data.map((txn) => txn.amount)).toEqual([2000]);

    await advance(server, 3 * DAY);
    const released = await server.stripe.balanceTransactions.retrieve(
      mine.data[0]?.id ?? '',
      {},
      { stripeAccount: seller },
    );
    expect(released.status).toBe('available');
    const events = await server.stripe.events.list({ type: 'balance.available' }, { stripeAccount: seller });
    expect(events.data.length).toBeGreaterThan(0);
  });

  it('dates a charge by the delay_days the account chose', async () => {
    await server.stripe.accounts.update(seller, { settings: { payouts: { schedule: { delay_days: 5 } } } });
    const intent = await charge(server, { amount: 5000, transfer_data: { destination: seller } });
    const [txn] = (
      await server.stripe.balanceTransactions.list(
        { source: intent.latest_charge as string },
        { stripeAccount: seller },
      )
    ).data;
    expect(txn?.available_on).toBe(Math.floor((txn?.created ?? 0) / DAY) * DAY + 5 * DAY);
    await server.stripe.accounts.update(seller, { settings: { payouts: { schedule: { delay_days: 2 } } } });
  });

  it('expands a payment intent to its charge and that charge to its balance transaction', async () => {
    const intent = await charge(server, { amount: 5000 });
    const expanded = await server.stripe.paymentIntents.retrieve(intent.id, {
      expand: ['latest_charge.balance_transaction'],
    });
    const latest = expanded.latest_charge as Stripe.Charge;
    expect(latest.id).toBe(intent.latest_charge);
    expect((latest.balance_transaction as Stripe.BalanceTransaction).fee).toBe(175);
    const listed = await server.stripe.charges.list({
      payment_intent: intent.id,
      expand: ['data.balance_transaction'],
    });
    expect((listed.data[0]?.balance_transaction as Stripe.BalanceTransaction).net).toBe(4825);
    const pages = [];
    for await (const item of server.stripe.paymentIntents.list({ limit: 1 })) pages.push(item.id);
    expect(pages).toContain(intent.id);
    expect(new Set(pages).size).toBe(pages.length);
  });

  it("expands a balance transaction's source, and only into objects the viewer may read", async () => {
    const seller = await createSeller(server);
    const direct = await charge(
      server,
      { amount: 4000, payment_method: 'pm_card_bypassPending' },
      { stripeAccount: seller },
    );
    const destination = await charge(server, {
      amount: 3000,
      payment_method: 'pm_card_bypassPending',
      transfer_data: { destination: seller },
    });
    const sellerView = { stripeAccount: seller };
    const listed = await server.stripe.balanceTransactions.list({ limit: 10, expand: ['data.source'] }, sellerView);
    expect(new Set(listed.data.map((txn) => txn.balance_type))).toEqual(new Set(['payments']));
    const sources = listed.data.map((txn) => txn.source as string | { id: string; object: string });
    // The direct charge is the seller's own; the destination charge is the platform's, so it stays an id.
    expect(sources).toContainEqual(expect.objectContaining({ id: direct.latest_charge, object: 'charge' }));
    expect(sources).toContain(destination.latest_charge);

    const platformTxn = (await server.stripe.charges.retrieve(destination.latest_charge as string)).balance_transaction;
    const expanded = await server.stripe.balanceTransactions.retrieve(platformTxn as string, {
      expand: ['source.payment_intent'],
    });
    const source = expanded.source as Stripe.Charge;
    expect([source.id, (source.payment_intent as Stripe.PaymentIntent).id]).toEqual([
      destination.latest_charge,
      destination.id,
    ]);

    // The transfer to the seller, seen by the seller, does not expand into the platform's charge.
    const transferId = (await server.stripe.charges.retrieve(destination.latest_charge as string)).transfer as string;
    const asSeller = await server.stripe.transfers.retrieve(
      transferId,
      { expand: ['source_transaction', 'balance_transaction'] },
      sellerView,
    );
    expect(typeof asSeller.source_transaction).toBe('string');
  });

  it('lists, retrieves and refunds application fees, part then the rest', async () => {
    const intent = await charge(
      server,
      { amount: 10_000, application_fee_amount: 1500, payment_method: 'pm_card_bypassPending' },
      { stripeAccount: seller },
    );
    const chargeId = intent.latest_charge as string;
    const [fee] = (await server.stripe.applicationFees.list({ charge: chargeId })).data;
    expect([fee?.amount, fee?.account, fee?.refunded]).toEqual([1500, seller, false]);
    await server.stripe.topups.create({ amount: 5000, currency: 'usd' });
    await advance(server, DAY);

    const sellerBefore = await balanceOf(server, seller);
    const platformBefore = await balanceOf(server);
    const part = await server.stripe.applicationFees.createRefund(fee?.id ?? '', { amount: 500 });
    expect([part.amount, part.fee]).toEqual([500, fee?.id]);
    const rest = await server.stripe.applicationFees.createRefund(fee?.id ?? '');
    expect(rest.amount).toBe(1000);
    expect((await balanceOf(server, seller)).available).toBe(sellerBefore.available + 1500);
    expect((await balanceOf(server)).available).toBe(platformBefore.available - 1500);
    const refunded = await server.stripe.applicationFees.retrieve(fee?.id ?? '');
    expect([refunded.amount_refunded, refunded.refunded, refunded.refunds.data.length]).toEqual([1500, true, 2]);
    const paged = await server.stripe.applicationFees.listRefunds(fee?.id ?? '', { limit: 1 }).autoPagingToArray({
      limit: 10,
    });
    expect(paged.map((refund) => refund.id)).toEqual([rest.id, part.id]);
    const expanded = await server.stripe.applicationFees.retrieveRefund(fee?.id ?? '', part.id, {
      expand: ['balance_transaction', 'fee'],
    });
    expect([
      (expanded.balance_transaction as Stripe.BalanceTransaction).amount,
      (expanded.fee as Stripe.ApplicationFee).id,
    ]).toEqual([-500, fee?.id]);
    const again = await server.stripe.applicationFees.createRefund(fee?.id ?? '').catch((error: unknown) => error);
    expect(again).toMatchObject({ statusCode: 400, code: 'application_fee_already_refunded' });
    const onAccount = await server.stripe.applicationFees
      .list({}, { stripeAccount: seller })
      .catch((error: unknown) => error);
    expect(onAccount).toMatchObject({ statusCode: 400, code: 'platform_account_required' });
    const events = await server.stripe.events.list({ type: 'application_fee.refunded' });
    expect(events.data).toHaveLength(2);
  });

  it('charges the processing fee the platform configured, per currency', async () => {
    const changed = await platform(server, 'POST', '/platform_settings', {
      processing_fees: { default: { bps: 290, fixed_minor: 30 }, by_currency: { usd: { bps: 150, fixed_minor: 0 } } },
    });
    expect(changed.status).toBe(200);
    const intent = await charge(server, { amount: 10_000 });
    const found = await server.stripe.charges.retrieve(intent.latest_charge as string, {
      expand: ['balance_transaction'],
    });
    expect((found.balance_transaction as Stripe.BalanceTransaction).fee).toBe(150);
    await platform(server, 'POST', '/platform_settings', {
      processing_fees: { default: { bps: 290, fixed_minor: 30 }, by_currency: {} },
    });
  });
});

describe("a balance's currencies", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("shows a new account's balance in its own currency, and the platform's every currency in order", async () => {
    const german = await createSeller(server, { country: 'DE' });
    const empty = await server.stripe.balance.retrieve({}, { stripeAccount: german });
    expect(empty.available).toEqual([{ amount: 0, currency: 'eur' }]);

    const american = await createSeller(server);
    await charge(server, { amount: 10_000, currency: 'usd', transfer_data: { destination: american } });
    await charge(server, { amount: 5_000, currency: 'eur', transfer_data: { destination: german } });
    const platformBalance = await server.stripe.balance.retrieve();
    expect(platformBalance.pending.map((amount) => amount.currency)).toEqual(['eur', 'usd']);
    expect(platformBalance.available.map((amount) => amount.currency)).toEqual(['eur', 'usd']);
    const germanBalance = await server.stripe.balance.retrieve({}, { stripeAccount: german });
    expect(germanBalance.pending).toEqual([{ amount: 5_000, currency: 'eur' }]);
  });
});
