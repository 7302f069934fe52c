import type { Logger } from 'pino';
import type { Job } from '../jobs/runner';
import type { Database } from '../store/db';

/** Events (and their webhook deliveries) are kept this long, as Stripe keeps them: 30 days. */
export const EVENT_RETENTION_DAYS = 30;
/** Rows each table gives up per batch, so a backlog goes in short transactions. */
export const RETENTION_BATCH = 500;
/** How long a sweep that found nothing waits before looking again. */
export const RETENTION_EVERY_MS = 60_000;

export interface RetentionOptions {
  db: Database;
  logger: Logger;
  /** Overrides for tests. */
  batch?: number;
  everyMs?: number;
  /** The time the pauses between sweeps are measured in; `Date.now` unless a test sets it. */
  clock?: () => number;
}

/**
 * Deletes what nothing needs any more, so the tables that grow with every request stay bounded:
 * - idempotency records past their 24 hours (on the test clock, as their expiry is: an expired
 *   record is already treated as absent, so deleting it changes no answer);
 * - events older than 30 days of real time, with their webhook deliveries, whatever the state of
 *   those (a delivery is given up after about three days). Real time, as Stripe's retention is:
 *   moving a test clock does not throw away the events a developer is looking at.
 * The ledger, the objects and their balance transactions are kept for good.
 *
 * Each batch deletes at most `batch` rows of each table and says how many went; while there is a
 * backlog every round of the job runner takes a batch, and once a sweep finds nothing the job
 * rests for `everyMs`. Instances may sweep at once: rows another instance is deleting are
 * skipped.
 */
export function retentionJob(options: RetentionOptions): Job {
  const batch = options.batch ?? RETENTION_BATCH;
  const everyMs = options.everyMs ?? RETENTION_EVERY_MS;
  const clock = options.clock ?? Date.now;
  let restingUntil = 0;
  return {
    name: 'retention',
    async runBatch() {
      if (clock() < restingUntil) return 0;
      const keys = await deleteExpiredIdempotencyKeys(options.db, batch);
      const events = await deleteOldEvents(options.db, batch);
      if (keys + events === 0) {
        restingUntil = clock() + everyMs;
      } else {
        options.logger.info({ idempotencyKeys: keys, events }, 'retention: deleted expired records');
      }
      return keys + events;
    },
  };
}

async function deleteExpiredIdempotencyKeys(db: Database, batch: number): Promise<number> {
  const rows = await db.query<{ key: string }>(
    `DELETE FROM idempotency_keys k
      USING (SELECT scope, key FROM idempotency_keys WHERE expires_at <= atrium_now()
              ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED) expired
      WHERE k.scope = expired.scope AND k.key = expired.key
      RETURNING k.key`,
    [batch],
  );
  return rows.length;
}

/**
 * Events go oldest first, in the order they were written (`seq`), up to the first one still
 * young: found by walking from the oldest, so it costs the rows about to go, not the table (there
 * is no index on `created_at`, which every event written would pay for). An old event written
 * after a younger one (transactions commit out of order by a few moments) goes on a later sweep.
 */
async function deleteOldEvents(db: Database, batch: number): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `WITH old AS (
       SELECT e.id FROM events e
        WHERE e.seq < coalesce((SELECT y.seq FROM events y WHERE y.created_at >= now() - make_interval(days => $1)
                                 ORDER BY y.seq LIMIT 1), 9223372036854775807)
        ORDER BY e.seq LIMIT $2 FOR UPDATE SKIP LOCKED
     ), deliveries AS (
       DELETE FROM webhook_deliveries d USING old WHERE d.event_id = old.id
     )
     DELETE FROM events e USING old WHERE e.id = old.id RETURNING e.id`,
    [EVENT_RETENTION_DAYS, batch],
  );
  return rows.length;
}
