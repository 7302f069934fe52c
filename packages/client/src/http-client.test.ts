import { payoutSchema } from '@atrium/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AtriumApiError, AtriumNetworkError, AtriumResponseError, AtriumSessionError } from './errors';
import { createAtriumClient } from './http-client';

const BASE = 'https://bff.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fastRetries = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2_000 };

/** A claim endpoint that hands out `tok_1`, `tok_2`, ... and counts the secrets it saw. */
function sessionEndpoint() {
  const secrets: string[] = [];
  const handler = http.post(`${BASE}/v1/embedded/session`, async ({ request }) => {
    const body = (await request.json()) as { client_secret: string };
    secrets.push(body.client_secret);
    return HttpResponse.json({
      object: 'embedded_session',
      token: `tok_${secrets.length}`,
      expires_at: 1_900_000_000,
      account: 'acct_1',
      components: { payouts: { enabled: true, features: { instant_payouts: true } } },
      livemode: false,
    });
  });
  return { handler, secrets };
}

function secretSource() {
  let calls = 0;
  return {
    fetchClientSecret: () => {
      calls += 1;
      return Promise.resolve(`secret_${calls}`);
    },
    calls: () => calls,
  };
}

const payout = {
  id: 'po_1',
  object: 'payout',
  amount: 1100,
  arrival_date: 1_680_652_800,
  automatic: false,
  balance_transaction: null,
  created: 1_680_648_691,
  currency: 'usd',
  description: null,
  destination: 'ba_1',
  failure_balance_transaction: null,
  failure_code: null,
  failure_message: null,
  livemode: false,
  metadata: {},
  method: 'standard',
  source_type: 'card',
  statement_descriptor: null,
  status: 'pending',
  type: 'bank_account',
};

function expiredError() {
  return HttpResponse.json(
    { error: { type: 'authentication_error', code: 'session_expired', message: 'The session expired.' } },
    { status: 401 },
  );
}

describe('session claim', () => {
  it('claims the client secret once when many requests start together', async () => {
    const session = sessionEndpoint();
    const secrets = secretSource();
    const tokens: (string | null)[] = [];
    server.use(
      session.handler,
      http.get(`${BASE}/v1/embedded/balance`, ({ request }) => {
        tokens.push(request.headers.get('Authorization'));
        return HttpResponse.json({ object: 'balance', available: [], pending: [], livemode: false });
      }),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secrets.fetchClientSecret });

    await Promise.all(Array.from({ length: 5 }, () => client.get('/balance')));

    expect(secrets.calls()).toBe(1);
    expect(session.secrets).toEqual(['secret_1']);
    expect(tokens).toEqual(Array(5).fill('Bearer tok_1'));
  });

  it('exposes the claimed session with its grants', async () => {
    const session = sessionEndpoint();
    server.use(session.handler);
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    const claimed = await client.session();

    expect(claimed.account).toBe('acct_1');
    expect(claimed.components.payouts?.features['instant_payouts']).toBe(true);
    // A BFF that sends no time of its own: no offset.
    expect(claimed.clockOffsetSeconds).toBe(0);
  });

  it("measures how far the BFF's clock is ahead of the browser's, from the claim's time", async () => {
    const ahead = 3 * 24 * 3600;
    server.use(
      http.post(`${BASE}/v1/embedded/session`, () =>
        HttpResponse.json({
          object: 'embedded_session',
          token: 'tok_clock',
          expires_at: 1_900_000_000,
          account: 'acct_1',
          components: {},
          livemode: false,
          now: Math.floor(Date.now() / 1000) + ahead,
        }),
      ),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });
    const offset = (await client.session()).clockOffsetSeconds ?? 0;
    expect(Math.abs(offset - ahead)).toBeLessThan(5);
  });

  it('fetches a new secret once when the BFF calls the first one invalid', async () => {
    const session = sessionEndpoint();
    let refused = 0;
    server.use(
      http.post(`${BASE}/v1/embedded/session`, async ({ request }) => {
        const body = (await request.clone().json()) as { client_secret: string };
        if (body.client_secret !== 'secret_1') return undefined;
        refused += 1;
        return HttpResponse.json(
          { error: { type: 'invalid_request_error', code: 'account_session_secret_invalid', message: 'Used.' } },
          { status: 400 },
        );
      }),
      session.handler,
    );
    const secrets = secretSource();
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secrets.fetchClientSecret });

    const claimed = await client.session();

    expect(refused).toBe(1);
    expect(secrets.calls()).toBe(2);
    expect(claimed.token).toBe('tok_1');
  });

  it('gives up when the fresh secret is refused too', async () => {
    server.use(
      http.post(`${BASE}/v1/embedded/session`, () =>
        HttpResponse.json(
          { error: { type: 'invalid_request_error', code: 'account_session_secret_invalid', message: 'Used.' } },
          { status: 400 },
        ),
      ),
    );
    const secrets = secretSource();
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secrets.fetchClientSecret });

    await expect(client.session()).rejects.toMatchObject({ code: 'account_session_secret_invalid', status: 400 });
    expect(secrets.calls()).toBe(2);
  });

  it('reports a failing fetchClientSecret as a session error and tries again on the next call', async () => {
    const session = sessionEndpoint();
    server.use(session.handler);
    let calls = 0;
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('platform down')) : Promise.resolve('secret_ok');
      },
    });

    await expect(client.session()).rejects.toBeInstanceOf(AtriumSessionError);
    await expect(client.session()).resolves.toMatchObject({ token: 'tok_1' });
    expect(session.secrets).toEqual(['secret_ok']);
  });

  it('refuses a client secret that is not a string', async () => {
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: () => Promise.resolve({ client_secret: 'x' } as unknown as string),
    });

    await expect(client.session()).rejects.toThrow('must resolve to the account session client_secret string');
  });
});

