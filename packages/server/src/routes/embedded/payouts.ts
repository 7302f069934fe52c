import { currencySchema, intParam } from '@atrium/core';
import { z } from 'zod';
import type { EmbeddedAuth } from '../../http/auth';
import { checkGrant, embeddedRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { listEnvelope, listParamsShape, rangeParam } from '../../http/list';
import { Conditions, LIST_ORDERS, amountRangeParam, orderedPage } from '../../services/money/lists';
import { payoutObject } from '../../services/money/objects';
import { updatePayoutSchedule, payoutScheduleParamsSchema } from '../../services/money/payout-schedule';
import { createPayout, loadPayout, quotePayout } from '../../services/money/payouts';
import type { PayoutRow } from '../../services/money/rows';

const PAYOUT_COMPONENTS = ['payouts', 'balances'] as const;

const payoutRequestSchema = z.strictObject({
  amount: intParam(),
  currency: currencySchema,
  method: z.enum(['standard', 'instant']),
});

/** Withdrawing needs the feature of its method: `standard_payouts` or `instant_payouts`. */
function checkMethodGranted(auth: EmbeddedAuth, method: 'standard' | 'instant'): void {
  checkGrant({ components: PAYOUT_COMPONENTS, feature: `${method}_payouts` }, auth);
}

export const embeddedPayoutRoutes: Route[] = [
  embeddedRoute({
    method: 'get',
    path: '/payouts/quote',
    components: PAYOUT_COMPONENTS,
    params: payoutRequestSchema,
    summary:
      'What a withdrawal would cost and when it would arrive, before it is confirmed: `{amount, currency, method, fee, net, arrival_date}` (`net` reaches the bank).',
    grants: (auth, params) => checkMethodGranted(auth, params.method),
    async handler({ auth, params, q }) {
      return { body: { object: 'payout_quote', ...(await quotePayout(q, auth.accountId, params)) } };
    },
  }),
  embeddedRoute({
    method: 'get',
    path: '/payouts',
    components: ['payouts', 'payouts_list', 'notification_banner'],
    params: z.strictObject({
      status: z.enum(['pending', 'in_transit', 'paid', 'failed', 'canceled']).optional(),
      created: rangeParam().optional(),
      amount: amountRangeParam().optional(),
      order: z.enum(LIST_ORDERS).optional(),
      limit: listParamsShape.limit,
      starting_after: listParamsShape.starting_after,
      ending_before: listParamsShape.ending_before,
    }),
    summary:
      "The session account's payouts, filtered by `status`, `created` and `amount`, in `order` (created_desc by default, or created_asc, amount_desc, amount_asc), with cursors that work in each order.",
    async handler({ auth, params, q, url }) {
      const conditions = new Conditions()
        .equal('account_id', auth.accountId)
        .equal('status', params.status)
        .created('created_at', params.created)
        .amount('amount', params.amount);
      const page = await orderedPage<PayoutRow>(q, {
        table: 'payouts',
        conditions,
        order: params.order ?? 'created_desc',
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
      });
      return { body: listEnvelope(url, page.rows.map(payoutObject), page.hasMore) };
    },
  }),
  embeddedRoute({
    method: 'get',
    path: '/payouts/:id',
    components: ['payouts', 'payouts_list', 'payout_details'],
    params: z.strictObject({}),
    summary: "One of the session account's payouts.",
    async handler({ auth, path, q }) {
      return { body: payoutObject(await loadPayout(q, auth.accountId, path['id'] ?? '')) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/payouts',
    components: PAYOUT_COMPONENTS,
    params: payoutRequestSchema,
    summary:
      "Withdraw from the session account's available balance to its default bank account in the currency (needs `standard_payouts` or `instant_payouts`); idempotent with the client's key.",
    grants: (auth, params) => checkMethodGranted(auth, params.method),
    async handler({ app, auth, params, q }) {
      return { body: payoutObject(await createPayout(app.encryptor, q, auth.accountId, params)) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/payout_schedule',
    components: PAYOUT_COMPONENTS,
    feature: 'edit_payout_schedule',
    params: payoutScheduleParamsSchema,
    summary:
      "Set the session account's automatic payout schedule (`interval`, `delay_days`, `weekly_anchor`, `monthly_anchor`); answers `settings.payouts.schedule`.",
    async handler({ auth, params, q }) {
      return { body: await updatePayoutSchedule(q, auth.accountId, params) };
    },
  }),
];
