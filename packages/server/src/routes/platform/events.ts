import { boolParam } from '@atrium/core';
import { z } from 'zod';
import { invalidRequest, notFound } from '../../http/errors';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { eventObject, pendingWebhooksSql } from '../../services/events';
import type { EventRow } from '../../services/events';
import { expandList, expandObject, viewerOf } from '../../services/expand';

const eventType = z
  .string()
  .max(100)
  .regex(/^[a-z_.*]+$/, 'must be an event type like payout.paid or payout.*');

export const eventRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/events',
    params: z.strictObject({
      ...listParamsShape,
      type: eventType.optional(),
      types: z.array(eventType).max(20).optional(),
      delivery_success: z.optional(boolParam()),
    }),
    summary:
      "List events, newest first: the platform's own, or with Stripe-Account the connected account's; optionally by type (`payout.*` matches a family), created time and delivery success.",
    async handler({ auth, params, q, url }) {
      // As on Stripe, the platform's list holds only its own events; a connected account's are
      // listed with its Stripe-Account header (and reach the platform by Connect webhooks).
      const where: string[] = [];
      const values: unknown[] = [];
      if (auth.onBehalfOf === undefined) {
        where.push('account_id IS NULL');
      } else {
        values.push(auth.onBehalfOf);
        where.push(`account_id = $${values.length}`);
      }
      if (params.type !== undefined && params.types !== undefined) {
        throw invalidRequest('Pass either type or types, not both.', 'types');
      }
      const types = params.types ?? (params.type === undefined ? [] : [params.type]);
      if (types.length > 0) {
        // `_` is a letter of event types, not LIKE's any-character; `*` is the only wildcard.
        values.push(types.map((type) => type.replace(/_/g, '\\_').replace(/\*/g, '%')));
        where.push(`type LIKE ANY ($${values.length})`);
      }
      if (params.delivery_success !== undefined) {
        // Stripe's `false`: events still pending, or given up, at one endpoint at least; `true`:
        // every webhook of the event was delivered (an event sent to no endpoint has none that failed).
        const undelivered = `EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = events.id AND d.status <> 'succeeded')`;
        where.push(params.delivery_success ? `NOT ${undelivered}` : undelivered);
      }
      const page = await listPage<EventRow>(q, {
        table: 'events',
        columns: `events.*, ${pendingWebhooksSql('events')} AS pending_webhooks`,
        where,
        values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const events = await expandList(q, page.rows.map(eventObject), 'event', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, events, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/events/:id',
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary: 'Retrieve an event.',
    async handler({ auth, params, path, q }) {
      const id = path['id'] ?? '';
      const [row] = await q.query<EventRow>(
        `SELECT events.*, ${pendingWebhooksSql('events')} AS pending_webhooks FROM events WHERE id = $1`,
        [id],
      );
      // A connected account's event is retrieved with its Stripe-Account header, as on Stripe.
      if (!row || row.account_id !== (auth.onBehalfOf ?? null)) throw notFound('event', id);
      return { body: await expandObject(q, eventObject(row), 'event', params.expand, viewerOf(auth)) };
    },
  }),
];
