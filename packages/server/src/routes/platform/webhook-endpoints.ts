import { boolParam, metadataParam } from '@atrium/core';
import { z } from 'zod';
import { invalidRequest, notFound } from '../../http/errors';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { mergeMetadata } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { newId } from '../../ids';
import type { Queryable } from '../../store/db';
import { API_VERSION } from '../../services/events';
import { newSigningSecret } from '../../services/webhook-signing';
import { checkWebhookUrl } from '../../services/webhook-url';
import { webhookEndpointObject } from '../../services/webhooks';
import type { WebhookEndpointRow } from '../../services/webhooks';
import { STRIPE_EVENT_TYPES } from '../../services/event-types';
import { expandList, expandObject, viewerOf } from '../../services/expand';

/** `*` or one of Stripe's event types: a mistyped one (`payout.paied`) would never be sent. */
const eventTypeParam = z
  .string()
  .max(255)
  .refine((type) => type === '*' || STRIPE_EVENT_TYPES.has(type), 'must be a Stripe event type like payout.paid, or *');

const createParams = z.strictObject({
  url: z.string().min(1).max(2048),
  enabled_events: z.array(eventTypeParam).min(1).max(100),
  connect: z.optional(boolParam()),
  description: z.string().max(5000).optional(),
  metadata: z.optional(metadataParam()),
  // Atrium renders events in one API version only, so an endpoint may ask for that one or none.
  api_version: z
    .literal(API_VERSION, { error: `Atrium serves API version ${API_VERSION} only; give it or leave api_version out.` })
    .optional(),
  expand: expandParam({ list: false }),
});

const updateParams = z.strictObject({
  url: z.string().min(1).max(2048).optional(),
  enabled_events: z.array(eventTypeParam).min(1).max(100).optional(),
  description: z.string().max(5000).optional(),
  disabled: z.optional(boolParam()),
  metadata: z.optional(metadataParam()),
  expand: expandParam({ list: false }),
});

const idPath = /^we_[A-Za-z0-9]{1,64}$/;

async function findEndpoint(q: Queryable, id: string | undefined): Promise<WebhookEndpointRow> {
  if (id === undefined || !idPath.test(id)) throw notFound('webhook endpoint', id ?? '');
  const [row] = await q.query<WebhookEndpointRow>('SELECT * FROM webhook_endpoints WHERE id = $1 AND NOT deleted', [
    id,
  ]);
  if (!row) throw notFound('webhook endpoint', id);
  return row;
}

async function checkedUrl(url: string, allowPrivate: boolean): Promise<string> {
  const check = await checkWebhookUrl(url, allowPrivate);
  if (!check.ok) throw invalidRequest(`Invalid URL: the webhook URL ${check.reason}.`, 'url', 'url_invalid');
  return check.url.toString();
}

export const webhookEndpointRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/webhook_endpoints',
    params: createParams,
    summary:
      'Create a webhook endpoint; the signing secret is returned only here. `api_version`, if given, must be the one version Atrium renders events in.',
    async handler({ app, auth, params, q }) {
      const url = await checkedUrl(params.url, app.settings.allowPrivateWebhookUrls);
      const secret = newSigningSecret();
      const [row] = await q.query<WebhookEndpointRow>(
        `INSERT INTO webhook_endpoints (id, created_at, url, enabled_events, connect, description, secret_ciphertext,
           metadata, api_version)
         VALUES ($1, atrium_now(), $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          newId('we'),
          url,
          params.enabled_events,
          params.connect ?? false,
          params.description ?? null,
          app.encryptor.encrypt(secret),
          JSON.stringify(mergeMetadata({}, params.metadata)),
          params.api_version ?? null,
        ],
      );
      if (!row) throw new Error('INSERT returned no row');
      const endpoint = webhookEndpointObject(row, secret);
      return { body: await expandObject(q, endpoint, 'webhook_endpoint', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/webhook_endpoints',
    params: z.strictObject(listParamsShape),
    summary: 'List webhook endpoints, newest first.',
    async handler({ auth, params, q, url }) {
      const page = await listPage<WebhookEndpointRow>(q, {
        table: 'webhook_endpoints',
        where: ['NOT deleted'],
        values: [],
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const endpoints = page.rows.map((row) => webhookEndpointObject(row));
      const expanded = await expandList(q, endpoints, 'webhook_endpoint', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, expanded, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/webhook_endpoints/:id',
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary: 'Retrieve a webhook endpoint.',
    async handler({ auth, params, path, q }) {
      const endpoint = webhookEndpointObject(await findEndpoint(q, path['id']));
      return { body: await expandObject(q, endpoint, 'webhook_endpoint', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/webhook_endpoints/:id',
    params: updateParams,
    summary: 'Update a webhook endpoint: URL, events, description, metadata, or disable it.',
    async handler({ app, auth, params, path, q }) {
      const existing = await findEndpoint(q, path['id']);
      const url =
        params.url === undefined ? existing.url : await checkedUrl(params.url, app.settings.allowPrivateWebhookUrls);
      const status = params.disabled === undefined ? existing.status : params.disabled ? 'disabled' : 'enabled';
      const [row] = await q.query<WebhookEndpointRow>(
        `UPDATE webhook_endpoints SET url = $2, enabled_events = $3, description = $4, status = $5,
                metadata = $6
          WHERE id = $1 RETURNING *`,
        [
          existing.id,
          url,
          params.enabled_events ?? existing.enabled_events,
          params.description ?? existing.description,
          status,
          JSON.stringify(mergeMetadata(existing.metadata, params.metadata)),
        ],
      );
      if (!row) throw notFound('webhook endpoint', existing.id);
      // A disabled endpoint receives nothing, retries included; enabling it again does not send
      // what happened meanwhile.
      if (status === 'disabled') await stopPendingDeliveries(q, existing.id, 'endpoint disabled');
      return {
        body: await expandObject(q, webhookEndpointObject(row), 'webhook_endpoint', params.expand, viewerOf(auth)),
      };
    },
  }),
  platformRoute({
    method: 'delete',
    path: '/webhook_endpoints/:id',
    params: z.strictObject({}),
    summary: 'Delete a webhook endpoint; pending deliveries to it stop.',
    async handler({ path, q }) {
      const existing = await findEndpoint(q, path['id']);
      await q.query('UPDATE webhook_endpoints SET deleted = true WHERE id = $1', [existing.id]);
      await stopPendingDeliveries(q, existing.id, 'endpoint deleted');
      return { body: { id: existing.id, object: 'webhook_endpoint', deleted: true } };
    },
  }),
];

/** Ends the deliveries still due to an endpoint (deleted or disabled), with the reason. */
async function stopPendingDeliveries(q: Queryable, endpointId: string, reason: string): Promise<void> {
  await q.query(
    `UPDATE webhook_deliveries SET status = 'failed', last_error = $2 WHERE endpoint_id = $1 AND status = 'pending'`,
    [endpointId, reason],
  );
}
