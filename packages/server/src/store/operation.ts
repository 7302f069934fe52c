import { setTimeout as sleep } from 'node:timers/promises';
import type { Database, IsolationLevel, Statement, Transaction } from './db';
import { isRetryableError, sqlState } from './db';

/** How long a completed request's answer is kept for replay (Stripe: 24 hours). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** The longest idempotency key (Stripe's limit, and the column's check). */
const MAX_KEY_LENGTH = 255;

export interface IdempotencyClaim {
  /** Who the key belongs to, for example the API key id plus the `Stripe-Account` acted for. */
  scope: string;
  key: string;
  /** A hash of everything that defines the request; the same key with another hash is refused. */
  requestHash: string;
}

/**
 * Seals the answers kept for replay: they can hold a client secret, an account link's URL, a
 * webhook signing secret or a seller's name and address, and are kept for a day.
 */
export interface AnswerSealer {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export interface OperationOptions {
  isolation: IsolationLevel;
  idempotency?: IdempotencyClaim | undefined;
  /** Stored answers are sealed with it (and opened for a replay); kept as they are without it. */
  sealer?: AnswerSealer | undefined;
  /** Attempts on serialization failures and deadlocks before giving up; 5 unless said. */
  maxAttempts?: number;
  /**
   * Maps an expected refusal the work throws (insufficient funds, a missing object) to the answer
   * a retry with the key must replay; other errors map to undefined and are thrown. The work's
   * effects are rolled back to a savepoint and the answer is stored in the same transaction, while
   * the key is still held: stored after a rollback, it would leave a moment in which a retry with
   * the key runs the request again.
   */
  refusal?: (error: unknown) => OperationResult<unknown> | undefined;
}

/** What an operation answers: an HTTP status and a JSON body, stored as such for replays. */
export interface OperationResult<Body> {
  status: number;
  body: Body;
}

export type OperationOutcome<Body> =
  | { kind: 'done'; status: number; body: Body; replayed: false }
  | { kind: 'replayed'; status: number; body: unknown; replayed: true }
  | { kind: 'key_in_use' }
  | { kind: 'key_reused' }
  /** The work threw `error`, a refusal now stored with the key as `status` and `body`. */
  | { kind: 'refused'; status: number; body: unknown; error: unknown };

/**
 * Runs one operation in one transaction with its idempotency record. Either the operation's
 * effects and its stored answer commit together, or neither does.
 *
 * - The same key while the first request still runs: `key_in_use` (a 409 at the edge), found with
 *   a try-lock so the second request never waits behind the first.
 * - The same key after it completed with the same request: the stored answer, nothing written.
 * - The same key with a different request: `key_reused` (a 400 at the edge).
 *
 * Serialization failures and deadlocks run the whole transaction again, a bounded number of times;
 * since nothing commits before the end, a retry never posts twice. A unique violation on the
 * idempotency record means another request with the key committed first; the retry replays it.
 */
export async function runOperation<Body>(
  db: Database,
  options: OperationOptions,
  work: (tx: Transaction) => Promise<OperationResult<Body>>,
): Promise<OperationOutcome<Body>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const key = options.idempotency?.key;
  if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    throw new RangeError(`An idempotency key has 1 to ${MAX_KEY_LENGTH} characters; the edge must refuse others`);
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(options.isolation, (tx) => attemptOperation(tx, options, work));
    } catch (error) {
      const racedOnKey =
        options.idempotency !== undefined && sqlState(error) === '23505' && isIdempotencyConflict(error);
      if ((!isRetryableError(error) && !racedOnKey) || attempt >= maxAttempts) throw error;
      await sleep(Math.random() * 5 * attempt);
    }
  }
}

interface Claimed {
  locked: boolean;
  request_hash: string | null;
  response_status: number;
  response_body: unknown;
}

