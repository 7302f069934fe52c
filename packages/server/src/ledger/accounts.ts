import type { Currency, LedgerAccountPolicy, LedgerAccountRef } from '@atrium/core';
import {
  SYSTEM_ACCOUNTS,
  connectedAccount,
  isValidLedgerAccount,
  ledgerAccountKey,
  ledgerAccountPolicy,
  platformAccount,
  systemAccount,
} from '@atrium/core';
import type { ConnectedAccountId } from '@atrium/core';
import type { Queryable } from '../store/db';

export interface OpenAccountsOptions {
  /** The policy each account is opened with; `ledgerAccountPolicy` from @atrium/core unless said. */
  policyOf?: (ref: LedgerAccountRef) => LedgerAccountPolicy;
}

/**
 * Opens ledger accounts, with their balance rows, if they are not open yet; an account that is
 * already open keeps the policy it was opened with. Posting to an account that was never opened
 * is refused (`unknown_account`), so services open the balances an operation needs first.
 */
export async function openLedgerAccounts(
  tx: Queryable,
  refs: readonly LedgerAccountRef[],
  options: OpenAccountsOptions = {},
): Promise<void> {
  const rows = ledgerAccountsToOpen(refs, options);
  if (rows.length === 0) return;
  await tx.query('SELECT ledger_open_accounts($1::jsonb)', [JSON.stringify(rows)]);
}

/**
 * The argument of `ledger_open_accounts` (a JSON array) for `refs`, checked: for a caller that
 * opens accounts as part of a statement of its own.
 */
export function ledgerAccountsToOpen(refs: readonly LedgerAccountRef[], options: OpenAccountsOptions = {}) {
  const policyOf = options.policyOf ?? ledgerAccountPolicy;
  return refs.map((ref) => {
    if (!isValidLedgerAccount(ref)) throw new RangeError(`${ledgerAccountKey(ref)} is not a valid ledger account`);
    const policy = policyOf(ref);
    return { ...ref, allow_negative: policy.allowNegative, shard_count: policy.shardCount };
  });
}

/** The balances an owner's money moves through in one currency. */
const OWNER_KINDS = ['pending', 'available', 'in_transit'] as const;

/**
 * The pending, available and in-transit balances of the platform or a connected account in one
 * currency; for the platform also the system clearing accounts of that currency.
 */
export function ledgerAccountsOf(owner: 'platform' | ConnectedAccountId, currency: Currency): LedgerAccountRef[] {
  return owner === 'platform'
    ? [
        ...OWNER_KINDS.map((kind) => platformAccount(kind, currency)),
        ...SYSTEM_ACCOUNTS.map((name) => systemAccount(name, currency)),
      ]
    : OWNER_KINDS.map((kind) => connectedAccount(owner, kind, currency));
}

/** Opens `ledgerAccountsOf(owner, currency)`. */
export async function openLedgerFor(
  tx: Queryable,
  owner: 'platform' | ConnectedAccountId,
  currency: Currency,
  options: OpenAccountsOptions = {},
): Promise<void> {
  await openLedgerAccounts(tx, ledgerAccountsOf(owner, currency), options);
}
