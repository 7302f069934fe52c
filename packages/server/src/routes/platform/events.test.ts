import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, charge, createSeller } from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const objectId = (event: Stripe.Event) => (event.data.object as { id?: string }).id;

describe('events through the stripe SDK', () => {
  let server: TestServer;
  let seller: string;
  let destinationIntent: Stripe.PaymentIntent;
  let directIntent: Stripe.PaymentIntent;
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
    destinationIntent = await charge(server, { transfer_data: { destination: seller } });
    directIntent = await charge(server, {}, { stripeAccount: seller });
  });
  afterAll(async () => {
    await server.close();
  });

  it('list only the platform’s own events without Stripe-Account, none with an account', async () => {
    const events = await server.stripe.events.list({ limit: 100 });
    expect(events.data.length).toBeGreaterThan(0);
    expect(events.data.filter((event) => event.account !== undefined)).toEqual([]);
    const intents = events.data.filter((event) => event.type === 'payment_intent.succeeded').map(objectId);
    expect(intents).toEqual([destinationIntent.id]);
  });

  it('list a connected account’s events with its Stripe-Account header, each carrying its account', async () => {
    const events = await server.stripe.events.list({ limit: 100 }, { stripeAccount: seller });
    expect(events.data.length).toBeGreaterThan(0);
    expect(new Set(events.data.map((event) => event.account))).toEqual(new Set([seller]));
    const intents = events.data.filter((event) => event.type === 'payment_intent.succeeded').map(objectId);
    expect(intents).toEqual([directIntent.id]);
  });

  it('retrieve a connected account’s event only with its Stripe-Account header', async () => {
    const [event] = (await server.stripe.events.list({ limit: 1 }, { stripeAccount: seller })).data;
    if (!event) throw new Error('the seller has no event');
    await expect(server.stripe.events.retrieve(event.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    const other = await createSeller(server);
    await expect(server.stripe.events.retrieve(event.id, {}, { stripeAccount: other })).rejects.toMatchObject({
      statusCode: 404,
    });
    const retrieved = await server.stripe.events.retrieve(event.id, {}, { stripeAccount: seller });
    expect(retrieved).toMatchObject({ id: event.id, account: seller });
  });

  it('retrieve the platform’s event without Stripe-Account, and not as a connected account', async () => {
    const [event] = (await server.stripe.events.list({ limit: 1 })).data;
    if (!event) throw new Error('the platform has no event');
    expect(await server.stripe.events.retrieve(event.id)).toMatchObject({ id: event.id });
    expect((await server.stripe.events.retrieve(event.id)).account).toBeUndefined();
    await expect(server.stripe.events.retrieve(event.id, {}, { stripeAccount: seller })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('do not page the platform’s list from a connected account’s event', async () => {
    const [event] = (await server.stripe.events.list({ limit: 1 }, { stripeAccount: seller })).data;
    await expect(server.stripe.events.list({ starting_after: event?.id ?? '' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'starting_after',
    });
  });

  it('name the API request and idempotency key that caused them, and none for a job’s', async () => {
    const topup = await server.stripe.topups.create(
      { amount: 1000, currency: 'usd' },
      { idempotencyKey: 'topup-for-events-test' },
    );
    await advance(server, 24 * 60 * 60);
    const eventOf = async (type: string) => {
      const events = await server.stripe.events.list({ type, limit: 100 });
      const event = events.data.find((candidate) => objectId(candidate) === topup.id);
      if (!event) throw new Error(`no ${type} event for the top-up`);
      return event;
    };
    expect((await eventOf('topup.created')).request).toEqual({
      id: topup.lastResponse.requestId,
      idempotency_key: 'topup-for-events-test',
    });
    expect((await eventOf('topup.succeeded')).request).toEqual({ id: null, idempotency_key: null });
  });

  it('carry the changed fields’ old values in a payment intent’s update, and none for no change', async () => {
    const intent = await server.stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      description: 'first',
      metadata: { size: '40mm' },
    });
    await server.stripe.paymentIntents.update(intent.id, { description: 'second', metadata: { strap: 'steel' } });
    await server.stripe.paymentIntents.update(intent.id, { description: 'second' });
    const updates = (await server.stripe.events.list({ type: 'payment_intent.updated', limit: 100 })).data.filter(
      (event) => objectId(event) === intent.id,
    );
    expect(updates.map((event) => event.data.previous_attributes)).toEqual([
      { description: 'first', metadata: { strap: null } },
    ]);
  });

  it('carry a refund’s old metadata in its update, and none for an update that changes nothing', async () => {
    const refund = await server.stripe.refunds.create({
      payment_intent: destinationIntent.id,
      amount: 100,
      metadata: { ticket: 'T-1' },
    });
    await server.stripe.refunds.update(refund.id, { metadata: { ticket: 'T-2' } });
    await server.stripe.refunds.update(refund.id, { metadata: { ticket: 'T-2' } });
    const updates = (await server.stripe.events.list({ type: 'refund.updated', limit: 100 })).data.filter(
      (event) => objectId(event) === refund.id,
    );
    expect(updates.map((event) => event.data.previous_attributes)).toEqual([{ metadata: { ticket: 'T-1' } }]);
  });

  it('carry a transfer’s old metadata in its update, and none for an update that changes nothing', async () => {
    const paid = await server.stripe.charges.retrieve(destinationIntent.latest_charge as string);
    const transferId = paid.transfer as string;
    await server.stripe.transfers.update(transferId, { metadata: { order: 'A-1' } });
    await server.stripe.transfers.update(transferId, { metadata: { order: 'A-2' } });
    await server.stripe.transfers.update(transferId, { metadata: { order: 'A-2' } });
    const updates = (await server.stripe.events.list({ type: 'transfer.updated', limit: 100 })).data.filter(
      (event) => objectId(event) === transferId,
    );
    expect(updates.map((event) => event.data.previous_attributes)).toEqual([
      { metadata: { order: 'A-1' } },
      { metadata: { order: null } },
    ]);
  });

  it('carry a bank account’s old metadata in its update, and none for an update that changes nothing', async () => {
    const [bank] = (await server.stripe.accounts.listExternalAccounts(seller)).data;
    if (!bank) throw new Error('the seller has no bank account');
    await server.stripe.accounts.updateExternalAccount(seller, bank.id, { metadata: { label: 'main' } });
    await server.stripe.accounts.updateExternalAccount(seller, bank.id, { metadata: { label: 'main' } });
    const updates = (
      await server.stripe.events.list(
        { type: 'account.external_account.updated', limit: 100 },
        { stripeAccount: seller },
      )
    ).data.filter((event) => objectId(event) === bank.id);
    expect(updates.map((event) => event.data.previous_attributes)).toEqual([{ metadata: { label: null } }]);
  });
});
