import { setTimeout as sleep } from 'node:timers/promises';
import { topupEntry } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedgerFor } from '../ledger/accounts';
import { LEDGER_ISOLATION, postEntry } from '../ledger/post';
import { recordEvent } from '../services/events';
import type { Transaction } from './db';
import { IDEMPOTENCY_TTL_SECONDS, runOperation, storeResult } from './operation';
import type { IdempotencyClaim, OperationResult } from './operation';
import { openTestDatabase, testDatabaseKinds } from './testing';
import type { TestDatabase } from './testing';

/** An operation with an effect on the ledger and in the outbox, like every product write. */
const topup =
  (topupId: string) =>
  async (tx: Transaction): Promise<OperationResult<{ id: string }>> => {
    const posted = await postEntry(tx, topupEntry({ topupId, currency: 'usd', amountMinor: 100 }));
    if (!posted.ok) throw new Error(`posting failed: ${posted.error.code}`);
    await recordEvent(tx, { type: 'topup.created', accountId: undefined, object: { id: topupId } });
    return { status: 200, body: { id: topupId } };
  };

const claim = (key: string, requestHash = 'hash-a', scope = 'platform:key_1:'): IdempotencyClaim => ({
  scope,
  key,
  requestHash,
});

async function effects(db: TestDatabase, topupId: string) {
  const [row] = await db.query<{ entries: number; events: number }>(
    `SELECT (SELECT count(*) FROM ledger_entries WHERE source_id = $1) AS entries,
            (SELECT count(*) FROM events WHERE data -> 'object' ->> 'id' = $1) AS events`,
    [topupId],
  );
  return row;
}

async function rowCounts(db: TestDatabase) {
  return db.query(
    `SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM events) AS events,
            (SELECT count(*) FROM idempotency_keys) AS keys`,
  );
}

