import { mapInTurn } from '../../store/db';
import { z } from 'zod';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { mergeMetadata } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { recordUpdate } from '../../services/events';
import { refused } from '../../services/money/amounts';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { Conditions } from '../../services/money/lists';
import { transferObject, transferReversalObject } from '../../services/money/objects';
import {
  expandOnlySchema,
  metadataUpdateSchema,
  reversalCreateSchema,
  transferCreateSchema,
} from '../../services/money/params';
import type { TransferReversalRow, TransferRow } from '../../services/money/rows';
import { ownerOf } from '../../services/money/rows';
import { subListParams, subListReply } from './sub-list';
import { createTransfer, loadTransfer, reverseTransfer, reversalsOf } from '../../services/money/transfers';

const REVERSAL_ID = /^trr_[A-Za-z0-9]{1,64}$/;

export const transferRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/transfers',
    params: transferCreateSchema,
    summary:
      "Transfer from the platform's available balance to a connected account (or, with `source_transaction`, from a charge's funds), available to it at once. With the sender in `Stripe-Account`, between connected accounts when the platform allows it (an Atrium extension).",
    async handler({ auth, params, q }) {
      const object = await createTransfer(q, ownerOf(auth.onBehalfOf ?? null), params);
      return { body: await expandObject(q, object, 'transfer', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/transfers',
    params: z.strictObject({
      ...listParamsShape,
      destination: z.string().max(255).optional(),
      transfer_group: z.string().max(255).optional(),
    }),
    summary:
      'List transfers, newest first: all of them for the platform, those a connected account sent or received with `Stripe-Account`.',
    async handler({ auth, params, q, url }) {
      const conditions = new Conditions();
      if (auth.onBehalfOf !== undefined) {
        const account = conditions.param(auth.onBehalfOf);
        conditions.add(`(source_account_id = ${account} OR destination_account_id = ${account})`);
      }
      conditions.equal('destination_account_id', params.destination).equal('transfer_group', params.transfer_group);
      const page = await listPage<TransferRow>(q, {
        table: 'transfers',
        where: conditions.where,
        values: conditions.values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const objects = await mapInTurn(page.rows, async (row) => transferObject(row, await reversalsOf(q, row.id)));
      return {
        body: listEnvelope(url, await expandList(q, objects, 'transfer', params.expand, viewerOf(auth)), page.hasMore),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/transfers/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a transfer with its reversals.',
    async handler({ auth, params, path, q }) {
      const row = await loadTransfer(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '');
      return {
        body: await expandObject(
          q,
          transferObject(row, await reversalsOf(q, row.id)),
          'transfer',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/transfers/:id',
    params: metadataUpdateSchema,
    summary: "Update a transfer's description or metadata.",
    async handler({ auth, params, path, q }) {
      const row = await loadTransfer(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '', { lock: true });
      const [updated] = await q.query<TransferRow>(
        'UPDATE transfers SET description = $2, metadata = $3 WHERE id = $1 RETURNING *',
        [row.id, params.description ?? row.description, JSON.stringify(mergeMetadata(row.metadata, params.metadata))],
      );
      if (!updated) throw notFound('transfer', row.id);
      const reversals = await reversalsOf(q, row.id);
      const object = transferObject(updated, reversals);
      await recordUpdate(q, {
        type: 'transfer.updated',
        accountId: updated.source_account_id ?? undefined,
        before: transferObject(row, reversals),
        object,
      });
      return { body: await expandObject(q, object, 'transfer', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/transfers/:id/reversals',
    params: reversalCreateSchema,
    summary:
      "Reverse part or all of a transfer: the recipient's available balance gives it back, even below zero. Made by the platform.",
    async handler({ auth, params, path, q }) {
      if (auth.onBehalfOf !== undefined) {
        throw refused(
          'Transfers are reversed by the platform: call without Stripe-Account.',
          undefined,
          'platform_account_required',
        );
      }
      const transfer = await loadTransfer(q, 'platform', path['id'] ?? '', { lock: true });
      const reversal = await reverseTransfer(q, transfer, params);
      return {
        body: await expandObject(
          q,
          transferReversalObject(reversal),
          'transfer_reversal',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/transfers/:id/reversals',
    params: subListParams,
    summary: "A transfer's reversals, newest first.",
    async handler({ auth, params, path, q, url }) {
      const transfer = await loadTransfer(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '');
      return subListReply<TransferReversalRow>(
        q,
        { auth, url, params },
        {
          table: 'transfer_reversals',
          parentColumn: 'transfer_id',
          parentId: transfer.id,
          type: 'transfer_reversal',
          toObject: transferReversalObject,
        },
      );
    },
  }),
  platformRoute({
    method: 'get',
    path: '/transfers/:id/reversals/:reversal',
    params: expandOnlySchema,
    summary: 'Retrieve one reversal of a transfer.',
    async handler({ auth, params, path, q }) {
      const transfer = await loadTransfer(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '');
      const id = path['reversal'] ?? '';
      const [row] = REVERSAL_ID.test(id)
        ? await q.query<TransferReversalRow>('SELECT * FROM transfer_reversals WHERE id = $1 AND transfer_id = $2', [
            id,
            transfer.id,
          ])
        : [];
      if (!row) throw notFound('transfer_reversal', id);
      return {
        body: await expandObject(q, transferReversalObject(row), 'transfer_reversal', params.expand, viewerOf(auth)),
      };
    },
  }),
];
