import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';

describe('platform API conventions, through the official stripe SDK', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const endpointCount = async () =>
    (await server.db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM webhook_endpoints'))[0]?.n;

  it('refuses a request without a key as an authentication error', async () => {
    const response = await fetch(`${server.baseUrl}/v1/webhook_endpoints`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'authentication_error', code: 'api_key_missing' } });
  });

  it('refuses a wrong key and masks it in the message', async () => {
    const wrong = new Stripe('sk_test_wrongwrongwrongwrong1234', {
      host: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await wrong.webhookEndpoints.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Stripe.errors.StripeError).message).toContain('sk_test_****1234');
    expect((error as Stripe.errors.StripeError).message).not.toContain('wrongwrong');
  });

  it('refuses a live key with a message that says live mode needs a processor adapter', async () => {
    const live = new Stripe('sk_live_abcdefghijklmnop1234', {
      host: '127.0.0.1',
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await live.webhookEndpoints.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Stripe.errors.StripeError).message).toMatch(/processor adapter/);
  });

  it('accepts the key as HTTP Basic user name too', async () => {
    const response = await fetch(`${server.baseUrl}/v1/webhook_endpoints`, {
      headers: { Authorization: `Basic ${Buffer.from(`${server.secretKey}:`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
  });

  it('names an unknown parameter in param and changes nothing', async () => {
    const before = await endpointCount();
    const error = await server.stripe.webhookEndpoints
      .create({
        url: 'https://example.com/hook',
        enabled_events: ['*'],
        colour: 'blue',
      } as Stripe.WebhookEndpointCreateParams)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((error as Stripe.errors.StripeError).param).toBe('colour');
    expect(await endpointCount()).toBe(before);
  });

  it('names a missing required parameter', async () => {
    const error = await server.stripe.webhookEndpoints
      .create({ enabled_events: ['*'] } as Stripe.WebhookEndpointCreateParams)
      .catch((caught: unknown) => caught);
    expect((error as Stripe.errors.StripeError).param).toBe('url');
    expect((error as Stripe.errors.StripeError).code).toBe('parameter_missing');
  });

  it('names a missing amount as missing too (an integer parameter takes a number or form text)', async () => {
    const missing = await Promise.all(
      [
        server.stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
        server.stripe.topups.create({ currency: 'usd' } as Stripe.TopupCreateParams),
        server.stripe.transfers.create({ currency: 'usd', destination: 'acct_x' }),
      ].map((request) => request.catch((caught: unknown) => caught)),
    );
    for (const error of missing) {
      expect(error).toMatchObject({
        param: 'amount',
        code: 'parameter_missing',
        message: 'Missing required param: amount.',
      });
    }
  });

  it('says a parameter sent with the wrong type is invalid, not missing', async () => {
    const cases: [string, string, string][] = [
      ['/v1/webhook_endpoints', 'url=https%3A%2F%2Fexample.com%2Fhook&enabled_events[]=*&metadata=abc', 'metadata'],
      ['/v1/webhook_endpoints', 'url[a]=b&enabled_events[]=*', 'url'],
      ['/v1/payment_intents', 'amount=1000&currency=usd&transfer_data=abc', 'transfer_data'],
      ['/v1/accounts', 'type=custom&country=US&individual=abc', 'individual'],
      ['/v1/transfers', 'amount=100&currency=usd&destination[x]=y', 'destination'],
    ];
    for (const [path, body, param] of cases) {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      const { error } = (await response.json()) as { error: { code: string; param: string; message: string } };
      expect([response.status, error.code, error.param], body).toEqual([400, 'parameter_invalid', param]);
      expect(error.message, body).toMatch(new RegExp(`^Invalid ${param.replace(/[[\]]/g, '\\$&')}`));
    }
  });

  it('refuses webhook URLs on loopback or private addresses when not in development', async () => {
    const strict = await startTestServer('pglite', { allowPrivateWebhookUrls: false });
    try {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'http://10.1.2.3/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'ftp://example.com/hook',
      ]) {
        const error = await strict.stripe.webhookEndpoints
          .create({ url, enabled_events: ['*'] })
          .catch((caught: unknown) => caught);
        expect(error, url).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
        expect((error as Stripe.errors.StripeError).param).toBe('url');
      }
    } finally {
      await strict.close();
    }
  });

  it('removes every metadata key when metadata is set to an empty string, in form encoding and in JSON', async () => {
    const account = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      metadata: { a: '1', b: '2' },
    });
    expect((await server.stripe.accounts.update(account.id, { metadata: { a: '' } })).metadata).toEqual({ b: '2' });
    expect((await server.stripe.accounts.update(account.id, { metadata: '' })).metadata).toEqual({});
    const endpoint = await server.stripe.webhookEndpoints.create({
      url: 'https://example.com/hooks/metadata',
      enabled_events: ['*'],
      metadata: { team: 'payments', owner: 'ops' },
    });
    const response = await fetch(`${server.baseUrl}/v1/webhook_endpoints/${endpoint.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: '' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { metadata: unknown }).metadata).toEqual({});
    // Only the empty string clears: any other string is not metadata.
    const refused = await server.stripe.accounts
      .update(account.id, { metadata: 'x' as unknown as Stripe.MetadataParam })
      .catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ statusCode: 400, param: 'metadata' });
  });

  it('filters events by type exactly, with * as the only wildcard, and by type or types but not both', async () => {
    await server.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const exact = await server.stripe.events.list({ type: 'payment_intent.created' });
    expect(exact.data.length).toBeGreaterThan(0);
    expect(exact.data.every((event) => event.type === 'payment_intent.created')).toBe(true);
    expect((await server.stripe.events.list({ type: 'payment_intent_created' })).data).toEqual([]);
    expect(await server.stripe.events.list({ type: 'payment?intent.created' }).catch((e: unknown) => e)).toMatchObject({
      statusCode: 400,
    });
    const family = await server.stripe.events.list({ type: 'payment_intent.*' });
    expect(family.data.map((event) => event.type)).toContain('payment_intent.created');
    const both = await server.stripe.events
      .list({ type: 'payment_intent.created', types: ['payout.paid'] })
      .catch((error: unknown) => error);
    expect(both).toMatchObject({ statusCode: 400, param: 'types' });
  });

  it('creates, retrieves, updates, lists and deletes webhook endpoints; the secret shows only at creation', async () => {
    const created = await server.stripe.webhookEndpoints.create({
      url: 'https://example.com/hooks/atrium',
      enabled_events: ['payout.paid', 'account.updated'],
      metadata: { team: 'payments' },
    });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_/);
    const fetched = await server.stripe.webhookEndpoints.retrieve(created.id);
    expect(fetched.secret).toBeUndefined();
    expect(fetched.enabled_events).toEqual(['payout.paid', 'account.updated']);
    const updated = await server.stripe.webhookEndpoints.update(created.id, { disabled: true, metadata: { team: '' } });
    expect(updated.status).toBe('disabled');
    expect(updated.metadata).toEqual({});
    const ids = [];
    for await (const endpoint of server.stripe.webhookEndpoints.list({ limit: 1 })) ids.push(endpoint.id);
    expect(ids).toContain(created.id);
    const deleted = await server.stripe.webhookEndpoints.del(created.id);
    expect(deleted.deleted).toBe(true);
    await expect(server.stripe.webhookEndpoints.retrieve(created.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('answers a malformed id with 404, not a server error', async () => {
    await expect(server.stripe.webhookEndpoints.retrieve("we_'; DROP TABLE events; --")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('refuses the NUL character in any parameter before it reaches the database', async () => {
    const created = await server.stripe.webhookEndpoints
      .create({ url: 'https://example.com/hooks/nul', enabled_events: ['*'], description: 'a\u0000b' })
      .catch((caught: unknown) => caught);
    expect(created).toMatchObject({ statusCode: 400, param: 'description' });
    const keyed = await server.stripe.webhookEndpoints
      .create({ url: 'https://example.com/hooks/nul', enabled_events: ['*'], metadata: { 'a\u0000': 'b' } })
      .catch((caught: unknown) => caught);
    expect(keyed).toMatchObject({ statusCode: 400, param: 'metadata[a\u0000]' });
    await expect(server.stripe.events.retrieve('evt_\u0000')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('treats an empty cursor as none, and a timestamp filter out of range as a 400', async () => {
    for (const url of ['https://example.com/hooks/page-1', 'https://example.com/hooks/page-2']) {
      await server.stripe.webhookEndpoints.create({ url, enabled_events: ['*'] });
    }
    const first = await server.stripe.webhookEndpoints.list({ limit: 1 });
    const next = await server.stripe.webhookEndpoints.list({ limit: 1, starting_after: first.data[0]?.id ?? '' });
    const withEmpty = await fetch(
      `${server.baseUrl}/v1/webhook_endpoints?limit=1&starting_after=${first.data[0]?.id ?? ''}&ending_before=`,
      { headers: { Authorization: `Bearer ${server.secretKey}` } },
    );
    expect(((await withEmpty.json()) as Stripe.ApiList<Stripe.WebhookEndpoint>).data).toEqual(next.data);

    const far = await fetch(`${server.baseUrl}/v1/events?created[gt]=99999999999999`, {
      headers: { Authorization: `Bearer ${server.secretKey}` },
    });
    expect(far.status).toBe(400);
    expect(await far.json()).toMatchObject({ error: { param: 'created[gt]' } });
  });

  it('replays a request with the same idempotency key and refuses the key with other parameters', async () => {
    const params: Stripe.WebhookEndpointCreateParams = { url: 'https://example.com/hooks/idem', enabled_events: ['*'] };
    const first = await server.stripe.webhookEndpoints.create(params, { idempotencyKey: 'create-endpoint-1' });
    const again = await server.stripe.webhookEndpoints.create(params, { idempotencyKey: 'create-endpoint-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const error = await server.stripe.webhookEndpoints
      .create({ ...params, description: 'different' }, { idempotencyKey: 'create-endpoint-1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('does not store a request refused by validation against its key', async () => {
    const key = 'validation-first';
    await expect(
      server.stripe.webhookEndpoints.create({ url: '', enabled_events: ['*'] }, { idempotencyKey: key }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const created = await server.stripe.webhookEndpoints.create(
      { url: 'https://example.com/after-fix', enabled_events: ['*'] },
      { idempotencyKey: key },
    );
    expect(created.url).toBe('https://example.com/after-fix');

    // An amount out of bounds is parameter validation too, though the handler checks it.
    const amountKey = 'amount-validation-first';
    await expect(
      server.stripe.topups.create({ amount: -5, currency: 'usd' }, { idempotencyKey: amountKey }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'amount_too_small' });
    const topup = await server.stripe.topups.create({ amount: 500, currency: 'usd' }, { idempotencyKey: amountKey });
    expect(topup.amount).toBe(500);
  });

  it('moves the test clock forward and refuses to move it back', async () => {
    const clock = (await (
      await fetch(`${server.baseUrl}/v1/test_helpers/clock`, {
        headers: { Authorization: `Bearer ${server.secretKey}` },
      })
    ).json()) as { frozen_time: number };
    const advanced = await fetch(`${server.baseUrl}/v1/test_helpers/clock/advance`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'seconds=86400',
    });
    const body = (await advanced.json()) as { frozen_time: number };
    expect(body.frozen_time - clock.frozen_time).toBeGreaterThanOrEqual(86_400);
    expect(body.frozen_time - clock.frozen_time).toBeLessThan(86_400 + 5);
    const back = await fetch(`${server.baseUrl}/v1/test_helpers/clock/advance`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ frozen_time: clock.frozen_time }),
    });
    expect(back.status).toBe(400);
  });

  it('answers unknown paths with a Stripe-shaped 404', async () => {
    const response = await fetch(`${server.baseUrl}/v1/nothing_here`, {
      headers: { Authorization: `Bearer ${server.secretKey}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: 'Unrecognized request URL (GET: /v1/nothing_here).' },
    });
    const embedded = await fetch(`${server.baseUrl}/v1/embedded/nothing_here`, { method: 'POST' });
    expect(await embedded.json()).toMatchObject({
      error: { message: 'Unrecognized request URL (POST: /v1/embedded/nothing_here).' },
    });
  });

  it('refuses bodies that are neither form-encoded nor JSON', async () => {
    const response = await fetch(`${server.baseUrl}/v1/webhook_endpoints`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'text/xml' },
      body: '<url>https://example.com</url>',
    });
    expect(response.status).toBe(415);
  });

  it('keeps prototype keys out of parsed parameters', async () => {
    const response = await fetch(`${server.baseUrl}/v1/webhook_endpoints`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'url=https://example.com/p&enabled_events[0]=*&__proto__[admin]=1',
    });
    expect(response.status).toBe(400);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('answers a caller over its rate limit with 429 and Retry-After, and does not store that against the key', async () => {
    const tight = await startTestServer('pglite', { platformRateLimit: { perSecond: 1, burst: 2 } });
    try {
      await tight.stripe.webhookEndpoints.list();
      await tight.stripe.webhookEndpoints.list();
      const params: Stripe.WebhookEndpointCreateParams = { url: 'https://example.com/limited', enabled_events: ['*'] };
      const error = await tight.stripe.webhookEndpoints
        .create(params, { idempotencyKey: 'limited-1' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      expect((error as Stripe.errors.StripeError).headers?.['retry-after']).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const created = await tight.stripe.webhookEndpoints.create(params, { idempotencyKey: 'limited-1' });
      expect(created.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    } finally {
      await tight.close();
    }
  });
});
