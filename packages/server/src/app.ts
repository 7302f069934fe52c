import { fileURLToPath } from 'node:url';
import cors from 'cors';
import express from 'express';
import type { Express, Request } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AppContext, RuntimeSettings } from './context';
import { createEncryptor } from './crypto';
import { createPlatformAuthenticator } from './http/auth';
import type { Auth } from './http/auth';
import { parseBody, parseBracketNotation } from './http/body';
import { mountHostedPages } from './http/hosted';
import { createEmbeddedAuthenticator } from './http/embedded-auth';
import { errorHandler, unknownRoute } from './http/errors';
import { createRateLimiter } from './http/rate-limit';
import type { RateLimit } from './http/rate-limit';
import { requestContext } from './http/request-context';
import { openApiDocument, referencePage } from './http/openapi';
import { checkGrant, mountRoutes } from './http/route';
import { createJobRunner } from './jobs/runner';
import { embeddedRoutes } from './routes/embedded';
import { seenBySession } from './routes/embedded/account-view';
import { mountFileUpload } from './routes/embedded/files';
import { mountSessionClaim } from './routes/embedded/session';
import { platformRoutes } from './routes/platform';
import { requirementsReviewJob, verificationJob } from './services/accounts/verification';
import { moneyJobs } from './services/money/jobs';
import { retentionJob } from './services/retention';
import { webhookDeliveryJob } from './services/webhooks';
import type { Database } from './store/db';

export interface AppOptions {
  db: Database;
  logger: Logger;
  /** Reported by `/healthz`. */
  version: string;
  /** 32-byte key sealing sensitive values (AES-256-GCM). */
  encryptionKey: Buffer;
  /** Keys that sealed older values; they only open, never seal. */
  retiredEncryptionKeys?: Buffer[];
  settings?: Partial<RuntimeSettings>;
}

/** Wraps an authenticator so each caller is also held to a rate limit, right after it is known. */
function limited<A extends Auth>(authenticate: (req: Request) => Promise<A>, limit: RateLimit) {
  const check = createRateLimiter(limit);
  return async (req: Request): Promise<A> => {
    const auth = await authenticate(req);
    check(auth.kind === 'platform' ? `key:${auth.keyId}` : `account:${auth.accountId}`);
    return auth;
  };
}

export type AtriumApp = Express & { readonly atrium: AppContext };

const DEFAULT_SETTINGS: RuntimeSettings = {
  accountSessionTtlSeconds: 60 * 60,
  allowedOrigins: [],
  allowPrivateWebhookUrls: false,
  publicUrl: '',
  hostedDir: fileURLToPath(new URL('../dist/hosted/', import.meta.url)),
  platformRateLimit: { perSecond: 500, burst: 1000 },
  embeddedRateLimit: { perSecond: 20, burst: 60 },
};

/**
 * Builds the BFF's Express app without listening, so tests and hosts (the demo) can mount it.
 * It answers `/healthz` and everything under `/v1`; other paths fall through to whatever the host
 * mounts after it. Background jobs are created but not started: `app.atrium.jobs.start()` does.
 */
export function createApp(options: AppOptions): AtriumApp {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const encryptor = createEncryptor(options.encryptionKey, options.retiredEncryptionKeys);
  const jobs = createJobRunner(
    [
      verificationJob({ db: options.db, logger: options.logger }),
      requirementsReviewJob({ db: options.db }),
      ...moneyJobs({ db: options.db, encryptor, logger: options.logger }),
      webhookDeliveryJob({
        db: options.db,
        encryptor,
        logger: options.logger,
        allowPrivateUrls: settings.allowPrivateWebhookUrls,
      }),
      retentionJob({ db: options.db, logger: options.logger }),
    ],
    options.logger,
  );
  const context: AppContext = { db: options.db, logger: options.logger, encryptor, settings, jobs };

  const app = express();
  app.disable('x-powered-by');
  // Answers are `no-store` (below): an ETag, a hash of every body, would never be revalidated.
  app.disable('etag');
  app.set('query parser', parseBracketNotation);
  app.use(requestContext(options.logger));

  app.get('/healthz', async (_req, res) => {
    const database = options.db.kind;
    try {
      await options.db.query('SELECT 1');
      res.json({ status: 'ok', version: options.version, database });
    } catch {
      res.status(503).setHeader('Retry-After', '1').json({ status: 'unavailable', version: options.version, database });
    }
  });

  const openApi = openApiDocument({ version: options.version, platform: platformRoutes, embedded: embeddedRoutes });
  app.get('/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  const reference = referencePage(openApi);
  app.get('/docs/api', (_req, res) => {
    res.type('html').send(reference);
  });

  mountHostedPages(app, context, settings.hostedDir);
  app.use('/connect', unknownRoute, errorHandler(options.logger));

  const v1 = express.Router();
  v1.use(helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: false }));
  // API answers carry personal data and balances: no browser or proxy may keep a copy (a
  // component's answers would otherwise stay in the browser's cache after the session ends).
  v1.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  const embedded = express.Router();
  embedded.use(
    cors({
      origin: [...settings.allowedOrigins],
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposedHeaders: ['Request-Id', 'Idempotent-Replayed', 'Retry-After'],
      maxAge: 600,
    }),
  );
  const embeddedAuth = limited(createEmbeddedAuthenticator(options.db), settings.embeddedRateLimit);
  mountFileUpload(embedded, context, async (req) => {
    const auth = await embeddedAuth(req);
    checkGrant({ components: ['account_onboarding', 'account_management'] }, auth);
    return { accountId: auth.accountId };
  });
  embedded.use(parseBody);
  mountSessionClaim(embedded, context);
  mountRoutes(embedded, context, embeddedRoutes, embeddedAuth, seenBySession);
  embedded.use(unknownRoute);
  v1.use('/embedded', embedded);
  const platformAuth = limited(createPlatformAuthenticator(options.db), settings.platformRateLimit);
  mountFileUpload(v1, context, async (req) => ({ accountId: (await platformAuth(req)).onBehalfOf ?? null }));
  v1.use(parseBody);
  mountRoutes(v1, context, platformRoutes, platformAuth);
  v1.use(unknownRoute);
  v1.use(errorHandler(options.logger));
  app.use('/v1', v1);
  return Object.assign(app, { atrium: context });
}
