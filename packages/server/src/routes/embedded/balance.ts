import { z } from 'zod';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { embeddedRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { balanceObject } from '../../services/money/balance';
import { balanceTransactionObject } from '../../services/money/balance-transactions';
import { Conditions } from '../../services/money/lists';
import { loadPayout } from '../../services/money/payouts';
import type { BalanceTransactionRow, Owner } from '../../services/money/rows';

export const embeddedBalanceRoutes: Route[] = [
  embeddedRoute({
    method: 'get',
    path: '/balance',
    components: ['balances', 'payouts', 'notification_banner'],
    params: z.strictObject({}),
    summary:
      "The session account's balance: `available`, `pending`, `instant_available` and `in_transit` per currency.",
    async handler({ auth, q }) {
      return { body: await balanceObject(q, auth.accountId as Owner) };
    },
  }),
  embeddedRoute({
    method: 'get',
    path: '/balance_transactions',
    components: ['payouts', 'payouts_list', 'payout_details', 'balances'],
    params: z.strictObject({
      payout: z.string().max(255).optional(),
      limit: listParamsShape.limit,
      starting_after: listParamsShape.starting_after,
      ending_before: listParamsShape.ending_before,
    }),
    summary:
      "The session account's balance transactions, newest first; with `payout`, those of one payout (what an automatic payout paid out, and the payout's own).",
    async handler({ auth, params, q, url }) {
      if (params.payout !== undefined) await loadPayout(q, auth.accountId, params.payout);
      const conditions = new Conditions().equal('account_id', auth.accountId).equal('payout_id', params.payout);
      const page = await listPage<BalanceTransactionRow>(q, {
        table: 'balance_transactions',
        where: conditions.where,
        values: conditions.values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
      });
      return { body: listEnvelope(url, page.rows.map(balanceTransactionObject), page.hasMore) };
    },
  }),
];