async function attemptOperation<Body>(
  tx: Transaction,
  options: OperationOptions,
  work: (tx: Transaction) => Promise<OperationResult<Body>>,
): Promise<OperationOutcome<Body>> {
  const claim = options.idempotency;
  if (claim) {
    // One call takes the key's try-lock and reads the stored answer (idempotency_claim, 0003).
    // The savepoint a refusable operation needs goes with it (one round trip); when the key
    // turns out to be in use or answered, it is simply not used.
    const [claimedRows] = await tx.pipeline([
      { sql: 'SELECT * FROM idempotency_claim($1, $2)', params: [claim.scope, claim.key] },
      ...(options.refusal ? [{ sql: 'SAVEPOINT operation_work' }] : []),
    ]);
    const [claimed] = (claimedRows ?? []) as unknown as Claimed[];
    if (!claimed?.locked) return { kind: 'key_in_use' };
    if (claimed.request_hash !== null) {
      if (claimed.request_hash !== claim.requestHash) return { kind: 'key_reused' };
      const body = storedBody(claimed.response_body, options.sealer);
      return { kind: 'replayed', status: claimed.response_status, body, replayed: true };
    }
  }
  if (!claim || !options.refusal) {
    const result = await work(tx);
    if (claim) tx.atCommit(storeStatement(claim, result, { sealer: options.sealer }));
    return { kind: 'done', status: result.status, body: result.body, replayed: false };
  }
  return attemptRefusable(tx, claim, { ...options, refusal: options.refusal }, work);
}

/**
 * Runs the work after the savepoint taken with the claim; a refusal rolls back to it and is
 * stored with the key. A successful answer is stored with COMMIT (one round trip): if storing it
 * fails, nothing commits.
 */
async function attemptRefusable<Body>(
  tx: Transaction,
  claim: IdempotencyClaim,
  options: OperationOptions & { refusal: NonNullable<OperationOptions['refusal']> },
  work: (tx: Transaction) => Promise<OperationResult<Body>>,
): Promise<OperationOutcome<Body>> {
  let result: OperationResult<Body>;
  try {
    result = await work(tx);
  } catch (error) {
    const refused = options.refusal(error);
    if (refused === undefined) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT operation_work');
    await storeResult(tx, claim, refused, { sealer: options.sealer });
    return { kind: 'refused', status: refused.status, body: refused.body, error };
  }
  tx.atCommit(storeStatement(claim, result, { sealer: options.sealer }));
  return { kind: 'done', status: result.status, body: result.body, replayed: false };
}

/**
 * Records an answer for a key; an expired record for the same key is replaced. With `ifAbsent`,
 * a record another request stored first is kept (used to store a refusal after a rollback);
 * without it, such a record is a unique violation on `idempotency_keys_pkey`.
 */
export async function storeResult(
  tx: Transaction,
  claim: IdempotencyClaim,
  result: OperationResult<unknown>,
  options: StoreOptions = {},
): Promise<void> {
  const statement = storeStatement(claim, result, options);
  await tx.query(statement.sql, statement.params);
}

interface StoreOptions {
  ifAbsent?: boolean;
  sealer?: AnswerSealer | undefined;
}

function storeStatement(
  claim: IdempotencyClaim,
  result: OperationResult<unknown>,
  options: StoreOptions = {},
): Statement {
  const text = JSON.stringify(result.body);
  return {
    sql: 'SELECT idempotency_store($1, $2, $3, $4, $5, $6, $7)',
    params: [
      claim.scope,
      claim.key,
      claim.requestHash,
      result.status,
      options.sealer ? JSON.stringify({ sealed: options.sealer.seal(text) }) : text,
      IDEMPOTENCY_TTL_SECONDS,
      options.ifAbsent ?? false,
    ],
  };
}

/** A stored answer as it was given: opened when sealed (one stored before sealing is kept as it is). */
function storedBody(stored: unknown, sealer: AnswerSealer | undefined): unknown {
  const sealed = (stored as { sealed?: unknown } | null)?.sealed;
  if (!sealer || typeof sealed !== 'string' || Object.keys(stored as object).length !== 1) return stored;
  return JSON.parse(sealer.open(sealed)) as unknown;
}

function isIdempotencyConflict(error: unknown): boolean {
  const constraint = (error as { constraint?: unknown }).constraint;
  return constraint === 'idempotency_keys_pkey';
}
