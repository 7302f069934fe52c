import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import { recordEvent } from './events';
import { EVENT_RETENTION_DAYS, retentionJob } from './retention';

const logger = createLogger({ level: 'silent' });
const DAY_SECONDS = 24 * 60 * 60;

/** Idempotency records whose expiry is `expiresInSeconds` from the test clock's now (negative: past). */
async function storeKeys(db: TestDatabase, prefix: string, count: number, expiresInSeconds: number): Promise<void> {
  await db.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, created_at, expires_at)
     SELECT 'key:test', $1 || n, 'hash', 200, '{}', atrium_now() - interval '2 days',
            atrium_now() + make_interval(secs => $2)
       FROM generate_series(1, $3) AS n`,
    [prefix, expiresInSeconds, count],
  );
}

const keysLeft = async (db: TestDatabase): Promise<string[]> =>
  (await db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).map((row) => row.key);

/** An event (with a delivery to every endpoint) made `ageDays` days ago in real time. */
async function eventAged(db: TestDatabase, ageDays: number): Promise<string> {
  const id = await recordEvent(db, { type: 'balance.available', accountId: undefined, object: { object: 'balance' } });
  await db.query(`UPDATE events SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, ageDays]);
  return id;
}

const eventsLeft = async (db: TestDatabase): Promise<string[]> =>
  (await db.query<{ id: string }>('SELECT id FROM events ORDER BY seq')).map((row) => row.id);

const deliveriesLeft = async (db: TestDatabase): Promise<{ event_id: string; status: string }[]> =>
  db.query('SELECT event_id, status FROM webhook_deliveries ORDER BY seq');

/** Runs the job until it reports nothing left, and returns what each batch deleted. */
async function sweep(job: ReturnType<typeof retentionJob>): Promise<number[]> {
  const batches: number[] = [];
  for (;;) {
    const deleted = await job.runBatch();
    batches.push(deleted);
    if (deleted === 0) return batches;
  }
}

describe.each(await testDatabaseKinds())('retention on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.query(
      `INSERT INTO webhook_endpoints (id, created_at, url, enabled_events, secret_ciphertext)
       VALUES ('we_retention', now(), 'https://hooks.example.com/atrium', '{*}', '\\x00')`,
    );
  });
  afterAll(async () => {
    await db.destroy();
  });
  afterEach(async () => {
    await db.query('DELETE FROM webhook_deliveries');
    await db.query('DELETE FROM events');
    await db.query('DELETE FROM idempotency_keys');
    await db.query('UPDATE test_clock SET offset_seconds = 0');
  });

  it('deletes idempotency records past their expiry on the test clock and keeps the others', async () => {
    await storeKeys(db, 'expired-', 3, -60);
    await storeKeys(db, 'live-', 2, 60 * 60);
    let now = 0;
    const job = retentionJob({ db, logger, clock: () => now });
    expect(await sweep(job)).toEqual([3, 0]);
    expect(await keysLeft(db)).toEqual(['live-1', 'live-2']);

    // The test clock passes their expiry: they go on the next sweep, once the job has rested.
    await db.query('UPDATE test_clock SET offset_seconds = $1', [2 * 60 * 60]);
    expect(await job.runBatch()).toBe(0);
    expect(await keysLeft(db)).toEqual(['live-1', 'live-2']);
    now += 60_000;
    expect(await sweep(job)).toEqual([2, 0]);
    expect(await keysLeft(db)).toEqual([]);
  });

  it('deletes events older than 30 days of real time with their deliveries, and keeps younger ones', async () => {
    const old = await eventAged(db, EVENT_RETENTION_DAYS + 1);
    const delivered = await eventAged(db, EVENT_RETENTION_DAYS + 2);
    await db.query(`UPDATE webhook_deliveries SET status = 'succeeded' WHERE event_id = $1`, [delivered]);
    const young = await eventAged(db, EVENT_RETENTION_DAYS - 1);
    const recent = await eventAged(db, 0);
    // A test clock far ahead does not age events: their retention runs on real time.
    await db.query('UPDATE test_clock SET offset_seconds = $1', [90 * DAY_SECONDS]);
    const fresh = await recordEvent(db, { type: 'balance.available', accountId: undefined, object: {} });
    expect((await deliveriesLeft(db)).map((row) => row.event_id)).toEqual([old, delivered, young, recent, fresh]);

    expect(await sweep(retentionJob({ db, logger }))).toEqual([2, 0]);
    expect((await eventsLeft(db)).sort()).toEqual([young, recent, fresh].sort());
    expect((await deliveriesLeft(db)).map((row) => row.event_id).sort()).toEqual([young, recent, fresh].sort());
  });

  it('never deletes a young event, also one written before an old one', async () => {
    await eventAged(db, EVENT_RETENTION_DAYS + 5);
    const young = await eventAged(db, 1);
    // Written after the young one but stamped earlier, as a transaction that began first can be.
    const late = await eventAged(db, EVENT_RETENTION_DAYS + 3);
    expect(await sweep(retentionJob({ db, logger }))).toEqual([1, 0]);
    expect(await eventsLeft(db)).toEqual([young, late]);
    // Once the young one is old too, both go.
    await db.query(`UPDATE events SET created_at = now() - interval '31 days' WHERE id = $1`, [young]);
    expect(await sweep(retentionJob({ db, logger }))).toEqual([2, 0]);
    expect(await eventsLeft(db)).toEqual([]);
  });

  it('takes a backlog in batches, one per round', async () => {
    for (let n = 0; n < 7; n += 1) await eventAged(db, EVENT_RETENTION_DAYS + 1);
    await storeKeys(db, 'expired-', 4, -1);
    const job = retentionJob({ db, logger, batch: 3 });
    // Each batch: up to 3 records and up to 3 events.
    expect(await sweep(job)).toEqual([6, 4, 1, 0]);
    expect(await eventsLeft(db)).toEqual([]);
    expect(await keysLeft(db)).toEqual([]);
  });
});

