import { z } from 'zod';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { mergeMetadata } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { chargeScopeSql, findCharge } from '../../services/money/charges';
import { recordUpdate } from '../../services/events';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { chargeObject, refundObject } from '../../services/money/objects';
import { chargeUpdateSchema, expandOnlySchema } from '../../services/money/params';
import type { ChargeRow, RefundRow } from '../../services/money/rows';
import { ownerOf } from '../../services/money/rows';
import { subListParams, subListReply } from './sub-list';

export const chargeRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/charges',
    params: z.strictObject({
      ...listParamsShape,
      payment_intent: z.string().max(255).optional(),
      transfer_group: z.string().max(255).optional(),
    }),
    summary:
      "List charges, newest first: the platform's (destination and separate charges), or a connected account's direct charges with `Stripe-Account`.",
    async handler({ auth, params, q, url }) {
      const scope = chargeScopeSql({ kind: 'owner', owner: ownerOf(auth.onBehalfOf ?? null) }, 1);
      const where = [scope.sql];
      const values: unknown[] = [scope.value];
      for (const [column, value] of [
        ['payment_intent_id', params.payment_intent],
        ['transfer_group', params.transfer_group],
      ] as const) {
        if (value === undefined) continue;
        values.push(value);
        where.push(`${column} = $${values.length}`);
      }
      const page = await listPage<ChargeRow>(q, {
        table: 'charges',
        where,
        values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const objects = page.rows.map((row) => chargeObject(row, { balanceTransaction: row.balance_transaction_id }));
      return {
        body: listEnvelope(url, await expandList(q, objects, 'charge', params.expand, viewerOf(auth)), page.hasMore),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/charges/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a charge; `expand[]=balance_transaction` shows its fee and net, `expand[]=refunds` its refunds.',
    async handler({ auth, params, path, q }) {
      const row = await findCharge(q, path['id'] ?? '', { kind: 'owner', owner: ownerOf(auth.onBehalfOf ?? null) });
      const object = chargeObject(row, { balanceTransaction: row.balance_transaction_id });
      return { body: await expandObject(q, object, 'charge', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/charges/:id',
    params: chargeUpdateSchema,
    summary: "Update a charge's description, metadata or receipt email (the money it moved is as it was).",
    async handler({ auth, params, path, q }) {
      const scope = { kind: 'owner' as const, owner: ownerOf(auth.onBehalfOf ?? null) };
      const row = await findCharge(q, path['id'] ?? '', scope, { lock: true });
      const [updated] = await q.query<ChargeRow>(
        'UPDATE charges SET description = $2, metadata = $3, receipt_email = $4 WHERE id = $1 RETURNING *',
        [
          row.id,
          params.description ?? row.description,
          JSON.stringify(mergeMetadata(row.metadata, params.metadata)),
          params.receipt_email ?? row.receipt_email,
        ],
      );
      if (!updated) throw notFound('charge', row.id);
      const view = { balanceTransaction: row.balance_transaction_id };
      const object = chargeObject(updated, view);
      await recordUpdate(q, {
        type: 'charge.updated',
        accountId: updated.account_id ?? undefined,
        before: chargeObject(row, view),
        object,
      });
      return { body: await expandObject(q, object, 'charge', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/charges/:id/refunds',
    params: subListParams,
    summary: "A charge's refunds, newest first (the list a charge's `refunds.url` names).",
    async handler({ auth, params, path, q, url }) {
      const row = await findCharge(q, path['id'] ?? '', { kind: 'owner', owner: ownerOf(auth.onBehalfOf ?? null) });
      return subListReply<RefundRow>(
        q,
        { auth, url, params },
        {
          table: 'refunds',
          parentColumn: 'charge_id',
          parentId: row.id,
          type: 'refund',
          toObject: refundObject,
        },
      );
    },
  }),
];
