import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryableError } from './db';
import type { Queryable } from './db';
import { loadMigrations, migrate } from './migrate';
import { openTestDatabase, testDatabaseKinds } from './testing';
import type { TestDatabase } from './testing';

describe.each(await testDatabaseKinds())('the %s store', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('reports which driver it is', () => {
    expect(db.kind).toBe(kind);
  });

  it('returns bigint columns as exact numbers within the safe range', async () => {
    const [row] = await db.query<{ big: number }>('SELECT 9007199254740991::bigint AS big');
    expect(row?.big).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses bigint values a JS number cannot hold exactly', async () => {
    await expect(db.query('SELECT 9007199254740993::bigint AS big')).rejects.toThrow('outside the safe integer range');
  });

  it('commits a transaction whose work resolves and rolls back one whose work throws', async () => {
    await db.query('CREATE TABLE IF NOT EXISTS t_commit (v int)');
    await db.transaction('read committed', async (tx) => {
      await tx.query('INSERT INTO t_commit VALUES (1)');
    });
    await expect(
      db.transaction('serializable', async (tx) => {
        await tx.query('INSERT INTO t_commit VALUES (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await db.query<{ v: number }>('SELECT v FROM t_commit ORDER BY v');
    expect(rows.map((row) => row.v)).toEqual([1]);
  });

  it('runs the requested isolation level', async () => {
    const level = await db.transaction('repeatable read', async (tx) => {
      const [row] = await tx.query<{ transaction_isolation: string }>('SHOW transaction_isolation');
      return row?.transaction_isolation;
    });
    expect(level).toBe('repeatable read');
  });

  it('migrates once: a second run applies nothing', async () => {
    expect((await migrate(db)).applied).toEqual([]);
  });

  it('leaves the representative role with the person named last when two were stored (migration 0027)', async () => {
    const oneRepresentative = (await loadMigrations()).find((migration) => migration.version === 27);
    if (!oneRepresentative) throw new Error('migration 0027 is missing');
    const ids = await db.transaction('read committed', async (tx) => {
      // The state before 0027: no index, and an account with two representatives.
      await tx.query('DROP INDEX persons_one_representative');
      await tx.query(
        `INSERT INTO accounts (id, created_at, type, country, default_currency, business_type)
         VALUES ('acct_twoRepresentatives', now(), 'custom', 'DE', 'eur', 'company')`,
      );
      for (const id of ['person_first', 'person_second', 'person_owner']) {
        await tx.query(`INSERT INTO persons (id, account_id, created_at, relationship) VALUES ($1, $2, now(), $3)`, [
          id,
          'acct_twoRepresentatives',
          JSON.stringify(id === 'person_owner' ? { owner: true } : { representative: true, director: true }),
        ]);
      }
      await tx.exec(oneRepresentative.sql);
      return tx.query<{ id: string; relationship: Record<string, unknown> }>(
        `SELECT id, relationship FROM persons WHERE account_id = 'acct_twoRepresentatives' ORDER BY seq`,
      );
    });
    expect(ids).toEqual([
      { id: 'person_first', relationship: { representative: false, director: true } },
      { id: 'person_second', relationship: { representative: true, director: true } },
      { id: 'person_owner', relationship: { owner: true } },
    ]);
    await expect(
      db.query(
        `INSERT INTO persons (id, account_id, created_at, relationship)
         VALUES ('person_third', 'acct_twoRepresentatives', now(), '{"representative": true}')`,
      ),
    ).rejects.toThrow(/persons_one_representative/);
  });

  it('keeps only a version-shaped api_version on webhook endpoints, or none (migration 0031)', async () => {
    const insert = (id: string, apiVersion: string | null) =>
      db.query(
        `INSERT INTO webhook_endpoints (id, created_at, url, enabled_events, secret_ciphertext, api_version)
         VALUES ($1, now(), 'https://example.com/hooks', '{*}', '\\x00', $2)`,
        [id, apiVersion],
      );
    await insert('we_versioned', '2026-10-28.endive');
    await insert('we_unversioned', null);
    await expect(insert('we_malformed', 'latest')).rejects.toThrow(/api_version/);
    const rows = await db.query<{ id: string; api_version: string | null }>(
      `SELECT id, api_version FROM webhook_endpoints WHERE id IN ('we_versioned', 'we_unversioned') ORDER BY seq`,
    );
    expect(rows).toEqual([
      { id: 'we_versioned', api_version: '2026-10-28.endive' },
      { id: 'we_unversioned', api_version: null },
    ]);
  });

  it('reports a statement that cannot be prepared the same way every time it is sent', async () => {
    // Statements with parameters are prepared by name on PostgreSQL: a failed preparation must not
    // leave the driver believing the name exists ("prepared statement ... does not exist").
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(db.query('SELECT no_such_column FROM t_commit WHERE v = $1', [1])).rejects.toMatchObject({
        code: '42703',
      });
    }
  });

  it('runs a prepared statement again after the transaction it was first prepared in rolled back', async () => {
    const sum = 'SELECT $1::int + $2::int AS v';
    await expect(
      db.transaction('read committed', async (tx) => {
        expect(await tx.query<{ v: number }>(sum, [1, 2])).toEqual([{ v: 3 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // Several at once, so they run on several connections of the pool, some of which prepared it.
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => db.query<{ v: number }>(sum, [i, 1])));
    expect(results.map(([row]) => row?.v)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('stamps objects with the test clock through atrium_now()', async () => {
    const [row] = await db.query<{ drift: number }>('SELECT extract(epoch FROM atrium_now() - now())::bigint AS drift');
    expect(row?.drift).toBe(0);
  });

  it('moves atrium_now() within a transaction only when that transaction moves the clock', async () => {
    const offset = async (q: Queryable) =>
      (await q.query<{ drift: number }>('SELECT extract(epoch FROM atrium_now() - now())::bigint AS drift'))[0]?.drift;
    await db.transaction('read committed', async (tx) => {
      const before = (await offset(tx)) ?? 0;
      await tx.query('UPDATE test_clock SET offset_seconds = offset_seconds + 3600 WHERE singleton');
      expect(await offset(tx)).toBe(before + 3600);
    });
    if (kind !== 'postgres') return;
    // Another transaction moving the clock meanwhile does not move this one's time.
    await db.transaction('read committed', async (tx) => {
      const before = await offset(tx);
      await db.query('UPDATE test_clock SET offset_seconds = offset_seconds + 86400 WHERE singleton');
      expect(await offset(tx)).toBe(before);
    });
    expect(await offset(db)).toBe(3600 + 86400);
  });
});

describe('isRetryableError', () => {
  it('retries serialization failures and deadlocks, nothing else', () => {
    expect(isRetryableError({ code: '40001' })).toBe(true);
    expect(isRetryableError({ code: '40P01' })).toBe(true);
    expect(isRetryableError({ code: '23505' })).toBe(false);
    expect(isRetryableError(new Error('boom'))).toBe(false);
  });
});

describe.each((await testDatabaseKinds()).filter((kind) => kind === 'postgres'))(
  'prepared statements on %s after a migration changed their table',
  (kind) => {
    let db: TestDatabase;
    beforeAll(async () => {
      // One connection, so every statement runs where the earlier ones were prepared.
      db = await openTestDatabase(kind, { maxConnections: 1 });
      await db.query('CREATE TABLE t_altered (id int PRIMARY KEY)');
      await db.query('INSERT INTO t_altered VALUES (1)');
    });
    afterAll(async () => {
      await db.destroy();
    });
    const read = 'SELECT * FROM t_altered WHERE id = $1';

    it('runs a statement on its own again, prepared afresh', async () => {
      expect(await db.query(read, [1])).toEqual([{ id: 1 }]);
      await db.query('ALTER TABLE t_altered ADD COLUMN note text');
      expect(await db.query(read, [1])).toEqual([{ id: 1, note: null }]);
    });

    it('refuses a transaction with a retryable error, and the retry succeeds', async () => {
      expect(await db.transaction('read committed', (tx) => tx.query(read, [1]))).toEqual([{ id: 1, note: null }]);
      await db.query('ALTER TABLE t_altered ADD COLUMN seen boolean');

      const refusal = db.transaction('read committed', (tx) => tx.query(read, [1]));
      await expect(refusal).rejects.toMatchObject({ code: '0A000' });
      expect(isRetryableError(await refusal.catch((error: unknown) => error))).toBe(true);
      expect(await db.transaction('read committed', (tx) => tx.query(read, [1]))).toEqual([
        { id: 1, note: null, seen: null },
      ]);
    });
  },
);
