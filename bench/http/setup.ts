import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import type { ApiRequest } from '../../packages/server/src/chaos/client';
import { sendOnce } from '../../packages/server/src/chaos/client';
import { createScratchDatabase } from '../../packages/server/src/chaos/database';
import type { ScratchDatabase } from '../../packages/server/src/chaos/database';
import { createSecretKey, startInstance } from '../../packages/server/src/chaos/instance';
import type { Instance } from '../../packages/server/src/chaos/instance';
import { World, accountOperation, advanceOperation, topupOperation } from '../../packages/server/src/chaos/workload';
import type { Operation } from '../../packages/server/src/chaos/workload';

/** The browser origin the embedded session's requests come from, allowed by the BFF's CORS settings. */
export const ORIGIN = 'http://bench.localhost';
/** The size of the BFF's connection pool: the store's default (`openPostgres`), as `npm start` runs it. */
export const POOL_SIZE = 20;
/** Both rate limits, per second and burst: far above anything one run sends, so they never refuse. */
export const RATE_LIMIT = 1_000_000;
/** The largest single top-up (Stripe's eight-digit limit). */
const MAX_TOPUP_MINOR = 99_999_999;
const DAY_SECONDS = 24 * 60 * 60;

/** What the benchmark runs against: a BFF on a scratch database, a bare Express app, and their callers. */
export interface Deployment {
  database: ScratchDatabase;
  instance: Instance;
  /** The bare Express app's origin. */
  bareUrl: string;
  secretKey: string;
  /** Connected accounts with the transfers capability active. */
  destinations: string[];
  /** A claimed embedded session for `destinations[0]` granting `balances`. */
  sessionToken: string;
}

/** Things opened so far, closed in reverse order, also when a later step fails. */
export class Resources {
  private readonly closers: (() => Promise<void>)[] = [];
  private closing: Promise<void> | undefined;

  add(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  /** Closes everything once; a second call (Ctrl-C during a failure) waits for the first. */
  closeAll(): Promise<void> {
    this.closing ??= (async () => {
      for (const close of this.closers.splice(0).reverse()) {
        await close().catch((error: unknown) => console.error('cleaning up:', error));
      }
    })();
    return this.closing;
  }
}

/** A tiny Express app answering `GET /bare` with a small JSON, on its own port: the floor. */
async function startBare(resources: Resources): Promise<string> {
  const app = express();
  app.get('/bare', (_req, res) => {
    res.json({ object: 'bare', ok: true });
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  resources.add(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Starts everything and sets up a platform that can pay `fundedMinor` in USD to `destinationCount`
 * connected accounts, and an embedded session for the first of them.
 */
export async function deploy(
  resources: Resources,
  options: { destinationCount: number; fundedMinor: number },
): Promise<Deployment> {
  const database = await createScratchDatabase('atrium_bench_http');
  resources.add(() => database.drop());
  const instance = await startInstance({
    databaseUrl: database.url,
    maxConnections: POOL_SIZE,
    encryptionKey: randomBytes(32),
    settings: {
      allowedOrigins: [ORIGIN],
      platformRateLimit: { perSecond: RATE_LIMIT, burst: RATE_LIMIT },
      embeddedRateLimit: { perSecond: RATE_LIMIT, burst: RATE_LIMIT },
    },
    // Written out as a deployment writes to stdout, but to nowhere.
    logDestination: pino.destination({ dest: '/dev/null', sync: true }),
  });
  resources.add(() => instance.close());
  const bareUrl = await startBare(resources);
  const secretKey = await createSecretKey(instance.db);
  const destinations = await fundPlatform(instance, secretKey, options);
  const sessionToken = await openSession(instance.baseUrl, secretKey, destinations[0] ?? fail('no destination'));
  return { database, instance, bareUrl, secretKey, destinations, sessionToken };
}

/** Sends one setup request; anything but a 2xx stops the benchmark. */
async function require2xx(
  instance: Instance,
  secretKey: string,
  request: ApiRequest,
): Promise<Record<string, unknown>> {
  const attempt = await sendOnce({ index: 0, baseUrl: instance.baseUrl }, secretKey, request);
  if (attempt.status < 200 || attempt.status > 299) {
    throw new Error(`${request.method} ${request.path} answered ${attempt.status}: ${JSON.stringify(attempt.body)}`);
  }
  return attempt.body as Record<string, unknown>;
}

async function perform(instance: Instance, secretKey: string, operation: Operation): Promise<void> {
  const body = await require2xx(instance, secretKey, operation.request);
  operation.onSuccess?.(body);
}

/**
 * Creates the connected accounts and tops the platform up, then moves the test clock a day so the
 * accounts are verified and the top-ups settle, and checks that both happened.
 */
async function fundPlatform(
  instance: Instance,
  secretKey: string,
  options: { destinationCount: number; fundedMinor: number },
): Promise<string[]> {
  const world = new World();
  for (let index = 0; index < options.destinationCount; index += 1) {
    await perform(instance, secretKey, accountOperation(world, 'US', 'manual', `bench-account-${index}`));
  }
  for (let index = 0; index * MAX_TOPUP_MINOR < options.fundedMinor; index += 1) {
    const amount = Math.min(MAX_TOPUP_MINOR, options.fundedMinor - index * MAX_TOPUP_MINOR);
    await perform(instance, secretKey, topupOperation('usd', amount, `bench-topup-${index}`));
  }
  await perform(instance, secretKey, advanceOperation('bench-clock', DAY_SECONDS));
  const destinations = world.sellers.map((seller) => seller.id);
  for (const id of destinations) {
    const account = await require2xx(instance, secretKey, { method: 'GET', path: `/v1/accounts/${id}` });
    const capabilities = account['capabilities'] as Record<string, string> | undefined;
    if (capabilities?.['transfers'] !== 'active') {
      throw new Error(
        `${id} cannot receive transfers (${capabilities?.['transfers']}): ${JSON.stringify(account['requirements'])}`,
      );
    }
  }
  const balance = await require2xx(instance, secretKey, { method: 'GET', path: '/v1/balance' });
  const available = (balance['available'] as { amount: number; currency: string }[]).find((a) => a.currency === 'usd');
  if ((available?.amount ?? 0) < options.fundedMinor) {
    throw new Error(`the platform has ${available?.amount ?? 0} USD cents available, not ${options.fundedMinor}`);
  }
  return destinations;
}

/**
 * What a platform's page does: its server creates an account session, the browser claims the
 * client secret for a session token (as `@atrium/client` does) and sends it on every request.
 */
async function openSession(baseUrl: string, secretKey: string, account: string): Promise<string> {
  const created = await fetch(`${baseUrl}/v1/account_sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account, components: { balances: { enabled: true } } }),
  });
  const { client_secret: clientSecret } = (await created.json()) as { client_secret?: string };
  if (!created.ok || clientSecret === undefined) throw new Error(`account session: ${created.status}`);
  const claimed = await fetch(`${baseUrl}/v1/embedded/session`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_secret: clientSecret }),
  });
  const { token } = (await claimed.json()) as { token?: string };
  if (!claimed.ok || token === undefined) throw new Error(`session claim: ${claimed.status}`);
  return token;
}

function fail(message: string): never {
  throw new Error(message);
}
