import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { createApp } from '../app';
import type { AtriumApp } from '../app';
import type { RuntimeSettings } from '../context';
import { newId, randomBase62 } from '../ids';
import { createLogger } from '../log';
import { hashSecret } from '../secrets';
import type { Database } from '../store/db';
import { openPostgres } from '../store/postgres';

/** One BFF listening on an ephemeral port of 127.0.0.1 over its own connection pool. */
export interface Instance {
  app: AtriumApp;
  db: Database;
  baseUrl: string;
  /** Every log line so far, parsed; empty when the lines go to `logDestination`. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface InstanceOptions {
  databaseUrl: string;
  /** The pool's size. */
  maxConnections: number;
  /** Shared by the instances of one deployment: it seals webhook secrets. */
  encryptionKey: Buffer;
  settings?: Partial<RuntimeSettings>;
  /** Starts the background jobs at this interval; left stopped when absent. */
  jobIntervalMs?: number;
  /**
   * Where the log lines go instead of `logs`: a benchmark writes them out as a deployment does,
   * rather than parse and keep every line in memory.
   */
  logDestination?: DestinationStream;
}

/** Starts a BFF as `startServer` would, with its logs kept in memory (or sent to `logDestination`). */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const db = await openPostgres({ connectionString: options.databaseUrl, maxConnections: options.maxConnections });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const app = createApp({
    db,
    logger: createLogger({ destination: options.logDestination ?? destination }),
    version: 'chaos',
    encryptionKey: options.encryptionKey,
    settings: { allowPrivateWebhookUrls: true, ...options.settings },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  if (options.jobIntervalMs !== undefined) app.atrium.jobs.start(options.jobIntervalMs);
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    async close() {
      await app.atrium.jobs.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

/** A new test-mode secret key, registered in the database (only its hash is stored). */
export async function createSecretKey(db: Database): Promise<string> {
  const secretKey = `sk_test_${randomBase62(32)}`;
  await db.query('INSERT INTO api_keys (id, key_hash, livemode) VALUES ($1, $2, false)', [
    newId('key'),
    hashSecret(secretKey),
  ]);
  return secretKey;
}
