import type { BalanceKind } from './accounts';

/**
 * What a journal entry records, and whether it may overdraw. A connected account's (or the
 * platform's) balance may not go negative through payouts or transfers, which the owner chooses
 * to make; it may through money that leaves without the owner's say: a refund, a reversed
 * transfer, a refunded application fee, or a release that settles fees already incurred. The
 * database holds the same table (`ledger_may_overdraw`), and a test keeps the two equal.
 */
export const OPERATION_TYPES = {
  direct_charge: { mayOverdraw: false },
  destination_charge: { mayOverdraw: false },
  separate_charge: { mayOverdraw: false },
  refund: { mayOverdraw: true },
  application_fee_refund: { mayOverdraw: true },
  transfer: { mayOverdraw: false },
  transfer_reversal: { mayOverdraw: true },
  topup: { mayOverdraw: false },
  topup_settlement: { mayOverdraw: false },
  topup_canceled: { mayOverdraw: false },
  release: { mayOverdraw: true },
  payout: { mayOverdraw: false },
  payout_paid: { mayOverdraw: false },
  payout_failed: { mayOverdraw: false },
  payout_canceled: { mayOverdraw: false },
  instant_payout_fee: { mayOverdraw: false },
} as const satisfies Record<string, { mayOverdraw: boolean }>;

export type OperationType = keyof typeof OPERATION_TYPES;

/** Whether `text` is one of `OPERATION_TYPES`. */
export function isOperationType(text: string): text is OperationType {
  return Object.hasOwn(OPERATION_TYPES, text);
}

/**
 * Whether a line of this operation may take a balance of this kind below zero (when the account
 * does not allow negative balances anyway). Only `available` balances are ever overdrawn: pending
 * and in-transit balances only shrink by moving what they hold.
 */
export function mayOverdraw(operation: OperationType, kind: BalanceKind): boolean {
  return OPERATION_TYPES[operation].mayOverdraw && kind === 'available';
}

/**
 * What a line is, in Stripe's balance transaction types where Stripe has one (so services can
 * build `balance_transaction` objects from lines), plus the internal movements Stripe shows no
 * balance transaction for: `release` (pending to available), `payout_paid` (in transit to the
 * bank), `payout_fee` (an instant payout's fee) and `transfer_fee` (a fee on an account-to-account
 * transfer).
 */
export const LINE_TYPES = [
  'charge',
  'payment',
  'application_fee',
  'application_fee_refund',
  'stripe_fee',
  'refund',
  'payment_refund',
  'transfer',
  'transfer_refund',
  'topup',
  'topup_reversal',
  'payout',
  'payout_failure',
  'payout_cancel',
  'release',
  'payout_paid',
  'payout_fee',
  'transfer_fee',
] as const;
export type LineType = (typeof LINE_TYPES)[number];

/** Whether `text` is one of `LINE_TYPES`. */
export function isLineType(text: string): text is LineType {
  return (LINE_TYPES as readonly string[]).includes(text);
}
