import { isCurrency, maxAmountMinor } from '../money/currency';
import type { LedgerAccountRef } from './accounts';
import { isValidLedgerAccount, ledgerAccountKey } from './accounts';
import type { LineType, OperationType } from './operations';
import { isLineType, isOperationType } from './operations';

/** Which side of an account a line is on: a debit lowers its balance, a credit raises it. */
export type Direction = 'debit' | 'credit';

/**
 * One posting. Balances are credit-normal: a credit raises the account's balance, a debit lowers
 * it. So a seller's pending balance is credited by a charge, and the processor's clearing account
 * is debited by it (the processor owes the platform; the clearing balance is negative).
 */
export interface LedgerLineDraft {
  account: LedgerAccountRef;
  direction: Direction;
  /** A positive integer of the account currency's minor units. */
  amountMinor: number;
  /** What the line is, for the balance transaction a service builds from it. */
  type: LineType;
  /** The API object the line comes from: `ch_`, `fee_`, `re_`, `tr_`, `trr_`, `fr_`, `po_`, `tu_`... */
  sourceId: string;
}

/** A balanced set of lines recording one operation. Entries are never changed; corrections are new entries. */
export interface JournalEntryDraft {
  operation: OperationType;
  /** The API object the operation is about. */
  sourceId: string;
  description?: string;
  lines: readonly LedgerLineDraft[];
}

export type EntryErrorCode =
  | 'unknown_operation'
  | 'malformed_source_id'
  | 'too_few_lines'
  | 'too_many_lines'
  | 'malformed_account'
  | 'unknown_currency'
  | 'unknown_line_type'
  | 'malformed_direction'
  | 'amount_not_integer'
  | 'amount_not_positive'
  | 'amount_too_large'
  | 'currency_mismatch'
  | 'unbalanced'
  | 'description_too_long';

/** Why `validateEntry` refused an entry, with the line at fault when there is one. */
export interface EntryError {
  code: EntryErrorCode;
  message: string;
  /** The line at fault, when one is. */
  lineIndex?: number;
}

export type EntryCheck = { ok: true } | { ok: false; error: EntryError };

/** Stripe-style object ids: a lowercase prefix, an underscore, letters and digits. */
export const SOURCE_ID_PATTERN = /^[a-z]{2,8}_[A-Za-z0-9]{1,64}$/;
/** Lines per entry; the largest rule writes 6, the limit guards the store against nonsense. */
export const MAX_LINES_PER_ENTRY = 32;
const MAX_DESCRIPTION_LENGTH = 500;

const fail = (code: EntryErrorCode, message: string, lineIndex?: number): EntryCheck => ({
  ok: false,
  error: lineIndex === undefined ? { code, message } : { code, message, lineIndex },
});

function checkLine(line: LedgerLineDraft, index: number): EntryCheck {
  if (!isValidLedgerAccount({ ...line.account, currency: 'usd' })) {
    return fail('malformed_account', `Line ${index} names no valid ledger account`, index);
  }
  if (!isCurrency(line.account.currency)) {
    return fail('unknown_currency', `Line ${index}: '${line.account.currency}' is not a supported currency`, index);
  }
  // Drafts can come from untyped callers; check what the types promise.
  const direction: string = line.direction;
  if (direction !== 'debit' && direction !== 'credit') {
    return fail('malformed_direction', `Line ${index} must be a debit or a credit`, index);
  }
  if (!isLineType(line.type)) {
    return fail('unknown_line_type', `Line ${index} has unknown type ${String(line.type)}`, index);
  }
  if (!SOURCE_ID_PATTERN.test(line.sourceId)) {
    return fail('malformed_source_id', `Line ${index} has a malformed source id`, index);
  }
  return checkLineAmount(line, index);
}

function checkLineAmount(line: LedgerLineDraft, index: number): EntryCheck {
  const amount: unknown = line.amountMinor;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    return fail('amount_not_integer', `Line ${index}: the amount must be an integer of minor units`, index);
  }
  if (amount <= 0) return fail('amount_not_positive', `Line ${index}: the amount must be positive`, index);
  const max = maxAmountMinor(line.account.currency);
  if (amount > max) return fail('amount_too_large', `Line ${index}: the amount is above the maximum ${max}`, index);
  return { ok: true };
}

function checkBalanced(lines: readonly LedgerLineDraft[]): EntryCheck {
  const currency = lines[0]?.account.currency;
  const mismatch = lines.findIndex((line) => line.account.currency !== currency);
  if (mismatch >= 0) {
    return fail('currency_mismatch', `Line ${mismatch} is in another currency than line 0`, mismatch);
  }
  let net = 0;
  for (const line of lines) net += line.direction === 'credit' ? line.amountMinor : -line.amountMinor;
  if (net !== 0) return fail('unbalanced', `Debits and credits differ by ${Math.abs(net)} minor units of ${currency}`);
  return { ok: true };
}

/**
 * Checks an entry before anything is written: a known operation, well-formed ids and accounts, two
 * or more lines of positive safe-integer amounts in one known currency, each at most the
 * currency's maximum, and debits equal to credits. The database checks the sum again when the
 * transaction commits.
 */
export function validateEntry(draft: JournalEntryDraft): EntryCheck {
  if (!isOperationType(draft.operation)) {
    return fail('unknown_operation', `Unknown operation ${String(draft.operation)}`);
  }
  if (!SOURCE_ID_PATTERN.test(draft.sourceId)) {
    return fail('malformed_source_id', 'The entry has a malformed source id');
  }
  if (draft.description !== undefined && draft.description.length > MAX_DESCRIPTION_LENGTH) {
    return fail('description_too_long', `The description is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  if (draft.lines.length < 2) return fail('too_few_lines', 'An entry needs at least two lines');
  if (draft.lines.length > MAX_LINES_PER_ENTRY) {
    return fail('too_many_lines', `An entry has at most ${MAX_LINES_PER_ENTRY} lines`);
  }
  for (const [index, line] of draft.lines.entries()) {
    const check = checkLine(line, index);
    if (!check.ok) return check;
  }
  return checkBalanced(draft.lines);
}

/** The signed change a line makes to its account's balance: credits raise it, debits lower it. */
export function lineChangeMinor(line: LedgerLineDraft): number {
  return line.direction === 'credit' ? line.amountMinor : -line.amountMinor;
}

/** Each account's net change from an entry, by account key. */
export function entryChanges(
  draft: JournalEntryDraft,
): Map<string, { account: LedgerAccountRef; changeMinor: number }> {
  const changes = new Map<string, { account: LedgerAccountRef; changeMinor: number }>();
  for (const line of draft.lines) {
    const key = ledgerAccountKey(line.account);
    const current = changes.get(key);
    changes.set(key, { account: line.account, changeMinor: (current?.changeMinor ?? 0) + lineChangeMinor(line) });
  }
  return changes;
}
