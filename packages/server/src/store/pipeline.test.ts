import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from './testing';
import type { TestDatabase } from './testing';

describe.each(await testDatabaseKinds())('statements sent together on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.query('CREATE TABLE t_pipeline (id int PRIMARY KEY, note text)');
  });
  afterAll(async () => {
    await db.destroy();
  });
  const ids = async () =>
    (await db.query<{ id: number }>('SELECT id FROM t_pipeline ORDER BY id')).map((row) => row.id);

  it("runs a pipeline's statements in order and returns each one's rows", async () => {
    const rows = await db.transaction('read committed', (tx) =>
      tx.pipeline([
        { sql: 'INSERT INTO t_pipeline (id, note) VALUES ($1, $2) RETURNING id', params: [1, 'one'] },
        { sql: 'INSERT INTO t_pipeline (id, note) VALUES ($1, $2) RETURNING id', params: [2, 'two'] },
        { sql: 'SELECT count(*)::int AS n FROM t_pipeline' },
      ]),
    );
    expect(rows).toEqual([[{ id: 1 }], [{ id: 2 }], [{ n: 2 }]]);
    expect(await ids()).toEqual([1, 2]);
  });

  it('throws the failure of a statement in a pipeline, and nothing of the transaction commits', async () => {
    const failed = db.transaction('read committed', async (tx) => {
      await tx.query('INSERT INTO t_pipeline (id) VALUES (3)');
      return tx.pipeline([
        { sql: 'INSERT INTO t_pipeline (id) VALUES ($1)', params: [4] },
        { sql: 'SELECT 1 / $1::int AS x', params: [0] },
        { sql: 'INSERT INTO t_pipeline (id) VALUES ($1)', params: [5] },
      ]);
    });
    await expect(failed).rejects.toMatchObject({ code: '22012' });
    expect(await ids()).toEqual([1, 2]);
    // The connection goes on serving transactions.
    expect(await db.transaction('read committed', (tx) => tx.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it("runs a statement given to atCommit with the transaction's COMMIT", async () => {
    await db.transaction('read committed', async (tx) => {
      await tx.query('INSERT INTO t_pipeline (id) VALUES (6)');
      tx.atCommit({ sql: 'INSERT INTO t_pipeline (id, note) VALUES ($1, $2)', params: [7, 'last'] });
      // Not run yet: it goes with COMMIT.
      expect(await tx.query('SELECT id FROM t_pipeline WHERE id = 7')).toEqual([]);
    });
    expect(await ids()).toEqual([1, 2, 6, 7]);
  });

  it('commits nothing when the statement given to atCommit fails, and throws its error', async () => {
    const failed = db.transaction('read committed', async (tx) => {
      await tx.query('INSERT INTO t_pipeline (id) VALUES (8)');
      tx.atCommit({ sql: 'INSERT INTO t_pipeline (id) VALUES ($1)', params: [1] });
      return 'answered';
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await ids()).toEqual([1, 2, 6, 7]);
    expect(await db.transaction('read committed', (tx) => tx.query('SELECT 2 AS two'))).toEqual([{ two: 2 }]);
  });
});
