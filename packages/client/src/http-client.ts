import { embeddedSessionSchema, errorBodySchema, SESSION_ERROR_CODES } from '@atrium/core';
import { createAtriumClientFrom } from './client';
import type { AtriumClient, AtriumRequest, AtriumTransport, AtriumUploadRequest, ClaimedSession } from './client';
import { AtriumApiError, AtriumNetworkError, AtriumResponseError, AtriumSessionError } from './errors';
import { newIdempotencyKey } from './idempotency-key';
import { encodeQuery } from './query';
import { abortable, DEFAULT_RETRY_POLICY, retryDelayMs, sleep } from './retry';
import type { RetryPolicy } from './retry';
import { SessionKeeper } from './session-keeper';
import { createXhrFetch } from './xhr-fetch';
import type { FetchLike } from './xhr-fetch';

export interface AtriumClientOptions {
  /** Where the Atrium BFF answers, for example `https://payments.example.com`; '' for the page's origin. */
  baseUrl: string;
  /**
   * Asks the platform's own server for a fresh account session client secret. Called once at
   * start, and again whenever the session expires.
   */
  fetchClientSecret: () => Promise<string>;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Makes the XMLHttpRequest that uploads a file (tests); the global one when absent. */
  createXhr?: () => XMLHttpRequest;
  retry?: Partial<RetryPolicy>;
}

/** One HTTP exchange, built anew for each attempt so a retry may carry a new token. */
interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | FormData | Blob | undefined;
}

const PATH = /^\/[A-Za-z0-9_\-/]*$/;

/**
 * The component API client: claims the platform's client secret once for a session, sends the
 * token, renews an expired session without the caller noticing, keys every write for idempotency
 * and retries what is safe to retry.
 */
