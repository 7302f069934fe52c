import type { Currency } from '../money/currency';
import { isCurrency } from '../money/currency';

/**
 * Ledger accounts. Each is keyed by who owns the money, which balance it is and its currency:
 * `acct_1Q2w/available/usd`, `platform/pending/eur`, `system:processor/clearing/jpy`.
 */

/** What a balance holds: not yet settled, ready to pay out or transfer, held back, or on its way to a bank. */
export const BALANCE_KINDS = ['pending', 'available', 'reserved', 'in_transit', 'clearing'] as const;
export type BalanceKind = (typeof BALANCE_KINDS)[number];

/**
 * System accounts stand for the world outside the platform's books, one clearing account each:
 * the card processor (owes the platform what it collected, keeps its fees), the banks payouts go
 * to, and the platform's own bank account that top-ups come from.
 */
export const SYSTEM_ACCOUNTS = ['processor', 'payouts', 'topups'] as const;
export type SystemAccountName = (typeof SYSTEM_ACCOUNTS)[number];

/** A connected account's id, as the API writes it. */
export type ConnectedAccountId = `acct_${string}`;
/** A system account as a ledger owner: `system:processor`, `system:payouts`, `system:topups`. */
export type SystemOwner = `system:${SystemAccountName}`;
/** The platform itself, one of its connected accounts, or a system account. */
export type LedgerOwner = 'platform' | ConnectedAccountId | SystemOwner;

/** One ledger account: whose money, which balance, which currency. */
export interface LedgerAccountRef {
  owner: LedgerOwner;
  kind: BalanceKind;
  currency: Currency;
}

const CONNECTED_ACCOUNT_PATTERN = /^acct_[A-Za-z0-9]{1,64}$/;

/** Whether `text` is a well-formed connected account id (`acct_` and 1 to 64 letters or digits). */
export function isConnectedAccountId(text: string): text is ConnectedAccountId {
  return CONNECTED_ACCOUNT_PATTERN.test(text);
}

function isSystemOwner(text: string): text is SystemOwner {
  return text.startsWith('system:') && (SYSTEM_ACCOUNTS as readonly string[]).includes(text.slice('system:'.length));
}

/** Whether `text` names a ledger owner: the platform, a connected account or a system account. */
export function isLedgerOwner(text: string): text is LedgerOwner {
  return text === 'platform' || isConnectedAccountId(text) || isSystemOwner(text);
}

/** The balance of a connected account. */
export function connectedAccount(
  accountId: ConnectedAccountId,
  kind: BalanceKind,
  currency: Currency,
): LedgerAccountRef {
  return { owner: accountId, kind, currency };
}

/** The balance of the platform. */
export function platformAccount(kind: BalanceKind, currency: Currency): LedgerAccountRef {
  return { owner: 'platform', kind, currency };
}

/** A system clearing account. */
export function systemAccount(name: SystemAccountName, currency: Currency): LedgerAccountRef {
  return { owner: `system:${name}`, kind: 'clearing', currency };
}

/** The account's key, as stored: `owner/kind/currency`. */
export function ledgerAccountKey(ref: LedgerAccountRef): string {
  return `${ref.owner}/${ref.kind}/${ref.currency}`;
}

/**
 * Whether a reference names an account that can exist: a valid owner and currency, system accounts
 * only as `clearing`, everyone else never as `clearing`.
 */
export function isValidLedgerAccount(ref: LedgerAccountRef): boolean {
  if (!isLedgerOwner(ref.owner) || !isCurrency(ref.currency)) return false;
  if (!(BALANCE_KINDS as readonly string[]).includes(ref.kind)) return false;
  return (ref.kind === 'clearing') === isSystemOwner(ref.owner);
}

/** Reads a key written by `ledgerAccountKey`; undefined when it names no valid account. */
export function parseLedgerAccountKey(key: string): LedgerAccountRef | undefined {
  const [owner, kind, currency, ...rest] = key.split('/');
  if (owner === undefined || kind === undefined || currency === undefined || rest.length > 0) return undefined;
  const ref = { owner, kind, currency } as LedgerAccountRef;
  return isValidLedgerAccount(ref) ? ref : undefined;
}

/** How the store keeps an account: whether it may go negative, and over how many balance rows. */
export interface LedgerAccountPolicy {
  /** Whether the balance may be below zero at any time, whatever the operation. */
  allowNegative: boolean;
  /**
   * Balance rows the account is split over. A hot account (one that takes a line in nearly every
   * posting) is split so concurrent postings lock different rows; its balance is their sum. The
   * rows of an account that may not go negative each stay at or above zero (docs/ledger.md).
   */
  shardCount: number;
}

/**
 * How many rows a hot account is split over. With 16 to 32 concurrent postings, 16 free rows
 * mean a posting rarely finds all of them locked (see docs/ledger.md for the measurements).
 */
export const HOT_ACCOUNT_SHARDS = 16;

/**
 * How many rows the platform's available balance is split over: every transfer to a connected
 * account takes money from it. Fewer than a hot account's, since a posting that finds no free row
 * holding enough must lock them all (migration 0032, which also splits the existing ones).
 */
export const PLATFORM_AVAILABLE_SHARDS = 8;

/**
 * The policy every account gets when it is opened:
 * - system clearing accounts may go negative (their sign says who owes whom) and are hot;
 * - the platform's pending balance may go negative (it pays processing fees before the
 *   application fees that cover them settle) and is hot: nearly every charge takes a line on it;
 * - every other balance, the platform's available one included, may not go negative except
 *   through the operations listed in `OPERATION_TYPES` as allowed to overdraw.
 */
export function ledgerAccountPolicy(ref: LedgerAccountRef): LedgerAccountPolicy {
  const hot = ref.kind === 'clearing' || (ref.owner === 'platform' && ref.kind === 'pending');
  if (hot) return { allowNegative: true, shardCount: HOT_ACCOUNT_SHARDS };
  if (ref.owner === 'platform' && ref.kind === 'available') {
    return { allowNegative: false, shardCount: PLATFORM_AVAILABLE_SHARDS };
  }
  return { allowNegative: false, shardCount: 1 };
}
