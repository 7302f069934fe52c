import { mapInTurn } from '../../store/db';
import { z } from 'zod';
import type { PlatformAuth } from '../../http/auth';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { refused } from '../../services/money/amounts';
import { feeRefundsOf, loadApplicationFee, refundApplicationFee } from '../../services/money/application-fees';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { applicationFeeObject, feeRefundObject } from '../../services/money/objects';
import { expandOnlySchema, feeRefundCreateSchema } from '../../services/money/params';
import type { ApplicationFeeRow, FeeRefundRow } from '../../services/money/rows';
import { subListParams, subListReply } from './sub-list';

/** Application fees are the platform's revenue; a connected account has none to show. */
function requirePlatform(auth: PlatformAuth): void {
  if (auth.onBehalfOf !== undefined) {
    throw refused(
      'Application fees belong to the platform: call without Stripe-Account.',
      undefined,
      'platform_account_required',
    );
  }
}

const FEE_REFUND_ID = /^fr_[A-Za-z0-9]{1,64}$/;

export const applicationFeeRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/application_fees',
    params: z.strictObject({ ...listParamsShape, charge: z.string().max(255).optional() }),
    summary: 'List the application fees the platform took, newest first, optionally of one charge.',
    async handler({ auth, params, q, url }) {
      requirePlatform(auth);
      const page = await listPage<ApplicationFeeRow>(q, {
        table: 'application_fees',
        where: params.charge === undefined ? [] : ['charge_id = $1'],
        values: params.charge === undefined ? [] : [params.charge],
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const objects = await mapInTurn(page.rows, async (row) =>
        applicationFeeObject(row, await feeRefundsOf(q, row.id)),
      );
      return {
        body: listEnvelope(
          url,
          await expandList(q, objects, 'application_fee', params.expand, viewerOf(auth)),
          page.hasMore,
        ),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/application_fees/:id',
    params: expandOnlySchema,
    summary: 'Retrieve an application fee with its refunds.',
    async handler({ auth, params, path, q }) {
      requirePlatform(auth);
      const row = await loadApplicationFee(q, path['id'] ?? '');
      const object = applicationFeeObject(row, await feeRefundsOf(q, row.id));
      return { body: await expandObject(q, object, 'application_fee', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/application_fees/:id/refunds',
    params: feeRefundCreateSchema,
    summary:
      "Give the connected account back part or all of an application fee, from the platform's available balance.",
    async handler({ auth, params, path, q }) {
      requirePlatform(auth);
      const fee = await loadApplicationFee(q, path['id'] ?? '', { lock: true });
      return { body: await refundApplicationFee(q, fee, params) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/application_fees/:id/refunds',
    params: subListParams,
    summary: "An application fee's refunds, newest first.",
    async handler({ auth, params, path, q, url }) {
      requirePlatform(auth);
      const fee = await loadApplicationFee(q, path['id'] ?? '');
      return subListReply<FeeRefundRow>(
        q,
        { auth, url, params },
        {
          table: 'application_fee_refunds',
          parentColumn: 'fee_id',
          parentId: fee.id,
          type: 'fee_refund',
          toObject: feeRefundObject,
        },
      );
    },
  }),
  platformRoute({
    method: 'get',
    path: '/application_fees/:id/refunds/:refund',
    params: expandOnlySchema,
    summary: 'Retrieve one refund of an application fee.',
    async handler({ auth, params, path, q }) {
      requirePlatform(auth);
      const fee = await loadApplicationFee(q, path['id'] ?? '');
      const id = path['refund'] ?? '';
      const [row] = FEE_REFUND_ID.test(id)
        ? await q.query<FeeRefundRow>('SELECT * FROM application_fee_refunds WHERE id = $1 AND fee_id = $2', [
            id,
            fee.id,
          ])
        : [];
      if (!row) throw notFound('fee_refund', id);
      return { body: await expandObject(q, feeRefundObject(row), 'fee_refund', params.expand, viewerOf(auth)) };
    },
  }),
];
