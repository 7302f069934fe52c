import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../ledger';
import { advance, balanceOf, charge, createSeller, platform } from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const DAY = 24 * 60 * 60;

describe('transfers, reversals and top-ups through the stripe SDK', () => {
  let server: TestServer;
  let seller: string;
  let other: string;
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
    other = await createSeller(server);
    // The platform's money comes from a top-up, available once the bank debit settles.
    const topup = await server.stripe.topups.create({ amount: 50_000, currency: 'usd', description: 'Float' });
    expect(topup.status).toBe('pending');
    expect(await balanceOf(server)).toMatchObject({ pending: 50_000, available: 0 });
    await advance(server, DAY);
    expect((await server.stripe.topups.retrieve(topup.id)).status).toBe('succeeded');
    expect(await balanceOf(server)).toMatchObject({ pending: 0, available: 50_000 });
  });
  afterAll(async () => {
    expect(await checkLedger(server.db)).toEqual([]);
    await server.close();
  });

  const transferCount = async () =>
    (await server.db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM transfers'))[0]?.n;

  it('moves money from the platform to a seller, available to it at once', async () => {
    const before = await balanceOf(server);
    const transfer = await server.stripe.transfers.create({
      amount: 12_000,
      currency: 'usd',
      destination: seller,
      description: 'Week 12',
      metadata: { order: '95' },
    });
    expect([transfer.amount, transfer.destination, transfer.reversed]).toEqual([12_000, seller, false]);
    expect((transfer as unknown as { source_account: string | null }).source_account).toBeNull();
    expect((await balanceOf(server)).available).toBe(before.available - 12_000);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 12_000, pending: 0 });
    const txn = await server.stripe.balanceTransactions.retrieve(transfer.balance_transaction as string);
    expect([txn.type, txn.amount, txn.net, txn.status]).toEqual(['transfer', -12_000, -12_000, 'available']);
    const events = await server.stripe.events.list({ type: 'transfer.created' });
    expect(events.data.some((event) => (event.data.object as { id: string }).id === transfer.id)).toBe(true);
  });

  it('refuses a transfer above the available balance with balance_insufficient and moves nothing', async () => {
    const before = [await balanceOf(server), await balanceOf(server, seller), await transferCount()];
    const error = await server.stripe.transfers
      .create({ amount: 10_000_000, currency: 'usd', destination: seller })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect([await balanceOf(server), await balanceOf(server, seller), await transferCount()]).toEqual(before);
  });

  it('refuses destinations that are not connected, cannot receive, or cannot settle the currency', async () => {
    const unable = await createSeller(server, { transfers: false });
    const before = [await balanceOf(server), await transferCount()];
    const cases: [Stripe.TransferCreateParams, string, string][] = [
      [{ amount: 100, currency: 'usd', destination: 'acct_doesnotexist' }, 'destination', 'resource_missing'],
      [{ amount: 100, currency: 'usd', destination: unable }, 'destination', 'insufficient_capabilities_for_transfer'],
      [{ amount: 100, currency: 'eur', destination: seller }, 'currency', 'currency_not_supported'],
      [{ amount: 0, currency: 'usd', destination: seller }, 'amount', 'amount_too_small'],
      [{ amount: 100_000_000, currency: 'usd', destination: seller }, 'amount', 'amount_too_large'],
    ];
    for (const [params, param, code] of cases) {
      const error = await server.stripe.transfers.create(params).catch((caught: unknown) => caught);
      expect(error, code).toMatchObject({ statusCode: 400, param, code });
    }
    expect([await balanceOf(server), await transferCount()]).toEqual(before);
  });

  it('reverses part of a transfer, then the rest, and no more', async () => {
    const transfer = await server.stripe.transfers.create({ amount: 3000, currency: 'usd', destination: other });
    const platformBefore = await balanceOf(server);
    const partial = await server.stripe.transfers.createReversal(transfer.id, { amount: 1000 });
    expect(partial.amount).toBe(1000);
    expect(await balanceOf(server, other)).toMatchObject({ available: 2000 });
    const rest = await server.stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(2000);
    const reversed = await server.stripe.transfers.retrieve(transfer.id);
    expect([reversed.amount_reversed, reversed.reversed, reversed.reversals.data.length]).toEqual([3000, true, 2]);
    expect(await balanceOf(server, other)).toMatchObject({ available: 0 });
    expect((await balanceOf(server)).available).toBe(platformBefore.available + 3000);
    const again = await server.stripe.transfers.createReversal(transfer.id).catch((caught: unknown) => caught);
    expect(again).toMatchObject({ statusCode: 400, code: 'transfer_already_reversed' });
  });

  it('lets a reversal take a seller below zero, which later money covers', async () => {
    const victim = await createSeller(server);
    const transfer = await server.stripe.transfers.create({ amount: 2000, currency: 'usd', destination: victim });
    await server.stripe.payouts.create({ amount: 1500, currency: 'usd' }, { stripeAccount: victim });
    await server.stripe.transfers.createReversal(transfer.id);
    expect(await balanceOf(server, victim)).toMatchObject({ available: -1500, in_transit: 1500 });
    await server.stripe.transfers.create({ amount: 2000, currency: 'usd', destination: victim });
    expect(await balanceOf(server, victim)).toMatchObject({ available: 500 });
  });

  it('transfers between connected accounts only when the platform allows it', async () => {
    const refused = await server.stripe.transfers
      .create({ amount: 500, currency: 'usd', destination: other }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ statusCode: 400, code: 'transfers_not_allowed' });

    const enabled = await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: true });
    expect(enabled.body).toMatchObject({ account_transfers_enabled: true });
    const sellerBefore = await balanceOf(server, seller);
    const otherBefore = await balanceOf(server, other);
    const transfer = await server.stripe.transfers.create(
      { amount: 500, currency: 'usd', destination: other },
      { stripeAccount: seller },
    );
    expect((transfer as unknown as { source_account: string }).source_account).toBe(seller);
    expect((await balanceOf(server, seller)).available).toBe(sellerBefore.available - 500);
    expect((await balanceOf(server, other)).available).toBe(otherBefore.available + 500);

    const toSelf = await server.stripe.transfers
      .create({ amount: 1, currency: 'usd', destination: seller }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(toSelf).toMatchObject({ statusCode: 400, param: 'destination' });
    const overdraw = await server.stripe.transfers
      .create({ amount: 10_000_000, currency: 'usd', destination: other }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(overdraw).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });

    const listed = await server.stripe.transfers.list({ limit: 100 }, { stripeAccount: other });
    expect(listed.data.map((item) => item.id)).toContain(transfer.id);
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: false });
  });

  it("pages through a transfer's reversals and expands them, as the SDK's auto-pagination does", async () => {
    const transfer = await server.stripe.transfers.create({ amount: 300, currency: 'usd', destination: seller });
    for (let index = 0; index < 3; index += 1)
      await server.stripe.transfers.createReversal(transfer.id, { amount: 100 });
    const all = await server.stripe.transfers.listReversals(transfer.id, { limit: 1 }).autoPagingToArray({ limit: 10 });
    expect(all.map((reversal) => reversal.amount)).toEqual([100, 100, 100]);
    expect(new Set(all.map((reversal) => reversal.id)).size).toBe(3);
    const expanded = await server.stripe.transfers.listReversals(transfer.id, {
      expand: ['data.balance_transaction'],
    });
    expect(expanded.data.map((reversal) => (reversal.balance_transaction as Stripe.BalanceTransaction).object)).toEqual(
      ['balance_transaction', 'balance_transaction', 'balance_transaction'],
    );
    await expect(server.stripe.transfers.listReversals(transfer.id, { expand: ['data.bogus'] })).rejects.toMatchObject({
      statusCode: 400,
      param: 'expand',
    });
  });

  it("refunds the charge's application fee with a reversal when asked: all of it, or its share", async () => {
    const account = await createSeller(server);
    const destinationCharge = async () => {
      const intent = await charge(server, {
        amount: 10_000,
        application_fee_amount: 1000,
        payment_method: 'pm_card_bypassPending',
        transfer_data: { destination: account },
      });
      return server.stripe.charges.retrieve(intent.latest_charge as string);
    };
    const whole = await destinationCharge();
    expect(await balanceOf(server, account)).toMatchObject({ available: 9000 });
    await server.stripe.transfers.createReversal(whole.transfer as string, { refund_application_fee: true });
    const wholeFee = await server.stripe.applicationFees.retrieve(whole.application_fee as string);
    expect([wholeFee.amount_refunded, wholeFee.refunded]).toEqual([1000, true]);
    // The account gave back the 10,000 it received and got the 1,000 fee back.
    expect(await balanceOf(server, account)).toMatchObject({ available: 0 });

    const part = await destinationCharge();
    await server.stripe.transfers.createReversal(part.transfer as string, {
      amount: 2500,
      refund_application_fee: true,
    });
    await server.stripe.transfers.createReversal(part.transfer as string, {
      amount: 2500,
      refund_application_fee: true,
    });
    const partFee = await server.stripe.applicationFees.retrieve(part.application_fee as string);
    expect([partFee.amount_refunded, partFee.refunds.data.map((refund) => refund.amount)]).toEqual([500, [250, 250]]);

    const plain = await server.stripe.transfers.create({ amount: 100, currency: 'usd', destination: account });
    const refusal = await server.stripe.transfers
      .createReversal(plain.id, { refund_application_fee: true })
      .catch((caught: unknown) => caught);
    expect(refusal).toMatchObject({ statusCode: 400, param: 'refund_application_fee' });
    expect((await server.stripe.transfers.retrieve(plain.id)).amount_reversed).toBe(0);
  });

  it('lets no rejected or restricted account send its balance to another account', async () => {
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: true });
    const rejected = await createSeller(server);
    const listed = await createSeller(server);
    for (const account of [rejected, listed]) {
      await server.stripe.transfers.create({ amount: 1000, currency: 'usd', destination: account });
    }
    await server.stripe.accounts.reject(rejected, { reason: 'fraud' });
    // A date of birth on the identity simulator's watch list restricts the account.
    await server.stripe.accounts.update(listed, { individual: { dob: { day: 1, month: 1, year: 1900 } } });
    await advance(server, 60 * 60);
    expect((await server.stripe.accounts.retrieve(listed)).requirements?.disabled_reason).toBe('listed');

    const count = await transferCount();
    for (const [account, state] of [
      [rejected, 'rejected'],
      [listed, 'inactive'],
    ] as const) {
      const refusal = await server.stripe.transfers
        .create({ amount: 1000, currency: 'usd', destination: other }, { stripeAccount: account })
        .catch((caught: unknown) => caught);
      expect(refusal).toMatchObject({
        statusCode: 400,
        code: 'insufficient_capabilities_for_transfer',
        message: `Account ${account} needs the transfers capability active to send funds; it is ${state}.`,
      });
      expect(await balanceOf(server, account)).toMatchObject({ available: 1000 });
    }
    expect(await transferCount()).toBe(count);
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: false });
  });

  it('keeps top-ups pending for a day, with a pending balance transaction', async () => {
    const topup = await server.stripe.topups.create({ amount: 1000, currency: 'usd' });
    const txn = await server.stripe.balanceTransactions.retrieve(topup.balance_transaction as string);
    expect([txn.type, txn.status, txn.available_on]).toEqual(['topup', 'pending', topup.expected_availability_date]);
    await advance(server, DAY);
    expect((await server.stripe.balanceTransactions.retrieve(txn.id)).status).toBe('available');
    const events = await server.stripe.events.list({ type: 'topup.succeeded' });
    expect(events.data.some((event) => (event.data.object as { id: string }).id === topup.id)).toBe(true);
    const forAccount = await server.stripe.topups
      .create({ amount: 1000, currency: 'usd' }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(forAccount).toMatchObject({ statusCode: 400, code: 'platform_account_required' });
  });

  it('cancels a pending top-up: its funds leave pending, nothing becomes available, and it cannot settle', async () => {
    const before = await balanceOf(server);
    const topup = await server.stripe.topups.create({ amount: 2500, currency: 'usd', description: 'Mistake' });
    expect(await balanceOf(server)).toMatchObject({ pending: before.pending + 2500, available: before.available });

    const described = await server.stripe.topups.update(topup.id, {
      description: 'Typed twice',
      metadata: { batch: '7' },
    });
    expect([described.description, described.metadata, described.status]).toEqual([
      'Typed twice',
      { batch: '7' },
      'pending',
    ]);
    const canceled = await server.stripe.topups.cancel(topup.id);
    expect(canceled).toMatchObject({ id: topup.id, status: 'canceled', amount: 2500 });
    expect(await balanceOf(server)).toMatchObject({ pending: before.pending, available: before.available });
    const txns = await server.stripe.balanceTransactions.list({ source: topup.id });
    expect(txns.data.map((txn) => [txn.type, txn.amount, txn.status, txn.reporting_category]).sort()).toEqual([
      ['topup', 2500, 'available', 'topup'],
      ['topup_reversal', -2500, 'available', 'topup_reversal'],
    ]);
    const reversals = await server.stripe.balanceTransactions.list({ type: 'topup_reversal', limit: 100 });
    expect(reversals.data.map((txn) => [txn.type, txn.source])).toContainEqual(['topup_reversal', topup.id]);
    expect(reversals.data.every((txn) => txn.type === 'topup_reversal')).toBe(true);
    const events = await server.stripe.events.list({ type: 'topup.canceled' });
    expect(events.data.map((event) => (event.data.object as { id: string }).id)).toContain(topup.id);

    // Canceled once: again, or after the day the debit would have settled, it stays as it is.
    const again = await server.stripe.topups.cancel(topup.id).catch((caught: unknown) => caught);
    expect(again).toMatchObject({ statusCode: 400, code: 'topup_not_cancelable' });
    await advance(server, DAY);
    expect((await server.stripe.topups.retrieve(topup.id)).status).toBe('canceled');
    expect(await balanceOf(server)).toMatchObject({ pending: before.pending, available: before.available });

    // A top-up that settled, or whose bank debit is due, cannot be called off.
    const settled = await server.stripe.topups.create({ amount: 700, currency: 'usd' });
    await advance(server, DAY);
    const late = await server.stripe.topups.cancel(settled.id).catch((caught: unknown) => caught);
    expect(late).toMatchObject({ statusCode: 400, code: 'topup_not_cancelable' });
    const unknown = await server.stripe.topups.cancel('tu_missing').catch((caught: unknown) => caught);
    expect(unknown).toMatchObject({ statusCode: 404 });
    expect(await checkLedger(server.db)).toEqual([]);
  });
});
