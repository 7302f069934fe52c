import { createAtriumClientFrom } from '@atrium/client';
import type { AtriumClient, AtriumRequest } from '@atrium/client';
import type { EmbeddedSession } from '@atrium/core';
import { enableEnglishSchemaMessages } from '../components/account-forms/mock/english-messages';
import { buildSession, cannedData } from './fixtures';
import type { CannedData } from './fixtures';
import { cannedRoutes, fakeApiError, matchRoute } from './routes';
import type { FakeRoutes } from './routes';

export interface FakeClientOptions {
  /** Replaces parts of the canned data. */
  data?: Partial<CannedData>;
  /** Adds routes or replaces canned ones (same `'METHOD /path/:param'` key). */
  routes?: FakeRoutes;
  /** Changes the session, for example to withhold a component or feature. */
  session?: Partial<EmbeddedSession>;
  /** Delays every answer, to see loading states. */
  latencyMs?: number;
}

/** A client that answers from memory and records what it was asked. */
export interface FakeAtriumClient extends AtriumClient {
  /** Every call made, in order. */
  readonly requests: readonly AtriumRequest[];
}

/**
 * A client for tests and stories with no server: canned data behind the same routes as the
 * component API, answers checked against the same contracts as the real client's, Stripe-shaped
 * errors for unknown routes and objects, and abort support.
 */
export function createFakeClient(options: FakeClientOptions = {}): FakeAtriumClient {
  enableEnglishSchemaMessages();
  const data: CannedData = { ...cannedData(), ...options.data };
  const session = buildSession({ ...data.session, ...options.session });
  const routes: FakeRoutes = { ...cannedRoutes(data), ...options.routes };
  const requests: AtriumRequest[] = [];
  const wait = (signal: AbortSignal | undefined) => delay(options.latencyMs ?? 0, signal);
  const client = createAtriumClientFrom({
    session: async (signal) => {
      await wait(signal);
      return session;
    },
    send: async (request) => {
      requests.push(request);
      await wait(request.signal);
      const match = matchRoute(routes, request.method, request.path);
      if (match === undefined) {
        throw fakeApiError(404, 'resource_missing', `Unrecognized request URL (${request.method}: ${request.path}).`);
      }
      const answer = await match.handler({
        method: request.method,
        path: request.path,
        params: match.params,
        query: request.query ?? {},
        body: request.body,
      });
      // A copy, so a test that changes what it got does not change the canned data.
      return structuredClone(answer);
    },
  });
  return Object.assign(client, { requests });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
