import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../store/db';
import { DatabaseUnavailableError } from '../store/unavailable';
import type { OperationRecord } from './checks';
import type { Attempt } from './client';
import { backoff, isRetryable, sendOnce } from './client';
import type { Operation, World } from './workload';
import { advanceOperation, nextOperation } from './workload';

/** Where the clients send their requests: the instances' origins, and the platform's key. */
export interface Target {
  baseUrls: string[];
  secretKey: string;
  /** A pool on the database, to read the test clock and which moves of it have committed. */
  db: Database;
}

/** How the clients move the test clock: by `stepSeconds`, at most every `everyMs`, `atOnce` moves at a time. */
export interface ClockPace {
  stepSeconds: number;
  everyMs: number;
  atOnce: number;
}

/** Idempotency keys expire 24 hours of the test clock after their request; retries stop well before. */
const KEY_SAFE_SECONDS = 20 * 60 * 60;
const MAX_RETRIES = 60;
/** One send in this many is sent again with its key: by half the clients at the same moment, by the others after its answer. */
const DUPLICATE_EVERY = 20;

/**
 * Sends operations like a careful client: every write has its key, and is sent again with the
 * same key after a 503, a 409 for a key still in use, a 429 or a lost connection, spread over
 * both instances as a load balancer would. Some clients move the test clock now and then.
 */
export class Traffic {
  readonly records: OperationRecord[] = [];
  /** After this, sends still unanswered are given up. */
  hardDeadlineMs = Number.POSITIVE_INFINITY;
  private readonly remembered = new Set<string>();
  private readonly guard: ClockGuard;
  private readonly pacer: ClockPacer;

  constructor(
    private readonly target: Target,
    private readonly pace: ClockPace,
  ) {
    this.guard = new ClockGuard(target.db);
    this.pacer = new ClockPacer(pace);
  }

  /**
   * Sends one operation until it is answered or given up. `firstOffset` is the test clock's offset
   * known before the key was first sent; `again` marks a send of a key that was sent before.
   */
  async perform(
    operation: Operation,
    duplicate: OperationRecord['duplicate'],
    firstOffset: number,
  ): Promise<OperationRecord> {
    const record: OperationRecord = {
      kind: operation.kind,
      request: operation.request,
      attempts: [],
      duplicate,
      acknowledged: false,
    };
    this.records.push(record);
    // A move of the clock may not wait for itself, and nothing depends on its key.
    const guarded = operation.kind !== 'advance';
    for (let retries = 0; ; retries += 1) {
      const again = retries > 0 || duplicate === 'after';
      const send = () => this.send(operation);
      const attempt = again && guarded ? await this.guard.retry(firstOffset, send) : await send();
      if (attempt === undefined) return record;
      record.attempts.push(attempt);
      if (!isRetryable(attempt)) break;
      if (retries >= MAX_RETRIES || Date.now() > this.hardDeadlineMs) return record;
      await backoff(attempt, retries);
    }
    record.acknowledged = true;
    this.remember(operation, record.attempts.at(-1));
    return record;
  }

  /** Sends an operation that must succeed (setting up, draining: no faults are injected then). */
  async require(operation: Operation): Promise<Record<string, unknown>> {
    const run = () => this.perform(operation, 'none', this.guard.known);
    const record = await (operation.kind === 'advance' ? this.guard.move(operation, run) : run());
    const last = record.attempts.at(-1);
    if (last?.status !== 200) {
      throw new Error(`${operation.request.path} answered ${last?.status}: ${JSON.stringify(last?.body)}`);
    }
    return last.body as Record<string, unknown>;
  }

  /** One client: random operations until the deadline, some sent twice, some moving the clock. */
  async runClient(world: World, client: number, deadline: number): Promise<void> {
    for (let sent = 1; Date.now() < deadline; sent += 1) {
      const key = `c${client}-${sent}`;
      if (this.pacer.take()) {
        const move = advanceOperation(key, this.pace.stepSeconds);
        await this.guard.move(move, () => this.perform(move, 'none', this.guard.known));
        this.pacer.done();
        continue;
      }
      const operation = nextOperation(world, key);
      const firstOffset = this.guard.known;
      const duplicated = operation.kind !== 'read' && sent % DUPLICATE_EVERY === DUPLICATE_EVERY / 2;
      if (duplicated && client % 2 === 0) {
        await Promise.all([
          this.perform(operation, 'together', firstOffset),
          this.perform(operation, 'together', firstOffset),
        ]);
      } else {
        const first = await this.perform(operation, 'none', firstOffset);
        if (first.acknowledged && duplicated) await this.perform(operation, 'after', firstOffset);
      }
    }
  }

