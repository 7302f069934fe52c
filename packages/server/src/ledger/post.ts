import type { EntryError, JournalEntryDraft, OperationType } from '@atrium/core';
import { ledgerAccountKey, lineChangeMinor, validateEntry } from '@atrium/core';
import { newId } from '../ids';
import type { IsolationLevel, Statement, Transaction } from '../store/db';

/**
 * The isolation level ledger operations run at. Postings lock the balance rows they change, so
 * read committed is enough for correctness and never fails with serialization errors; a stricter
 * level is also correct, but conflicting postings then fail and are retried by `runOperation`.
 */
export const LEDGER_ISOLATION: IsolationLevel = 'read committed';

/** Entries one `postEntries` call takes; a larger batch holds its row locks too long. */
export const MAX_ENTRIES_PER_POSTING = 1000;

/** An entry as posted: its id, what it records, and when (`atrium_now()`, so the test clock applies). */
export interface PostedEntry {
  id: string;
  operation: OperationType;
  sourceId: string;
  createdAt: Date;
}

/** Why nothing was posted. */
export type PostError =
  | { code: 'invalid_entry'; entryIndex: number; error: EntryError }
  | { code: 'too_many_entries'; max: number }
  | { code: 'unknown_account'; account: string }
  | { code: 'insufficient_funds'; entryIndex: number; account: string; balanceMinor: number; changeMinor: number };

export type PostEntriesResult = { ok: true; entries: PostedEntry[] } | { ok: false; error: PostError };
export type PostEntryResult = { ok: true; entry: PostedEntry } | { ok: false; error: PostError };

type PostAnswer =
  | { ok: true; created_at: string }
  | { ok: false; code: 'unknown_account'; account: string }
  | {
      ok: false;
      code: 'insufficient_funds';
      entry_index: number;
      account: string;
      balance_minor: number;
      change_minor: number;
    };

/** The drafts as the parallel arrays `ledger_post` takes: one element per entry, one per line. */
function toArrays(identified: readonly { id: string; draft: JournalEntryDraft }[]): unknown[] {
  const lines = identified.flatMap(({ draft }, entryIndex) =>
    draft.lines.map((line, lineIndex) => ({ line, entryNo: entryIndex + 1, lineNo: lineIndex + 1 })),
  );
  return [
    identified.map(({ id }) => id),
    identified.map(({ draft }) => draft.operation),
    identified.map(({ draft }) => draft.sourceId),
    identified.map(({ draft }) => draft.description ?? null),
    identified.map(({ draft }) => draft.lines.length),
    lines.map(({ entryNo }) => entryNo),
    lines.map(({ lineNo }) => lineNo),
    lines.map(({ line }) => ledgerAccountKey(line.account)),
    lines.map(({ line }) => lineChangeMinor(line)),
    lines.map(({ line }) => line.type),
    lines.map(({ line }) => line.sourceId),
  ];
}

function checkDrafts(drafts: readonly JournalEntryDraft[]): PostError | undefined {
  if (drafts.length > MAX_ENTRIES_PER_POSTING) return { code: 'too_many_entries', max: MAX_ENTRIES_PER_POSTING };
  for (const [entryIndex, draft] of drafts.entries()) {
    const check = validateEntry(draft);
    if (!check.ok) return { code: 'invalid_entry', entryIndex, error: check.error };
  }
  return undefined;
}

function refusal(answer: Exclude<PostAnswer, { ok: true }>): PostError {
  if (answer.code === 'unknown_account') return { code: 'unknown_account', account: answer.account };
  return {
    code: 'insufficient_funds',
    entryIndex: answer.entry_index,
    account: answer.account,
    balanceMinor: answer.balance_minor,
    changeMinor: answer.change_minor,
  };
}

/**
 * Posts entries in the caller's transaction: all of them, in order, or none. Each entry is checked
 * in code first (`validateEntry`); then one database call checks that the accounts exist and the
 * funds suffice with the balance rows locked in one fixed order, and writes the entries, lines and
 * balances. Refusals are typed results and write nothing; the transaction stays usable.
 *
 * Post all of an operation's entries in one call: separate calls lock in separate orders, so two
 * such operations could deadlock (`runOperation` would retry them, but at a cost).
 *
 * `before`: statements of the caller's, sent ahead of the posting in the same round trip
 * (`Transaction.pipeline`), so the posting's locks are taken last. When the drafts are refused in
 * code nothing is sent, these included.
 */
export async function postEntries(
  tx: Transaction,
  drafts: readonly JournalEntryDraft[],
  options: { before?: readonly Statement[] } = {},
): Promise<PostEntriesResult> {
  const invalid = checkDrafts(drafts);
  if (invalid) return { ok: false, error: invalid };
  const before = options.before ?? [];
  if (drafts.length === 0) {
    if (before.length > 0) await tx.pipeline(before);
    return { ok: true, entries: [] };
  }
  const identified = drafts.map((draft) => ({ id: newId('je'), draft }));
  const posting: Statement = {
    sql: `SELECT ledger_post($1::text[], $2::text[]::ledger_operation[], $3::text[], $4::text[], $5::integer[],
       $6::integer[], $7::integer[], $8::text[], $9::bigint[], $10::text[]::ledger_line_type[], $11::text[]) AS answer`,
    params: toArrays(identified),
  };
  const answers =
    before.length > 0 ? await tx.pipeline([...before, posting]) : [await tx.query(posting.sql, posting.params)];
  const [row] = (answers.at(-1) ?? []) as unknown as { answer: PostAnswer }[];
  if (!row) throw new Error('ledger_post returned no row');
  const { answer } = row;
  if (!answer.ok) return { ok: false, error: refusal(answer) };
  const createdAt = new Date(answer.created_at);
  return {
    ok: true,
    entries: identified.map(({ id, draft }) => ({
      id,
      operation: draft.operation,
      sourceId: draft.sourceId,
      createdAt,
    })),
  };
}

/** Posts one entry; see `postEntries`. */
export async function postEntry(tx: Transaction, draft: JournalEntryDraft): Promise<PostEntryResult> {
  const result = await postEntries(tx, [draft]);
  if (!result.ok) return result;
  const [entry] = result.entries;
  if (!entry) throw new Error('postEntries returned no entry');
  return { ok: true, entry };
}
