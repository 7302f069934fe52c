import { mapInTurn } from '../../store/db';
import { intParam } from '@atrium/core';
import { z } from 'zod';
import { listEnvelope, listParamsShape, rangeParam } from '../../http/list';
import { embeddedRoute } from '../../http/route';
import type { Route } from '../../http/route';
import type { Queryable } from '../../store/db';
import { chargeScopeSql, chargeTransactionFor, findCharge, refundsOf } from '../../services/money/charges';
import { Conditions, LIST_ORDERS, amountRangeParam, orderedPage } from '../../services/money/lists';
import { chargeObject, refundObject } from '../../services/money/objects';
import { REFUND_REASONS } from '../../services/money/params';
import { refundCharge } from '../../services/money/refunds';
import type { ChargeRow, Owner } from '../../services/money/rows';

const PAYMENT_COMPONENTS = ['payments', 'payment_details'] as const;

/**
 * A payment as its seller sees it. A destination charge is the platform's: its metadata (and its
 * refunds') is the platform's own bookkeeping, which Stripe does not show the connected account,
 * so it is left out; a direct charge is the seller's, metadata and all.
 */
async function chargeView(q: Queryable, row: ChargeRow, accountId: string, withRefunds: boolean) {
  const balanceTransaction = await chargeTransactionFor(q, row, accountId as Owner);
  const own = row.charge_type === 'direct';
  const refunds = withRefunds
    ? (await refundsOf(q, row.id)).map((refund) => (own ? refund : { ...refund, metadata: {} }))
    : undefined;
  return chargeObject(own ? row : { ...row, metadata: {} }, { balanceTransaction, refunds });
}

export const embeddedPaymentRoutes: Route[] = [
  embeddedRoute({
    method: 'get',
    path: '/charges',
    components: PAYMENT_COMPONENTS,
    params: z.strictObject({
      status: z.enum(['succeeded', 'pending', 'failed']).optional(),
      created: rangeParam().optional(),
      amount: amountRangeParam().optional(),
      payment_method_brand: z.enum(['visa', 'mastercard', 'amex', 'discover']).optional(),
      order: z.enum(LIST_ORDERS).optional(),
      limit: listParamsShape.limit,
      starting_after: listParamsShape.starting_after,
      ending_before: listParamsShape.ending_before,
    }),
    summary:
      "The session account's payments (its direct charges and the destination charges paid to it), filtered and ordered like the payouts list.",
    async handler({ auth, params, q, url }) {
      const conditions = new Conditions();
      const scope = chargeScopeSql({ kind: 'seller', accountId: auth.accountId }, 1);
      conditions.param(scope.value);
      conditions
        .add(scope.sql)
        .equal('status', params.status)
        .equal(`payment_method_details->'card'->>'brand'`, params.payment_method_brand)
        .created('created_at', params.created)
        .amount('amount', params.amount);
      const page = await orderedPage<ChargeRow>(q, {
        table: 'charges',
        conditions,
        order: params.order ?? 'created_desc',
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
      });
      const data = await mapInTurn(page.rows, (row) => chargeView(q, row, auth.accountId, false));
      return { body: listEnvelope(url, data, page.hasMore) };
    },
  }),
  embeddedRoute({
    method: 'get',
    path: '/charges/:id',
    components: PAYMENT_COMPONENTS,
    params: z.strictObject({}),
    summary: 'One payment of the session account, with its refunds.',
    async handler({ auth, path, q }) {
      const row = await findCharge(q, path['id'] ?? '', { kind: 'seller', accountId: auth.accountId });
      return { body: await chargeView(q, row, auth.accountId, true) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/refunds',
    components: PAYMENT_COMPONENTS,
    feature: 'refund_management',
    params: z.strictObject({
      charge: z.string().max(255),
      amount: z.optional(intParam()),
      reason: z.enum(REFUND_REASONS).optional(),
    }),
    summary:
      "Refund one of the session account's payments, all or `amount`. A destination charge's refund takes the account's share back (`reverse_transfer`); the platform keeps its fee.",
    async handler({ auth, params, q }) {
      const charge = await findCharge(
        q,
        params.charge,
        { kind: 'seller', accountId: auth.accountId },
        { lock: true, param: 'charge' },
      );
      const refund = await refundCharge(q, charge, {
        amount: params.amount,
        reason: params.reason,
        reverseTransfer: charge.charge_type === 'destination',
        refundApplicationFee: false,
        reversalMustCoverShare: true,
      });
      return { body: refundObject(refund) };
    },
  }),
];
