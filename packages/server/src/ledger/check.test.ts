import { accountTransferEntry, destinationChargeEntry, releaseEntry } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { checkLedger, ledgerCounts } from './check';
import { LEDGER_ISOLATION, postEntries } from './post';

/** Writes rows with triggers and foreign keys off, as a bug or a hand edit could. */
const corrupt = (db: TestDatabase, statements: string[]) =>
  db.transaction(LEDGER_ISOLATION, async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    for (const sql of statements) await tx.query(sql);
  });

describe.each(await testDatabaseKinds())('checkLedger on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await openLedgerFor(tx, 'platform', 'jpy');
      await openLedgerFor(tx, 'acct_a', 'jpy');
      await openLedgerFor(tx, 'acct_b', 'jpy');
      const posted = await postEntries(tx, [
        destinationChargeEntry({
          chargeId: 'ch_1',
          account: 'acct_a',
          currency: 'jpy',
          amountMinor: 5000,
          applicationFee: { id: 'fee_1', amountMinor: 500 },
          processingFeeMinor: 175,
        }),
        releaseEntry({ owner: 'acct_a', currency: 'jpy', netMinor: 4500, sourceId: 'ch_1' }),
        accountTransferEntry({
          transferId: 'tr_1',
          from: 'acct_a',
          to: 'acct_b',
          currency: 'jpy',
          amountMinor: 1000,
          feeMinor: 10,
        }),
      ]);
      expect(posted.ok).toBe(true);
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('finds nothing wrong with a ledger written by postEntries', async () => {
    expect(await checkLedger(db)).toEqual([]);
    expect(await ledgerCounts(db)).toEqual({ accounts: 12, entries: 3, lines: 11 });
  });

  it('finds a balance that drifted from its lines, and the money it created', async () => {
    await db.query(
      `UPDATE ledger_balances SET balance_minor = balance_minor + 7
        WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_b/available/jpy')`,
    );
    const problems = await checkLedger(db);
    expect(problems.map((problem) => problem.code)).toEqual(['balance_mismatch', 'money_not_conserved']);
    expect(problems[0]?.message).toBe('acct_b/available/jpy holds 1007 but its lines sum to 1000');
    await db.query(
      `UPDATE ledger_balances SET balance_minor = balance_minor - 7
        WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_b/available/jpy')`,
    );
    expect(await checkLedger(db)).toEqual([]);
  });

  it('finds an entry that does not balance and one missing a line', async () => {
    await corrupt(db, [
      `INSERT INTO ledger_entries (id, operation, source_id, line_count, created_at) VALUES ('je_bad', 'transfer', 'tr_bad', 2, now())`,
      `INSERT INTO ledger_lines (entry_id, entry_line_count, line_no, account_id, shard, currency, amount_minor, type, source_id)
       SELECT 'je_bad', 2, 1, id, 0, currency, 3, 'transfer', 'tr_bad' FROM ledger_accounts WHERE key = 'acct_b/available/jpy'`,
      `UPDATE ledger_balances SET balance_minor = balance_minor + 3
        WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_b/available/jpy')`,
    ]);
    const codes = (await checkLedger(db)).map((problem) => problem.code);
    expect(codes).toEqual(['entry_unbalanced', 'entry_line_count', 'money_not_conserved']);
  });

  it('finds a negative pending balance and an overdraft no operation allowed', async () => {
    await corrupt(db, [
      `INSERT INTO ledger_entries (id, operation, source_id, line_count, created_at) VALUES ('je_over', 'payout', 'po_over', 2, now())`,
      `INSERT INTO ledger_lines (entry_id, entry_line_count, line_no, account_id, shard, currency, amount_minor, type, source_id)
       SELECT 'je_over', 2, 1, id, 0, currency, -99999, 'payout', 'po_over' FROM ledger_accounts WHERE key = 'acct_a/pending/jpy'`,
      `INSERT INTO ledger_lines (entry_id, entry_line_count, line_no, account_id, shard, currency, amount_minor, type, source_id)
       SELECT 'je_over', 2, 2, id, 0, currency, 99999, 'payout', 'po_over' FROM ledger_accounts WHERE key = 'acct_a/in_transit/jpy'`,
      `UPDATE ledger_balances SET balance_minor = balance_minor - 99999, last_change_minor = 1
        WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_a/pending/jpy')`,
      `UPDATE ledger_balances SET balance_minor = balance_minor + 99999
        WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_a/in_transit/jpy')`,
    ]);
    const problems = (await checkLedger(db)).filter((problem) => problem.code.startsWith('forbidden'));
    expect(problems).toEqual([
      { code: 'forbidden_negative_balance', message: 'acct_a/pending/jpy is negative (-99999) and may never be' },
      {
        code: 'forbidden_overdraft',
        message: expect.stringContaining('(payout) took acct_a/pending/jpy to -99999') as string,
      },
    ]);
  });
});
