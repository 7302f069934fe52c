import { COMPONENT_FEATURES, COMPONENT_NAMES } from '@atrium/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedRoutes } from '../routes/embedded';
import { platformRoutes } from '../routes/platform';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import type { Route } from './route';

/*
 * Hostile requests for every route, generated from the route tables: each carries at least one
 * thing no schema accepts, plus values meant to break parsers, queries and prototypes. Every
 * answer must be a 4xx with Stripe's error shape, and nothing may change.
 */

const RUNS_PER_ROUTE = 12;

const hostileValue = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    "'; DROP TABLE accounts; --",
    '<script>alert(1)</script>',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    '\u0000',
    '\u202e\u2066',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🐢',
    'true',
    '',
  ),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 64, -(2 ** 63), 1.5, -1, 0, Number.MIN_VALUE),
  fc.constant('x'.repeat(300_000)),
  fc.string({ maxLength: 40 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.constant(null),
);

/** A value nested `depth` levels deep: `{a: {a: {...}}}`. */
const deep = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { a: deep(depth - 1, leaf) });

/** Keys no strict schema takes, so every request is refused whatever else it carries. */
const unknownKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'zz_unknown', 'hasOwnProperty', 'a[b]');

interface HostileBody {
  known: Record<string, unknown>;
  unknown: string;
  unknownValue: unknown;
  depth: number;
  encoding: 'json' | 'form' | 'form-duplicates' | 'text' | 'xml';
}

const hostileBody: fc.Arbitrary<HostileBody> = fc.record({
  known: fc.dictionary(
    fc.constantFrom('amount', 'currency', 'email', 'metadata', 'individual', 'limit', 'url', 'account'),
    hostileValue,
    {
      maxKeys: 4,
    },
  ),
  unknown: unknownKey,
  unknownValue: hostileValue,
  depth: fc.integer({ min: 0, max: 60 }),
  encoding: fc.constantFrom('json', 'form', 'form-duplicates', 'text', 'xml'),
});

function encode(body: HostileBody): { contentType: string; text: string } {
  const payload: Record<string, unknown> = { ...body.known };
  Object.defineProperty(payload, body.unknown, { value: deep(body.depth, body.unknownValue), enumerable: true });
  switch (body.encoding) {
    case 'json':
      return { contentType: 'application/json', text: JSON.stringify(payload) };
    case 'form':
    case 'form-duplicates': {
      const pairs = Object.entries(payload).map(
        ([key, value]) =>
          `${encodeURIComponent(key)}${'[a]'.repeat(Math.min(body.depth, 10))}=${encodeURIComponent(String(value))}`,
      );
      if (body.encoding === 'form-duplicates') pairs.push(...pairs, 'amount=1&amount=2');
      return { contentType: 'application/x-www-form-urlencoded', text: pairs.join('&') };
    }
    case 'text':
      return { contentType: 'text/plain', text: `${body.unknown}=${String(body.unknownValue)}` };
    case 'xml':
      return { contentType: 'application/xml', text: `<a>${String(body.unknownValue)}</a>` };
  }
}

