import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, IsolationLevel, Transaction } from '../../packages/server/src/store/db';
import { parseInt8 } from '../../packages/server/src/store/db';

/** The type oid of `bigint` (int8) columns. */
const INT8_OID = 20;

const getTypeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8_OID
    ? parseInt8
    : (pg.types.getTypeParser as (oid: number, format: string) => unknown)(
        oid,
        format ?? 'text',
      )) as typeof pg.types.getTypeParser;

/**
 * The store's PostgreSQL driver with one change, for `--prepared` runs only: every statement is
 * sent as a named prepared statement (named by a hash of its text), so each connection parses and
 * plans it once instead of on every request. It measures what that change to
 * packages/server/src/store/postgres.ts would be worth; the product does not use this file.
 */
export function openPreparedPostgres(connectionString: string, maxConnections: number): Database {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types: { getTypeParser } });
  pool.on('error', () => undefined);
  const run = async <Row>(target: pg.Pool | pg.PoolClient, text: string, values?: readonly unknown[]) => {
    const name = createHash('sha1').update(text).digest('hex').slice(0, 24);
    const result = await target.query({ name, text, values: values ? [...values] : [] });
    return result.rows as Row[];
  };
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction<T>(isolation: IsolationLevel, work: (tx: Transaction) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
        const result = await work({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
