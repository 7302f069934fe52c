import Stripe from 'stripe';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSigningSecret, signPayload } from './webhook-signing';

const stripe = new Stripe('sk_test_unused');
const payload = JSON.stringify({ id: 'evt_123', object: 'event', type: 'payout.paid', data: { object: {} } });

describe('webhook signatures', () => {
  const secret = newSigningSecret();
  const now = Math.floor(Date.now() / 1000);
  const headers = signPayload(secret, 'evt_123', payload, now);

  it('verify with stripe.webhooks.constructEvent', () => {
    const event = stripe.webhooks.constructEvent(payload, headers['Stripe-Signature'], secret);
    expect(event.id).toBe('evt_123');
  });

  it('verify with the standardwebhooks library', () => {
    const verified = new Webhook(secret).verify(payload, headers) as { id: string };
    expect(verified.id).toBe('evt_123');
  });

  it('fail when the body is changed', () => {
    const changed = payload.replace('payout.paid', 'payout.failed');
    expect(() => stripe.webhooks.constructEvent(changed, headers['Stripe-Signature'], secret)).toThrow();
    expect(() => new Webhook(secret).verify(changed, headers)).toThrow();
  });

  it('fail when the timestamp is changed', () => {
    const stripeHeader = headers['Stripe-Signature'].replace(`t=${now}`, `t=${now - 1}`);
    expect(() => stripe.webhooks.constructEvent(payload, stripeHeader, secret)).toThrow();
    expect(() => new Webhook(secret).verify(payload, { ...headers, 'webhook-timestamp': String(now - 1) })).toThrow();
  });

  it('fail with another secret', () => {
    const other = newSigningSecret();
    expect(() => stripe.webhooks.constructEvent(payload, headers['Stripe-Signature'], other)).toThrow();
    expect(() => new Webhook(other).verify(payload, headers)).toThrow();
  });

  it('fail when too old to be trusted', () => {
    const old = signPayload(secret, 'evt_123', payload, now - 3600);
    expect(() => stripe.webhooks.constructEvent(payload, old['Stripe-Signature'], secret)).toThrow();
    expect(() => new Webhook(secret).verify(payload, old)).toThrow();
  });
});
