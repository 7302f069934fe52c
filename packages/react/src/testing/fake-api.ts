import { AtriumApiError } from '@atrium/client';
import type { HttpMethod, QueryParams, RequestBody } from '@atrium/client';
import type { ApiList } from '@atrium/core';
import { buildList } from './fixtures';

/** A call as a fake route sees it. */
export interface FakeRequest {
  method: HttpMethod;
  /** The path under `/v1/embedded`, for example `/payouts/po_123`. */
  path: string;
  /** Values of the pattern's `:name` segments. */
  params: Readonly<Record<string, string>>;
  query: QueryParams;
  body: RequestBody | undefined;
}

export type FakeRouteHandler = (request: FakeRequest) => unknown;

/** Handlers by method and path pattern: `'GET /payouts/:id'`. */
export type FakeRoutes = Readonly<Record<string, FakeRouteHandler>>;

/**
 * Finds the handler for a call; patterns match whole segments, `:name` matches any one. When
 * several match, the one with the fewest `:name` segments wins, so `GET /payouts/quote` is not
 * taken for `GET /payouts/:id`.
 */
export function matchRoute(
  routes: FakeRoutes,
  method: HttpMethod,
  path: string,
): { handler: FakeRouteHandler; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter(Boolean);
  let best: { handler: FakeRouteHandler; params: Record<string, string>; wildcards: number } | undefined;
  for (const [pattern, handler] of Object.entries(routes)) {
    const [patternMethod, patternPath = ''] = pattern.split(' ');
    const parts = patternPath.split('/').filter(Boolean);
    if (patternMethod !== method || parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) params[part.slice(1)] = segment;
      return part.startsWith(':') || part === segment;
    });
    const wildcards = parts.filter((part) => part.startsWith(':')).length;
    if (matches && (best === undefined || wildcards < best.wildcards)) best = { handler, params, wildcards };
  }
  return best && { handler: best.handler, params: best.params };
}

/** A Stripe-shaped error for a fake route to throw. */
export function fakeApiError(status: number, code: string, message: string): AtriumApiError {
  const type = status === 401 ? 'authentication_error' : status === 403 ? 'permission_error' : 'invalid_request_error';
  return new AtriumApiError({ status, type, code, message, requestId: 'req_fake' });
}

/** One page of a newest-first list with Stripe's `limit` and `starting_after`. */
export function pageOf<T extends { id: string }>(items: readonly T[], query: QueryParams, url: string): ApiList<T> {
  const limit = typeof query['limit'] === 'number' ? query['limit'] : Number(query['limit'] ?? 10);
  const after = query['starting_after'];
  const start = typeof after === 'string' ? items.findIndex((item) => item.id === after) + 1 : 0;
  const data = items.slice(start, start + limit);
  return buildList(data, url, start + limit < items.length);
}
