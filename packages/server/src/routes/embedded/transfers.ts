import { mapInTurn } from '../../store/db';
import { currencySchema, intParam } from '@atrium/core';
import { z } from 'zod';
import { ApiError } from '../../http/errors';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { embeddedRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { Conditions } from '../../services/money/lists';
import { transferObject } from '../../services/money/objects';
import type { Owner, TransferRow } from '../../services/money/rows';
import { createTransfer, reversalsOf } from '../../services/money/transfers';

/**
 * A seller learns nothing about other accounts from a refused transfer: whether an id exists, its
 * capability, country or currencies. The platform's own API says exactly why; a page gets one
 * answer for any account that cannot receive, and one for a currency it cannot take.
 */
function withoutRecipientDetails(error: unknown, params: { currency: string }): unknown {
  if (!(error instanceof ApiError)) return error;
  const { code, param } = error.details;
  if (param === 'destination' && (code === 'resource_missing' || code === 'insufficient_capabilities_for_transfer')) {
    return new ApiError(400, 'invalid_request_error', 'No account with this id can receive transfers.', {
      code: 'resource_missing',
      param,
    });
  }
  if (param === 'currency' && code === 'currency_not_supported') {
    return new ApiError(
      400,
      'invalid_request_error',
      `The destination cannot receive ${params.currency.toUpperCase()}.`,
      {
        code,
        param,
      },
    );
  }
  return error;
}

export const embeddedTransferRoutes: Route[] = [
  embeddedRoute({
    method: 'get',
    path: '/transfers',
    components: ['transfers_list'],
    params: z.strictObject({
      limit: listParamsShape.limit,
      starting_after: listParamsShape.starting_after,
      ending_before: listParamsShape.ending_before,
      created: listParamsShape.created,
    }),
    summary:
      "Transfers the session account received or sent, newest first, account-to-account ones included (`source_account` is null for the platform's).",
    async handler({ auth, params, q, url }) {
      const conditions = new Conditions();
      const account = conditions.param(auth.accountId);
      conditions.add(`(source_account_id = ${account} OR destination_account_id = ${account})`);
      const page = await listPage<TransferRow>(q, {
        table: 'transfers',
        where: conditions.where,
        values: conditions.values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const data = await mapInTurn(page.rows, async (row) => {
        // Metadata is its sender's bookkeeping: the platform's (or another seller's) is left out of
        // what the recipient sees, as Stripe shows a connected account none of the platform's.
        if (row.source_account_id === auth.accountId) return transferObject(row, await reversalsOf(q, row.id));
        const reversals = (await reversalsOf(q, row.id)).map((reversal) => ({ ...reversal, metadata: {} }));
        return transferObject({ ...row, metadata: {} }, reversals);
      });
      return { body: listEnvelope(url, data, page.hasMore) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/transfers',
    components: ['transfers_list'],
    feature: 'transfer_balance',
    params: z.strictObject({
      destination: z.string().max(255),
      amount: intParam(),
      currency: currencySchema,
      description: z.string().max(1000).optional(),
    }),
    summary:
      "Send part of the session account's available balance to another connected account, when the platform allows account-to-account transfers.",
    async handler({ auth, params, q }) {
      try {
        return { body: await createTransfer(q, auth.accountId as Owner, params) };
      } catch (error) {
        throw withoutRecipientDetails(error, params);
      }
    },
  }),
];
