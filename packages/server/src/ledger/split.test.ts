import type { ConnectedAccountId } from '@atrium/core';
import {
  PLATFORM_AVAILABLE_SHARDS,
  ledgerAccountKey,
  ledgerAccountPolicy,
  platformAccount,
  separateChargeRefundEntry,
  topupEntry,
  topupSettlementEntry,
  transferEntry,
} from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryableError } from '../store/db';
import { loadMigrations } from '../store/migrate';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { checkLedger } from './check';
import { LEDGER_ISOLATION, postEntries, postEntry } from './post';
import type { PostEntryResult } from './post';
import { getBalance } from './read';

const AVAILABLE = platformAccount('available', 'usd');

/** The platform's available USD balance, row by row (shard order). */
async function rowsOf(db: TestDatabase): Promise<number[]> {
  const rows = await db.query<{ balance_minor: number }>(
    `SELECT b.balance_minor FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
      WHERE a.key = 'platform/available/usd' ORDER BY b.shard`,
  );
  return rows.map((row) => row.balance_minor);
}

let sequence = 0;
const fund = (db: TestDatabase, amountMinor: number) => {
  const topupId = `tu_split${(sequence += 1)}`;
  return db.transaction(LEDGER_ISOLATION, (tx) =>
    postEntries(tx, [
      topupEntry({ topupId, currency: 'usd', amountMinor }),
      topupSettlementEntry({ topupId, currency: 'usd', amountMinor }),
    ]),
  );
};
const pay = (
  db: TestDatabase,
  amountMinor: number,
  transferId = `tr_split${(sequence += 1)}`,
  destination: ConnectedAccountId = 'acct_seller',
) =>
  db.transaction(LEDGER_ISOLATION, (tx) =>
    postEntry(tx, transferEntry({ transferId, destination, currency: 'usd', amountMinor, balance: 'available' })),
  );