describe.runIf((await testDatabaseKinds()).includes('postgres'))('retention by two instances at once', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres', { maxConnections: 8 });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('deletes every expired row once, with no error, while both sweep the same tables', async () => {
    await storeKeys(db, 'expired-', 2_000, -60);
    await storeKeys(db, 'live-', 10, DAY_SECONDS);
    await db.query(
      `INSERT INTO events (id, type, data, created_at)
       SELECT 'evt_old' || n, 'balance.available', '{}', now() - interval '40 days' FROM generate_series(1, 1000) AS n`,
    );
    await db.query(
      `INSERT INTO events (id, type, data, created_at) VALUES ('evt_young', 'balance.available', '{}', now())`,
    );
    const [a, b] = await Promise.all([
      sweep(retentionJob({ db, logger, batch: 50 })),
      sweep(retentionJob({ db, logger, batch: 50 })),
    ]);
    const total = (batches: number[] | undefined) => (batches ?? []).reduce((sum, n) => sum + n, 0);
    expect(total(a) + total(b)).toBe(3_000);
    expect(total(a)).toBeGreaterThan(0);
    expect(total(b)).toBeGreaterThan(0);
    expect((await keysLeft(db)).length).toBe(10);
    expect(await eventsLeft(db)).toEqual(['evt_young']);
  });
});

describe('retention in the app', () => {
  let atrium: TestServer;
  beforeAll(async () => {
    atrium = await startTestServer();
  });
  afterAll(async () => {
    await atrium.close();
  });

  it('runs with the other jobs: an event past 30 days is gone from the API', async () => {
    const old = await eventAged(atrium.db, EVENT_RETENTION_DAYS + 1);
    const kept = await eventAged(atrium.db, 1);
    await expect(atrium.stripe.events.retrieve(old)).resolves.toMatchObject({ id: old });
    await atrium.app.atrium.jobs.runDue();
    await expect(atrium.stripe.events.retrieve(old)).rejects.toMatchObject({ statusCode: 404 });
    await expect(atrium.stripe.events.retrieve(kept)).resolves.toMatchObject({ id: kept });
  });
});
