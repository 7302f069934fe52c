import { resolve } from 'node:path';
import { parseEncryptionKey } from './crypto';
import type { DatabaseConfig } from './store/open';

/** A setting the operator must fix; start-up prints its message as one line and exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Where the embedded database and the generated secret key live. */
  dataDir: string;
  /** The platform's test-mode secret key from the environment, if the operator chose one. */
  secretKey: string | undefined;
  /** Browser origins allowed to call the component API. */
  allowedOrigins: string[];
  /** The key sealing sensitive values; generated and kept in the data dir when not given. */
  encryptionKey: Buffer | undefined;
  /** Keys that sealed older values, kept only to open them after a rotation. */
  retiredEncryptionKeys: Buffer[];
  /** Development only: lets webhook endpoints point at loopback and private addresses. */
  allowPrivateWebhookUrls: boolean;
  /** The URL browsers reach this server at, for hosted pages; empty: the origin of each request. */
  publicUrl: string;
  logLevel: string;
}

export const SECRET_KEY_PATTERN = /^sk_test_[A-Za-z0-9]{16,247}$/;
const DEFAULT_PORT = 4242;

type Env = Record<string, string | undefined>;

/** Reads the server's settings from the environment, with a clear error for each bad value. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): ServerConfig {
  const port = parsePort(env['PORT']);
  const host = env['HOST'] ?? '127.0.0.1';
  const dataDir = resolve(cwd, env['ATRIUM_DATA_DIR'] ?? '.atrium');
  return {
    port,
    host,
    dataDir,
    database: parseDatabase(env['DATABASE_URL'], dataDir),
    secretKey: parseSecretKey(env['ATRIUM_SECRET_KEY']),
    allowedOrigins: parseOrigins(env['ATRIUM_ALLOWED_ORIGINS'], port),
    encryptionKey: parseKey('ATRIUM_ENCRYPTION_KEY', env['ATRIUM_ENCRYPTION_KEY']),
    retiredEncryptionKeys: (env['ATRIUM_RETIRED_ENCRYPTION_KEYS'] ?? '')
      .split(',')
      .filter((value) => value.trim() !== '')
      .map((value) => parseKey('ATRIUM_RETIRED_ENCRYPTION_KEYS', value.trim()) ?? Buffer.alloc(0)),
    allowPrivateWebhookUrls: parseFlag('ATRIUM_ALLOW_PRIVATE_WEBHOOK_URLS', env['ATRIUM_ALLOW_PRIVATE_WEBHOOK_URLS']),
    publicUrl: parsePublicUrl(env['ATRIUM_PUBLIC_URL']),
    logLevel: env['LOG_LEVEL'] ?? 'info',
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not '${value}'.`);
  }
  return port;
}

function parseDatabase(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined || url === '') return { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgres://user@host:5432/database.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not '${parsed.protocol}//'.`);
  }
  return { kind: 'postgres', url };
}

function parseSecretKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.startsWith('sk_live_')) {
    throw new ConfigError(
      'ATRIUM_SECRET_KEY is a live key; live mode needs a processor adapter, which is not configured. Use an sk_test_ key.',
    );
  }
  if (!SECRET_KEY_PATTERN.test(value)) {
    throw new ConfigError('ATRIUM_SECRET_KEY must be sk_test_ followed by 16 to 247 letters and digits.');
  }
  return value;
}

function parseOrigins(value: string | undefined, port: number): string[] {
  const defaults = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  if (value === undefined || value === '') return defaults;
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(
        `ATRIUM_ALLOWED_ORIGINS has '${origin}', which is not an origin like https://shop.example.`,
      );
    }
    if (parsed.origin !== origin) {
      throw new ConfigError(
        `ATRIUM_ALLOWED_ORIGINS has '${origin}'; write it as an origin without a path: '${parsed.origin}'.`,
      );
    }
  }
  return origins;
}

function parseKey(name: string, value: string | undefined): Buffer | undefined {
  if (value === undefined || value === '') return undefined;
  const key = parseEncryptionKey(value);
  if (typeof key === 'string') throw new ConfigError(`${name} ${key}.`);
  return key;
}

function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError(`${name} must be 1 or 0, not '${value}'.`);
}

function parsePublicUrl(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString().replace(/\/$/, '');
  } catch {
    // Falls through to the error below.
  }
  throw new ConfigError(`ATRIUM_PUBLIC_URL must be an http or https URL, not '${value}'.`);
}
