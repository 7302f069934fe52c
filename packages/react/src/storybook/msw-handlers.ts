import { AtriumApiError } from '@atrium/client';
import type { HttpMethod, QueryParams } from '@atrium/client';
import { claimSessionRequestSchema, embeddedSessionSchema, errorBodySchema } from '@atrium/core';
import type { EmbeddedSession, ErrorBody } from '@atrium/core';
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { buildSession, cannedData } from '../testing/fixtures';
import type { CannedData } from '../testing/fixtures';
import { cannedRoutes, matchRoute } from '../testing/routes';
import type { FakeRoutes } from '../testing/routes';

export interface MockApiOptions {
  data?: Partial<CannedData>;
  /** Adds or replaces routes, as with the fake client. */
  routes?: FakeRoutes;
  session?: Partial<EmbeddedSession>;
  /** Delays every component API answer; `'infinite'` keeps a story loading. */
  delayMs?: number | 'infinite';
  /** The first session's token is answered with `session_expired` once, as after a long pause. */
  expireFirstSession?: boolean;
}

function errorResponse(error: ErrorBody['error'], status: number) {
  // Checked against the shared contract, like every canned object.
  const body = errorBodySchema.parse({ error });
  return HttpResponse.json(body, { status, headers: { 'Request-Id': 'req_storybook' } });
}

function queryOf(url: URL): QueryParams {
  return Object.fromEntries(url.searchParams.entries());
}

/**
 * Mock Service Worker handlers for the component API: the session claim and every canned route
 * of `@atrium/react/testing`, with objects built by the contract-checked builders, so stories
 * go through the real client (claim, token, errors) without a backend.
 */
export function embeddedApiHandlers(options: MockApiOptions = {}): HttpHandler[] {
  const data: CannedData = { ...cannedData(), ...options.data };
  const session = buildSession({ ...data.session, ...options.session });
  const routes: FakeRoutes = { ...cannedRoutes(data), ...options.routes };
  let claims = 0;
  let expired = !options.expireFirstSession;

  const claim = http.post('*/v1/embedded/session', async ({ request }) => {
    const parsed = claimSessionRequestSchema.safeParse(await request.json());
    if (!parsed.success) {
      return errorResponse(
        { type: 'invalid_request_error', code: 'parameter_invalid', message: 'client_secret is required.' },
        400,
      );
    }
    claims += 1;
    return HttpResponse.json(embeddedSessionSchema.parse({ ...session, token: `ast_story_${claims}` }));
  });

  const api = http.all('*/v1/embedded/*', async ({ request }) => {
    if (options.delayMs !== undefined) await delay(options.delayMs);
    const token = request.headers.get('Authorization');
    if (token === null)
      return errorResponse(
        { type: 'authentication_error', code: 'session_invalid', message: 'No session token.' },
        401,
      );
    if (!expired && token === 'Bearer ast_story_1') {
      expired = true;
      return errorResponse(
        { type: 'authentication_error', code: 'session_expired', message: 'The session expired.' },
        401,
      );
    }
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/v1\/embedded/, '');
    const method = request.method as HttpMethod;
    const match = matchRoute(routes, method, path);
    if (match === undefined) {
      return errorResponse(
        {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `Unrecognized request URL (${method}: ${path}).`,
        },
        404,
      );
    }
    const text = await request.text();
    const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    try {
      const answer: unknown = await match.handler({
        method,
        path,
        params: match.params,
        query: queryOf(url),
        body,
      });
      return HttpResponse.json(answer as object);
    } catch (error) {
      if (!(error instanceof AtriumApiError)) throw error;
      return errorResponse(
        { type: error.type, code: error.code, message: error.message, param: error.param },
        error.status,
      );
    }
  });

  return [claim, api];
}
