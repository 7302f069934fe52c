import type { Request } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '../store/testing';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import type { Database, DatabaseKind } from '../store/db';
import { createEmbeddedAuthenticator } from './embedded-auth';
import { SESSION_CHANGES_CHANNEL, createSessionCache } from './session-cache';

/** What a component's request carries: its session token as a Bearer token. */
const requestWith = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as Request;

/**
 * A test server with a new connected account for each test, and authenticators whose database
 * counts the statements they send.
 */
function useFixture(kind: DatabaseKind) {
  let server: TestServer;
  let account: string;
  /** Statements the authenticator sent to the database. */
  let lookups: number;
  let counted: Database;

  const claim = async () => {
    const session = await server.stripe.accountSessions.create({
      account,
      components: { balances: { enabled: true } },
    });
    const response = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: session.client_secret }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  /** A cache and authenticator over the counting database, once notifications flow. */
  const authenticator = async (options: Parameters<typeof createSessionCache>[1] = {}) => {
    const cache = createSessionCache(counted, options);
    await vi.waitFor(() => expect(cache.live).toBe(true));
    return { cache, authenticate: createEmbeddedAuthenticator(counted, cache) };
  };

  /** On PGlite a change's notice arrives before its statement returns; on PostgreSQL just after. */
  const eventually = async (check: () => unknown) => {
    if (kind === 'pglite') await check();
    else await vi.waitFor(check, { timeout: 5_000, interval: 20 });
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    counted = {
      ...server.db,
      query: (sql, params) => {
        lookups += 1;
        return server.db.query(sql, params);
      },
    };
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    account = (await server.stripe.accounts.create({ type: 'custom', country: 'US' })).id;
    lookups = 0;
  });

  return {
    claim,
    authenticator,
    eventually,
    server: () => server,
    account: () => account,
    newAccount: async () => {
      account = (await server.stripe.accounts.create({ type: 'custom', country: 'US' })).id;
      return account;
    },
    lookups: () => lookups,
  };
}

describe.each(await testDatabaseKinds())('embedded sessions kept in memory on %s', (kind) => {
  const { claim, authenticator, eventually, server, account, newAccount, lookups } = useFixture(kind);

  it('looks a session up once, then answers from memory', async () => {
    const { authenticate } = await authenticator();
    const token = await claim();
    const first = await authenticate(requestWith(token));
    const second = await authenticate(requestWith(token));
    expect(second).toEqual(first);
    expect(first).toMatchObject({ kind: 'embedded', accountId: account() });
    expect(lookups()).toBe(1);
  });

  it('ends a kept session when it is revoked, and keeps no session that ended', async () => {
    const { authenticate } = await authenticator();
    const token = await claim();
    await authenticate(requestWith(token));
    await server().db.query('UPDATE embedded_sessions SET revoked_at = now() WHERE account_id = $1', [account()]);
    await eventually(() =>
      expect(authenticate(requestWith(token))).rejects.toMatchObject({
        status: 401,
        details: { code: 'session_expired' },
      }),
    );
    const before = lookups();
    await expect(authenticate(requestWith(token))).rejects.toMatchObject({ status: 401 });
    expect(lookups()).toBe(before + 1);
  });

  it('ends a kept session when its account is rejected or deleted, not when it is otherwise updated', async () => {
    const { authenticate } = await authenticator();
    const rejected = await claim();
    await authenticate(requestWith(rejected));
    await server().db.query('UPDATE accounts SET business_profile = \'{"name": "Renamed"}\' WHERE id = $1', [
      account(),
    ]);
    await authenticate(requestWith(rejected));
    expect(lookups()).toBe(1);

    await server().db.query("UPDATE accounts SET rejected_reason = 'fraud' WHERE id = $1", [account()]);
    await eventually(() =>
      expect(authenticate(requestWith(rejected))).rejects.toMatchObject({ details: { code: 'session_expired' } }),
    );

    await newAccount();
    const deleted = await claim();
    await authenticate(requestWith(deleted));
    await server().db.query('UPDATE accounts SET deleted = true WHERE id = $1', [account()]);
    await eventually(() =>
      expect(authenticate(requestWith(deleted))).rejects.toMatchObject({ details: { code: 'session_invalid' } }),
    );
  });

  it('does not keep a session read while a change was announced', async () => {
    const { cache } = await authenticator();
    const ticket = cache.ticket();
    expect(ticket).toBeDefined();
    await server().db.query('UPDATE embedded_sessions SET revoked_at = now() WHERE account_id = $1', [account()]);
    await eventually(() => expect(cache.ticket()).not.toBe(ticket));
    cache.remember(ticket, 'some-hash', { accountId: account(), components: {}, expiresAt: Date.now() + 60_000 });
    expect(cache.get('some-hash')).toBeUndefined();
  });

  it('asks the database again once a session expires or has been kept for its longest', async () => {
    let now = Date.now();
    const { cache, authenticate } = await authenticator({ now: () => now, maxAgeMs: 10_000 });
    const token = await claim();
    await authenticate(requestWith(token));
    now += 9_000;
    await authenticate(requestWith(token));
    expect(lookups()).toBe(1);
    now += 1_000;
    await authenticate(requestWith(token));
    expect(lookups()).toBe(2);

    cache.remember(cache.ticket(), 'short', { accountId: account(), components: {}, expiresAt: now + 1 });
    expect(cache.get('short')).toBeDefined();
    now += 1;
    expect(cache.get('short')).toBeUndefined();
  });

  it('forgets the oldest session beyond its size', async () => {
    const { cache } = await authenticator({ maxEntries: 2 });
    const session = { accountId: account(), components: {}, expiresAt: Date.now() + 60_000 };
    for (const hash of ['a', 'b', 'c']) cache.remember(cache.ticket(), hash, session);
    expect(['a', 'b', 'c'].map((hash) => cache.get(hash) !== undefined)).toEqual([false, true, true]);
  });
});

describe.each((await testDatabaseKinds()).filter((kind) => kind === 'postgres'))(
  'embedded sessions kept in memory on %s, when the connection that hears changes is lost',
  (kind) => {
    const { claim, authenticator, server, account, lookups } = useFixture(kind);

    it('keeps nothing while the connection that hears changes is lost, and resumes once it is back', async () => {
      const { cache, authenticate } = await authenticator();
      const token = await claim();
      await authenticate(requestWith(token));
      const [killed] = await server().db.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1`,
        [`atrium_listen_${SESSION_CHANGES_CHANNEL}`],
      );
      expect(killed?.killed).toBe(true);
      await vi.waitFor(() => expect(cache.live).toBe(false));
      // Revoked while nobody listens: the notice is lost, so the kept session must already be gone.
      await server().db.query('UPDATE embedded_sessions SET revoked_at = now() WHERE account_id = $1', [account()]);
      await expect(authenticate(requestWith(token))).rejects.toMatchObject({ details: { code: 'session_expired' } });

      const fresh = await claim();
      await vi.waitFor(() => expect(cache.live).toBe(true), { timeout: 5_000 });
      const after = lookups();
      await authenticate(requestWith(fresh));
      await authenticate(requestWith(fresh));
      expect(lookups() - after).toBe(1);
    });
  },
);
