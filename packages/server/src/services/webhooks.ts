import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';
import type { Encryptor } from '../crypto';
import type { Job } from '../jobs/runner';
import type { Database } from '../store/db';
import { eventObject, pendingWebhooksSql } from './events';
import type { EventRow } from './events';
import { checkWebhookUrl, guardedLookup } from './webhook-url';
import { signPayload } from './webhook-signing';
import type { SignedHeaders } from './webhook-signing';

/** Attempts before a delivery is given up; with the backoff below that spans about three days. */
export const MAX_DELIVERY_ATTEMPTS = 10;
const DELIVERY_TIMEOUT_MS = 10_000;
const CLAIM_SECONDS = 60;
const BATCH_SIZE = 20;

/** Seconds to wait after the n-th failed attempt: 1 min, 4 min, 16 min, ... capped at 12 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 4 ** Math.max(0, attempts - 1), 12 * 60 * 60);
}

export interface WebhookEndpointRow {
  id: string;
  created_at: Date;
  url: string;
  enabled_events: string[];
  connect: boolean;
  description: string | null;
  status: 'enabled' | 'disabled';
  metadata: Record<string, string>;
  /** The API version the endpoint was created with (its events are rendered in it); null for none. */
  api_version: string | null;
}

/** Stripe's WebhookEndpoint object; the secret is only ever included when the endpoint is created. */
export function webhookEndpointObject(row: WebhookEndpointRow, secret?: string) {
  return {
    id: row.id,
    object: 'webhook_endpoint' as const,
    api_version: row.api_version,
    application: null,
    connect: row.connect,
    created: Math.floor(new Date(row.created_at).getTime() / 1000),
    description: row.description,
    enabled_events: row.enabled_events,
    livemode: false,
    metadata: row.metadata,
    status: row.status,
    url: row.url,
    ...(secret === undefined ? {} : { secret }),
  };
}

interface DeliveryClaim {
  id: string;
  attempts: number;
  url: string;
  secret_ciphertext: Buffer;
  event: EventRow;
}

/** The job that delivers pending webhook events, with retries and exponential backoff. */
export function webhookDeliveryJob(deps: {
  db: Database;
  encryptor: Encryptor;
  logger: Logger;
  allowPrivateUrls: boolean;
}): Job {
  return {
    name: 'webhook-delivery',
    async runBatch() {
      const claims = await claimDeliveries(deps.db);
      await Promise.all(claims.map((claim) => deliver(deps, claim)));
      return claims.length;
    },
  };
}

async function claimDeliveries(db: Database): Promise<DeliveryClaim[]> {
  // Claims use real time (now()), due dates the test clock (atrium_now()): a claim is about
  // which instance is working on a delivery, not about when the delivery is due.
  return db.query<DeliveryClaim>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= atrium_now()
          AND (d.locked_until IS NULL OR d.locked_until < now())
          -- An endpoint disabled or deleted meanwhile gets nothing more, even before its
          -- deliveries are marked failed.
          AND EXISTS (SELECT 1 FROM webhook_endpoints e
                       WHERE e.id = d.endpoint_id AND e.status = 'enabled' AND NOT e.deleted)
        ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED
     ), claimed AS (
       UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => $2)
         FROM due WHERE d.id = due.id
       RETURNING d.id, d.attempts, d.endpoint_id, d.event_id
     )
     SELECT claimed.id, claimed.attempts, e.url, e.secret_ciphertext,
            json_build_object('id', ev.id, 'type', ev.type, 'account_id', ev.account_id, 'livemode', ev.livemode,
                              'data', ev.data, 'created_at', ev.created_at, 'request_id', ev.request_id,
                              'idempotency_key', ev.idempotency_key,
                              'pending_webhooks', ${pendingWebhooksSql('ev')}) AS event
       FROM claimed
       JOIN webhook_endpoints e ON e.id = claimed.endpoint_id
       JOIN events ev ON ev.id = claimed.event_id`,
    [BATCH_SIZE, CLAIM_SECONDS],
  );
}

async function deliver(
  deps: { db: Database; encryptor: Encryptor; logger: Logger; allowPrivateUrls: boolean },
  claim: DeliveryClaim,
): Promise<void> {
  const payload = JSON.stringify(eventObject(claim.event));
  const secret = deps.encryptor.decryptText(claim.secret_ciphertext);
  const headers = signPayload(secret, claim.event.id, payload, Math.floor(Date.now() / 1000));
  const result = await post(claim.url, payload, headers, deps.allowPrivateUrls);
  const attempts = claim.attempts + 1;
  const succeeded = result.status !== undefined && result.status >= 200 && result.status < 300;
  const status = succeeded ? 'succeeded' : attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending';
  await deps.db.query(
    `UPDATE webhook_deliveries
        SET status = $2, attempts = $3, locked_until = NULL, last_status_code = $4, last_error = $5,
            delivered_at = CASE WHEN $2 = 'succeeded' THEN atrium_now() END,
            next_attempt_at = atrium_now() + make_interval(secs => $6)
      WHERE id = $1`,
    [claim.id, status, attempts, result.status ?? null, result.error ?? null, backoffSeconds(attempts)],
  );
  deps.logger.info(
    { delivery: claim.id, event: claim.event.id, status, httpStatus: result.status },
    'webhook delivery',
  );
}

/** POSTs without following redirects, re-checking the URL and the resolved address each time. */
async function post(
  target: string,
  payload: string,
  headers: SignedHeaders,
  allowPrivate: boolean,
): Promise<{ status?: number; error?: string }> {
  const check = await checkWebhookUrl(target, allowPrivate);
  if (!check.ok) return { error: `URL ${check.reason}` };
  const send = check.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      check.url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'User-Agent': 'Atrium/1.0 (+webhooks)' },
        lookup: guardedLookup(allowPrivate),
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0 });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => {
      resolve({ error: error.message.slice(0, 500) });
    });
    req.end(payload);
  });
}
