import { z } from 'zod';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Reply, Route } from '../../http/route';
import type { Queryable } from '../../store/db';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import type { Viewer } from '../../services/expand';
import { Conditions } from '../../services/money/lists';
import { paymentIntentObject } from '../../services/money/objects';
import {
  expandOnlySchema,
  paymentIntentCancelSchema,
  paymentIntentCaptureSchema,
  paymentIntentConfirmSchema,
  paymentIntentCreateSchema,
  paymentIntentUpdateSchema,
} from '../../services/money/params';
import {
  cancelPaymentIntent,
  capturePaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  loadPaymentIntent,
  updatePaymentIntent,
} from '../../services/money/payment-intents';
import type { IntentAnswer } from '../../services/money/payment-intents';
import type { PaymentIntentRow } from '../../services/money/rows';
import { ownerOf } from '../../services/money/rows';

/** A 200 answer gets its `expand[]`; a 402 card error is answered as it is. */
async function reply(q: Queryable, answer: IntentAnswer, expand: string[] | undefined, viewer: Viewer): Promise<Reply> {
  if (answer.status !== 200) return answer;
  return { body: await expandObject(q, answer.body, 'payment_intent', expand, viewer) };
}

export const paymentIntentRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/payment_intents',
    params: paymentIntentCreateSchema,
    summary:
      "Create a payment intent: a separate charge (the platform's own), a destination charge (`transfer_data[destination]`), or a direct charge on the connected account in `Stripe-Account`. With `confirm=true` it is charged at once; a decline is a 402 `card_error`.",
    async handler({ auth, params, q }) {
      return reply(
        q,
        await createPaymentIntent(q, ownerOf(auth.onBehalfOf ?? null), params),
        params.expand,
        viewerOf(auth),
      );
    },
  }),
  platformRoute({
    method: 'get',
    path: '/payment_intents',
    params: z.strictObject(listParamsShape),
    summary:
      "List payment intents, newest first: the platform's, or a connected account's direct charges with `Stripe-Account`.",
    async handler({ auth, params, q, url }) {
      const conditions = new Conditions().owner('account_id', ownerOf(auth.onBehalfOf ?? null));
      const page = await listPage<PaymentIntentRow>(q, {
        table: 'payment_intents',
        where: conditions.where,
        values: conditions.values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const data = await expandList(
        q,
        page.rows.map(paymentIntentObject),
        'payment_intent',
        params.expand,
        viewerOf(auth),
      );
      return { body: listEnvelope(url, data, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/payment_intents/:id',
    params: expandOnlySchema,
    summary: 'Retrieve a payment intent (`expand[]=latest_charge.balance_transaction` shows its fees).',
    async handler({ auth, params, path, q }) {
      const row = await loadPaymentIntent(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '');
      return { body: await expandObject(q, paymentIntentObject(row), 'payment_intent', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/payment_intents/:id',
    params: paymentIntentUpdateSchema,
    summary: "Update a payment intent's description, metadata, receipt email or (before it is paid) payment method.",
    async handler({ auth, params, path, q }) {
      const row = await loadPaymentIntent(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '', { lock: true });
      return {
        body: await expandObject(
          q,
          await updatePaymentIntent(q, row, params),
          'payment_intent',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/payment_intents/:id/confirm',
    params: paymentIntentConfirmSchema,
    summary:
      "Confirm a payment intent: charge its payment method (Stripe's test payment methods, see docs/test-values.md).",
    async handler({ auth, params, path, q }) {
      const row = await loadPaymentIntent(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '', { lock: true });
      return reply(q, await confirmPaymentIntent(q, row, params), params.expand, viewerOf(auth));
    },
  }),
  platformRoute({
    method: 'post',
    path: '/payment_intents/:id/capture',
    params: paymentIntentCaptureSchema,
    summary: 'Capture an authorized payment intent (`capture_method=manual`), all of it or `amount_to_capture`.',
    async handler({ auth, params, path, q }) {
      const row = await loadPaymentIntent(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '', { lock: true });
      return {
        body: await expandObject(
          q,
          await capturePaymentIntent(q, row, params),
          'payment_intent',
          params.expand,
          viewerOf(auth),
        ),
      };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/payment_intents/:id/cancel',
    params: paymentIntentCancelSchema,
    summary: 'Cancel a payment intent that is not paid yet, or release an uncaptured authorization.',
    async handler({ auth, params, path, q }) {
      const row = await loadPaymentIntent(q, ownerOf(auth.onBehalfOf ?? null), path['id'] ?? '', { lock: true });
      const object = await cancelPaymentIntent(q, row, params.cancellation_reason);
      return { body: await expandObject(q, object, 'payment_intent', params.expand, viewerOf(auth)) };
    },
  }),
];
