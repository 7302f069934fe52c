import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Stripe from 'stripe';
import { createApp } from '../app';
import type { AtriumApp } from '../app';
import type { RuntimeSettings } from '../context';
import { newId, randomBase62 } from '../ids';
import { createLogger } from '../log';
import { hashSecret } from '../secrets';
import type { DatabaseKind } from '../store/db';
import { openTestDatabase } from '../store/testing';
import type { TestDatabase } from '../store/testing';

export interface TestServer {
  app: AtriumApp;
  db: TestDatabase;
  baseUrl: string;
  port: number;
  secretKey: string;
  /** The official SDK pointed at this server, as a platform would use it. */
  stripe: Stripe;
  /** Every log line written so far, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * A real BFF on an ephemeral port over a fresh migrated database, with a platform key and the
 * `stripe` SDK pointed at it. Jobs are not started: tests run them through the test clock or
 * `app.atrium.jobs.runDue()`, so nothing happens behind a test's back.
 */
export async function startTestServer(
  kind: DatabaseKind = 'pglite',
  settings: Partial<RuntimeSettings> = {},
): Promise<TestServer> {
  const db = await openTestDatabase(kind);
  const secretKey = `sk_test_${randomBase62(32)}`;
  await db.query('INSERT INTO api_keys (id, key_hash, livemode) VALUES ($1, $2, false)', [
    newId('key'),
    hashSecret(secretKey),
  ]);
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = createApp({
    db,
    logger: createLogger({ destination }),
    version: 'test',
    encryptionKey: randomBytes(32),
    settings: { allowPrivateWebhookUrls: true, ...settings },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const stripe = new Stripe(secretKey, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    secretKey,
    stripe,
    logs,
    async close() {
      await app.atrium.jobs.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    },
  };
}
