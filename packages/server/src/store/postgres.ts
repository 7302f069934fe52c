import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Writable } from 'node:stream';
import type { Database, IsolationLevel, NotificationListener, Statement, Subscription, Transaction } from './db';
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
    // Statements are sent without waiting for the one before when a transaction asks for it
    // (`pipeline`, `atCommit`, BEGIN); one at a time otherwise, since every caller awaits each.
    pipeline: true,
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
  /**
   * One try at a transaction on `client`, which it releases. BEGIN is not waited for: in pipeline
   * mode the first statement goes right behind it. The statements given to `atCommit` go with
   * COMMIT; if one fails, the server turns COMMIT into a rollback and that failure is thrown.
   */
  async function attemptTransaction<T>(
    client: pg.PoolClient,
    isolation: IsolationLevel,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<Attempt<T>> {
    // Held until this turn of the event loop ends, BEGIN leaves in the same write as whatever the
    // work sends before its first wait (runOperation's claim).
    holdWrites(client);
    const begun = failureOf(client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`));
    const last: Statement[] = [];
    // Set inside `try`; an object, because the catch would otherwise narrow it to its first value.
    const phase = { committing: false, broken: false };
    const inTransaction = async <R>(answer: Promise<R>): Promise<R> => {
      try {
        return await answer;
      } catch (error) {
        throw asUnavailable(error, 'rolled_back');
      }
    };
    try {
      const value = await work({
        query: (sql, params) => inTransaction(run(client, sql, params)),
        exec: (sql) => inTransaction(client.query(sql).then(() => undefined)),
        pipeline: async (statements) => {
          const sent = together(client, () =>
            statements.map((statement) => run<Record<string, unknown>>(client, statement.sql, statement.params)),
          );
          // Every answer is awaited before a failure is thrown: none may be left to reject unheard.
          const answers = await Promise.allSettled(sent);
          const rows: Record<string, unknown>[][] = [];
          for (const answer of answers) {
            if (answer.status === 'rejected') throw asUnavailable(answer.reason, 'rolled_back');
            rows.push(answer.value);
          }
          return rows;
        },
        atCommit: (statement) => {
          last.push(statement);
        },
      });
      const beginFailure = await begun;
      if (beginFailure !== undefined) throw beginFailure;
      // A connection already lost cannot commit: the server rolled the transaction back.
      phase.committing = !lost.has(client);
      const finals = together(client, () => {
        const sent = last.map((statement) => failureOf(run(client, statement.sql, statement.params)));
        return { sent, committed: client.query('COMMIT') };
      });
      const failure = (await Promise.all(finals.sent)).find((failed) => failed !== undefined);
      await finals.committed;
      if (failure !== undefined) throw failure;
      client.release(lost.has(client));
      return { ok: true, value };
    } catch (error) {
      const beginFailure = await begun;
      if (beginFailure !== undefined) {
        client.release(true);
        return {
          ok: false,
          error: asUnavailable(beginFailure, 'not_run'),
          beganOnDeadConnection: isConnectionFailure(beginFailure),
        };
      }
      try {
        await client.query('ROLLBACK');
      } catch {
        phase.broken = true;
      }
      client.release(phase.broken || lost.has(client));
      return {
        ok: false,
        error: asUnavailable(error, phase.committing ? 'unknown' : 'rolled_back'),
        beganOnDeadConnection: false,
      };
    }
  }

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
      for (let attempt = 1; ; attempt += 1) {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          throw asUnavailable(error, 'not_run');
        }
        const outcome = await attemptTransaction(client, isolation, work);
        if (outcome.ok) return outcome.value;
        // A connection found dead at BEGIN (its backend was killed while it sat in the pool) is
        // replaced once: nothing had run on it.
        if (!outcome.beganOnDeadConnection || attempt >= 2) throw outcome.error;
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

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown; beganOnDeadConnection: boolean };

/** What a statement failed with, or undefined once it succeeded; never rejects. */
const failureOf = (answer: Promise<unknown>): Promise<Error | undefined> =>
  answer.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );

/**
 * Sends what `send` queues on the client's socket in one write: the driver writes each statement
 * as it is queued, and a corked socket keeps them until it is uncorked (statements sent together
 * cost one system call instead of one each, on both ends of the connection).
 */
function together<R>(client: pg.PoolClient, send: () => R): R {
  const stream = socketOf(client);
  if (!stream) return send();
  stream.cork();
  try {
    return send();
  } finally {
    stream.uncork();
  }
}

/** Corks the client's socket until the current turn of the event loop ends (see `together`). */
function holdWrites(client: pg.PoolClient): void {
  const stream = socketOf(client);
  if (!stream) return;
  stream.cork();
  process.nextTick(() => stream.uncork());
}

/** The socket under a pg client (`client.connection.stream`, not in pg's types), if it can be corked. */
function socketOf(client: pg.PoolClient): Pick<Writable, 'cork' | 'uncork'> | undefined {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
  if (typeof stream?.cork !== 'function' || typeof stream.uncork !== 'function') return undefined;
  return stream as Pick<Writable, 'cork' | 'uncork'>;
}
