import { describe, expect, it } from 'vitest';
import { buildAccount, buildBalance, buildBankAccount, buildList, FIXTURE_NOW_SECONDS } from '../../testing/fixtures';
import { currencyBalances, nextAutomaticPayout, payoutBankAccount, payoutBlock } from './balance-model';

const DAY = 86_400;

describe('currencyBalances', () => {
  it('puts the default currency first and sums each kind of balance per currency', () => {
    const balance = buildBalance({
      available: [
        { amount: 500, currency: 'eur' },
        { amount: 1_000, currency: 'usd' },
      ],
      pending: [{ amount: 200, currency: 'usd' }],
      in_transit: [{ amount: 300, currency: 'eur' }],
      instant_available: [{ amount: 400, currency: 'usd' }],
    });

    expect(currencyBalances(balance, 'usd')).toEqual([
      { currency: 'usd', available: 1_000, pending: 200, inTransit: 0, instantAvailable: 400 },
      { currency: 'eur', available: 500, pending: 0, inTransit: 300, instantAvailable: 0 },
    ]);
  });

  it('leaves out the default currency when the balance holds none of it', () => {
    const balance = buildBalance({
      available: [{ amount: 5, currency: 'gbp' }],
      pending: [],
      in_transit: [],
      instant_available: undefined,
    });

    expect(currencyBalances(balance, 'usd')).toEqual([
      { currency: 'gbp', available: 5, pending: 0, inTransit: 0, instantAvailable: undefined },
    ]);
  });

  it('shows the default currency at zero when the balance holds nothing yet', () => {
    const balance = buildBalance({ available: [], pending: [], in_transit: undefined, instant_available: undefined });

    expect(currencyBalances(balance, 'eur')).toEqual([
      { currency: 'eur', available: 0, pending: 0, inTransit: 0, instantAvailable: undefined },
    ]);
  });
});

describe('payout bank account and blocks', () => {
  const usd = buildBankAccount({ id: 'ba_1Usd', default_for_currency: false });
  const usdDefault = buildBankAccount({ id: 'ba_1UsdDefault', default_for_currency: true });
  const account = (banks = [usd, usdDefault], payoutsEnabled = true) =>
    buildAccount({
      payouts_enabled: payoutsEnabled,
      external_accounts: { ...buildList(banks, '/v1/accounts/acct_1/external_accounts'), total_count: banks.length },
    });

  it('pays out to the default bank account of the currency', () => {
    expect(payoutBankAccount(account(), 'usd')?.id).toBe('ba_1UsdDefault');
    expect(payoutBankAccount(account(), 'eur')).toBeUndefined();
  });

  it('says why payouts cannot happen', () => {
    expect(payoutBlock(account(), 'usd')).toBeUndefined();
    expect(payoutBlock(account([usd], false), 'usd')).toBe('payouts_disabled');
    expect(payoutBlock(account([]), 'usd')).toBe('no_bank_account');
    expect(payoutBlock(account([{ ...usdDefault, status: 'errored' }]), 'usd')).toBe('bank_account_errored');
  });
});

describe('nextAutomaticPayout', () => {
  const balance = {
    currency: 'usd' as const,
    available: 10_000,
    pending: 0,
    inTransit: 0,
    instantAvailable: undefined,
  };

  it('sends what is available on the next payout day of the schedule', () => {
    const next = nextAutomaticPayout({ interval: 'daily', delay_days: 2 }, balance, undefined, FIXTURE_NOW_SECONDS);

    expect(next).toEqual({ kind: 'scheduled', amount: 10_000, daySeconds: FIXTURE_NOW_SECONDS - 12 * 3600 + DAY });
  });

  it('has none for a manual schedule, a balance at or below zero, or blocked payouts', () => {
    expect(nextAutomaticPayout({ interval: 'manual', delay_days: 2 }, balance, undefined, FIXTURE_NOW_SECONDS)).toEqual(
      { kind: 'manual' },
    );
    expect(
      nextAutomaticPayout(
        { interval: 'weekly', weekly_anchor: 'friday', delay_days: 2 },
        { ...balance, available: -1 },
        undefined,
        FIXTURE_NOW_SECONDS,
      ),
    ).toEqual({ kind: 'nothing_available' });
    expect(
      nextAutomaticPayout({ interval: 'daily', delay_days: 2 }, balance, 'bank_account_errored', FIXTURE_NOW_SECONDS),
    ).toEqual({
      kind: 'blocked',
      reason: 'bank_account_errored',
    });
  });
});
