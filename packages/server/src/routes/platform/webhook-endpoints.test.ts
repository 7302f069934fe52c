import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../services/events';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

describe('webhook endpoints through the stripe SDK', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const endpointCount = async () =>
    (await server.db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM webhook_endpoints'))[0]?.n;

  it('show the API version an endpoint was created with, on create, retrieve and list', async () => {
    const created = await server.stripe.webhookEndpoints.create({
      url: 'https://example.com/versioned',
      enabled_events: ['payout.paid'],
      api_version: API_VERSION,
    });
    expect(created.api_version).toBe(API_VERSION);
    expect((await server.stripe.webhookEndpoints.retrieve(created.id)).api_version).toBe(API_VERSION);
    const listed = (await server.stripe.webhookEndpoints.list({ limit: 100 })).data;
    expect(listed.find((endpoint) => endpoint.id === created.id)?.api_version).toBe(API_VERSION);
  });

  it('show a null API version for an endpoint created without one, as Stripe does', async () => {
    const created = await server.stripe.webhookEndpoints.create({
      url: 'https://example.com/unversioned',
      enabled_events: ['payout.paid'],
    });
    expect(created.api_version).toBeNull();
    expect((await server.stripe.webhookEndpoints.retrieve(created.id)).api_version).toBeNull();
  });

  it('refuse an API version Atrium does not serve, naming the one it does, and create nothing', async () => {
    const before = await endpointCount();
    for (const version of ['2020-08-27', `${API_VERSION}x`, '']) {
      const refused = await server.stripe.webhookEndpoints
        .create({
          url: 'https://example.com/other-version',
          enabled_events: ['payout.paid'],
          api_version: version as Stripe.WebhookEndpointCreateParams.ApiVersion,
        })
        .catch((caught: unknown) => caught);
      expect(refused).toMatchObject({ statusCode: 400, rawType: 'invalid_request_error', param: 'api_version' });
      expect((refused as Stripe.errors.StripeError).message).toContain(API_VERSION);
    }
    expect(await endpointCount()).toBe(before);
  });

  it('refuse an event type Stripe does not have, on create and update, and change nothing', async () => {
    const before = await endpointCount();
    const typo = await server.stripe.webhookEndpoints
      .create({
        url: 'https://example.com/typo',
        enabled_events: ['payout.paid', 'payout.paied' as Stripe.WebhookEndpointCreateParams.EnabledEvent],
      })
      .catch((caught: unknown) => caught);
    expect(typo).toMatchObject({ statusCode: 400, param: 'enabled_events[1]' });
    expect(await endpointCount()).toBe(before);

    // Any of Stripe's types is taken, also one Atrium never sends (it is simply never sent).
    const endpoint = await server.stripe.webhookEndpoints.create({
      url: 'https://example.com/known',
      enabled_events: ['payout.paid', 'customer.created'],
    });
    const update = await server.stripe.webhookEndpoints
      .update(endpoint.id, { enabled_events: ['not.real' as Stripe.WebhookEndpointUpdateParams.EnabledEvent] })
      .catch((caught: unknown) => caught);
    expect(update).toMatchObject({ statusCode: 400, param: 'enabled_events[0]' });
    expect((await server.stripe.webhookEndpoints.retrieve(endpoint.id)).enabled_events).toEqual([
      'payout.paid',
      'customer.created',
    ]);
  });

  it('keep the API version through an update, which cannot change it', async () => {
    const created = await server.stripe.webhookEndpoints.create({
      url: 'https://example.com/kept',
      enabled_events: ['payout.paid'],
      api_version: API_VERSION,
    });
    const updated = await server.stripe.webhookEndpoints.update(created.id, { description: 'payouts' });
    expect(updated.api_version).toBe(API_VERSION);
    const changing = await server.stripe.webhookEndpoints
      .update(created.id, { api_version: API_VERSION } as Stripe.WebhookEndpointUpdateParams)
      .catch((caught: unknown) => caught);
    expect(changing).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'api_version' });
  });
});
