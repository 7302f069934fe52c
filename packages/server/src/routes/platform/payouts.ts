import { z } from 'zod';
import type { PlatformAuth } from '../../http/auth';
import { notFound } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape, rangeParam } from '../../http/list';
import { mergeMetadata } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { recordUpdate } from '../../services/events';
import { refused } from '../../services/money/amounts';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { asTransaction } from '../../services/money/ledger-io';
import { Conditions } from '../../services/money/lists';
import { payoutObject } from '../../services/money/objects';
import { expandOnlySchema, metadataUpdateSchema, payoutCreateSchema } from '../../services/money/params';
import { cancelPayout, createPayout, loadPayout } from '../../services/money/payouts';
import { settlePayoutNow } from '../../services/money/payout-rail';
import type { PayoutRow } from '../../services/money/rows';
import { PAYOUT_FAILURES } from '../../simulators/payout-rail';
import type { PayoutOutcome } from '../../simulators/payout-rail';
import type { Queryable } from '../../store/db';

/** Payouts go from a connected account's balance to its bank account; the platform keeps no bank account in Atrium. */
function connectedAccount(auth: PlatformAuth): string {
  if (auth.onBehalfOf === undefined) {
    throw refused(
      "Payouts are made from a connected account's balance: name it in the Stripe-Account header.",
      undefined,
      'platform_payouts_unsupported',
    );
  }
  return auth.onBehalfOf;
}

export const payoutRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/payouts',
    params: payoutCreateSchema,
    summary:
      "Pay out part of the connected account's available balance (Stripe-Account) to its bank account in that currency: `method` standard, or instant for eligible bank accounts with the platform's fee. More than is available: a 400 `balance_insufficient`.",
    async handler({ app, auth, params, q }) {
      const payout = await createPayout(app.encryptor, q, connectedAccount(auth), {
        ...params,
        method: params.method ?? 'standard',
      });
      return { body: await expandObject(q, payoutObject(payout), 'payout', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/payouts',
    params: z.strictObject({
      ...listParamsShape,
      status: z.enum(['pending', 'in_transit', 'paid', 'failed', 'canceled']).optional(),
      arrival_date: rangeParam().optional(),
      destination: z.string().max(255).optional(),
    }),
    summary: "List a connected account's payouts (Stripe-Account), newest first; the platform's own list is empty.",
    async handler({ auth, params, q, url }) {
      // The platform makes no payouts of its own in Atrium: its list is empty.
      if (auth.onBehalfOf === undefined) return { body: listEnvelope(url, [], false) };
      const conditions = new Conditions()
        .equal('account_id', auth.onBehalfOf)
        .equal('status', params.status)
        .equal('destination', params.destination)
        .created('arrival_date', params.arrival_date);
      const page = await listPage<PayoutRow>(q, {
        table: 'payouts',
        where: conditions.where,
        values: conditions.values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      return {
        body: listEnvelope(
          url,
          await expandList(q, page.rows.map(payoutObject), 'payout', params.expand, viewerOf(auth)),
          page.hasMore,
        ),
      };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/payouts/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a payout.',
    async handler({ auth, params, path, q }) {
      const payout = await loadPayout(q, connectedAccount(auth), path['id'] ?? '');
      return { body: await expandObject(q, payoutObject(payout), 'payout', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/payouts/:id',
    params: metadataUpdateSchema.omit({ description: true }),
    summary: "Update a payout's metadata.",
    async handler({ auth, params, path, q }) {
      const payout = await loadPayout(q, connectedAccount(auth), path['id'] ?? '', { lock: true });
      const [updated] = await q.query<PayoutRow>('UPDATE payouts SET metadata = $2 WHERE id = $1 RETURNING *', [
        payout.id,
        JSON.stringify(mergeMetadata(payout.metadata, params.metadata)),
      ]);
      if (!updated) throw notFound('payout', payout.id);
      const object = payoutObject(updated);
      await recordUpdate(q, {
        type: 'payout.updated',
        accountId: updated.account_id,
        before: payoutObject(payout),
        object,
      });
      return { body: await expandObject(q, object, 'payout', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/payouts/:id/cancel',
    params: expandOnlySchema,
    summary: 'Cancel a standard payout that is still pending: the amount returns to available.',
    async handler({ auth, params, path, q }) {
      const payout = await loadPayout(q, connectedAccount(auth), path['id'] ?? '', { lock: true });
      return {
        body: await expandObject(
          q,
          payoutObject(await cancelPayout(q, payout)),
          'payout',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/test_helpers/payouts/:id/pay',
    params: expandOnlySchema,
    summary:
      "Test mode: a pending or in-transit payout of the connected account (Stripe-Account) arrives now, whatever its bank account's test number would have decided, with the rail's `payout.paid` event.",
    async handler({ auth, params, path, q }) {
      const payout = await settleForTest(q, connectedAccount(auth), path['id'] ?? '', { kind: 'paid' });
      return { body: await expandObject(q, payoutObject(payout), 'payout', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/test_helpers/payouts/:id/fail',
    params: expandOnlySchema.extend({
      failure_code: z.enum(PAYOUT_FAILURES.map((failure) => failure.code) as [string, ...string[]]).optional(),
    }),
    summary:
      'Test mode: a pending or in-transit payout of the connected account (Stripe-Account) fails now with `failure_code` (default `could_not_process`): the money returns to available, the bank account is marked errored and `payout.failed` is sent, as when the rail fails it.',
    async handler({ auth, params, path, q }) {
      const code = params.failure_code ?? 'could_not_process';
      const failure = PAYOUT_FAILURES.find((candidate) => candidate.code === code);
      if (!failure) throw new Error(`the payout rail has no failure ${code}`);
      const payout = await settleForTest(q, connectedAccount(auth), path['id'] ?? '', { kind: 'failed', ...failure });
      return { body: await expandObject(q, payoutObject(payout), 'payout', params.expand, viewerOf(auth)) };
    },
  }),
];

/** Settles a payout for a test helper; only one the rail has not settled yet. */
async function settleForTest(q: Queryable, accountId: string, id: string, outcome: PayoutOutcome): Promise<PayoutRow> {
  const payout = await loadPayout(q, accountId, id, { lock: true });
  if (payout.status !== 'pending' && payout.status !== 'in_transit') {
    throw refused(
      `Payout ${payout.id} is ${payout.status}: only a pending or in-transit payout can be settled.`,
      undefined,
      'payout_already_settled',
    );
  }
  await settlePayoutNow(asTransaction(q), payout, outcome);
  return loadPayout(q, accountId, id);
}
