import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import { createApp } from './app';
import { ConfigError } from './config';
import { generateEncryptionKey, parseEncryptionKey } from './crypto';
import type { ServerConfig } from './config';
import { newId, randomBase62 } from './ids';
import { createLogger } from './log';
import { hashSecret } from './secrets';
import type { Logger } from './log';
import type { Database } from './store/db';
import { migrate } from './store/migrate';
import { openDatabase } from './store/open';
import { VERSION } from './version';

/** How often background jobs look for due work. */
const JOB_INTERVAL_MS = 1_000;

export interface StartOptions {
  config: ServerConfig;
  /** Lets a host (the demo) add its own routes after Atrium's, on the same port. */
  extend?: (
    app: Express,
    context: { db: Database; logger: Logger; secretKey: string; baseUrl: string },
  ) => void | Promise<void>;
  logger?: Logger;
}

export interface RunningServer {
  server: Server;
  db: Database;
  baseUrl: string;
  secretKey: string;
  close(): Promise<void>;
}

/** Opens the database, migrates it, makes sure a secret key exists, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  await mkdir(config.dataDir, { recursive: true });
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db);
    const secretKey = await ensureSecretKey(db, config);
    const app = createApp({
      db,
      logger,
      version: VERSION,
      encryptionKey: config.encryptionKey ?? (await ensureEncryptionKey(config.dataDir)),
      retiredEncryptionKeys: config.retiredEncryptionKeys,
      settings: {
        allowedOrigins: config.allowedOrigins,
        allowPrivateWebhookUrls: config.allowPrivateWebhookUrls,
        publicUrl: config.publicUrl,
      },
    });
    const baseUrl = `http://${config.host}:${config.port}`;
    await options.extend?.(app, { db, logger, secretKey, baseUrl });
    const server = await listen(app, config);
    app.atrium.jobs.start(JOB_INTERVAL_MS);
    return {
      server,
      db,
      baseUrl,
      secretKey,
      async close() {
        await app.atrium.jobs.stop();
        await new Promise<void>((done) => server.close(() => done()));
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function openConfiguredDatabase(config: ServerConfig): Promise<Database> {
  try {
    return await openDatabase(config.database);
  } catch (error) {
    if (config.database.kind === 'postgres') {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(`Cannot connect to DATABASE_URL (${redactUrl(config.database.url)}): ${reason}`);
    }
    throw error;
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function listen(app: Express, config: ServerConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(`Port ${config.port} on ${config.host} is already in use; stop what uses it or set PORT.`),
        );
      } else if (error.code === 'EACCES') {
        reject(new ConfigError(`Not allowed to listen on port ${config.port}; choose a PORT above 1023.`));
      } else {
        reject(error);
      }
    });
  });
}

/**
 * The key that seals sensitive values when `ATRIUM_ENCRYPTION_KEY` is not set: generated once and
 * kept in the data dir (mode 600). Production deployments set the variable instead.
 */
async function ensureEncryptionKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'encryption-key');
  let text = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (text === '') {
    text = generateEncryptionKey();
    await writeFile(file, `${text}\n`, { mode: 0o600 });
  }
  const key = parseEncryptionKey(text);
  if (typeof key === 'string') throw new ConfigError(`The key in ${file} ${key}.`);
  return key;
}

/**
 * The platform's secret key: the one in the environment, else the one generated on an earlier
 * start and kept in the data dir, else a new one. Only its hash goes into the database.
 */
async function ensureSecretKey(db: Database, config: ServerConfig): Promise<string> {
  const file = join(config.dataDir, 'secret-key');
  let key = config.secretKey;
  if (key === undefined) {
    key = (await readFile(file, 'utf8').catch(() => '')).trim();
    if (key === '') {
      key = `sk_test_${randomBase62(32)}`;
      await writeFile(file, `${key}\n`, { mode: 0o600 });
    }
  }
  await db.query(
    'INSERT INTO api_keys (id, key_hash, livemode) VALUES ($1, $2, false) ON CONFLICT (key_hash) DO NOTHING',
    [newId('key'), hashSecret(key)],
  );
  return key;
}
