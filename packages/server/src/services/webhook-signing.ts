import { createHmac, randomBytes } from 'node:crypto';

/**
 * One signing secret serves both schemes: `whsec_` + base64 of 32 random bytes. Stripe's scheme
 * uses the whole string as the HMAC key; Standard Webhooks decodes the part after `whsec_`.
 */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SignedHeaders {
  'Stripe-Signature': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs a payload for delivery. `timestampSeconds` is real time, not the test clock, because
 * receivers compare it with their own clocks to refuse replays.
 */
export function signPayload(
  secret: string,
  messageId: string,
  payload: string,
  timestampSeconds: number,
): SignedHeaders {
  const stripeSignature = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`).digest('hex');
  const standardKey = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const standardSignature = createHmac('sha256', standardKey)
    .update(`${messageId}.${timestampSeconds}.${payload}`)
    .digest('base64');
  return {
    'Stripe-Signature': `t=${timestampSeconds},v1=${stripeSignature}`,
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${standardSignature}`,
  };
}
