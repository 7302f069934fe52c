import type { MoneyKey } from '../money-tables/use-money-i18n';

/** What the user can do about a failed payout. */
type Remedy = 'newBank' | 'checkDetails' | 'contactBank' | 'tryAgain' | 'currency';

/** Stripe's payout failure codes: what happened, and what fixes it. */
const FAILURES: Readonly<Record<string, { reason: MoneyKey; remedy: Remedy }>> = {
  account_closed: { reason: 'money.payoutFailure.account_closed', remedy: 'newBank' },
  account_frozen: { reason: 'money.payoutFailure.account_frozen', remedy: 'contactBank' },
  bank_account_restricted: { reason: 'money.payoutFailure.bank_account_restricted', remedy: 'contactBank' },
  bank_ownership_changed: { reason: 'money.payoutFailure.bank_ownership_changed', remedy: 'newBank' },
  could_not_process: { reason: 'money.payoutFailure.could_not_process', remedy: 'tryAgain' },
  debit_not_authorized: { reason: 'money.payoutFailure.debit_not_authorized', remedy: 'contactBank' },
  declined: { reason: 'money.payoutFailure.declined', remedy: 'contactBank' },
  incorrect_account_holder_name: {
    reason: 'money.payoutFailure.incorrect_account_holder_name',
    remedy: 'checkDetails',
  },
  insufficient_funds: { reason: 'money.payoutFailure.insufficient_funds', remedy: 'contactBank' },
  invalid_account_number: { reason: 'money.payoutFailure.invalid_account_number', remedy: 'checkDetails' },
  invalid_currency: { reason: 'money.payoutFailure.invalid_currency', remedy: 'currency' },
  no_account: { reason: 'money.payoutFailure.no_account', remedy: 'checkDetails' },
};

const REMEDIES: Record<Remedy, MoneyKey> = {
  newBank: 'money.payoutFailure.remedy.newBank',
  checkDetails: 'money.payoutFailure.remedy.checkDetails',
  contactBank: 'money.payoutFailure.remedy.contactBank',
  tryAgain: 'money.payoutFailure.remedy.tryAgain',
  currency: 'money.payoutFailure.remedy.currency',
};

/** Why a payout failed and what to do about it, as catalog keys; a generic pair for codes we do not know. */
export function payoutFailureHelp(code: string | null): { reason: MoneyKey; remedy: MoneyKey } {
  const known = code === null ? undefined : FAILURES[code];
  if (known === undefined) return { reason: 'money.payoutFailure.unknown', remedy: REMEDIES.contactBank };
  return { reason: known.reason, remedy: REMEDIES[known.remedy] };
}
