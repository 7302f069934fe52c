import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, IsolationLevel, NotificationListener, Subscription, Transaction } from './db';
import { isStalePlanError, parseInt8 } from './db';
import { asUnavailable, isConnectionFailure } from './unavailable';

/** The type oid of `bigint` (int8) columns. */
const INT8_OID = 20;

/** How many distinct statements are prepared by name; any beyond run unnamed (parsed every time). */
const NAMED_STATEMENT_LIMIT = 2_000;

/**
 * Statements with parameters are prepared once per connection, under a name derived from their
 * text, and then only bound and executed: PostgreSQL no longer parses and plans each one on every
 * call, which was a good part of its CPU per request (see bench/results/http.md). Statement texts
 * are fixed strings in the code (values always go in parameters), so their number is bounded; the
 * limit only guards against a caller that builds texts without end.
 *
 * A migration run by another instance can change a table's columns under statements prepared
 * before it; PostgreSQL then refuses them (`isStalePlanError`). `forget` starts a new generation
 * of names, so every statement is prepared again, on every connection, on its next use.
 */
function statementNames() {
  let generation = 0;
  let names = new Map<string, string>();
  return {
    nameOf(sql: string): string | undefined {
      const known = names.get(sql);
      if (known !== undefined || names.size >= NAMED_STATEMENT_LIMIT) return known;
      const name = `atrium_${generation}_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
      names.set(sql, name);
      return name;
    },
    forget(): void {
      generation += 1;
      names = new Map();
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; each in-flight transaction holds one connection. */
  maxConnections?: number;
}

/** Opens a pool on a PostgreSQL 15+ server. The first connection is made here, so a wrong URL fails at start. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID
          ? parseInt8
          : (pg.types.getTypeParser as (oid: number, format: string) => unknown)(
              oid,
              format ?? 'text',
            )) as typeof pg.types.getTypeParser,
    },
  });
  // A backend killed by an administrator or a restart surfaces here on idle clients; the pool
  // discards them and the next query opens a new connection.
  pool.on('error', () => undefined);
  const lost = new WeakSet<pg.Client>();
  pool.on('connect', (client) => {
    // A client can receive its backend's exit with no query running, even in the same read as
    // the answer to its last query, after the pool handed it to a waiting `connect()` and before
    // the waiter could listen. With no listener the 'error' event would end the process; this
    // one, for the client's whole life, marks it lost instead and the next query fails.
    client.on('error', () => lost.add(client));
  });
  const probe = await pool.connect();
  probe.release();

  const subscriptions = new Set<Subscription>();
  const statements = statementNames();
  const run = async <Row>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const send = () =>
      target.query(
        params ? { text: sql, values: [...params], name: statements.nameOf(sql) } : { text: sql, values: undefined },
      );
    try {
      return (await send()).rows as Row[];
    } catch (error) {
      if (!isStalePlanError(error)) throw error;
      statements.forget();
      // Inside a transaction the refusal aborted it: the caller runs it again (a retryable error).
      // On its own, the statement simply goes again, under a new name.
      if (target !== pool) throw error;
      return (await send()).rows as Row[];
    }
  };
  return {
    kind: 'postgres',
    async query(sql, params) {
      try {
        return await run(pool, sql, params);
      } catch (error) {
        // Outside a transaction the statement commits on its own: once sent, its outcome is unknown.
        throw asUnavailable(error, 'unknown');
      }
    },
    async transaction<T>(isolation: IsolationLevel, work: (tx: Transaction) => Promise<T>) {
      const client = await begin(pool, isolation);
      // Set inside `try`; an object, because the catch would otherwise narrow it to its first value.
      const phase = { committing: false, broken: false };
      try {
        const result = await work({
          query: async (sql, params) => {
            try {
              return await run(client, sql, params);
            } catch (error) {
              throw asUnavailable(error, 'rolled_back');
            }
          },
          exec: async (sql) => {
            try {
              await client.query(sql);
            } catch (error) {
              throw asUnavailable(error, 'rolled_back');
            }
          },
        });
        // A connection already lost cannot commit: the server rolled the transaction back.
        phase.committing = !lost.has(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          phase.broken = true;
        }
        throw asUnavailable(error, phase.committing ? 'unknown' : 'rolled_back');
      } finally {
        client.release(phase.broken || lost.has(client));
      }
    },
    listen(channel: string, listener: NotificationListener): Subscription {
      const subscription = listenOn(options.connectionString, channel, listener, () =>
        subscriptions.delete(subscription),
      );
      subscriptions.add(subscription);
      return subscription;
    },
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      await pool.end();
    },
  };
}

/** Waits before connecting a lost subscription again: doubling from the first to the last. */
const RECONNECT_DELAYS_MS = { first: 250, last: 5_000 };
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A subscription on a connection of its own (a pooled one would be handed to other work). When the
 * connection is lost (a killed backend, a restart, a network fault) the listener hears
 * `live(false)`, and the connection is made again after a growing delay until it works. TCP
 * keep-alive lets a silently dead connection be noticed.
 */
function listenOn(
  connectionString: string,
  channel: string,
  listener: NotificationListener,
  onClose: () => void,
): Subscription {
  if (!CHANNEL_NAME.test(channel)) throw new RangeError(`Not a channel name: ${channel}`);
  let current: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = RECONNECT_DELAYS_MS.first;

  const connect = async () => {
    retry = undefined;
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: `atrium_listen_${channel}`,
    });
    current = client;
    const lost = () => {
      if (current !== client) return;
      current = undefined;
      client.end().catch(() => undefined);
      listener.live(false);
      if (closed) return;
      retry = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, RECONNECT_DELAYS_MS.last);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (current === client) listener.notify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      lost();
      return;
    }
    if (current !== client) return;
    delay = RECONNECT_DELAYS_MS.first;
    listener.live(true);
  };
  void connect();

  return {
    async close() {
      if (closed) return;
      closed = true;
      onClose();
      clearTimeout(retry);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * Checks a connection out and opens a transaction on it. A connection found dead at `BEGIN` (its
 * backend was killed while it sat in the pool) is replaced once: nothing had run on it.
 */
async function begin(pool: pg.Pool, isolation: IsolationLevel): Promise<pg.PoolClient> {
  for (let attempt = 1; ; attempt += 1) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw asUnavailable(error, 'not_run');
    }
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
      return client;
    } catch (error) {
      client.release(true);
      if (attempt >= 2 || !isConnectionFailure(error)) throw asUnavailable(error, 'not_run');
    }
  }
}
