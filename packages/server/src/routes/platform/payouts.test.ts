import { nextPayoutDay } from '@atrium/core';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../ledger';
import {
  PAYS,
  US_BANK,
  advance,
  balanceOf,
  charge,
  clockTime,
  createSeller,
  platform,
} from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

describe('payouts through the stripe SDK', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    expect(await checkLedger(server.db)).toEqual([]);
    await server.close();
  });

  /**
   * A seller with `amount` available, from the platform's topped-up balance (topped up with more,
   * since the destination charges of other tests cost the platform their processing fees).
   */
  const fundedSeller = async (amount: number, options: Parameters<typeof createSeller>[1] = {}) => {
    const seller = await createSeller(server, options);
    await server.stripe.topups.create({ amount: amount + 10_000, currency: 'usd' });
    await advance(server, DAY);
    await server.stripe.transfers.create({ amount, currency: 'usd', destination: seller });
    return seller;
  };

  const payoutEvents = async (seller: string, payoutId: string) => {
    const events = await server.stripe.events.list({ limit: 100 }, { stripeAccount: seller });
    return events.data
      .filter((event) => (event.data.object as { id: string }).id === payoutId)
      .map((event) => event.type)
      .reverse();
  };

  it('moves a standard payout pending → in_transit after an hour → paid on its arrival date', async () => {
    const seller = await fundedSeller(20_000);
    const payout = await server.stripe.payouts.create({ amount: 15_000, currency: 'usd' }, { stripeAccount: seller });
    expect([payout.status, payout.method, payout.automatic, payout.amount]).toEqual([
      'pending',
      'standard',
      false,
      15_000,
    ]);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 5000, in_transit: 15_000 });
    const txn = await server.stripe.balanceTransactions.retrieve(
      payout.balance_transaction as string,
      {},
      { stripeAccount: seller },
    );
    expect([txn.type, txn.amount, txn.net, txn.source]).toEqual(['payout', -15_000, -15_000, payout.id]);

    await advance(server, HOUR);
    expect((await server.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller })).status).toBe('in_transit');
    const tooLate = await server.stripe.payouts
      .cancel(payout.id, {}, { stripeAccount: seller })
      .catch((e: unknown) => e);
    expect(tooLate).toMatchObject({ statusCode: 400, code: 'payout_not_cancelable' });
    // The clock answers in whole seconds, so one more second makes sure the arrival has passed.
    await advance(server, payout.arrival_date - (await clockTime(server)) + 1);
    expect((await server.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller })).status).toBe('paid');
    expect(await balanceOf(server, seller)).toMatchObject({ available: 5000, in_transit: 0 });
    expect(await payoutEvents(seller, payout.id)).toEqual([
      'payout.created',
      'payout.updated',
      'payout.paid',
      'payout.updated',
    ]);
  });

  it('cancels a pending standard payout and returns the money', async () => {
    const seller = await fundedSeller(5000);
    const payout = await server.stripe.payouts.create({ amount: 5000, currency: 'usd' }, { stripeAccount: seller });
    const canceled = await server.stripe.payouts.cancel(payout.id, {}, { stripeAccount: seller });
    expect(canceled.status).toBe('canceled');
    expect(await balanceOf(server, seller)).toMatchObject({ available: 5000, in_transit: 0 });
    const own = await server.stripe.balanceTransactions.list({ payout: payout.id }, { stripeAccount: seller });
    expect(own.data.map((item) => [item.type, item.amount]).sort()).toEqual([
      ['payout', -5000],
      ['payout_cancel', 5000],
    ]);
  });

  it('pays out instantly with a 1% fee (at least 0.50) that goes to the platform', async () => {
    const seller = await fundedSeller(30_000);
    const platformBefore = await balanceOf(server);
    const big = await server.stripe.payouts.create(
      { amount: 20_000, currency: 'usd', method: 'instant' },
      { stripeAccount: seller },
    );
    expect([big.method, big.application_fee_amount]).toEqual(['instant', 200]);
    const small = await server.stripe.payouts.create(
      { amount: 1000, currency: 'usd', method: 'instant' },
      { stripeAccount: seller },
    );
    expect(small.application_fee_amount).toBe(50);
    // The bank receives the amount less the fee; the fee waits in the platform's pending balance.
    expect(await balanceOf(server, seller)).toMatchObject({ available: 9000, in_transit: 19_800 + 950 });
    expect((await balanceOf(server)).pending - platformBefore.pending).toBe(250);
    await advance(server, 30 * 60);
    expect((await server.stripe.payouts.retrieve(big.id, {}, { stripeAccount: seller })).status).toBe('paid');
    const notCancelable = await server.stripe.payouts
      .cancel(small.id, {}, { stripeAccount: seller })
      .catch((e: unknown) => e);
    expect(notCancelable).toMatchObject({ statusCode: 400 });
  });

  it('refuses instant payouts to a bank that cannot take them', async () => {
    const seller = await fundedSeller(5000, { accountNumber: '000888888883' });
    const error = await server.stripe.payouts
      .create({ amount: 1000, currency: 'usd', method: 'instant' }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 400, code: 'instant_payouts_unsupported' });
    expect(await balanceOf(server, seller)).toMatchObject({ available: 5000, instant_available: 0 });
  });

  it('fails a payout to a closed account: the money comes back, the bank is errored, automatic payouts pause', async () => {
    const seller = await fundedSeller(8000, { accountNumber: '000111111113', schedule: { interval: 'daily' } });
    // The daily schedule pays the 80.00 out on the next day; the rail refuses it on arrival.
    await advance(server, DAY);
    const [payout] = (await server.stripe.payouts.list({}, { stripeAccount: seller })).data;
    expect(payout?.automatic).toBe(true);
    await advance(server, 3 * DAY);
    const failed = await server.stripe.payouts.retrieve(payout?.id ?? '', {}, { stripeAccount: seller });
    expect([failed.status, failed.failure_code]).toEqual(['failed', 'account_closed']);
    expect(failed.failure_balance_transaction).toMatch(/^txn_/);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 8000, in_transit: 0 });
    const account = await server.stripe.accounts.retrieve(seller);
    const bank = account.external_accounts?.data[0] as Stripe.BankAccount;
    expect(bank.status).toBe('errored');
    expect(await payoutEvents(seller, failed.id)).toContain('payout.failed');

    const manual = await server.stripe.payouts
      .create({ amount: 100, currency: 'usd' }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(manual).toMatchObject({ statusCode: 400, code: 'bank_account_unusable' });
    await advance(server, 2 * DAY);
    expect((await server.stripe.payouts.list({}, { stripeAccount: seller })).data).toHaveLength(1);

    await server.stripe.accounts.createExternalAccount(seller, {
      external_account: { object: 'bank_account', ...US_BANK, account_number: PAYS } as unknown as string,
      default_for_currency: true,
    });
    await advance(server, DAY);
    const [resumed] = (await server.stripe.payouts.list({}, { stripeAccount: seller })).data;
    expect([resumed?.automatic, resumed?.amount, resumed?.status]).toEqual([true, 8000, 'pending']);
  });

  it('pays out a balance above the largest payout automatically in parts, and the other accounts too', async () => {
    const daily = { schedule: { interval: 'daily' as const } };
    const large = await createSeller(server, daily);
    const small = await createSeller(server, daily);
    const max = 99_999_999;
    await server.stripe.topups.create({ amount: max, currency: 'usd' });
    await server.stripe.topups.create({ amount: max, currency: 'usd' });
    await server.stripe.topups.create({ amount: 20_000, currency: 'usd' });
    await advance(server, DAY);
    await server.stripe.transfers.create({ amount: max, currency: 'usd', destination: large });
    await server.stripe.transfers.create({ amount: max, currency: 'usd', destination: large });
    await server.stripe.transfers.create({ amount: 7000, currency: 'usd', destination: small });
    // A request may not ask for more than 999,999.99 at once...
    await expect(
      server.stripe.payouts.create({ amount: 2 * max, currency: 'usd' }, { stripeAccount: large }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'amount_too_large' });

    // ...but the schedule pays out everything available (in payouts of at most that much), and
    // every other account is paid as well.
    await advance(server, DAY);
    const sweep = (await server.stripe.payouts.list({}, { stripeAccount: large })).data;
    expect(sweep.map((payout) => [payout.automatic, payout.amount])).toEqual([
      [true, max],
      [true, max],
    ]);
    const [other] = (await server.stripe.payouts.list({}, { stripeAccount: small })).data;
    expect([other?.automatic, other?.amount]).toEqual([true, 7000]);
    expect(await balanceOf(server, large)).toMatchObject({ available: 0, in_transit: 2 * max });

    // As on Stripe, an automatic payout is the schedule's: it cannot be canceled, and nothing moves.
    const cancel = await server.stripe.payouts
      .cancel(other?.id ?? '', {}, { stripeAccount: small })
      .catch((caught: unknown) => caught);
    expect(cancel).toMatchObject({ statusCode: 400, code: 'payout_not_cancelable' });
    expect(await server.stripe.payouts.retrieve(other?.id ?? '', {}, { stripeAccount: small })).toMatchObject({
      status: 'pending',
    });
    expect(await balanceOf(server, small)).toMatchObject({ available: 0, in_transit: 7000 });
  });

  it('settles payouts now through the test helpers: fail with a code, or pay, only once', async () => {
    const helper = async (seller: string, path: string, body: object = {}) => {
      const response = await fetch(`${server.baseUrl}/v1/test_helpers/payouts/${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${server.secretKey}`,
          'Stripe-Account': seller,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const seller = await fundedSeller(6000);
    const first = await server.stripe.payouts.create({ amount: 2000, currency: 'usd' }, { stripeAccount: seller });
    const second = await server.stripe.payouts.create({ amount: 3000, currency: 'usd' }, { stripeAccount: seller });
    expect(await balanceOf(server, seller)).toMatchObject({ available: 1000, in_transit: 5000 });

    // The seller's bank pays (000123456789); the helper fails the payout all the same.
    const failed = await helper(seller, `${first.id}/fail`, { failure_code: 'insufficient_funds' });
    expect(failed.status).toBe(200);
    expect([failed.body['status'], failed.body['failure_code']]).toEqual(['failed', 'insufficient_funds']);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 3000, in_transit: 3000 });
    expect(await payoutEvents(seller, first.id)).toEqual(['payout.created', 'payout.failed', 'payout.updated']);
    const account = await server.stripe.accounts.retrieve(seller);
    expect((account.external_accounts?.data[0] as Stripe.BankAccount).status).toBe('errored');

    const paid = await helper(seller, `${second.id}/pay`);
    expect([paid.status, paid.body['status']]).toEqual([200, 'paid']);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 3000, in_transit: 0 });

    const again = await helper(seller, `${second.id}/fail`);
    expect([again.status, (again.body['error'] as { code?: string }).code]).toEqual([400, 'payout_already_settled']);
    const unknownCode = await helper(seller, `${second.id}/fail`, { failure_code: 'lost_in_the_post' });
    expect([unknownCode.status, (unknownCode.body['error'] as { param?: string }).param]).toEqual([
      400,
      'failure_code',
    ]);
    const otherSeller = await createSeller(server);
    expect((await helper(otherSeller, `${second.id}/pay`)).status).toBe(404);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 3000, in_transit: 0 });
  });

  it('fails a euro payout to a German IBAN whose last digits the rail refuses', async () => {
    const seller = await createSeller(server, { country: 'DE', accountNumber: 'DE49370400440000111116' });
    await charge(server, {
      amount: 5000,
      currency: 'eur',
      payment_method: 'pm_card_bypassPending',
      transfer_data: { destination: seller },
    });
    const payout = await server.stripe.payouts.create({ amount: 5000, currency: 'eur' }, { stripeAccount: seller });
    await advance(server, 3 * DAY);
    const failed = await server.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller });
    expect([failed.status, failed.failure_code]).toEqual(['failed', 'no_account']);
    expect(await balanceOf(server, seller, 'eur')).toMatchObject({ available: 5000, in_transit: 0 });
  });

  it('pays out a monthly schedule on its anchor day, on the last day of shorter months', async () => {
    const seller = await createSeller(server, { schedule: { interval: 'monthly', monthly_anchor: 31 } });
    const schedule = { interval: 'monthly' as const, monthly_anchor: 31, delay_days: 2 };
    const paidOn: Date[] = [];
    // Four months in a row always include one shorter than 31 days.
    for (let month = 0; month < 4; month += 1) {
      await charge(server, { payment_method: 'pm_card_bypassPending', transfer_data: { destination: seller } });
      const payoutDay = nextPayoutDay(schedule, await clockTime(server)) ?? 0;
      await advance(server, payoutDay - (await clockTime(server)) - HOUR);
      expect((await server.stripe.payouts.list({}, { stripeAccount: seller })).data).toHaveLength(month);
      await advance(server, 2 * HOUR);
      const payouts = (await server.stripe.payouts.list({}, { stripeAccount: seller })).data;
      expect(payouts).toHaveLength(month + 1);
      paidOn.push(new Date((payouts[0]?.created ?? 0) * 1000));
    }
    const lastDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    expect(paidOn.map((date) => date.getUTCDate())).toEqual(paidOn.map((date) => Math.min(31, lastDay(date))));
    expect(paidOn.some((date) => lastDay(date) < 31)).toBe(true);
  });

  it('pays out a weekly schedule only on its anchor day and lists what each payout paid out', async () => {
    const seller = await createSeller(server, { schedule: { interval: 'weekly', weekly_anchor: 'wednesday' } });
    const intent = await charge(server, {
      payment_method: 'pm_card_bypassPending',
      transfer_data: { destination: seller },
    });
    const wednesday =
      nextPayoutDay({ interval: 'weekly', weekly_anchor: 'wednesday', delay_days: 2 }, await clockTime(server)) ?? 0;
    await advance(server, wednesday - (await clockTime(server)) - HOUR);
    expect((await server.stripe.payouts.list({}, { stripeAccount: seller })).data).toHaveLength(0);
    await advance(server, 2 * HOUR);
    const [payout] = (await server.stripe.payouts.list({}, { stripeAccount: seller })).data;
    expect(new Date((payout?.created ?? 0) * 1000).getUTCDay()).toBe(3);
    const paidOut = await server.stripe.balanceTransactions.list(
      { payout: payout?.id ?? '' },
      { stripeAccount: seller },
    );
    expect(paidOut.data.map((item) => item.type).sort()).toEqual(['payment', 'payout']);
    expect(paidOut.data.find((item) => item.type === 'payment')?.source).toBe(intent.latest_charge);
    expect(paidOut.data.reduce((sum, item) => sum + item.net, 0)).toBe(0);
  });

  it('refuses payouts above the balance, for an account without payouts, and for the platform', async () => {
    const seller = await fundedSeller(1000);
    const over = await server.stripe.payouts
      .create({ amount: 1001, currency: 'usd' }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(over).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect(await balanceOf(server, seller)).toMatchObject({ available: 1000, in_transit: 0 });

    const unverified = await server.stripe.accounts.create({ type: 'custom', country: 'US' });
    const disabled = await server.stripe.payouts
      .create({ amount: 100, currency: 'usd' }, { stripeAccount: unverified.id })
      .catch((caught: unknown) => caught);
    expect(disabled).toMatchObject({ statusCode: 400, code: 'payouts_not_allowed' });
    const wrongCurrency = await server.stripe.payouts
      .create({ amount: 100, currency: 'eur' }, { stripeAccount: seller })
      .catch((caught: unknown) => caught);
    expect(wrongCurrency).toMatchObject({ statusCode: 400, code: 'currency_not_supported' });
    // The default bank account of the account's own currency stays: payouts always have one.
    const bank = (await server.stripe.accounts.retrieve(seller)).external_accounts?.data[0]?.id ?? '';
    const lastBank = await server.stripe.accounts.deleteExternalAccount(seller, bank).catch((e: unknown) => e);
    expect(lastBank).toMatchObject({ statusCode: 400, code: 'external_account_default' });
    expect(await balanceOf(server, seller)).toMatchObject({ available: 1000, in_transit: 0 });
    const forPlatform = await server.stripe.payouts.create({ amount: 100, currency: 'usd' }).catch((e: unknown) => e);
    expect(forPlatform).toMatchObject({ statusCode: 400, code: 'platform_payouts_unsupported' });
  });

  it('sends payout.updated with the old metadata, and none for an update that changes nothing', async () => {
    const seller = await fundedSeller(1000);
    const payout = await server.stripe.payouts.create(
      { amount: 1000, currency: 'usd', metadata: { batch: 'b-1' } },
      { stripeAccount: seller },
    );
    await server.stripe.payouts.update(payout.id, { metadata: { batch: 'b-2' } }, { stripeAccount: seller });
    await server.stripe.payouts.update(payout.id, { metadata: { batch: 'b-2' } }, { stripeAccount: seller });
    const updates = (
      await server.stripe.events.list({ type: 'payout.updated', limit: 100 }, { stripeAccount: seller })
    ).data.filter((event) => (event.data.object as { id: string }).id === payout.id);
    expect(updates.map((event) => event.data.previous_attributes)).toEqual([{ metadata: { batch: 'b-1' } }]);
  });

  it('says in previous_attributes all that a failure changed on the payout and on its bank account', async () => {
    const seller = await fundedSeller(1000);
    const [bank] = (await server.stripe.accounts.listExternalAccounts(seller)).data as Stripe.BankAccount[];
    const payout = await server.stripe.payouts.create({ amount: 1000, currency: 'usd' }, { stripeAccount: seller });
    const failed = await platform(server, 'POST', `/test_helpers/payouts/${payout.id}/fail`, {}, seller);
    expect(failed.status).toBe(200);
    const events = (await server.stripe.events.list({ limit: 100 }, { stripeAccount: seller })).data;
    const payoutUpdate = events.find(
      (event) => event.type === 'payout.updated' && (event.data.object as { id: string }).id === payout.id,
    );
    expect(payoutUpdate?.data.previous_attributes).toEqual({
      status: 'pending',
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
    });
    const bankUpdates = events.filter((event) => event.type === 'account.external_account.updated');
    expect(bankUpdates.map((event) => event.data.previous_attributes)).toEqual([{ status: bank?.status }]);
    expect(bank?.status).not.toBe('errored');
  });
});
