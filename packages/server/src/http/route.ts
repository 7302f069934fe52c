import { isGranted, paramName } from '@atrium/core';
import type { ComponentName } from '@atrium/core';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { tagRequest } from '../services/events';
import type { Queryable } from '../store/db';
import { runOperation } from '../store/operation';
import type { IdempotencyClaim, OperationResult } from '../store/operation';
import type { AppContext } from '../context';
import { textSealer } from '../crypto';
import type { EmbeddedAuth, PlatformAuth } from './auth';
import { ApiError, invalidRequest } from './errors';
import { idempotencyClaim } from './idempotency';
import { parseParams } from './validate';

/** What a handler answers; the status defaults to 200. */
export interface Reply {
  status?: number;
  body: object;
  /**
   * Work to finish after the transaction commits and before the answer is sent (the test clock
   * runs due jobs here, so they see the moved clock). Not run on replays.
   */
  afterCommit?: () => Promise<void>;
}

interface HandlerContext<A, P> {
  app: AppContext;
  auth: A;
  params: P;
  /** Path parameters, already checked against the route's id patterns. */
  path: Record<string, string>;
  /** The request's transaction for POST and DELETE, the pool for GET. */
  q: Queryable;
  /** The URL path of the request, for list envelopes (`url`). */
  url: string;
  /** Who sent the request, for records such as a terms acceptance, and the origin it reached. */
  client: { ip: string; userAgent: string; origin: string };
}

export type PlatformHandlerContext<P> = HandlerContext<PlatformAuth, P>;
export type EmbeddedHandlerContext<P> = HandlerContext<EmbeddedAuth, P>;

interface RouteBase<S extends z.ZodType> {
  method: 'get' | 'post' | 'delete';
  /** Express path relative to `/v1` (platform) or `/v1/embedded` (component API). */
  path: string;
  /** Strict schema for the body (POST) or the query string (GET, DELETE). */
  params: S;
  /**
   * For routes whose rules depend on the request (an account's country decides its field
   * formats): builds the schema that parses this request. `params` then documents the route.
   */
  paramsFor?: (request: {
    app: AppContext;
    input: unknown;
    path: Record<string, string>;
    auth: PlatformAuth | EmbeddedAuth;
  }) => Promise<z.ZodType>;
  summary: string;
}

export interface PlatformRoute<S extends z.ZodType = z.ZodType> extends RouteBase<S> {
  auth: 'platform';
  handler: (ctx: PlatformHandlerContext<z.output<S>>) => Promise<Reply>;
}

export interface EmbeddedRoute<S extends z.ZodType = z.ZodType> extends RouteBase<S> {
  auth: 'embedded';
  /** The components this route serves; the session must have one of them enabled. */
  components: readonly ComponentName[];
  /** A feature that one of those components must have granted, for routes that act. */
  feature?: string;
  /**
   * Grants that depend on the parameters (a payout's method needs its own feature). Checked
   * before the idempotency record is looked up, so a replay answers only a session that may
   * make the request.
   */
  grants?: (auth: EmbeddedAuth, params: z.output<S>) => void;
  handler: (ctx: EmbeddedHandlerContext<z.output<S>>) => Promise<Reply>;
}

export type Route = PlatformRoute | EmbeddedRoute;

/** Keeps a route's handler typed by its schema while the route table holds routes of any schema. */
export function platformRoute<S extends z.ZodType>(route: Omit<PlatformRoute<S>, 'auth'>): PlatformRoute {
  return { ...route, auth: 'platform' } as unknown as PlatformRoute;
}

export function embeddedRoute<S extends z.ZodType>(route: Omit<EmbeddedRoute<S>, 'auth'>): EmbeddedRoute {
  return { ...route, auth: 'embedded' } as unknown as EmbeddedRoute;
}

export type Authenticate<A> = (req: Request) => Promise<A>;

/**
 * Mounts a route table. Each request: authenticate, check the session's grants, parse the
 * parameters strictly, then run the handler — for POST and DELETE inside one transaction with the
 * idempotency record (see `runOperation`). `present` shapes every answer for the caller on its
 * way out, replays included (what a component's session may see of the account).
 */
export function mountRoutes<A extends PlatformAuth | EmbeddedAuth>(
  router: Router,
  app: AppContext,
  routes: readonly Route[],
  authenticate: Authenticate<A>,
  present: (auth: A, body: unknown) => unknown = (_auth, body) => body,
): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const auth = await authenticate(req);
      if (route.auth === 'embedded') checkGrant(route, auth as EmbeddedAuth);
      const path = req.params as Record<string, string>;
      const input: unknown = route.method === 'post' ? req.body : req.query;
      refuseNulCharacters(path, input);
      if (route.auth === 'platform') checkAccountScope(route.path, path, auth as PlatformAuth);
      const schema = route.paramsFor ? await route.paramsFor({ app, input, path, auth }) : route.params;
      const params: unknown = parseParams(schema, input);
      if (route.auth === 'embedded') route.grants?.(auth as EmbeddedAuth, params);
      const url = `/v1${req.baseUrl.replace(/^\/v1/, '')}${req.path}`.replace(/\/$/, '');
      const client = {
        ip: req.ip ?? req.socket.remoteAddress ?? '',
        userAgent: req.get('user-agent') ?? '',
        origin: `${req.protocol}://${req.get('host') ?? ''}`,
      };
      const base = { app, auth, params, path, url, client };
      const handler = route.handler as (ctx: HandlerContext<A, unknown>) => Promise<Reply>;
      if (route.method === 'get') {
        const reply = await handler({ ...base, q: app.db });
        res.status(reply.status ?? 200).json(present(auth, reply.body));
        return;
      }
      const claim = idempotencyClaim(req, auth);
      const outcome = await runWrite(app, claim, (q) => {
        tagRequest(q, req.requestId, claim?.key);
        return handler({ ...base, q });
      });
      if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(outcome.status).json(present(auth, outcome.body));
    });
  }
}

