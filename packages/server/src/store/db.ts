/**
 * The storage interface every service talks to. Two drivers implement it: PGlite (embedded, the
 * default) and PostgreSQL (production). Both run the same SQL and return int8 columns as JS
 * numbers, checked to be safe integers, so money never passes through a float or a lossy parse.
 */
export type DatabaseKind = 'pglite' | 'postgres';

/** Isolation levels are always named by the caller: a default would hide a decision. */
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface Queryable {
  /** Runs one statement with positional parameters ($1, $2, ...) and returns its rows. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** One statement of a `pipeline`. */
export interface Statement {
  sql: string;
  params?: readonly unknown[];
}

/** A connection inside an open transaction. */
export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs statements in order and returns each one's rows. On PostgreSQL they are sent together and
   * answered in one round trip (the driver's pipeline mode), for statements that need no answer of
   * the one before. When one fails the transaction is aborted and its error is thrown, once every
   * statement has answered.
   */
  pipeline(statements: readonly Statement[]): Promise<Record<string, unknown>[][]>;
  /**
   * Runs `statement` as the transaction's last, sent with its `COMMIT` (one round trip on
   * PostgreSQL). If it fails, nothing commits and `transaction` throws its error.
   */
  atCommit(statement: Statement): void;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `work` in one transaction at the given isolation level. The transaction commits when
   * `work` resolves and rolls back when it throws. Retrying on serialization failures is the
   * caller's decision (`runOperation` retries its own), because only the caller knows whether its
   * work is safe to run again.
   */
  transaction<T>(isolation: IsolationLevel, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Listens for notifications on `channel` (PostgreSQL's `LISTEN`; `pg_notify` sends them when its
   * transaction commits) until the subscription or the database is closed. See `NotificationListener`.
   */
  listen(channel: string, listener: NotificationListener): Subscription;
  close(): Promise<void>;
}

/**
 * What a subscription reports. `live(true)` once notifications flow. `live(false)` when the
 * connection that receives them is lost: notifications sent while it is down are lost with it, so a
 * listener must forget whatever they would have told it. The driver reconnects on its own and says
 * `live(true)` again. PGlite delivers each notification before the statement that committed it
 * returns; PostgreSQL a moment after, on a connection of its own.
 */
export interface NotificationListener {
  notify(payload: string): void;
  live(up: boolean): void;
}

export interface Subscription {
  close(): Promise<void>;
}

/** Parses an int8 column. Values outside the safe integer range are refused rather than rounded. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the safe integer range`);
  }
  return value;
}

/** PostgreSQL SQLSTATE codes that mean "run the whole transaction again". */
const RETRYABLE_CODES = new Set(['40001', '40P01']);

export function isRetryableError(error: unknown): boolean {
  return (
    (typeof error === 'object' && error !== null && RETRYABLE_CODES.has(String((error as { code?: unknown }).code))) ||
    isStalePlanError(error)
  );
}

/**
 * PostgreSQL refused a prepared statement whose result columns changed under it: `SELECT *` on a
 * table that a newer instance's migration altered during a rolling deploy. The PostgreSQL driver
 * then prepares every statement afresh, so running the transaction again succeeds.
 */
export function isStalePlanError(error: unknown): boolean {
  return (
    sqlState(error) === '0A000' &&
    error instanceof Error &&
    error.message.includes('cached plan must not change result type')
  );
}

/** SQLSTATE of an error thrown by either driver, if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * Maps items to queries one at a time. A transaction holds one connection, which runs one query
 * at a time: `Promise.all` over it only queues them in the driver, a use that pg deprecates.
 */
export async function mapInTurn<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await map(item));
  return results;
}
