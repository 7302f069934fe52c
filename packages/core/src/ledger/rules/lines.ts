import type { LedgerAccountRef } from '../accounts';
import type { Direction, LedgerLineDraft } from '../entry';
import type { LineType } from '../operations';

/**
 * Building blocks for the posting rules. Rules assume validated input (the API layer and the
 * services check amounts against the objects they belong to); what they assert here are broken
 * invariants, so they throw.
 */

export function line(
  account: LedgerAccountRef,
  direction: Direction,
  amountMinor: number,
  type: LineType,
  sourceId: string,
): LedgerLineDraft {
  return { account, direction, amountMinor, type, sourceId };
}

/**
 * Moves an amount from one account to another: a debit on `from` and a credit on `to`, or nothing
 * for a zero amount. `toType` names the credit line when it differs (a reversal is a
 * `payment_refund` for the seller but a `transfer_refund` for the platform).
 */
export function move(
  from: LedgerAccountRef,
  to: LedgerAccountRef,
  amountMinor: number,
  type: LineType,
  sourceId: string,
  toType: LineType = type,
): LedgerLineDraft[] {
  if (amountMinor === 0) return [];
  return [line(from, 'debit', amountMinor, type, sourceId), line(to, 'credit', amountMinor, toType, sourceId)];
}

export function assertPositive(amountMinor: number, what: string): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new RangeError(`${what} must be a positive integer of minor units, not ${amountMinor}`);
  }
}

export function assertWithin(amountMinor: number, maxMinor: number, what: string): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0 || amountMinor > maxMinor) {
    throw new RangeError(`${what} must be an integer from 0 to ${maxMinor}, not ${amountMinor}`);
  }
}