  private send(operation: Operation): Promise<Attempt> {
    const index = Math.floor(Math.random() * this.target.baseUrls.length);
    const baseUrl = this.target.baseUrls[index] ?? '';
    return sendOnce({ index, baseUrl }, this.target.secretKey, operation.request);
  }

  private remember(operation: Operation, last: Attempt | undefined) {
    const key = operation.request.key ?? '';
    if (last?.status !== 200 || !operation.onSuccess || this.remembered.has(key)) return;
    this.remembered.add(key);
    operation.onSuccess(last.body as Record<string, unknown>);
  }
}

/** When the clients may move the clock. */
class ClockPacer {
  private inFlight = 0;
  private last = 0;
  constructor(private readonly pace: ClockPace) {}

  take(): boolean {
    const now = Date.now();
    // Each move runs every due job before it answers, which takes a while under load.
    if (now - this.last < this.pace.everyMs || this.inFlight >= this.pace.atOnce) return false;
    this.last = now;
    this.inFlight += 1;
    return true;
  }

  done() {
    this.inFlight -= 1;
  }
}

/**
 * Keeps retries from outliving their keys. A key expires 24 hours of the test clock after its
 * request ran; a retry after that would run the request again. So moves of the clock and retries
 * exclude each other, like a lock that prefers writers: a move waits for the retries under way,
 * a retry waits until every move under way has committed (its key is stored with it), and a
 * retry goes ahead only if the clock has moved less than 20 hours since its key was first sent.
 */
class ClockGuard {
  /** The clock's offset last read; it only grows, so it is a lower bound of the clock now. */
  known = 0;
  private readonly moves = new Set<string>();
  private movesStarted = 0;
  private movesWaiting = 0;
  private retries = 0;

  constructor(private readonly db: Database) {}

  async move(operation: Operation, run: () => Promise<OperationRecord>): Promise<OperationRecord> {
    this.movesWaiting += 1;
    while (this.retries > 0) await sleep(5);
    this.movesWaiting -= 1;
    const key = operation.request.key ?? '';
    this.moves.add(key);
    this.movesStarted += 1;
    try {
      return await run();
    } finally {
      this.moves.delete(key);
      await this.offset().catch(() => undefined);
    }
  }

  /** Sends a retry when its key cannot have expired; undefined when it may have. */
  async retry(firstOffset: number, send: () => Promise<Attempt>): Promise<Attempt | undefined> {
    for (;;) {
      const started = this.movesStarted;
      const settled = this.movesWaiting === 0 && (await this.movesCommitted());
      // A move that began while this one looked would not be covered by the answer.
      if (settled && this.movesWaiting === 0 && this.movesStarted === started) break;
      await sleep(10);
    }
    this.retries += 1;
    try {
      if ((await this.offset()) - firstOffset >= KEY_SAFE_SECONDS) return undefined;
      return await send();
    } finally {
      this.retries -= 1;
    }
  }

  /** Reads the clock's offset now (retrying through faults). */
  async offset(): Promise<number> {
    const [row] = await this.read<{ offset: number }>('SELECT offset_seconds::bigint AS offset FROM test_clock');
    this.known = Math.max(this.known, row?.offset ?? 0);
    return this.known;
  }

  private async movesCommitted(): Promise<boolean> {
    if (this.moves.size === 0) return true;
    const keys = [...this.moves];
    const [row] = await this.read<{ count: number }>(
      'SELECT count(*)::bigint AS count FROM idempotency_keys WHERE key = ANY($1::text[])',
      [keys],
    );
    return row?.count === keys.length;
  }

  private async read<Row extends object>(sql: string, params: unknown[] = []): Promise<Row[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.query<Row>(sql, params);
      } catch (error) {
        if (!(error instanceof DatabaseUnavailableError) || attempt >= 100) throw error;
        await sleep(50);
      }
    }
  }
}
