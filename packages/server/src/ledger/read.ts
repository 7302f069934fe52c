import type { BalanceKind, Direction, LedgerAccountRef, LedgerOwner, LineType, OperationType } from '@atrium/core';
import { ledgerAccountKey } from '@atrium/core';
import type { Queryable } from '../store/db';

/** One balance of an owner: the sum of the account's balance rows. */
export interface LedgerBalance {
  kind: BalanceKind;
  currency: string;
  amountMinor: number;
}

/**
 * An owner's balances per currency and kind (`pending`, `available`, `in_transit`, ...), for every
 * account opened for it, zero ones included. A negative available balance (after a refund) is
 * shown as it is.
 */
export async function getBalances(q: Queryable, owner: LedgerOwner): Promise<LedgerBalance[]> {
  const rows = await q.query<{ kind: BalanceKind; currency: string; amount_minor: number }>(
    `SELECT a.kind, a.currency, sum(b.balance_minor)::bigint AS amount_minor
       FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
      WHERE a.owner = $1
      GROUP BY a.kind, a.currency
      ORDER BY a.currency, a.kind`,
    [owner],
  );
  return rows.map((row) => ({ kind: row.kind, currency: row.currency, amountMinor: row.amount_minor }));
}

/** One account's balance, or undefined if the account was never opened. */
export async function getBalance(q: Queryable, account: LedgerAccountRef): Promise<number | undefined> {
  const [row] = await q.query<{ amount_minor: number }>(
    `SELECT sum(b.balance_minor)::bigint AS amount_minor
       FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
      WHERE a.key = $1 GROUP BY a.id`,
    [ledgerAccountKey(account)],
  );
  return row?.amount_minor;
}

/** A posted line with its entry, as services need it to build balance transactions. */
export interface LedgerLine {
  entryId: string;
  entrySeq: number;
  operation: OperationType;
  /** The object the entry is about (a refund for all lines of a refund entry). */
  entrySourceId: string;
  lineNo: number;
  account: LedgerAccountRef;
  direction: Direction;
  /** Positive minor units; `direction` says which way. */
  amountMinor: number;
  type: LineType;
  /** The object the line comes from (the reversal for a refund's transfer-reversal lines). */
  sourceId: string;
  createdAt: Date;
}

interface LineRow {
  entry_id: string;
  entry_seq: number;
  operation: OperationType;
  entry_source_id: string;
  line_no: number;
  owner: LedgerOwner;
  kind: BalanceKind;
  currency: string;
  amount_minor: number;
  type: LineType;
  source_id: string;
  created_at: Date;
}

/**
 * Every line that carries `sourceId`, and every line of an entry about `sourceId`, in posting
 * order: for a charge, its charge entry and the release of its funds; for a refund, the refund
 * and the transfer reversal and fee refund posted with it.
 */
export async function getLinesBySource(q: Queryable, sourceId: string): Promise<LedgerLine[]> {
  const rows = await q.query<LineRow>(
    `SELECT l.entry_id, e.seq AS entry_seq, e.operation, e.source_id AS entry_source_id, l.line_no,
            a.owner, a.kind, a.currency, l.amount_minor, l.type, l.source_id, e.created_at
       FROM ledger_lines l
       JOIN ledger_entries e ON e.id = l.entry_id
       JOIN ledger_accounts a ON a.id = l.account_id
      WHERE l.source_id = $1 OR l.entry_id IN (SELECT id FROM ledger_entries WHERE source_id = $1)
      ORDER BY e.seq, l.line_no`,
    [sourceId],
  );
  return rows.map((row) => ({
    entryId: row.entry_id,
    entrySeq: row.entry_seq,
    operation: row.operation,
    entrySourceId: row.entry_source_id,
    lineNo: row.line_no,
    account: { owner: row.owner, kind: row.kind, currency: row.currency },
    direction: row.amount_minor > 0 ? 'credit' : 'debit',
    amountMinor: Math.abs(row.amount_minor),
    type: row.type,
    sourceId: row.source_id,
    createdAt: new Date(row.created_at),
  }));
}
