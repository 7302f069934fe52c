import { BALANCE_TRANSACTION_TYPES } from '@atrium/core';
import { z } from 'zod';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { balanceObject } from '../../services/money/balance';
import { balanceTransactionObject, findBalanceTransaction } from '../../services/money/balance-transactions';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { Conditions } from '../../services/money/lists';
import { expandOnlySchema } from '../../services/money/params';
import type { BalanceTransactionRow } from '../../services/money/rows';
import { ownerOf } from '../../services/money/rows';

export const balanceRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/balance',
    params: z.strictObject({}),
    summary:
      "The platform's balance, or a connected account's with `Stripe-Account`: `available`, `pending` and `instant_available` per currency, and Atrium's `in_transit` (payouts on their way to the bank).",
    async handler({ auth, q }) {
      return { body: await balanceObject(q, ownerOf(auth.onBehalfOf ?? null)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/balance_transactions',
    params: z.strictObject({
      ...listParamsShape,
      // Any of Stripe's types, as Stripe takes them; one Atrium never records lists nothing.
      type: z.enum(BALANCE_TRANSACTION_TYPES).optional(),
      currency: z
        .string()
        .regex(/^[a-z]{3}$/)
        .optional(),
      payout: z.string().max(255).optional(),
      source: z.string().max(255).optional(),
    }),
    summary:
      "List balance transactions, newest first, by `type`, `currency`, `created`, `source`, or `payout` (what an automatic payout paid out, and every payout's own).",
    async handler({ auth, params, q, url }) {
      const conditions = new Conditions()
        .owner('account_id', ownerOf(auth.onBehalfOf ?? null))
        .equal('type', params.type)
        .equal('currency', params.currency)
        .equal('payout_id', params.payout)
        .equal('source', params.source);
      const page = await listPage<BalanceTransactionRow>(q, {
        table: 'balance_transactions',
        where: conditions.where,
        values: conditions.values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const data = await expandList(
        q,
        page.rows.map(balanceTransactionObject),
        'balance_transaction',
        params.expand,
        viewerOf(auth),
      );
      return { body: listEnvelope(url, data, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/balance_transactions/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a balance transaction.',
    async handler({ auth, params, path, q }) {
      const id = path['id'] ?? '';
      const row = /^txn_[A-Za-z0-9]{1,64}$/.test(id)
        ? await findBalanceTransaction(q, ownerOf(auth.onBehalfOf ?? null), id)
        : undefined;
      if (!row) throw notFound('balance_transaction', id);
      return {
        body: await expandObject(
          q,
          balanceTransactionObject(row),
          'balance_transaction',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
];