describe('session renewal', () => {
  it('renews an expired session and retries the write with the same idempotency key', async () => {
    const session = sessionEndpoint();
    const seen: { token: string | null; key: string | null }[] = [];
    server.use(
      session.handler,
      http.post(`${BASE}/v1/embedded/payouts`, ({ request }) => {
        seen.push({ token: request.headers.get('Authorization'), key: request.headers.get('Idempotency-Key') });
        return seen.length === 1 ? expiredError() : HttpResponse.json(payout);
      }),
    );
    const secrets = secretSource();
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secrets.fetchClientSecret });

    const created = await client.post('/payouts', { amount: 1100, currency: 'usd' }, { schema: payoutSchema });

    expect(created.id).toBe('po_1');
    expect(secrets.calls()).toBe(2);
    expect(seen.map((attempt) => attempt.token)).toEqual(['Bearer tok_1', 'Bearer tok_2']);
    expect(seen[0]?.key).toMatch(/^atrium-[0-9a-f]{32}$/);
    expect(seen[1]?.key).toBe(seen[0]?.key);
  });

  it('renews once for many requests that find the session expired together', async () => {
    const session = sessionEndpoint();
    server.use(
      session.handler,
      http.get(`${BASE}/v1/embedded/payouts/:id`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer tok_1' ? expiredError() : HttpResponse.json(payout),
      ),
    );
    const secrets = secretSource();
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secrets.fetchClientSecret });
    await client.session();

    await Promise.all(['po_a', 'po_b', 'po_c', 'po_d'].map((id) => client.get(`/payouts/${id}`)));

    expect(session.secrets).toEqual(['secret_1', 'secret_2']);
  });

  it('passes the error on when the renewed session is refused as well', async () => {
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/balance`, () => expiredError()),
    );
    const secrets = secretSource();
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secrets.fetchClientSecret });

    await expect(client.get('/balance')).rejects.toMatchObject({ status: 401, code: 'session_expired' });
    expect(secrets.calls()).toBe(2);
  });
});

describe('idempotency keys', () => {
  it('sends a new key with each write and none with reads', async () => {
    const keys: (string | null)[] = [];
    server.use(
      sessionEndpoint().handler,
      http.all(`${BASE}/v1/embedded/external_accounts*`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return HttpResponse.json({});
      }),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    await client.post('/external_accounts', { external_account: 'btok_1' });
    await client.post('/external_accounts', { external_account: 'btok_1' });
    await client.delete('/external_accounts/ba_1');
    await client.get('/external_accounts');

    expect(new Set(keys.slice(0, 3)).size).toBe(3);
    expect(keys[3]).toBeNull();
  });

  it('uses the key the caller gives, so a repeated user action is the same request', async () => {
    const keys: (string | null)[] = [];
    server.use(
      sessionEndpoint().handler,
      http.post(`${BASE}/v1/embedded/refunds`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return HttpResponse.json({});
      }),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    await client.post('/refunds', { charge: 'ch_1' }, { idempotencyKey: 'refund-ch_1-attempt' });
    await client.post('/refunds', { charge: 'ch_1' }, { idempotencyKey: 'refund-ch_1-attempt' });

    expect(keys).toEqual(['refund-ch_1-attempt', 'refund-ch_1-attempt']);
  });
});

describe('retries', () => {
  it('retries a write after 503 and a network failure with one key, then succeeds', async () => {
    const keys: (string | null)[] = [];
    server.use(
      sessionEndpoint().handler,
      http.post(`${BASE}/v1/embedded/transfers`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1)
          return HttpResponse.json({ error: { type: 'api_error', message: 'Busy.' } }, { status: 503 });
        if (keys.length === 2) return HttpResponse.error();
        return HttpResponse.json({ ok: true });
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: fastRetries,
    });

    await expect(client.post('/transfers', { amount: 5 })).resolves.toEqual({ ok: true });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('retries a write whose key is still in use by its first attempt', async () => {
    let attempts = 0;
    server.use(
      sessionEndpoint().handler,
      http.post(`${BASE}/v1/embedded/payouts`, () => {
        attempts += 1;
        return attempts === 1
          ? HttpResponse.json(
              { error: { type: 'idempotency_error', code: 'idempotency_key_in_use', message: 'In use.' } },
              { status: 409 },
            )
          : HttpResponse.json(payout);
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: fastRetries,
    });

    await expect(client.post('/payouts', { amount: 1100 })).resolves.toMatchObject({ id: 'po_1' });
    expect(attempts).toBe(2);
  });

  it('gives a network error after the last retry fails', async () => {
    let attempts = 0;
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/balance`, () => {
        attempts += 1;
        return HttpResponse.error();
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: fastRetries,
    });

    await expect(client.get('/balance')).rejects.toBeInstanceOf(AtriumNetworkError);
    expect(attempts).toBe(3);
  });

  it('waits as long as Retry-After asks before retrying a 429', async () => {
    const times: number[] = [];
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/balance`, () => {
        times.push(Date.now());
        return times.length === 1
          ? HttpResponse.json(
              { error: { type: 'rate_limit_error', message: 'Slow down.' } },
              { status: 429, headers: { 'Retry-After': '1' } },
            )
          : HttpResponse.json({ fine: true });
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: fastRetries,
    });

    await client.get('/balance');

    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('does not wait for a Retry-After longer than the policy allows', async () => {
    let attempts = 0;
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/balance`, () => {
        attempts += 1;
        return HttpResponse.json(
          { error: { type: 'rate_limit_error', message: 'Slow down.' } },
          { status: 429, headers: { 'Retry-After': '3600' } },
        );
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: fastRetries,
    });

    await expect(client.get('/balance')).rejects.toMatchObject({ status: 429, type: 'rate_limit_error' });
    expect(attempts).toBe(1);
  });

  it.each([400, 402, 403, 404])('does not retry a %i', async (status) => {
    let attempts = 0;
    server.use(
      sessionEndpoint().handler,
      http.post(`${BASE}/v1/embedded/refunds`, () => {
        attempts += 1;
        return HttpResponse.json({ error: { type: 'invalid_request_error', message: 'No.' } }, { status });
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: fastRetries,
    });

    await expect(client.post('/refunds', {})).rejects.toMatchObject({ status });
    expect(attempts).toBe(1);
  });
});