describe('hostile requests to every route', () => {
  let server: TestServer;
  let token: string;
  let accountId: string;

  beforeAll(async () => {
    server = await startTestServer('pglite', {
      platformRateLimit: { perSecond: 10_000, burst: 10_000 },
      embeddedRateLimit: { perSecond: 10_000, burst: 10_000 },
    });
    accountId = (await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'company' })).id;
    const components = Object.fromEntries(
      COMPONENT_NAMES.map((name) => [
        name,
        { enabled: true, features: Object.fromEntries(COMPONENT_FEATURES[name].map((feature) => [feature, true])) },
      ]),
    );
    const session = await server.stripe.accountSessions.create({ account: accountId, components });
    const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: session.client_secret }),
    });
    token = ((await claim.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await server.close();
  });

  /** Row counts of every table a request could change, and the ledger's. */
  const snapshot = async () =>
    server.db.query(
      `SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text AS rows
         FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );

  const pathOf = (route: Route, hostileId: string) =>
    route.path.replace(/:account/g, accountId).replace(/:([a-z_]+)/g, () => encodeURIComponent(hostileId));

  const routes = [...platformRoutes, ...embeddedRoutes];

  it.each(routes.map((route) => [`${route.auth} ${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s answers 4xx with the error shape and changes nothing',
    async (_name, route) => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(
          hostileBody,
          fc.oneof(fc.string({ maxLength: 30 }), fc.constant('acct_x; DROP')),
          async (body, hostileId) => {
            const { contentType, text } = encode(body);
            const base = route.auth === 'embedded' ? '/v1/embedded' : '/v1';
            const path = pathOf(route, hostileId);
            const url =
              route.method === 'post'
                ? `${server.baseUrl}${base}${path}`
                : `${server.baseUrl}${base}${path}?${encodeURIComponent(body.unknown)}=${encodeURIComponent(String(body.unknownValue).slice(0, 2000))}`;
            const response = await fetch(url, {
              method: route.method.toUpperCase(),
              headers: {
                Authorization: `Bearer ${route.auth === 'embedded' ? token : server.secretKey}`,
                ...(route.method === 'post' ? { 'Content-Type': contentType } : {}),
              },
              ...(route.method === 'post' ? { body: text } : {}),
            });
            const answer = (await response.json()) as { error?: { type?: string; message?: string } };
            expect(
              response.status,
              `${route.method} ${path} ${contentType} ${text.slice(0, 200)}`,
            ).toBeGreaterThanOrEqual(400);
            expect(response.status, `${route.method} ${path} ${text.slice(0, 200)}`).toBeLessThan(500);
            expect(typeof answer.error?.type).toBe('string');
            expect(typeof answer.error?.message).toBe('string');
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
      expect(await snapshot()).toEqual(before);
    },
    60_000,
  );

  /** The parameter names a route's schema knows (its top-level keys). */
  const knownParams = (route: Route): string[] => {
    const shape = (route.params as { shape?: Record<string, unknown> }).shape;
    return shape ? Object.keys(shape) : [];
  };

  /** A query string of the route's own parameters with hostile values, some in range-filter form. */
  const hostileQuery = (names: readonly string[]) =>
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...names),
          fc.oneof(
            hostileValue,
            fc.constantFrom('99999999999999', '-99999999999999', '9300000000000'),
            fc.constantFrom('evt_\u0000', 'ch_\u0000x'),
          ),
          fc.constantFrom('', '[gt]', '[lte]', '[0]'),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((pairs) =>
        pairs
          .map(
            ([name, value, suffix]) =>
              `${encodeURIComponent(name + suffix)}=${encodeURIComponent(String(value).slice(0, 2000))}`,
          )
          .join('&'),
      );

  const reads = routes.filter((route) => route.method === 'get' && knownParams(route).length > 0);

  it.each(reads.map((route) => [`${route.auth} GET ${route.path}`, route] as const))(
    '%s with hostile values in its own parameters never answers 5xx',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(
          hostileQuery(knownParams(route)),
          fc.oneof(fc.string({ maxLength: 30 }), fc.constant('evt_\u0000')),
          async (query, hostileId) => {
            const base = route.auth === 'embedded' ? '/v1/embedded' : '/v1';
            const url = `${server.baseUrl}${base}${pathOf(route, hostileId)}?${query}`;
            const response = await fetch(url, {
              headers: { Authorization: `Bearer ${route.auth === 'embedded' ? token : server.secretKey}` },
            });
            const answer = (await response.json()) as { error?: { type?: string } };
            expect(response.status, `GET ${url.slice(0, 300)}`).toBeLessThan(500);
            if (response.status >= 400) expect(typeof answer.error?.type).toBe('string');
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
    60_000,
  );
});