describe.each(await testDatabaseKinds())("the platform's available balance split over rows, on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await openLedgerFor(tx, 'platform', 'usd');
      await openLedgerFor(tx, 'acct_seller', 'usd');
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('puts money in on the poorest row and reads the sum', async () => {
    expect(await rowsOf(db)).toEqual(Array<number>(PLATFORM_AVAILABLE_SHARDS).fill(0));
    expect(await fund(db, 1_000)).toMatchObject({ ok: true });
    expect(await fund(db, 500)).toMatchObject({ ok: true });
    expect(await rowsOf(db)).toEqual([1_000, 500, 0, 0, 0, 0, 0, 0]);
    expect(await getBalance(db, AVAILABLE)).toBe(1_500);
  });

  it('takes money out of a row that holds enough', async () => {
    expect(await pay(db, 400)).toMatchObject({ ok: true });
    expect(await rowsOf(db)).toEqual([600, 500, 0, 0, 0, 0, 0, 0]);
  });

  it('pays from the whole balance when no row holds enough, and refuses only beyond it', async () => {
    // 900 is more than any row holds but less than their sum (1,100): the rows are gathered into
    // one, the lowest (the first empty row), and the transfer is paid from it.
    expect(await pay(db, 900)).toMatchObject({ ok: true });
    expect(await rowsOf(db)).toEqual([0, 0, 200, 0, 0, 0, 0, 0]);
    const refused = await pay(db, 201);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'insufficient_funds', account: 'platform/available/usd', balanceMinor: 200, changeMinor: -201 },
    });
    expect(await getBalance(db, AVAILABLE)).toBe(200);
    expect(await pay(db, 200)).toMatchObject({ ok: true });
    expect(await getBalance(db, AVAILABLE)).toBe(0);
    expect(await checkLedger(db)).toEqual([]);
  });

  it('lets a refund take the balance below zero in one row, refusing transfers until money comes in', async () => {
    expect(await fund(db, 300)).toMatchObject({ ok: true });
    expect(await fund(db, 200)).toMatchObject({ ok: true });
    const refund = separateChargeRefundEntry({ refundId: 're_split', currency: 'usd', amountMinor: 550 });
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, refund))).toMatchObject({ ok: true });
    const rows = await rowsOf(db);
    expect(rows.filter((balance) => balance !== 0)).toEqual([-50]);
    expect(await pay(db, 1)).toMatchObject({ ok: false, error: { code: 'insufficient_funds', balanceMinor: -50 } });
    // Money in goes to the poorest row, the one below zero.
    expect(await fund(db, 80)).toMatchObject({ ok: true });
    expect((await rowsOf(db)).filter((balance) => balance !== 0)).toEqual([30]);
    expect(await pay(db, 31)).toMatchObject({ ok: false, error: { code: 'insufficient_funds', balanceMinor: 30 } });
    expect(await pay(db, 30)).toMatchObject({ ok: true });
    expect(await checkLedger(db)).toEqual([]);
  });

  it('checks each call by the most its entries take at any point, not by their sum', async () => {
    expect(await fund(db, 100)).toMatchObject({ ok: true });
    const entries = [
      transferEntry({
        transferId: 'tr_first',
        destination: 'acct_seller',
        currency: 'usd',
        amountMinor: 150,
        balance: 'available',
      }),
      topupSettlementEntry({ topupId: 'tu_later', currency: 'usd', amountMinor: 100 }),
    ];
    const result = await db.transaction(LEDGER_ISOLATION, (tx) =>
      postEntries(tx, [topupEntry({ topupId: 'tu_later', currency: 'usd', amountMinor: 100 }), ...entries]),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'insufficient_funds', entryIndex: 1, balanceMinor: 100 },
    });
    expect(await getBalance(db, AVAILABLE)).toBe(100);
  });

  it('spreads the money evenly when it gathers rows that can each still pay', async () => {
    const [account] = await db.query<{ id: number }>(
      `SELECT id FROM ledger_accounts WHERE key = 'platform/available/usd'`,
    );
    expect(await fund(db, 1_500)).toMatchObject({ ok: true });
    const before = await rowsOf(db);
    const total = before.reduce((sum, balance) => sum + balance, 0);
    expect(total).toBe(1_600);
    const [gathered] = await db.transaction(LEDGER_ISOLATION, (tx) =>
      tx.query<{ shard: number; balance_minor: number }>('SELECT shard, balance_minor FROM ledger_gather($1, $2)', [
        account?.id,
        100,
      ]),
    );
    expect(await rowsOf(db)).toEqual(Array<number>(PLATFORM_AVAILABLE_SHARDS).fill(200));
    expect(gathered?.balance_minor).toBe(200);
    // Too little to leave every row able to pay: all of it in one row.
    await db.transaction(LEDGER_ISOLATION, (tx) => tx.query('SELECT ledger_gather($1, $2)', [account?.id, 201]));
    expect(await rowsOf(db)).toEqual([1_600, 0, 0, 0, 0, 0, 0, 0]);
    expect(await checkLedger(db)).toEqual([]);
  });
});

describe.each(await testDatabaseKinds())('migration 0032 on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("splits a platform's available balance opened before it, keeping its money", async () => {
    const split = (await loadMigrations()).find((migration) => migration.version === 32);
    if (!split) throw new Error('migration 0032 is missing');
    const euro = platformAccount('available', 'eur');
    // The state before 0032: the account opened in one row, with money in it.
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await openLedgerFor(tx, 'platform', 'eur', {
        policyOf: (ref) =>
          ledgerAccountKey(ref) === ledgerAccountKey(euro)
            ? { allowNegative: false, shardCount: 1 }
            : ledgerAccountPolicy(ref),
      });
      await openLedgerFor(tx, 'acct_seller', 'eur');
      const funded = await postEntries(tx, [
        topupEntry({ topupId: 'tu_before', currency: 'eur', amountMinor: 700 }),
        topupSettlementEntry({ topupId: 'tu_before', currency: 'eur', amountMinor: 700 }),
      ]);
      expect(funded.ok).toBe(true);
    });
    await db.transaction(LEDGER_ISOLATION, (tx) => tx.exec(split.sql));

    const rows = await db.query<{ shard: number; balance_minor: number }>(
      `SELECT b.shard, b.balance_minor FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
        WHERE a.key = 'platform/available/eur' ORDER BY b.shard`,
    );
    expect(rows.map((row) => row.balance_minor)).toEqual([700, 0, 0, 0, 0, 0, 0, 0]);
    const [account] = await db.query<{ shard_count: number }>(
      `SELECT shard_count FROM ledger_accounts WHERE key = 'platform/available/eur'`,
    );
    expect(account?.shard_count).toBe(PLATFORM_AVAILABLE_SHARDS);
    const transfer = (transferId: string, amountMinor: number) =>
      db.transaction(LEDGER_ISOLATION, (tx) =>
        postEntry(
          tx,
          transferEntry({ transferId, destination: 'acct_seller', currency: 'eur', amountMinor, balance: 'available' }),
        ),
      );
    expect(await transfer('tr_after1', 701)).toMatchObject({ ok: false, error: { balanceMinor: 700 } });
    expect(await transfer('tr_after2', 700)).toMatchObject({ ok: true });
    expect(await checkLedger(db)).toEqual([]);
    // The accounts' table is still refused changes.
    await expect(
      db.query(`UPDATE ledger_accounts SET shard_count = 2 WHERE key = 'platform/available/eur'`),
    ).rejects.toThrow(/append-only/);
  });
});

