import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresReachable } from '../store/testing';
import { DatabaseUnavailableError } from '../store/unavailable';
import { adminQuery, createScratchDatabase, serverAddress } from './database';
import type { ScratchDatabase } from './database';
import { createSecretKey, startInstance } from './instance';
import type { Instance } from './instance';
import { startTcpProxy } from './tcp-proxy';
import type { TcpProxy } from './tcp-proxy';

const reachable = await isPostgresReachable();
if (!reachable) process.stderr.write('PostgreSQL is not reachable: the outage tests need it and are left out.\n');

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

describe.skipIf(!reachable)('the BFF through a PostgreSQL outage', () => {
  let database: ScratchDatabase;
  let proxy: TcpProxy;
  let instance: Instance;
  let secretKey: string;
  beforeAll(async () => {
    database = await createScratchDatabase('atrium_outage');
    proxy = await startTcpProxy(serverAddress());
    instance = await startInstance({
      databaseUrl: database.urlVia(proxy.port),
      maxConnections: 4,
      encryptionKey: randomBytes(32),
    });
    secretKey = await createSecretKey(instance.db);
  });
  afterAll(async () => {
    await instance.close();
    await proxy.close();
    await database.drop();
  });

  const call = async (method: 'GET' | 'POST', path: string, body?: object, key?: string): Promise<Answer> => {
    const response = await fetch(`${instance.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${secretKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(key === undefined ? {} : { 'Idempotency-Key': key }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  const topupsWith = async (label: string) => {
    const rows = await instance.db.query<{ count: number }>(
      `SELECT count(*)::bigint AS count FROM topups WHERE metadata->>'label' = $1`,
      [label],
    );
    return rows[0]?.count;
  };

  const expectUnavailable = (answer: Answer) => {
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.headers.get('stripe-should-retry')).toBe('true');
    const body = JSON.parse(answer.text) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['message', 'type']);
    expect(body.error['type']).toBe('api_error');
    expect(body.error['message']).toContain('same Idempotency-Key');
    expect(answer.text).not.toMatch(/ECONNREFUSED|57P0|postgres|Error:|\n {4}at |\.ts:\d/);
  };

  it('answers 503 with Retry-After while PostgreSQL cannot be reached, and recovers without a restart', async () => {
    await proxy.cut();
    try {
      expectUnavailable(await call('GET', '/v1/balance'));
      expectUnavailable(
        await call('POST', '/v1/topups', { amount: 500, currency: 'usd', metadata: { label: 'cut' } }, 'cut-1'),
      );
      expect((await fetch(`${instance.baseUrl}/healthz`)).status).toBe(503);
    } finally {
      await proxy.restore();
    }
    expect((await call('GET', '/v1/balance')).status).toBe(200);
    const retried = await call(
      'POST',
      '/v1/topups',
      { amount: 500, currency: 'usd', metadata: { label: 'cut' } },
      'cut-1',
    );
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await topupsWith('cut')).toBe(1);
    const warnings = instance.logs.filter((line) => line['msg'] === 'database unavailable');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings[0]).toMatchObject({ reason: 'ECONNREFUSED', outcome: 'not_run' });
    expect(instance.logs.filter((line) => line['msg'] === 'unhandled error')).toEqual([]);
  });

  it('answers 503 when the answer to COMMIT is lost, and the retry with the same key replays what committed', async () => {
    const params = { amount: 700, currency: 'usd', metadata: { label: 'committed' } };
    proxy.dropAtCommit('after');
    expectUnavailable(await call('POST', '/v1/topups', params, 'commit-after'));
    expect(await topupsWith('committed')).toBe(1);
    const retried = await call('POST', '/v1/topups', params, 'commit-after');
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.parse(retried.text)).toMatchObject({ object: 'topup', amount: 700, metadata: { label: 'committed' } });
    expect(await topupsWith('committed')).toBe(1);
    expect(instance.logs.some((line) => line['msg'] === 'database unavailable' && line['outcome'] === 'unknown')).toBe(
      true,
    );
  });

  it('answers 503 when COMMIT never reached the server, and the retry with the same key runs the request once', async () => {
    const params = { amount: 900, currency: 'usd', metadata: { label: 'rolled-back' } };
    proxy.dropAtCommit('before');
    expectUnavailable(await call('POST', '/v1/topups', params, 'commit-before'));
    expect(await topupsWith('rolled-back')).toBe(0);
    const retried = await call('POST', '/v1/topups', params, 'commit-before');
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await topupsWith('rolled-back')).toBe(1);
  });

  it('fails a transaction whose backend is killed between statements as rolled back, and the pool carries on', async () => {
    const killed = instance.db.transaction('read committed', async (tx) => {
      await tx.query(`INSERT INTO topups (id, created_at, amount, currency, status, settles_at, metadata)
                      VALUES ('tu_killed', now(), 1, 'usd', 'pending', now(), '{"label": "killed"}')`);
      const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await adminQuery('SELECT pg_terminate_backend($1)', [row?.pid]);
      // Between statements the client is idle: the backend's exit reaches it as an 'error' event,
      // which would end the process if nothing listened for it.
      await waitUntilGone(row?.pid);
      await tx.query('SELECT 1');
    });
    const failure = await killed.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(failure).toMatchObject({ outcome: 'rolled_back' });
    expect(await topupsWith('killed')).toBe(0);
    expect((await call('GET', '/v1/balance')).status).toBe(200);
  });
});

/** Waits until the server no longer lists the backend. */
async function waitUntilGone(pid: number | undefined): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const rows = await adminQuery('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (rows.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`backend ${String(pid)} is still running`);
}
