import { isCurrency, nextPayoutDay } from '@atrium/core';
import type { Account, Balance, BalanceAmount, BankAccount, Currency, PayoutSchedule } from '@atrium/core';

/** What the balance holds in one currency, in minor units. */
export interface CurrencyBalance {
  currency: Currency;
  available: number;
  pending: number;
  inTransit: number;
  /** What an instant payout could send now; undefined where instant payouts do not apply. */
  instantAvailable: number | undefined;
}

const amountIn = (entries: readonly BalanceAmount[] | undefined, currency: string) =>
  entries?.filter((entry) => entry.currency === currency).reduce((sum, entry) => sum + entry.amount, 0);

/**
 * The balance per currency, the account's default currency first, then the others in the
 * order the API gave them. A currency appears once anything of it is available, pending or on
 * its way to the bank; a balance that holds nothing yet shows the default currency at zero.
 */
export function currencyBalances(balance: Balance, defaultCurrency: string): CurrencyBalance[] {
  const seen = [...balance.available, ...balance.pending, ...(balance.in_transit ?? [])].map((entry) => entry.currency);
  const currencies = [...new Set([defaultCurrency, ...seen])].filter(
    (currency): currency is Currency => isCurrency(currency) && (seen.includes(currency) || seen.length === 0),
  );
  return currencies.map((currency) => ({
    currency,
    available: amountIn(balance.available, currency) ?? 0,
    pending: amountIn(balance.pending, currency) ?? 0,
    inTransit: amountIn(balance.in_transit, currency) ?? 0,
    instantAvailable:
      balance.instant_available === undefined ? undefined : (amountIn(balance.instant_available, currency) ?? 0),
  }));
}

/** The bank account payouts in `currency` go to, if the account has one. */
export function payoutBankAccount(account: Account, currency: string): BankAccount | undefined {
  const banks = account.external_accounts.data.filter((bank) => bank.currency === currency);
  return banks.find((bank) => bank.default_for_currency === true) ?? banks[0];
}

/** Why payouts cannot happen now, if they cannot. */
export type PayoutBlock = 'payouts_disabled' | 'no_bank_account' | 'bank_account_errored';

export function payoutBlock(account: Account, currency: string): PayoutBlock | undefined {
  if (!account.payouts_enabled) return 'payouts_disabled';
  const bank = payoutBankAccount(account, currency);
  if (bank === undefined) return 'no_bank_account';
  return bank.status === 'errored' ? 'bank_account_errored' : undefined;
}

export type NextPayout =
  | { kind: 'manual' }
  | { kind: 'nothing_available' }
  | { kind: 'blocked'; reason: PayoutBlock }
  | { kind: 'scheduled'; amount: number; daySeconds: number };

/**
 * The next automatic payout in a currency: what is available now goes out on the schedule's next
 * payout day. A manual schedule has none, and neither has a balance that is zero or negative (a
 * negative one is recovered from later payments first).
 */
export function nextAutomaticPayout(
  schedule: PayoutSchedule,
  balance: CurrencyBalance,
  block: PayoutBlock | undefined,
  nowSeconds: number,
): NextPayout {
  if (schedule.interval === 'manual') return { kind: 'manual' };
  if (block !== undefined) return { kind: 'blocked', reason: block };
  if (balance.available <= 0) return { kind: 'nothing_available' };
  const day = nextPayoutDay(schedule, nowSeconds);
  return day === undefined ? { kind: 'manual' } : { kind: 'scheduled', amount: balance.available, daySeconds: day };
}