/** `work` (one transaction), run again on a deadlock as `runOperation` would. */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableError(error) || attempt >= 5) throw error;
    }
  }
}

/** One transfer posting in its own transaction, run again on a deadlock. */
const payWithRetries = (db: TestDatabase, transferId: string, amountMinor: number, destination: ConnectedAccountId) =>
  retried(() => pay(db, amountMinor, transferId, destination));

/** Calls of `ledger_gather` this connection has counted and not yet reported (flushed at most once a second). */
const GATHERS_PENDING = `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_xact_user_functions WHERE funcname = 'ledger_gather'`;

/** As `payWithRetries`, telling also whether the posting called `ledger_gather` (counted before and after it). */
const payTellingGathers = (
  db: TestDatabase,
  transferId: string,
  amountMinor: number,
  destination: ConnectedAccountId,
) =>
  retried(() =>
    db.transaction(LEDGER_ISOLATION, async (tx) => {
      await tx.query("SET LOCAL track_functions = 'pl'");
      const [before] = await tx.query<{ calls: number }>(GATHERS_PENDING);
      const result = await postEntry(
        tx,
        transferEntry({ transferId, destination, currency: 'usd', amountMinor, balance: 'available' }),
      );
      const [after] = await tx.query<{ calls: number }>(GATHERS_PENDING);
      return { result, gathered: (after?.calls ?? 0) > (before?.calls ?? 0) };
    }),
  );

/** A promise and what settles it, for one transaction to wait for another's step. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** As many sellers as workers, so that the platform's balance is the one row every transfer shares. */
const SELLERS = Array.from({ length: 32 }, (_, index): ConnectedAccountId => `acct_s${index}`);