export function createAtriumClient(options: AtriumClientOptions): AtriumClient {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/v1/embedded`;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  // The global fetch is looked up per call, never at import, so test interceptors and SSR both work.
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const exchange = (build: () => Exchange, signal?: AbortSignal) => sendWithRetries(fetchFn, build, policy, signal);
  const sessions = new SessionKeeper(() => claimSession(options.fetchClientSecret, base, exchange));

  // One call with the session: an expired session is renewed once and the call sent again.
  const withSession = async (
    fetchVia: FetchLike,
    exchangeWith: (token: string) => Exchange,
    signal: AbortSignal | undefined,
  ): Promise<unknown> => {
    const session = await abortable(sessions.get(), signal);
    try {
      return await readJson(await sendWithRetries(fetchVia, () => exchangeWith(session.token), policy, signal));
    } catch (error) {
      if (!(error instanceof AtriumApiError) || error.code !== SESSION_ERROR_CODES.expired) throw error;
      sessions.expire(session);
      const renewed = await abortable(sessions.get(), signal);
      return readJson(await sendWithRetries(fetchVia, () => exchangeWith(renewed.token), policy, signal));
    }
  };
  const send = (request: AtriumRequest): Promise<unknown> => {
    if (!PATH.test(request.path)) return Promise.reject(new TypeError(`Not a component API path: ${request.path}`));
    const key = request.method === 'GET' ? undefined : (request.idempotencyKey ?? newIdempotencyKey());
    return withSession(fetchFn, (token) => exchangeFor(base, request, token, key), request.signal);
  };
  const createXhr = options.createXhr ?? (() => new XMLHttpRequest());
  const upload = (request: AtriumUploadRequest): Promise<unknown> => {
    if (!PATH.test(request.path)) return Promise.reject(new TypeError(`Not a component API path: ${request.path}`));
    const key = request.idempotencyKey ?? newIdempotencyKey();
    const fetchVia = createXhrFetch(createXhr, request.onProgress);
    return withSession(fetchVia, (token) => uploadExchangeFor(base, request, token, key), request.signal);
  };
  const transport: AtriumTransport = { session: (signal) => abortable(sessions.get(), signal), send, upload };
  return createAtriumClientFrom(transport);
}

function exchangeFor(base: string, request: AtriumRequest, token: string, key: string | undefined): Exchange {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  let body: string | FormData | undefined;
  if (request.body instanceof FormData) {
    body = request.body;
  } else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  return { method: request.method, url: `${base}${request.path}${encodeQuery(request.query)}`, headers, body };
}

/** An upload: the file itself as the body, typed by the file (the BFF recognises it by content). */
function uploadExchangeFor(base: string, request: AtriumUploadRequest, token: string, key: string): Exchange {
  return {
    method: 'POST',
    url: `${base}${request.path}${encodeQuery(request.query)}`,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
      'Content-Type': request.file.type || 'application/octet-stream',
      'Idempotency-Key': key,
    },
    body: request.file,
  };
}

/**
 * Claims a client secret for a session. A secret the BFF calls invalid (already used, expired)
 * is replaced by one fresh secret; a second refusal is the caller's error.
 */
async function claimSession(
  fetchClientSecret: () => Promise<string>,
  base: string,
  exchange: (build: () => Exchange) => Promise<Response>,
): Promise<ClaimedSession> {
  for (let attempt = 0; ; attempt += 1) {
    const secret = await clientSecretFrom(fetchClientSecret);
    const claim: Exchange = {
      method: 'POST',
      url: `${base}/session`,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': newIdempotencyKey(),
      },
      body: JSON.stringify({ client_secret: secret }),
    };
    try {
      const response = await exchange(() => claim);
      const parsed = embeddedSessionSchema.safeParse(await readJson(response));
      if (parsed.success) {
        const { now } = parsed.data;
        return { ...parsed.data, clockOffsetSeconds: now === undefined ? 0 : now - Date.now() / 1000 };
      }
      throw new AtriumResponseError('The session claim answered something that is not a session.', {
        status: response.status,
        requestId: requestIdOf(response),
        cause: parsed.error,
      });
    } catch (error) {
      const invalid = error instanceof AtriumApiError && error.code === SESSION_ERROR_CODES.secretInvalid;
      if (!invalid || attempt > 0) throw error;
    }
  }
}

async function clientSecretFrom(fetchClientSecret: () => Promise<string>): Promise<string> {
  let secret: unknown;
  try {
    secret = await fetchClientSecret();
  } catch (error) {
    throw new AtriumSessionError('fetchClientSecret() failed, so no session could be started.', { cause: error });
  }
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new AtriumSessionError('fetchClientSecret() must resolve to the account session client_secret string.');
  }
  return secret;
}

/**
 * Sends one exchange, retrying network failures, 429, 5xx and a 409 for a key still in use, with
 * backoff. Every request is safe to retry: reads by nature, writes because they carry their key.
 * Resolves with a successful response; rejects with a typed error or the abort reason.
 */
async function sendWithRetries(
  fetchFn: FetchLike,
  build: () => Exchange,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
): Promise<Response> {
  for (let retry = 0; ; retry += 1) {
    const { method, url, headers, body } = build();
    let failure: AtriumApiError | AtriumNetworkError;
    let retryAfter: string | null = null;
    try {
      const response = await fetchFn(url, { method, headers, body: body ?? null, signal: signal ?? null });
      if (response.ok) return response;
      failure = await apiErrorFrom(response);
      retryAfter = response.headers.get('Retry-After');
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      failure = new AtriumNetworkError(`${method} ${url} failed before an answer arrived.`, { cause: error });
    }
    const delayMs =
      retry < policy.maxRetries && isRetryable(failure) ? retryDelayMs(retry, retryAfter, policy) : undefined;
    if (delayMs === undefined) throw failure;
    await sleep(delayMs, signal);
  }
}

function isRetryable(failure: AtriumApiError | AtriumNetworkError): boolean {
  if (failure instanceof AtriumNetworkError) return true;
  if (failure.status === 409) return failure.code === 'idempotency_key_in_use';
  return failure.status === 429 || (failure.status >= 500 && failure.status !== 501);
}

async function apiErrorFrom(response: Response): Promise<AtriumApiError> {
  const requestId = requestIdOf(response);
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    return new AtriumApiError({
      status: response.status,
      type: 'api_error',
      message: `The server answered ${response.status} without an error body.`,
      requestId,
    });
  }
  const { type, message, code, param, decline_code: declineCode } = parsed.data.error;
  return new AtriumApiError({ status: response.status, type, message, code, param, declineCode, requestId });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AtriumResponseError(`The answer to ${response.url || 'a request'} is not JSON.`, {
      status: response.status,
      requestId: requestIdOf(response),
      cause: error,
    });
  }
}

function requestIdOf(response: Response): string | undefined {
  return response.headers.get('Request-Id') ?? undefined;
}
