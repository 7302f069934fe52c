import { newId } from '../ids';
import { sortKeys } from '../http/idempotency';
import type { Queryable, Statement } from '../store/db';

/** The Stripe API version whose object shapes Atrium follows (the one stripe-node 23 pins). */
export const API_VERSION = '2026-10-28.endive';

export interface EventDraft {
  /** Stripe's event type, for example `payout.paid` or `account.updated`. */
  type: string;
  /** The connected account the event is about; undefined for the platform's own objects. */
  accountId: string | undefined;
  /** The API object after the change, as the API would return it. */
  object: object;
  /** For `*.updated` events: the changed fields' previous values. */
  previousAttributes?: Record<string, unknown>;
}

/** A value as JSON with every object's keys in order: equal values give equal text. */
const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value ?? null));

const isHash = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Stripe's `previous_attributes` for a `*.updated` event: every field of `after` whose value
 * differs from `before`, with its value in `before` (null when it had none). Hashes on both sides
 * are compared key by key, so only what changed appears; lists and plain values are compared whole,
 * and key order (which jsonb does not keep) does not count.
 */
export function previousAttributes(before: unknown, after: unknown): Record<string, unknown> {
  const previous = isHash(before) ? before : {};
  const next = isHash(after) ? after : {};
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const old = previous[key];
    const now = next[key];
    if (canonicalJson(old) === canonicalJson(now)) continue;
    changed[key] = isHash(old) && isHash(now) ? previousAttributes(old, now) : (old ?? null);
  }
  return changed;
}

/** The API request each transaction works for, by its connection's handle; see `tagRequest`. */
const requests = new WeakMap<Queryable, { id: string; idempotencyKey: string | null }>();

/**
 * Names the API request a transaction works for, so the events it records carry it as Stripe's
 * `request`. Kept beside the transaction's handle, not in the database: it costs no statement,
 * and a job's transactions (also those a request runs, such as a test clock's advance) name none.
 */
export function tagRequest(tx: Queryable, requestId: string, idempotencyKey: string | undefined): void {
  requests.set(tx, { id: requestId, idempotencyKey: idempotencyKey ?? null });
}

/**
 * Writes an event in the caller's transaction (the outbox), and in the same statement a pending
 * delivery for every enabled webhook endpoint that listens for it: the event and its deliveries
 * exist if and only if the change they describe committed.
 */
export async function recordEvent(tx: Queryable, draft: EventDraft): Promise<string> {
  const { id, statement } = eventStatement(tx, draft);
  await tx.query(statement.sql, statement.params);
  return id;
}

/** The statement `recordEvent` runs, with the event's id, to send with others (`Transaction.pipeline`). */
export function eventStatement(tx: Queryable, draft: EventDraft): { id: string; statement: Statement } {
  const id = newId('evt');
  const request = requests.get(tx);
  const data = {
    object: draft.object,
    ...(draft.previousAttributes === undefined ? {} : { previous_attributes: draft.previousAttributes }),
  };
  return {
    id,
    statement: {
      sql: `WITH event AS (
       INSERT INTO events (id, type, account_id, data, created_at, request_id, idempotency_key)
       VALUES ($1, $2, $3, $4, atrium_now(), $5, $6)
       RETURNING id, type, account_id
     )
     INSERT INTO webhook_deliveries (id, endpoint_id, event_id, next_attempt_at, created_at)
     SELECT 'whdel_' || replace(gen_random_uuid()::text, '-', ''), endpoint.id, event.id, atrium_now(), atrium_now()
       FROM event JOIN webhook_endpoints endpoint
         ON NOT endpoint.deleted AND endpoint.status = 'enabled'
        AND endpoint.connect = (event.account_id IS NOT NULL)
        AND ('*' = ANY (endpoint.enabled_events) OR event.type = ANY (endpoint.enabled_events))`,
      params: [
        id,
        draft.type,
        draft.accountId ?? null,
        JSON.stringify(data),
        request?.id ?? null,
        request?.idempotencyKey ?? null,
      ],
    },
  };
}

/**
 * Records a `*.updated` event for an object that went from `before` to `draft.object`, with the
 * changed fields' old values as `previous_attributes`, or nothing when nothing changed (as Stripe,
 * and docs/ARCHITECTURE.md, promise). Returns whether it recorded one.
 */
export async function recordUpdate(
  tx: Queryable,
  draft: Omit<EventDraft, 'previousAttributes'> & { before: object },
): Promise<boolean> {
  if (!draft.type.endsWith('.updated')) throw new Error(`${draft.type} is not an update event`);
  const changed = previousAttributes(draft.before, draft.object);
  if (Object.keys(changed).length === 0) return false;
  await recordEvent(tx, {
    type: draft.type,
    accountId: draft.accountId,
    object: draft.object,
    previousAttributes: changed,
  });
  return true;
}

/**
 * The SQL of an event's `pending_webhooks`, for the events table under `alias`: its deliveries
 * still being attempted (not yet answered with a 2xx, and not given up or stopped).
 */
export const pendingWebhooksSql = (alias: string): string =>
  `(SELECT count(*)::int FROM webhook_deliveries pending
     WHERE pending.event_id = ${alias}.id AND pending.status = 'pending')`;

/** An event row as the API shows it (Stripe's Event object), with its `pendingWebhooksSql`. */
export interface EventRow {
  id: string;
  type: string;
  account_id: string | null;
  livemode: boolean;
  data: object;
  created_at: Date;
  request_id: string | null;
  idempotency_key: string | null;
  pending_webhooks: number;
}

export function eventObject(row: EventRow) {
  return {
    id: row.id,
    object: 'event' as const,
    api_version: API_VERSION,
    ...(row.account_id === null ? {} : { account: row.account_id }),
    created: Math.floor(new Date(row.created_at).getTime() / 1000),
    data: row.data,
    livemode: row.livemode,
    pending_webhooks: row.pending_webhooks,
    request: { id: row.request_id, idempotency_key: row.idempotency_key },
    type: row.type,
  };
}
