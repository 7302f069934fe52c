import { z } from 'zod';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { mergeMetadata } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import type { Queryable } from '../../store/db';
import { recordUpdate } from '../../services/events';
import { refused } from '../../services/money/amounts';
import { findCharge } from '../../services/money/charges';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { refundObject } from '../../services/money/objects';
import { expandOnlySchema, refundCreateSchema, refundUpdateSchema } from '../../services/money/params';
import type { RefundCreateParams } from '../../services/money/params';
import { loadPaymentIntent } from '../../services/money/payment-intents';
import { refundCharge } from '../../services/money/refunds';
import type { Owner, RefundRow } from '../../services/money/rows';
import { accountIdOf, ownerOf } from '../../services/money/rows';

const REFUND_ID = /^re_[A-Za-z0-9]{1,64}$/;

/** A refund of the caller (the platform, or the connected account of `Stripe-Account`). */
async function loadRefund(q: Queryable, owner: Owner, id: string, options: { lock?: boolean } = {}) {
  const [row] = REFUND_ID.test(id)
    ? await q.query<RefundRow>(
        `SELECT * FROM refunds WHERE id = $1 AND account_id IS NOT DISTINCT FROM $2${options.lock ? ' FOR UPDATE' : ''}`,
        [id, accountIdOf(owner)],
      )
    : [];
  if (!row) throw notFound('refund', id);
  return row;
}

/** The charge a refund names, directly or through its payment intent, locked. */
async function chargeToRefund(q: Queryable, owner: Owner, params: RefundCreateParams) {
  if ((params.charge === undefined) === (params.payment_intent === undefined)) {
    throw refused('Give exactly one of charge or payment_intent.', 'charge', 'parameter_missing');
  }
  let chargeId = params.charge;
  if (params.payment_intent !== undefined) {
    const intent = await loadPaymentIntent(q, owner, params.payment_intent);
    if (intent.status !== 'succeeded' || intent.latest_charge === null) {
      throw refused(
        `PaymentIntent ${intent.id} has no successful charge to refund.`,
        'payment_intent',
        'charge_not_refundable',
      );
    }
    chargeId = intent.latest_charge;
  }
  return findCharge(q, chargeId ?? '', { kind: 'owner', owner }, { lock: true, param: 'charge' });
}

export const refundRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/refunds',
    params: refundCreateSchema,
    summary:
      "Refund all or part of a charge (never more than was captured). On destination charges `reverse_transfer` takes the seller's share back and `refund_application_fee` gives the fee back, proportionally.",
    async handler({ auth, params, q }) {
      const owner = ownerOf(auth.onBehalfOf ?? null);
      const charge = await chargeToRefund(q, owner, params);
      const refund = await refundCharge(q, charge, {
        amount: params.amount,
        reason: params.reason,
        metadata: params.metadata,
        reverseTransfer: params.reverse_transfer ?? false,
        refundApplicationFee: params.refund_application_fee ?? false,
      });
      return { body: await expandObject(q, refundObject(refund), 'refund', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/refunds',
    params: z.strictObject({
      ...listParamsShape,
      charge: z.string().max(255).optional(),
      payment_intent: z.string().max(255).optional(),
    }),
    summary: 'List refunds, newest first, optionally of one charge or payment intent.',
    async handler({ auth, params, q, url }) {
      const accountId = accountIdOf(ownerOf(auth.onBehalfOf ?? null));
      const where = [accountId === null ? 'account_id IS NULL' : 'account_id = $1'];
      const values: unknown[] = accountId === null ? [] : [accountId];
      for (const [column, value] of [
        ['charge_id', params.charge],
        ['payment_intent_id', params.payment_intent],
      ] as const) {
        if (value === undefined) continue;
        values.push(value);
        where.push(`${column} = $${values.length}`);
      }
      const page = await listPage<RefundRow>(q, {
        table: 'refunds',
        where,
        values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      return {
        body: listEnvelope(
          url,
          await expandList(q, page.rows.map(refundObject), 'refund', params.expand, viewerOf(auth)),
          page.hasMore,
        ),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/refunds/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a refund.',
    async handler({ auth, params, path, q }) {
      const row = await loadRefund(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '');
      return { body: await expandObject(q, refundObject(row), 'refund', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/refunds/:id',
    params: refundUpdateSchema,
    summary: "Update a refund's metadata.",
    async handler({ auth, params, path, q }) {
      const row = await loadRefund(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '', { lock: true });
      const [updated] = await q.query<RefundRow>('UPDATE refunds SET metadata = $2 WHERE id = $1 RETURNING *', [
        row.id,
        JSON.stringify(mergeMetadata(row.metadata, params.metadata)),
      ]);
      if (!updated) throw notFound('refund', row.id);
      const object = refundObject(updated);
      await recordUpdate(q, {
        type: 'refund.updated',
        accountId: updated.account_id ?? undefined,
        before: refundObject(row),
        object,
      });
      return { body: await expandObject(q, object, 'refund', params.expand, viewerOf(auth)) };
    },
  }),
];