/**
 * PostgreSQL's text cannot hold the NUL character, so a parameter with one could only fail at
 * the database: it is refused here, before anything runs (a 404 for an id in the path, which
 * names no object; a 400 naming the parameter otherwise).
 */
function refuseNulCharacters(path: Record<string, string>, input: unknown): void {
  for (const value of Object.values(path)) {
    if (value.includes('\u0000')) {
      throw new ApiError(404, 'invalid_request_error', 'No such object: the id contains a NUL character.', {
        code: 'resource_missing',
        beforeRun: true,
      });
    }
  }
  const visit = (value: unknown, at: readonly string[]): void => {
    if (at.some((key) => key.includes('\u0000')) || (typeof value === 'string' && value.includes('\u0000'))) {
      const param = paramName(at);
      throw invalidRequest(`Invalid ${param}: text may not contain the NUL character.`, param);
    }
    if (typeof value === 'string') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...at, String(index)]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
    }
  };
  visit(input, []);
}

/**
 * With `Stripe-Account`, a request acts as that connected account: it may read and change that
 * account (`/accounts/acct_A...`) but not another one, and it cannot list or create accounts,
 * which only the platform does.
 */
function checkAccountScope(routePath: string, path: Record<string, string>, auth: PlatformAuth): void {
  if (auth.onBehalfOf === undefined || !routePath.startsWith('/accounts')) return;
  if (routePath === '/accounts') {
    throw new ApiError(
      400,
      'invalid_request_error',
      'Connected accounts are listed and created by the platform: call without Stripe-Account.',
      { code: 'platform_account_required', beforeRun: true },
    );
  }
  const named = path['account'] ?? path['id'];
  if (named !== auth.onBehalfOf) {
    throw new ApiError(
      403,
      'permission_error',
      `A request made as account '${auth.onBehalfOf}' (Stripe-Account) cannot act on account '${named ?? ''}'.`,
      { code: 'account_invalid', beforeRun: true },
    );
  }
}

/**
 * Refuses `Stripe-Account` on a route only the platform calls about its connected accounts
 * (account links and sessions name the account in their parameters instead).
 */
export function requirePlatformItself(auth: PlatformAuth, what: string): void {
  if (auth.onBehalfOf === undefined) return;
  throw new ApiError(
    400,
    'invalid_request_error',
    `${what} are created by the platform: call without Stripe-Account.`,
    {
      code: 'platform_account_required',
      beforeRun: true,
    },
  );
}

/** Refuses a session that grants none of the components (or not the feature) a route serves. */
export function checkGrant(route: Pick<EmbeddedRoute, 'components' | 'feature'>, auth: EmbeddedAuth): void {
  const granted = route.components.some((component) => isGranted(auth.components, component, route.feature));
  if (!granted) {
    const what = route.feature
      ? `the ${route.feature} feature of ${route.components.join(' or ')}`
      : route.components.join(' or ');
    throw new ApiError(403, 'permission_error', `This session does not grant ${what}.`, {
      code: 'component_not_granted',
      beforeRun: true,
    });
  }
}

/**
 * A request that ran and was refused (404, insufficient funds, ...) answers the same on a retry
 * with its key, as Stripe's do; refusals before running and server errors are not kept.
 */
function storedRefusal(error: unknown): OperationResult<unknown> | undefined {
  if (!(error instanceof ApiError) || error.details.beforeRun || error.status >= 500) return undefined;
  return { status: error.status, body: error.toBody() };
}

async function runWrite(
  app: AppContext,
  claim: IdempotencyClaim | undefined,
  work: (q: Queryable) => Promise<Reply>,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  let afterCommit: Reply['afterCommit'];
  const outcome = await runOperation(
    app.db,
    { isolation: 'read committed', idempotency: claim, refusal: storedRefusal, sealer: textSealer(app.encryptor) },
    async (tx) => {
      const reply = await work(tx);
      afterCommit = reply.afterCommit;
      return { status: reply.status ?? 200, body: reply.body };
    },
  );
  switch (outcome.kind) {
    case 'done':
      await afterCommit?.();
      return { status: outcome.status, body: outcome.body, replayed: false };
    case 'refused':
      throw outcome.error;
    case 'replayed':
      return { status: outcome.status, body: outcome.body, replayed: true };
    case 'key_in_use':
      throw new ApiError(
        409,
        'idempotency_error',
        'There is currently another in-progress request using this Idempotency-Key. Retry after it completes.',
        { code: 'idempotency_key_in_use', beforeRun: true },
      );
    case 'key_reused':
      throw new ApiError(
        400,
        'idempotency_error',
        'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        { code: 'idempotency_key_reused', beforeRun: true },
      );
  }
}
