import { addMinor } from '../money/arithmetic';
import type { LedgerAccountPolicy, LedgerAccountRef } from './accounts';
import { ledgerAccountPolicy } from './accounts';
import type { JournalEntryDraft } from './entry';
import { entryChanges } from './entry';
import type { OperationType } from './operations';
import { mayOverdraw } from './operations';

/**
 * Whether a change may leave this account below zero: always if the account allows negative
 * balances, otherwise only for an available balance and an operation allowed to overdraw. A credit
 * is always allowed, even one that leaves a negative balance still negative.
 */
export function mayEndNegative(
  account: LedgerAccountRef,
  operation: OperationType,
  policy: LedgerAccountPolicy = ledgerAccountPolicy(account),
): boolean {
  return policy.allowNegative || mayOverdraw(operation, account.kind);
}

export interface InsufficientFunds {
  code: 'insufficient_funds';
  /** Which entry of the batch could not be posted. */
  entryIndex: number;
  /** The account key that would have gone below zero. */
  account: string;
  balanceMinor: number;
  /** The entry's net change to that account (negative). */
  changeMinor: number;
}

export type ApplyResult = { ok: true; balances: Map<string, number> } | { ok: false; error: InsufficientFunds };

/**
 * Applies entries in order to balances by account key (missing keys are zero), the way the store
 * does: all of them, or none if one would take a balance below zero where that is forbidden.
 * The entries must be valid (`validateEntry`). This is the rule in code; the store enforces the
 * same rule in the database, and the property tests hold the two to each other.
 */
export function applyEntries(
  balances: ReadonlyMap<string, number>,
  entries: readonly JournalEntryDraft[],
  policyOf: (account: LedgerAccountRef) => LedgerAccountPolicy = ledgerAccountPolicy,
): ApplyResult {
  const next = new Map(balances);
  for (const [entryIndex, entry] of entries.entries()) {
    for (const [key, { account, changeMinor }] of entryChanges(entry)) {
      const balanceMinor = next.get(key) ?? 0;
      const after = addMinor(balanceMinor, changeMinor);
      if (changeMinor < 0 && after < 0 && !mayEndNegative(account, entry.operation, policyOf(account))) {
        return {
          ok: false,
          error: { code: 'insufficient_funds', entryIndex, account: key, balanceMinor, changeMinor },
        };
      }
      next.set(key, after);
    }
  }
  return { ok: true, balances: next };
}
