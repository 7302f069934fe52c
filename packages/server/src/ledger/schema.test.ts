import { LINE_TYPES, OPERATION_TYPES } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlState } from '../store/db';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { LEDGER_ISOLATION } from './post';

/** Inserts an entry and its lines directly, bypassing postEntry, as a buggy writer would. */
const insertEntry = (id: string, lineCount: number) =>
  `INSERT INTO ledger_entries (id, operation, source_id, line_count, created_at)
   VALUES ('${id}', 'transfer', 'tr_direct', ${lineCount}, now())`;
const insertLine = (entryId: string, lineNo: number, accountKey: string, amountMinor: number, lineCount = 2) =>
  `INSERT INTO ledger_lines (entry_id, entry_line_count, line_no, account_id, shard, currency, amount_minor, type, source_id)
   SELECT '${entryId}', ${lineCount}, ${lineNo}, id, 0, currency, ${amountMinor}, 'transfer', 'tr_direct'
     FROM ledger_accounts WHERE key = '${accountKey}'`;

describe.each(await testDatabaseKinds())('the ledger schema on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await openLedgerFor(tx, 'acct_a', 'usd');
      await openLedgerFor(tx, 'acct_b', 'usd');
      await openLedgerFor(tx, 'acct_b', 'eur');
      await tx.query(insertEntry('je_ok', 2));
      await tx.query(insertLine('je_ok', 1, 'acct_a/available/usd', 100));
      await tx.query(insertLine('je_ok', 2, 'acct_b/available/usd', -100));
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  const failure = async (statements: string[]) => {
    try {
      await db.transaction(LEDGER_ISOLATION, async (tx) => {
        for (const sql of statements) await tx.query(sql);
      });
    } catch (error) {
      return { code: sqlState(error), message: (error as Error).message };
    }
    return undefined;
  };

  it('checks at commit, not before, that an entry balances', async () => {
    const seen = await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await tx.query(insertEntry('je_open', 2));
      await tx.query(insertLine('je_open', 1, 'acct_a/available/usd', 100));
      const rows = await tx.query('SELECT 1 FROM ledger_lines WHERE entry_id = $1', ['je_open']);
      await tx.query(insertLine('je_open', 2, 'acct_b/available/usd', -100));
      return rows.length;
    });
    expect(seen).toBe(1);
    const error = await failure([
      insertEntry('je_bad', 2),
      insertLine('je_bad', 1, 'acct_a/available/usd', 100),
      insertLine('je_bad', 2, 'acct_b/available/usd', -99),
    ]);
    expect(error).toMatchObject({ code: '23514' });
    expect(error?.message).toContain('does not balance');
  });

  it('checks the balance per currency', async () => {
    const error = await failure([
      `INSERT INTO ledger_entries (id, operation, source_id, line_count, created_at) VALUES ('je_fx', 'transfer', 'tr_fx', 2, now())`,
      insertLine('je_fx', 1, 'acct_a/available/usd', 100),
      insertLine('je_fx', 2, 'acct_b/available/eur', -100),
    ]);
    expect(error?.message).toContain('does not balance');
  });

  it('refuses an entry with fewer lines than it declares, and a line added to a posted entry', async () => {
    const short = await failure([insertEntry('je_short', 3), insertLine('je_short', 1, 'acct_a/available/usd', 1, 3)]);
    expect(short).toMatchObject({ code: '23514' });
    expect(short?.message).toContain('declares 3 lines but has 1');
    expect(await failure([insertEntry('je_none', 2)])).toMatchObject({ code: '23514' });
    expect(await failure([insertLine('je_ok', 3, 'acct_a/available/usd', 5)])).toMatchObject({ code: '23514' });
    expect(await failure([insertLine('je_ok', 3, 'acct_a/available/usd', 5, 4)])).toMatchObject({ code: '23503' });
  });

  it("refuses a line whose currency is not its account's", async () => {
    const error = await failure([
      insertEntry('je_cur', 2),
      `INSERT INTO ledger_lines (entry_id, entry_line_count, line_no, account_id, shard, currency, amount_minor, type, source_id)
       SELECT 'je_cur', 2, 1, id, 0, 'eur', 100, 'transfer', 'tr_direct' FROM ledger_accounts WHERE key = 'acct_a/available/usd'`,
    ]);
    expect(error).toMatchObject({ code: '23503' });
  });

  it('keeps entries and lines append-only', async () => {
    for (const sql of [
      `UPDATE ledger_lines SET amount_minor = 1 WHERE entry_id = 'je_ok'`,
      `DELETE FROM ledger_lines WHERE entry_id = 'je_ok'`,
      `UPDATE ledger_entries SET source_id = 'tr_other' WHERE id = 'je_ok'`,
      `DELETE FROM ledger_entries WHERE id = 'je_ok'`,
      'TRUNCATE ledger_lines',
      'TRUNCATE ledger_entries CASCADE',
      `UPDATE ledger_accounts SET allow_negative = true`,
      'DELETE FROM ledger_balances',
    ]) {
      expect(await failure([sql]), sql).toMatchObject({ code: '23001' });
    }
    expect(await db.query(`SELECT 1 FROM ledger_lines WHERE entry_id = 'je_ok'`)).toHaveLength(2);
  });

  it('refuses a negative balance unless the account or the operation allows it', async () => {
    const set = (key: string, balance: number, change: number, mayOverdraw: boolean) =>
      `UPDATE ledger_balances SET balance_minor = ${balance}, last_change_minor = ${change}, last_may_overdraw = ${mayOverdraw}
        WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = '${key}')`;
    expect(await failure([set('acct_a/available/usd', -1, -1, false)])).toMatchObject({ code: '23514' });
    expect(await failure([set('acct_a/pending/usd', -1, -1, true)])).toMatchObject({ code: '23514' });
    // These commit: the schema test's ledger need not add up, only each row obey its check.
    expect(await failure([set('acct_a/available/usd', -1, -1, true)])).toBeUndefined();
    expect(await failure([set('acct_a/available/usd', -1, 5, false)])).toBeUndefined();
    expect(await failure([set('acct_a/available/usd', 100, 100, false)])).toBeUndefined();
  });

  it('holds each row of a non-negative account split over rows to the negative-balance check', async () => {
    await db.query(`SELECT ledger_open_accounts($1::jsonb)`, [
      JSON.stringify([{ owner: 'acct_z', kind: 'available', currency: 'usd', allow_negative: false, shard_count: 4 }]),
    ]);
    const [rows] = await db.query<{ n: number }>(
      `SELECT count(*)::bigint AS n FROM ledger_balances WHERE account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_z/available/usd')`,
    );
    expect(rows?.n).toBe(4);
    const setRow = (shard: number, balance: number) =>
      `UPDATE ledger_balances SET balance_minor = ${balance}
        WHERE shard = ${shard} AND account_id = (SELECT id FROM ledger_accounts WHERE key = 'acct_z/available/usd')`;
    // One row above zero does not let another go below it, whatever their sum.
    expect(await failure([setRow(0, 100), setRow(1, -1)])).toMatchObject({ code: '23514' });
  });

  it('knows the same operations, overdraft rule and line types as @atrium/core', async () => {
    const [ops] = await db.query<{ names: string[] }>(`SELECT enum_range(NULL::ledger_operation)::text[] AS names`);
    expect([...(ops?.names ?? [])].sort()).toEqual(Object.keys(OPERATION_TYPES).sort());
    const overdraw = await db.query<{ name: string; may: boolean }>(
      `SELECT name, ledger_may_overdraw(name::ledger_operation) AS may FROM unnest(enum_range(NULL::ledger_operation)::text[]) AS name`,
    );
    expect(Object.fromEntries(overdraw.map((row) => [row.name, row.may]))).toEqual(
      Object.fromEntries(Object.entries(OPERATION_TYPES).map(([name, rule]) => [name, rule.mayOverdraw])),
    );
    const [lineTypes] = await db.query<{ names: string[] }>(
      `SELECT enum_range(NULL::ledger_line_type)::text[] AS names`,
    );
    const types = [...(lineTypes?.names ?? [])];
    expect(types.sort()).toEqual([...LINE_TYPES].sort());
  });
});
