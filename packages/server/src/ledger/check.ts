import type { Database, Queryable } from '../store/db';

/** What `checkLedger` can find wrong; each code is one query in `CHECKS`. */
export type LedgerProblemCode =
  | 'balance_mismatch'
  | 'entry_unbalanced'
  | 'entry_line_count'
  | 'money_not_conserved'
  | 'forbidden_negative_balance'
  | 'forbidden_overdraft';

/** Something wrong with the ledger, with a sentence saying what. */
export interface LedgerProblem {
  code: LedgerProblemCode;
  message: string;
}

interface Check {
  code: LedgerProblemCode;
  sql: string;
  message: (row: Record<string, unknown>) => string;
}

const text = (value: unknown): string => String(value);

const CHECKS: readonly Check[] = [
  {
    // Per account, not per row: a split non-negative account moves money between its own rows
    // (ledger_gather, migration 0032), which is no ledger event.
    code: 'balance_mismatch',
    sql: `SELECT a.key, b.balance_minor, coalesce(l.total, 0)::bigint AS lines_minor
            FROM ledger_accounts a
            JOIN (SELECT account_id, sum(balance_minor)::bigint AS balance_minor FROM ledger_balances GROUP BY account_id) b
              ON b.account_id = a.id
            LEFT JOIN (SELECT account_id, sum(amount_minor) AS total FROM ledger_lines GROUP BY account_id) l
              ON l.account_id = a.id
           WHERE b.balance_minor <> coalesce(l.total, 0)
           ORDER BY a.key`,
    message: (row) =>
      `${text(row['key'])} holds ${text(row['balance_minor'])} but its lines sum to ${text(row['lines_minor'])}`,
  },
  {
    code: 'entry_unbalanced',
    sql: `SELECT entry_id, currency, sum(amount_minor)::bigint AS total FROM ledger_lines
           GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0 ORDER BY entry_id`,
    message: (row) =>
      `entry ${text(row['entry_id'])} does not balance: its ${text(row['currency'])} lines sum to ${text(row['total'])}`,
  },
  {
    code: 'entry_line_count',
    sql: `SELECT e.id, e.line_count, count(l.line_no) AS lines FROM ledger_entries e
            LEFT JOIN ledger_lines l ON l.entry_id = e.id
           GROUP BY e.id, e.line_count HAVING count(l.line_no) <> e.line_count ORDER BY e.id`,
    message: (row) =>
      `entry ${text(row['id'])} declares ${text(row['line_count'])} lines but has ${text(row['lines'])}`,
  },
  {
    code: 'money_not_conserved',
    sql: `SELECT currency, sum(balance_minor)::bigint AS total FROM ledger_balances
           GROUP BY currency HAVING sum(balance_minor) <> 0 ORDER BY currency`,
    message: (row) => `the ${text(row['currency'])} balances sum to ${text(row['total'])} instead of zero`,
  },
  {
    code: 'forbidden_negative_balance',
    sql: `SELECT a.key, sum(b.balance_minor)::bigint AS total FROM ledger_accounts a
            JOIN ledger_balances b ON b.account_id = a.id
           WHERE NOT a.allow_negative AND a.kind <> 'available'
           GROUP BY a.key HAVING sum(b.balance_minor) < 0 ORDER BY a.key`,
    message: (row) => `${text(row['key'])} is negative (${text(row['total'])}) and may never be`,
  },
  {
    // Replays every non-negative account's history in posting order: a change that left it below
    // zero must be a credit or an operation allowed to overdraw an available balance.
    code: 'forbidden_overdraft',
    sql: `WITH changes AS (
            SELECT l.account_id, e.seq, e.id AS entry_id, e.operation, sum(l.amount_minor) AS change_minor
              FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id
             WHERE l.account_id IN (SELECT id FROM ledger_accounts WHERE NOT allow_negative)
             GROUP BY l.account_id, e.seq, e.id, e.operation
          ), running AS (
            SELECT c.*, sum(c.change_minor) OVER (PARTITION BY c.account_id ORDER BY c.seq) AS after_minor FROM changes c
          )
          SELECT a.key, r.entry_id, r.operation, r.change_minor::bigint AS change_minor, r.after_minor::bigint AS after_minor
            FROM running r JOIN ledger_accounts a ON a.id = r.account_id
           WHERE r.change_minor < 0 AND r.after_minor < 0
             AND NOT (ledger_may_overdraw(r.operation) AND a.kind = 'available')
           ORDER BY r.seq`,
    message: (row) =>
      `entry ${text(row['entry_id'])} (${text(row['operation'])}) took ${text(row['key'])} to ${text(row['after_minor'])}, which it may not overdraw`,
  },
];

/**
 * Recomputes the ledger from its lines and checks every invariant: each balance equals the sum of
 * its lines, each entry balances per currency and has the lines it declares, every currency's
 * balances sum to zero, no balance is negative where that is never allowed, and no posting ever
 * took a balance below zero unless the account or the operation allowed it. Runs in one
 * repeatable-read snapshot, so it can run while postings continue. Returns the problems found.
 */
export async function checkLedger(db: Database): Promise<LedgerProblem[]> {
  return db.transaction('repeatable read', async (tx) => {
    const problems: LedgerProblem[] = [];
    for (const check of CHECKS) {
      const rows = await tx.query(check.sql);
      problems.push(...rows.map((row) => ({ code: check.code, message: check.message(row) })));
    }
    return problems;
  });
}

/** How much the ledger holds, for a report next to the check. */
export async function ledgerCounts(q: Queryable): Promise<{ accounts: number; entries: number; lines: number }> {
  const [row] = await q.query<{ accounts: number; entries: number; lines: number }>(
    `SELECT (SELECT count(*) FROM ledger_accounts) AS accounts, (SELECT count(*) FROM ledger_entries) AS entries,
            (SELECT count(*) FROM ledger_lines) AS lines`,
  );
  return row ?? { accounts: 0, entries: 0, lines: 0 };
}
