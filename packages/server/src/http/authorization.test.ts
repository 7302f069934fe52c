import { COMPONENT_FEATURES, COMPONENT_NAMES } from '@atrium/core';
import type { ComponentName } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedRoutes } from '../routes/embedded';
import { platformRoutes } from '../routes/platform';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import { hashSecret } from '../secrets';
import type { EmbeddedRoute, Route } from './route';

/*
 * The authorization matrix, generated from the route tables: every embedded route against every
 * kind of wrong caller, every platform route against every kind of wrong key, and every id that
 * belongs to another account. A route added to a table is covered without touching this file.
 */

type Grants = Record<string, { enabled: boolean; features?: Record<string, boolean> }>;

const allGranted: Grants = Object.fromEntries(
  COMPONENT_NAMES.map((name) => [
    name,
    { enabled: true, features: Object.fromEntries(COMPONENT_FEATURES[name].map((feature) => [feature, true])) },
  ]),
);

/** A grant of every component except `excluded`, with every feature on. */
const allBut = (excluded: readonly ComponentName[]): Grants =>
  Object.fromEntries(Object.entries(allGranted).filter(([name]) => !excluded.includes(name as ComponentName)));

/** Every listed component enabled, but none of their features. */
const withoutFeatures = (components: readonly ComponentName[]): Grants =>
  Object.fromEntries(components.map((name) => [name, { enabled: true }]));

describe('the authorization matrix', () => {
  let server: TestServer;
  let mine: string;
  let theirs: string;
  /** Ids of the other account's objects, by the path segment their routes use. */
  const theirIds: Record<string, string> = {};
  const tokens = new Map<string, string>();

  const claim = async (account: string, components: Grants) => {
    const session = await server.stripe.accountSessions.create({ account, components });
    const response = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: session.client_secret }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  const token = async (key: string, account: string, components: Grants) => {
    const cached = tokens.get(key);
    if (cached) return cached;
    const fresh = await claim(account, components);
    tokens.set(key, fresh);
    return fresh;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const a = await server.stripe.accounts.create({ type: 'custom', country: 'GB', business_type: 'company' });
    const b = await server.stripe.accounts.create({
      type: 'custom',
      country: 'GB',
      business_type: 'company',
      email: 'secret-owner@example.com',
    });
    mine = a.id;
    theirs = b.id;
    theirIds['persons'] = (await server.stripe.accounts.createPerson(theirs, { first_name: 'Theodora' })).id;
    theirIds['external_accounts'] = (
      await server.stripe.accounts.createExternalAccount(theirs, {
        external_account: {
          object: 'bank_account',
          country: 'GB',
          currency: 'gbp',
          routing_number: '108800',
          account_number: '00012345',
        } as never,
      })
    ).id;
  });
  afterAll(async () => {
    await server.close();
  });

  /** A concrete path for a route: path parameters filled with the other account's objects. */
  const concretePath = (route: Route) =>
    route.path
      .replace(/\/([a-z_]+)\/:([a-z_]+)/g, (_match, collection: string) => {
        const id = theirIds[collection] ?? `${collection.slice(0, 2)}_doesnotexist`;
        return `/${collection}/${id}`;
      })
      .replace(/:account/g, theirs);

  const send = (route: Route, path: string, authorization: string | undefined) =>
    fetch(`${server.baseUrl}${route.auth === 'embedded' ? '/v1/embedded' : '/v1'}${path}`, {
      method: route.method.toUpperCase(),
      headers: {
        ...(authorization ? { Authorization: authorization } : {}),
        ...(route.method === 'post' ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(route.method === 'post' ? { body: '{}' } : {}),
    });

  const embedded = embeddedRoutes as readonly EmbeddedRoute[];

  it.each(embedded.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s refuses missing, forged and expired tokens with 401',
    async (_name, route) => {
      const path = concretePath(route);
      expect((await send(route, path, undefined)).status).toBe(401);
      expect((await send(route, path, `Bearer ats_${'A'.repeat(40)}`)).status).toBe(401);
      expect((await send(route, path, 'Bearer not-a-token')).status).toBe(401);
      const expired = await claim(mine, allGranted);
      await server.db.query(
        `UPDATE embedded_sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [hashSecret(expired)],
      );
      const answer = await send(route, path, `Bearer ${expired}`);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: 'session_expired' } });
    },
  );

  // A route every component may use (the account itself) has no session without its component.
  const gated = embedded.filter(
    (route) => COMPONENT_NAMES.some((name) => !route.components.includes(name)) || route.feature,
  );

  it.each(gated.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s refuses a session without its component, or without its feature, with 403',
    async (_name, route) => {
      const path = concretePath(route);
      if (COMPONENT_NAMES.some((name) => !route.components.includes(name))) {
        const without = await token(`without:${route.components.join()}`, mine, allBut(route.components));
        expect((await send(route, path, `Bearer ${without}`)).status).toBe(403);
      }
      if (route.feature) {
        const featureless = await token(
          `featureless:${route.components.join()}`,
          mine,
          withoutFeatures(route.components),
        );
        expect((await send(route, path, `Bearer ${featureless}`)).status).toBe(403);
      }
    },
  );

  it.each(
    embedded
      .filter((route) => route.path.includes('/:'))
      .map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const),
  )("%s answers another account's object with 404 and leaks nothing of it", async (_name, route) => {
    const full = await token('all', mine, allGranted);
    const answer = await send(route, concretePath(route), `Bearer ${full}`);
    expect(answer.status).toBe(404);
    const body = await answer.text();
    expect(body).not.toContain(theirs);
    expect(body).not.toContain('secret-owner@example.com');
  });

  it.each(platformRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s refuses no key, a wrong key and a live key with 401',
    async (_name, route) => {
      const path = concretePath(route);
      expect((await send(route, path, undefined)).status).toBe(401);
      expect((await send(route, path, 'Bearer sk_test_wrongwrongwrongwrong1234')).status).toBe(401);
      const live = await send(route, path, 'Bearer sk_live_abcdefghijklmnop1234');
      expect(live.status).toBe(401);
      expect(await live.json()).toMatchObject({ error: { code: 'livemode_unavailable' } });
    },
  );

  it('refuses a Stripe-Account header naming an account that does not exist', async () => {
    const response = await fetch(`${server.baseUrl}/v1/events`, {
      headers: { Authorization: `Bearer ${server.secretKey}`, 'Stripe-Account': 'acct_doesnotexist' },
    });
    expect(response.status).toBe(403);
  });

  it('lets a request made as a connected account act on that account only, and list or create none', async () => {
    const [own, other] = await Promise.all(
      ['own', 'other'].map((name) =>
        server.stripe.accounts.create({ type: 'custom', country: 'US', metadata: { name } }),
      ),
    );
    const as = { stripeAccount: own?.id ?? '' };
    expect((await server.stripe.accounts.retrieve(own?.id ?? '', {}, as)).metadata).toEqual({ name: 'own' });
    for (const attempt of [
      () => server.stripe.accounts.retrieve(other?.id ?? '', {}, as),
      () => server.stripe.accounts.update(other?.id ?? '', { metadata: { probe: 'x' } }, as),
      () => server.stripe.accounts.listExternalAccounts(other?.id ?? '', {}, as),
      () => server.stripe.accounts.listPersons(other?.id ?? '', {}, as),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ statusCode: 403, code: 'account_invalid' });
    }
    await expect(server.stripe.accounts.list({}, as)).rejects.toMatchObject({
      statusCode: 400,
      code: 'platform_account_required',
    });
    expect((await server.stripe.accounts.retrieve(other?.id ?? '')).metadata).toEqual({ name: 'other' });
  });
});