describe.each((await testDatabaseKinds()).filter((kind) => kind === 'postgres'))(
  "concurrent transfers from the platform's split available balance on %s",
  (kind) => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(kind, { maxConnections: 40 });
      await db.transaction(LEDGER_ISOLATION, async (tx) => {
        await openLedgerFor(tx, 'platform', 'usd');
        for (const seller of SELLERS) await openLedgerFor(tx, seller, 'usd');
      });
    });
    afterAll(async () => {
      await db.destroy();
    });

    it('refuses a transfer from a row that holds enough while another row is below zero', async () => {
      expect(await fund(db, 100)).toMatchObject({ ok: true });
      const refund = separateChargeRefundEntry({ refundId: 're_raceBelow', currency: 'usd', amountMinor: 150 });
      expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, refund))).toMatchObject({ ok: true });
      expect((await rowsOf(db)).filter((balance) => balance !== 0)).toEqual([-50]);
      // While another transaction holds the row below zero, money comes in on another row.
      const held = signal();
      const isLocked = signal();
      const holder = db.transaction(LEDGER_ISOLATION, async (tx) => {
        await tx.query(
          `SELECT 1 FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
            WHERE a.key = 'platform/available/usd' AND b.balance_minor < 0 FOR NO KEY UPDATE`,
        );
        isLocked.resolve();
        await held.promise;
      });
      await isLocked.promise;
      expect(await fund(db, 100)).toMatchObject({ ok: true });
      held.resolve();
      await holder;
      expect((await rowsOf(db)).filter((balance) => balance !== 0).sort((a, b) => a - b)).toEqual([-50, 100]);
      // 60 fits in the row with 100, but the account holds 50: refused, as one row would.
      expect(await pay(db, 60, 'tr_belowOver', 'acct_s0')).toMatchObject({
        ok: false,
        error: { code: 'insufficient_funds', balanceMinor: 50 },
      });
      expect(await pay(db, 50, 'tr_belowExact', 'acct_s0')).toMatchObject({ ok: true });
      expect(await getBalance(db, AVAILABLE)).toBe(0);
      expect(await checkLedger(db)).toEqual([]);
    });

    it('pays exactly what the balance holds with 32 workers, from several rows at once', async () => {
      // One top-up lands on one row; the transfers spread it over the others as they gather.
      expect(await fund(db, 30_000)).toMatchObject({ ok: true });
      const ids = Array.from({ length: 400 }, (_, index) => `tr_race${index}`);
      let next = 0;
      const results: PostEntryResult[] = [];
      const worker = async () => {
        for (let index = next++; index < ids.length; index = next++) {
          const seller = SELLERS[index % SELLERS.length] ?? 'acct_s0';
          results.push(await payWithRetries(db, ids[index] ?? '', 100, seller));
        }
      };
      await Promise.all(Array.from({ length: 32 }, worker));

      // Serially, 300 transfers of 100 fit in 30,000: concurrency must not pay one more or one less.
      expect(results.filter((result) => result.ok)).toHaveLength(300);
      const refusals = results.flatMap((result) => (result.ok ? [] : [result.error.code]));
      expect(refusals).toEqual(Array<string>(100).fill('insufficient_funds'));
      expect(await getBalance(db, AVAILABLE)).toBe(0);
      const [used] = await db.query<{ shards: number }>(
        `SELECT count(DISTINCT l.shard)::bigint AS shards FROM ledger_lines l JOIN ledger_accounts a ON a.id = l.account_id
          WHERE a.key = 'platform/available/usd' AND l.source_id LIKE 'tr\\_race%'`,
      );
      expect(used?.shards).toBeGreaterThan(1);
      const negative = await db.query(`SELECT 1 FROM ledger_balances WHERE balance_minor < 0 AND NOT allow_negative`);
      expect(negative).toEqual([]);
      expect(await checkLedger(db)).toEqual([]);
    }, 120_000);

    it('gathers once when a burst of transfers finds the money in one row', async () => {
      // A top-up lands on one row; 32 workers then pay far less than it holds. The first posting
      // that finds too few rows holding enough gathers (spreading the money); the others wait for
      // it and take a row, rather than each gathering again in turn.
      expect((await rowsOf(db)).every((balance) => balance === 0)).toBe(true);
      expect(await fund(db, 100_000)).toMatchObject({ ok: true });
      expect((await rowsOf(db)).filter((balance) => balance !== 0)).toEqual([100_000]);
      const outcomes: { result: PostEntryResult; gathered: boolean }[] = [];
      let next = 0;
      const worker = async () => {
        for (let index = next++; index < 96; index = next++) {
          const seller = SELLERS[index % SELLERS.length] ?? 'acct_s0';
          outcomes.push(await payTellingGathers(db, `tr_burst${index}`, 100, seller));
        }
      };
      await Promise.all(Array.from({ length: 32 }, worker));

      expect(outcomes.filter((outcome) => outcome.result.ok)).toHaveLength(96);
      expect(outcomes.filter((outcome) => outcome.gathered)).toHaveLength(1);
      expect(await getBalance(db, AVAILABLE)).toBe(100_000 - 9_600);
      expect((await rowsOf(db)).filter((balance) => balance > 0).length).toBeGreaterThan(1);
      expect(await checkLedger(db)).toEqual([]);
    }, 120_000);
  },
);
