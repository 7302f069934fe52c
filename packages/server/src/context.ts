import type { Logger } from 'pino';
import type { Encryptor } from './crypto';
import type { RateLimit } from './http/rate-limit';
import type { JobRunner } from './jobs/runner';
import type { Database } from './store/db';

/** Settings services read at run time. */
export interface RuntimeSettings {
  /** How long an account session's client secret and its session token live. */
  accountSessionTtlSeconds: number;
  /** Browser origins allowed to call the component API. */
  allowedOrigins: readonly string[];
  /** Development only: webhook endpoints may point at loopback and private addresses. */
  allowPrivateWebhookUrls: boolean;
  /**
   * The URL this server is reached at from browsers, for hosted pages (`ATRIUM_PUBLIC_URL`); when
   * empty, the origin each request arrived at.
   */
  publicUrl: string;
  /** Where the built hosted pages (account links) are: `index.html` and `assets/`. */
  hostedDir: string;
  /** Per secret key, per instance. */
  platformRateLimit: RateLimit;
  /** Per connected account's embedded sessions, per instance. */
  embeddedRateLimit: RateLimit;
}

/** Everything a handler or service needs, passed explicitly instead of imported as singletons. */
export interface AppContext {
  db: Database;
  logger: Logger;
  encryptor: Encryptor;
  settings: RuntimeSettings;
  jobs: JobRunner;
}
