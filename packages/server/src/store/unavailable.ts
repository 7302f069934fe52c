/**
 * Outages of the database: the server is down or restarting, refuses connections, or ended the
 * session (`pg_terminate_backend`, a shutdown). They are not bugs: the BFF answers 503 with
 * `Retry-After`, and the PostgreSQL driver replaces the broken connections, so it recovers
 * without a restart.
 */

/**
 * What is known about the work that was under way when the connection failed.
 *
 * - `not_run`: the server was never reached (connection refused, the server starting up).
 * - `rolled_back`: the connection failed inside a transaction before `COMMIT` was sent; the
 *   server rolls such a transaction back.
 * - `unknown`: `COMMIT` (or a statement outside a transaction) was sent and no answer came back;
 *   it may have taken effect. Only the client's retry with the same idempotency key settles it:
 *   the stored answer replays if it did.
 */
export type UnavailableOutcome = 'not_run' | 'rolled_back' | 'unknown';

/** SQLSTATEs of a lost or refused connection (classes 08 and 57P, and too_many_connections). */
const UNAVAILABLE_STATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '08007', // transaction_resolution_unknown
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or shutting down
  '53300', // too_many_connections
]);

/** States and socket errors that mean the server never received the work. */
const REFUSED = new Set([
  '57P03',
  '53300',
  '08001',
  '08004',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** The driver (pg) reports these without a code. */
const LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether an error from the driver means the database could not be reached or the session was lost. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = codeOf(error);
  if (code !== undefined && (UNAVAILABLE_STATES.has(code) || SOCKET_ERRORS.has(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return LOST_MESSAGES.some((lost) => message.startsWith(lost));
}

/** The database could not be reached, or it ended the session; see `UnavailableOutcome`. */
export class DatabaseUnavailableError extends Error {
  readonly outcome: UnavailableOutcome;
  /** The driver's SQLSTATE or socket error code, when it gave one. */
  readonly reason: string | undefined;

  constructor(cause: unknown, outcome: UnavailableOutcome) {
    const reason = codeOf(cause);
    super(`The database is unavailable (${reason ?? (cause instanceof Error ? cause.message : 'no reason given')})`, {
      cause,
    });
    this.name = 'DatabaseUnavailableError';
    this.outcome = outcome;
    this.reason = reason;
  }
}

/**
 * Turns a connection failure into a `DatabaseUnavailableError` with what is known of the work
 * (`outcome` unless the server was never reached); any other error is returned as it is.
 */
export function asUnavailable(error: unknown, outcome: UnavailableOutcome): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionFailure(error)) return error;
  const refused = REFUSED.has(codeOf(error) ?? '') || (error instanceof Error && error.message.startsWith('timeout'));
  return new DatabaseUnavailableError(error, refused ? 'not_run' : outcome);
}
