/**
 * The test-mode payout rail: which bank accounts receive payouts and which fail, and how. It uses
 * Stripe's published US test account numbers (routing 110000000) and extends the same rule to every
 * country: the last six digits of the account number (or IBAN) choose the outcome, so each country
 * has working and failing test accounts. Every value is listed in docs/test-values.md.
 */

export type PayoutFailureCode =
  | 'no_account'
  | 'account_closed'
  | 'insufficient_funds'
  | 'debit_not_authorized'
  | 'invalid_currency'
  | 'invalid_account_number'
  | 'could_not_process';

export type PayoutOutcome = { kind: 'paid' } | { kind: 'failed'; code: PayoutFailureCode; message: string };

const FAILURES: Record<string, { code: PayoutFailureCode; message: string }> = {
  '111116': {
    code: 'no_account',
    message:
      'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  },
  '111113': { code: 'account_closed', message: 'The bank account has been closed.' },
  '222227': { code: 'insufficient_funds', message: 'The bank account has insufficient funds to cover the debit.' },
  '333335': { code: 'debit_not_authorized', message: 'Debit transactions are not approved on the bank account.' },
  '444440': {
    code: 'invalid_currency',
    message: 'The bank was unable to process this payout because of its currency.',
  },
  '555553': { code: 'invalid_account_number', message: 'The bank account number is not valid.' },
  '666661': { code: 'could_not_process', message: 'The bank could not process this payout.' },
};

/** Every failure code the rail can give, each with Stripe's message. */
export const PAYOUT_FAILURES: readonly { code: PayoutFailureCode; message: string }[] = Object.values(FAILURES);

/** Last six digits of the number that cannot take instant payouts (Stripe's `000888888883`). */
const NO_INSTANT_SUFFIX = '888883';

const suffix = (accountNumber: string) => accountNumber.replace(/\s/g, '').slice(-6);

/** What happens to a payout sent to this account number. */
export function payoutOutcome(accountNumber: string): PayoutOutcome {
  const failure = FAILURES[suffix(accountNumber)];
  return failure ? { kind: 'failed', ...failure } : { kind: 'paid' };
}

/** Whether the account can receive instant payouts. */
export function supportsInstantPayouts(accountNumber: string): boolean {
  return suffix(accountNumber) !== NO_INSTANT_SUFFIX;
}

export const PAYOUT_FAILURE_SUFFIXES = FAILURES;