describe('errors', () => {
  it('maps an error body to a typed error with its request id', async () => {
    server.use(
      sessionEndpoint().handler,
      http.post(`${BASE}/v1/embedded/payouts`, () =>
        HttpResponse.json(
          {
            error: {
              type: 'invalid_request_error',
              code: 'amount_too_small',
              message: 'Amount must be at least 1.00 usd.',
              param: 'amount',
            },
          },
          { status: 400, headers: { 'Request-Id': 'req_abc' } },
        ),
      ),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    const error: unknown = await client.post('/payouts', { amount: 1 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AtriumApiError);
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'amount_too_small',
      param: 'amount',
      message: 'Amount must be at least 1.00 usd.',
      requestId: 'req_abc',
    });
  });

  it('maps a feature the session lacks to a 403 permission error', async () => {
    server.use(
      sessionEndpoint().handler,
      http.post(`${BASE}/v1/embedded/refunds`, () =>
        HttpResponse.json(
          { error: { type: 'permission_error', code: 'component_not_granted', message: 'Not granted.' } },
          { status: 403 },
        ),
      ),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    await expect(client.post('/refunds', {})).rejects.toMatchObject({ status: 403, code: 'component_not_granted' });
  });

  it('maps an answer without an error body to an api_error', async () => {
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/balance`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: { maxRetries: 0 },
    });

    await expect(client.get('/balance')).rejects.toMatchObject({ status: 502, type: 'api_error', code: undefined });
  });

  it('refuses an answer that breaks its contract', async () => {
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/payouts/po_1`, () => HttpResponse.json({ ...payout, amount: 11.5 })),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    const refusal = client.get('/payouts/po_1', { schema: payoutSchema });
    await expect(refusal).rejects.toBeInstanceOf(AtriumResponseError);
    // The message names the field and what it should have been, without zod's English messages.
    await expect(refusal).rejects.toThrow(/GET \/payouts\/po_1 does not match its contract: amount: .*expected int/);
  });

  it('refuses a path that is not a plain component API path', async () => {
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });

    await expect(client.get('/payouts/../accounts')).rejects.toThrow('Not a component API path');
    await expect(client.get('https://evil.test/x')).rejects.toThrow('Not a component API path');
  });
});

