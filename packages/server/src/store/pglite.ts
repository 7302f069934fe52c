import { PGlite, types } from '@electric-sql/pglite';
import type { Database, IsolationLevel, NotificationListener, Statement, Subscription, Transaction } from './db';
import { mapInTurn, parseInt8 } from './db';

/**
 * Opens the embedded database: files under `dataDir`, or memory when `dataDir` is undefined.
 * PGlite is single-user and queues every query and transaction behind one lock, so it is right
 * for the embedded default and for tests, and wrong for concurrency tests and benchmarks.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    parsers: { [types.INT8]: parseInt8 },
  });
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) => {
    const result = await target.query<Row>(sql, params ? [...params] : undefined);
    return result.rows;
  };
  const subscriptions = new Set<Subscription>();
  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    async transaction<T>(isolation: IsolationLevel, work: (tx: Transaction) => Promise<T>) {
      return pg.transaction(async (tx) => {
        await tx.query(`SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}`);
        const last: Statement[] = [];
        const result = await work({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
          // One embedded connection, nothing to save on round trips: in turn.
          pipeline: (statements) => mapInTurn(statements, (statement) => run(tx, statement.sql, statement.params)),
          atCommit: (statement) => {
            last.push(statement);
          },
        });
        for (const statement of last) await run(tx, statement.sql, statement.params);
        return result;
      });
    },
    listen(channel: string, listener: NotificationListener): Subscription {
      // One embedded connection: a subscription cannot be lost, only closed.
      const started = pg
        .listen(channel, (payload) => listener.notify(payload))
        .then((unlisten) => {
          listener.live(true);
          return unlisten;
        });
      const subscription: Subscription = {
        async close() {
          subscriptions.delete(subscription);
          const unlisten = await started;
          if (!pg.closed) await unlisten();
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      await pg.close();
    },
  };
}
