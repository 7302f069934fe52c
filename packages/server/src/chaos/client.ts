import { setTimeout as sleep } from 'node:timers/promises';

/** One request of the platform API, as a client of the bank test sends it. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Under the instance's origin, for example `/v1/transfers`. */
  path: string;
  body?: object;
  /** `Stripe-Account`: the connected account the request acts for. */
  account?: string;
  /** `Idempotency-Key`, on every write. */
  key?: string;
}

/** One HTTP exchange of a request with one instance. */
export interface Attempt {
  instance: number;
  /** The HTTP status; 0 when the connection failed before an answer. */
  status: number;
  /** `Idempotent-Replayed: true` */
  replayed: boolean;
  retryAfter: string | null;
  /** The parsed JSON body, or the text when it was not JSON. */
  body: unknown;
  startedMs: number;
  /** How long the exchange took. */
  ms: number;
}

/** Statuses after which the client sends the request again with the same key. */
export function isRetryable(attempt: Attempt): boolean {
  if (attempt.status === 0 || attempt.status === 503 || attempt.status === 429) return true;
  return attempt.status === 409 && errorCode(attempt.body) === 'idempotency_key_in_use';
}

/** The `error.code` of an error body, if it has one. */
export function errorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: { code?: unknown } }).error;
  return typeof error?.code === 'string' ? error.code : undefined;
}

/** Sends one request to one instance and records the answer. */
export async function sendOnce(
  instance: { index: number; baseUrl: string },
  secretKey: string,
  request: ApiRequest,
): Promise<Attempt> {
  const startedMs = Date.now();
  const headers: Record<string, string> = { Authorization: `Bearer ${secretKey}` };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.account !== undefined) headers['Stripe-Account'] = request.account;
  if (request.key !== undefined) headers['Idempotency-Key'] = request.key;
  try {
    const response = await fetch(`${instance.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await response.text();
    return {
      instance: instance.index,
      status: response.status,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      retryAfter: response.headers.get('retry-after'),
      body: parseBody(text),
      startedMs,
      ms: Date.now() - startedMs,
    };
  } catch (error) {
    return {
      instance: instance.index,
      status: 0,
      replayed: false,
      retryAfter: null,
      body: error instanceof Error ? error.message : String(error),
      startedMs,
      ms: Date.now() - startedMs,
    };
  }
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** How long to wait before sending a retryable request again. */
export async function backoff(attempt: Attempt, retries: number): Promise<void> {
  const afterSeconds = Number(attempt.retryAfter);
  if (attempt.retryAfter !== null && Number.isFinite(afterSeconds) && afterSeconds > 0) {
    // A little jitter so clients that met one outage do not come back in one burst.
    await sleep(afterSeconds * 1000 * (0.5 + Math.random() / 2));
    return;
  }
  await sleep(Math.min(20 * 2 ** retries, 500) * (0.5 + Math.random() / 2));
}