describe('abort', () => {
  it('rejects with the abort reason while the answer is still on its way', async () => {
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/charges`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return HttpResponse.json({});
      }),
    );
    const client = createAtriumClient({ baseUrl: BASE, fetchClientSecret: secretSource().fetchClientSecret });
    await client.session();
    const controller = new AbortController();
    const started = Date.now();

    const pending = client.get('/charges', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops retrying once aborted during a backoff', async () => {
    let attempts = 0;
    server.use(
      sessionEndpoint().handler,
      http.get(`${BASE}/v1/embedded/charges`, () => {
        attempts += 1;
        return HttpResponse.json({ error: { type: 'api_error', message: 'Busy.' } }, { status: 503 });
      }),
    );
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: secretSource().fetchClientSecret,
      retry: { maxRetries: 5, baseDelayMs: 200, maxDelayMs: 1_000 },
    });
    const controller = new AbortController();

    const pending = client.get('/charges', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(attempts).toBe(1);
  });

  it('lets one caller stop waiting for the shared claim without cancelling it for others', async () => {
    server.use(sessionEndpoint().handler);
    let release: (secret: string) => void = () => undefined;
    const client = createAtriumClient({
      baseUrl: BASE,
      fetchClientSecret: () => new Promise<string>((resolve) => (release = resolve)),
    });
    const controller = new AbortController();

    const aborted = client.session(controller.signal);
    const patient = client.session();
    controller.abort();
    release('secret_1');

    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(patient).resolves.toMatchObject({ token: 'tok_1' });
  });
});
