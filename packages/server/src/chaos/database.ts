import pg from 'pg';
import { randomBase62 } from '../ids';
import { migrate } from '../store/migrate';
import { openPostgres } from '../store/postgres';
import { ADMIN_URL } from '../store/testing';

/** A uniquely named, migrated PostgreSQL database on the server of `ADMIN_URL`, dropped by `drop()`. */
export interface ScratchDatabase {
  name: string;
  /** The database's URL on the server itself. */
  url: string;
  /** The same database reached through another port on this host (a proxy in front of the server). */
  urlVia(port: number): string;
  drop(): Promise<void>;
}

/** Runs one statement on the server's maintenance database, on a connection of its own. */
export async function adminQuery<Row extends object = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  // A restart of the server may end this connection; the failed query reports it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates and migrates a fresh database for one test or run. */
export async function createScratchDatabase(prefix = 'atrium_chaos'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBase62(10).toLowerCase()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres({ connectionString: url.toString(), maxConnections: 2 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return {
    name,
    url: url.toString(),
    urlVia(port) {
      const via = new URL(url);
      via.hostname = '127.0.0.1';
      via.port = String(port);
      return via.toString();
    },
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The upstream host and port of `ADMIN_URL`, for a proxy in front of the server. */
export function serverAddress(): { host: string; port: number } {
  const url = new URL(ADMIN_URL);
  return { host: url.hostname, port: url.port === '' ? 5432 : Number(url.port) };
}
