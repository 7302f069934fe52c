import pg from 'pg';
import { randomBase62 } from '../ids';
import type { Database, DatabaseKind } from './db';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/**
 * Test databases for both drivers. PostgreSQL tests use `DATABASE_URL` (or the local server at
 * 127.0.0.1:5432) only to create a uniquely named database, and drop it afterwards.
 */
export const ADMIN_URL = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** Closes the connections and, for PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

let postgresReachable: Promise<boolean> | undefined;

/** Whether a PostgreSQL server answers at ADMIN_URL; asked once per test file. */
export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return postgresReachable;
}

/**
 * The drivers a storage test runs on: PGlite always, PostgreSQL when a server can be reached. When
 * none can, the PostgreSQL leg is left out with a message saying so, never silently.
 */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  if (await isPostgresReachable()) return ['pglite', 'postgres'];
  process.stderr.write(`PostgreSQL is not reachable at ${redacted(ADMIN_URL)}: storage tests run on PGlite only.\n`);
  return ['pglite'];
}

/** A fresh, migrated database of the given kind. */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { maxConnections?: number } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite(undefined);
    await migrate(db);
    return Object.assign(db, { destroy: () => db.close() });
  }
  const name = `atrium_test_${randomBase62(10).toLowerCase()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres({ connectionString: url.toString(), maxConnections: options.maxConnections ?? 40 });
  await migrate(db);
  return Object.assign(db, {
    async destroy() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
