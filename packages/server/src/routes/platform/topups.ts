import { z } from 'zod';
import type { PlatformAuth } from '../../http/auth';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { mergeMetadata } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { refused } from '../../services/money/amounts';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { topupObject } from '../../services/money/objects';
import { expandOnlySchema, metadataUpdateSchema, topupCreateSchema } from '../../services/money/params';
import type { TopupRow } from '../../services/money/rows';
import { cancelTopup, createTopup, loadTopup } from '../../services/money/topups';

/** Top-ups fund the platform's own balance. */
function requirePlatform(auth: PlatformAuth): void {
  if (auth.onBehalfOf !== undefined) {
    throw refused(
      "Top-ups add to the platform's balance: call without Stripe-Account.",
      undefined,
      'platform_account_required',
    );
  }
}

export const topupRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/topups',
    params: topupCreateSchema,
    summary:
      "Top up the platform's balance from its bank account (simulated): pending until the bank debit settles a day later on the test clock, then available.",
    async handler({ auth, params, q }) {
      requirePlatform(auth);
      return { body: await expandObject(q, await createTopup(q, params), 'topup', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/topups',
    params: z.strictObject({
      ...listParamsShape,
      status: z.enum(['canceled', 'failed', 'pending', 'succeeded']).optional(),
    }),
    summary: "List the platform's top-ups, newest first.",
    async handler({ auth, params, q, url }) {
      requirePlatform(auth);
      const page = await listPage<TopupRow>(q, {
        table: 'topups',
        where: params.status === undefined ? [] : ['status = $1'],
        values: params.status === undefined ? [] : [params.status],
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      return {
        body: listEnvelope(
          url,
          await expandList(q, page.rows.map(topupObject), 'topup', params.expand, viewerOf(auth)),
          page.hasMore,
        ),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/topups/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a top-up.',
    async handler({ auth, params, path, q }) {
      requirePlatform(auth);
      return {
        body: await expandObject(
          q,
          topupObject(await loadTopup(q, path['id'] ?? '')),
          'topup',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/topups/:id',
    params: metadataUpdateSchema,
    summary: "Update a top-up's description or metadata.",
    async handler({ auth, params, path, q }) {
      requirePlatform(auth);
      const row = await loadTopup(q, path['id'] ?? '', { lock: true });
      const [updated] = await q.query<TopupRow>(
        'UPDATE topups SET description = $2, metadata = $3 WHERE id = $1 RETURNING *',
        [row.id, params.description ?? row.description, JSON.stringify(mergeMetadata(row.metadata, params.metadata))],
      );
      if (!updated) throw notFound('topup', row.id);
      return { body: await expandObject(q, topupObject(updated), 'topup', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/topups/:id/cancel',
    params: expandOnlySchema,
    summary:
      "Cancel a top-up whose bank debit has not settled: its funds leave the platform's pending balance, with a `topup_reversal` balance transaction.",
    async handler({ auth, params, path, q }) {
      requirePlatform(auth);
      const topup = await loadTopup(q, path['id'] ?? '', { lock: true });
      return {
        body: await expandObject(q, topupObject(await cancelTopup(q, topup)), 'topup', params.expand, viewerOf(auth)),
      };
    },
  }),
];