describe.each(await testDatabaseKinds())('runOperation on %s', (kind) => {
  let db: TestDatabase;
  const options = (idempotency?: IdempotencyClaim) => ({ isolation: LEDGER_ISOLATION, idempotency });
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, (tx) => openLedgerFor(tx, 'platform', 'usd'));
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('runs the work once and stores its answer with the key', async () => {
    const outcome = await runOperation(db, options(claim('k-first')), topup('tu_first'));
    expect(outcome).toEqual({ kind: 'done', status: 200, body: { id: 'tu_first' }, replayed: false });
    expect(await effects(db, 'tu_first')).toEqual({ entries: 1, events: 1 });
    const [stored] = await db.query(
      'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE key = $1',
      ['k-first'],
    );
    expect(stored).toEqual({ request_hash: 'hash-a', response_status: 200, response_body: { id: 'tu_first' } });
  });

  it('replays the first answer for the same key and request, and writes nothing', async () => {
    const before = await rowCounts(db);
    const outcome = await runOperation(db, options(claim('k-first')), topup('tu_first_again'));
    expect(outcome).toEqual({ kind: 'replayed', status: 200, body: { id: 'tu_first' }, replayed: true });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses the same key with a different request, and writes nothing', async () => {
    const before = await rowCounts(db);
    expect(await runOperation(db, options(claim('k-first', 'hash-b')), topup('tu_other'))).toEqual({
      kind: 'key_reused',
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('keeps keys of different scopes apart', async () => {
    const outcome = await runOperation(db, options(claim('k-first', 'hash-b', 'embedded:acct_1')), topup('tu_scoped'));
    expect(outcome.kind).toBe('done');
    expect(await effects(db, 'tu_scoped')).toEqual({ entries: 1, events: 1 });
  });

  it('runs without a key every time', async () => {
    await runOperation(db, options(), topup('tu_keyless'));
    await runOperation(db, options(), topup('tu_keyless'));
    expect(await effects(db, 'tu_keyless')).toEqual({ entries: 2, events: 2 });
  });

  it('stores nothing when the work throws, so the key can be used again', async () => {
    const failing = async (tx: Transaction): Promise<OperationResult<object>> => {
      await topup('tu_thrown')(tx);
      throw new Error('card declined');
    };
    await expect(runOperation(db, options(claim('k-thrown')), failing)).rejects.toThrow('card declined');
    expect(await effects(db, 'tu_thrown')).toEqual({ entries: 0, events: 0 });
    expect((await runOperation(db, options(claim('k-thrown')), topup('tu_thrown'))).kind).toBe('done');
    expect(await effects(db, 'tu_thrown')).toEqual({ entries: 1, events: 1 });
  });

  it('retries serialization failures and deadlocks, and the effect happens once', async () => {
    let attempts = 0;
    const flaky = async (tx: Transaction) => {
      const result = await topup('tu_flaky')(tx);
      attempts += 1;
      if (attempts <= 2) throw Object.assign(new Error('conflict'), { code: attempts === 1 ? '40001' : '40P01' });
      return result;
    };
    expect((await runOperation(db, options(claim('k-flaky')), flaky)).kind).toBe('done');
    expect(attempts).toBe(3);
    expect(await effects(db, 'tu_flaky')).toEqual({ entries: 1, events: 1 });
  });

  it('gives up after the attempts allowed, and nothing is written', async () => {
    let attempts = 0;
    const hopeless = async (tx: Transaction) => {
      await topup('tu_hopeless')(tx);
      attempts += 1;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    };
    await expect(runOperation(db, { ...options(claim('k-hopeless')), maxAttempts: 3 }, hopeless)).rejects.toThrow(
      'deadlock detected',
    );
    expect(attempts).toBe(3);
    expect(await effects(db, 'tu_hopeless')).toEqual({ entries: 0, events: 0 });
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    const broken = () => {
      attempts += 1;
      return Promise.reject(Object.assign(new Error('syntax error'), { code: '42601' }));
    };
    await expect(runOperation(db, options(claim('k-broken')), broken)).rejects.toThrow('syntax error');
    expect(attempts).toBe(1);
  });

  it('refuses malformed keys before writing anything', async () => {
    const before = await rowCounts(db);
    for (const key of ['', 'k'.repeat(256)]) {
      await expect(runOperation(db, options(claim(key)), topup('tu_malformed'))).rejects.toThrow(RangeError);
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it('keeps a stored answer when asked to store only if absent', async () => {
    await db.transaction(LEDGER_ISOLATION, (tx) =>
      storeResult(tx, claim('k-first'), { status: 402, body: { error: 'late' } }, { ifAbsent: true }),
    );
    const outcome = await runOperation(db, options(claim('k-first')), topup('tu_unused'));
    expect(outcome).toMatchObject({ kind: 'replayed', status: 200 });
    await db.transaction(LEDGER_ISOLATION, (tx) =>
      storeResult(tx, claim('k-refused'), { status: 402, body: { error: 'insufficient' } }, { ifAbsent: true }),
    );
    expect(await runOperation(db, options(claim('k-refused')), topup('tu_unused'))).toMatchObject({
      kind: 'replayed',
      status: 402,
    });
  });

  it('stores a refusal the work throws with its key, without its effects, and replays it', async () => {
    const refusal = (error: unknown) =>
      error instanceof RangeError ? { status: 400, body: { error: error.message } } : undefined;
    let runs = 0;
    const refusedAfterPosting = async (tx: Transaction): Promise<OperationResult<{ id: string }>> => {
      runs += 1;
      await topup('tu_refused')(tx);
      throw new RangeError('balance_insufficient');
    };
    const refused = await runOperation(db, { ...options(claim('k-refusal')), refusal }, refusedAfterPosting);
    expect(refused).toMatchObject({ kind: 'refused', status: 400, body: { error: 'balance_insufficient' } });
    expect(await effects(db, 'tu_refused')).toEqual({ entries: 0, events: 0 });
    const again = await runOperation(db, { ...options(claim('k-refusal')), refusal }, refusedAfterPosting);
    expect(again).toEqual({ kind: 'replayed', status: 400, body: { error: 'balance_insufficient' }, replayed: true });
    expect(runs).toBe(1);
    const other = new Error('not a refusal');
    await expect(
      runOperation(db, { ...options(claim('k-not-refused')), refusal }, () => Promise.reject(other)),
    ).rejects.toBe(other);
    expect((await runOperation(db, options(claim('k-not-refused')), topup('tu_notRefused'))).kind).toBe('done');
  });

  it('keeps answers sealed with a sealer, opens them for a replay, and still replays one stored in the clear', async () => {
    const sealer = {
      seal: (text: string) => Buffer.from(text).toString('base64').split('').reverse().join(''),
      open: (sealed: string) => Buffer.from(sealed.split('').reverse().join(''), 'base64').toString(),
    };
    const secret = () => Promise.resolve({ status: 200, body: { id: 'accs_1', client_secret: 'accs_1_secret_abc' } });
    const sealed = { ...options(claim('k-sealed')), sealer };
    expect((await runOperation(db, sealed, secret)).kind).toBe('done');
    const [row] = await db.query<{ response_body: unknown }>(
      'SELECT response_body FROM idempotency_keys WHERE key = $1',
      ['k-sealed'],
    );
    expect(JSON.stringify(row?.response_body)).not.toContain('secret');
    expect(await runOperation(db, sealed, secret)).toMatchObject({
      kind: 'replayed',
      body: { client_secret: 'accs_1_secret_abc' },
    });
    // An answer stored before sealing was turned on replays as it was stored.
    expect(await runOperation(db, { ...options(claim('k-first')), sealer }, topup('tu_x'))).toMatchObject({
      kind: 'replayed',
      body: { id: 'tu_first' },
    });
  });

  it('lets a key expire after 24 hours of the test clock, then runs it anew', async () => {
    await db.query('UPDATE test_clock SET offset_seconds = offset_seconds + $1', [IDEMPOTENCY_TTL_SECONDS - 60]);
    expect((await runOperation(db, options(claim('k-first', 'hash-b')), topup('tu_late'))).kind).toBe('key_reused');
    await db.query('UPDATE test_clock SET offset_seconds = offset_seconds + 61');
    const outcome = await runOperation(db, options(claim('k-first', 'hash-b')), topup('tu_late'));
    expect(outcome).toEqual({ kind: 'done', status: 200, body: { id: 'tu_late' }, replayed: false });
    expect(await effects(db, 'tu_late')).toEqual({ entries: 1, events: 1 });
    expect(await runOperation(db, options(claim('k-first', 'hash-b')), topup('tu_late'))).toMatchObject({
      kind: 'replayed',
      body: { id: 'tu_late' },
    });
  });
});

describe.each((await testDatabaseKinds()).filter((kind) => kind === 'postgres'))(
  'runOperation under concurrency on %s',
  (kind) => {
    let db: TestDatabase;
    const options = (idempotency?: IdempotencyClaim) => ({ isolation: LEDGER_ISOLATION, idempotency });
    beforeAll(async () => {
      db = await openTestDatabase(kind, { maxConnections: 40 });
      await db.transaction(LEDGER_ISOLATION, (tx) => openLedgerFor(tx, 'platform', 'usd'));
    });
    afterAll(async () => {
      await db.destroy();
    });

    it('answers key_in_use to a second request while the first still runs, without waiting', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slow = async (tx: Transaction) => {
        const result = await topup('tu_slow')(tx);
        await gate;
        return result;
      };
      const first = runOperation(db, options(claim('k-slow')), slow);
      await sleep(100);
      const started = Date.now();
      expect(await runOperation(db, options(claim('k-slow')), topup('tu_slow'))).toEqual({ kind: 'key_in_use' });
      expect(Date.now() - started).toBeLessThan(1000);
      release();
      expect((await first).kind).toBe('done');
      expect((await runOperation(db, options(claim('k-slow')), topup('tu_slow'))).kind).toBe('replayed');
      expect(await effects(db, 'tu_slow')).toEqual({ entries: 1, events: 1 });
    });

    it('gives one effect for 32 concurrent requests with one key', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 32 }, () => runOperation(db, options(claim('k-burst')), topup('tu_burst'))),
      );
      const kinds = outcomes.map((outcome) => outcome.kind);
      expect(kinds.filter((outcomeKind) => outcomeKind === 'done')).toHaveLength(1);
      expect(kinds.every((outcomeKind) => ['done', 'key_in_use', 'replayed'].includes(outcomeKind))).toBe(true);
      expect(await effects(db, 'tu_burst')).toEqual({ entries: 1, events: 1 });
    });

    it('holds the key while a refusal is stored, so a retry at that moment never runs the request again', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const refusal = () => ({ status: 400, body: { error: 'refused' } });
      const slowRefusal = async () => {
        await gate;
        throw new Error('refused');
      };
      const first = runOperation(db, { ...options(claim('k-slow-refusal')), refusal }, slowRefusal);
      await sleep(100);
      const during = runOperation(db, { ...options(claim('k-slow-refusal')), refusal }, topup('tu_duringRefusal'));
      expect(await during).toEqual({ kind: 'key_in_use' });
      release();
      expect(await first).toMatchObject({ kind: 'refused', status: 400 });
      const after = await runOperation(db, { ...options(claim('k-slow-refusal')), refusal }, topup('tu_afterRefusal'));
      expect(after).toMatchObject({ kind: 'replayed', status: 400, body: { error: 'refused' } });
      expect(await effects(db, 'tu_duringRefusal')).toEqual({ entries: 0, events: 0 });
      expect(await effects(db, 'tu_afterRefusal')).toEqual({ entries: 0, events: 0 });
    });

    it('replays when another request stored the key while this one ran', async () => {
      let attempts = 0;
      const raced = async (tx: Transaction) => {
        attempts += 1;
        const result = await topup('tu_raced')(tx);
        if (attempts === 1) {
          // Another instance finished the same request first; its answer is already committed.
          await db.query(
            `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, created_at, expires_at)
             VALUES ($1, $2, $3, 200, '{"id":"tu_raced","by":"other"}', now(), now() + interval '1 day')`,
            ['platform:key_1:', 'k-raced', 'hash-a'],
          );
        }
        return result;
      };
      const outcome = await runOperation(db, options(claim('k-raced')), raced);
      expect(outcome).toEqual({ kind: 'replayed', status: 200, body: { id: 'tu_raced', by: 'other' }, replayed: true });
      expect(attempts).toBe(1);
      expect(await effects(db, 'tu_raced')).toEqual({ entries: 0, events: 0 });
    });
  },
);
