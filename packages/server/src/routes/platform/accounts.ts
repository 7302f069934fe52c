import { REJECT_REASONS } from '@atrium/core';
import { z } from 'zod';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import {
  createAccount,
  deleteAccount,
  rejectAccount,
  retrieveAccount,
  updateAccount,
} from '../../services/accounts/accounts';
import { accountObject } from '../../services/accounts/objects';
import { accountCreateParamsSchema, accountUpdateParamsSchema, countryOfRequest } from '../../services/accounts/params';
import { loadAccount } from '../../services/accounts/rows';
import type { AccountRow, BankAccountRow } from '../../services/accounts/rows';
import { clockNow } from '../../services/clock';
import { expandList, expandObject, viewerOf } from '../../services/expand';

/** The schemas in the API reference are the United States'; each request is parsed for its country. */
const DOCUMENTED = { country: 'US' as const, nowSeconds: 0 };
const expandOnly = z.strictObject({ expand: expandParam({ list: false }) });

export const accountRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/accounts',
    params: accountCreateParamsSchema(DOCUMENTED),
    paramsFor: async ({ app, input }) =>
      accountCreateParamsSchema({ country: countryOfRequest(input), nowSeconds: await clockNow(app.db) }),
    summary:
      'Create a connected account. Onboarding fields may be given now or later; `requirements` says what is due for the country, business type and requested capabilities.',
    async handler({ app, auth, params, q }) {
      const account = await createAccount(app, q, countryOfRequest(params), params);
      return { body: await expandObject(q, account, 'account', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/accounts',
    params: z.strictObject(listParamsShape),
    summary: 'List connected accounts, newest first.',
    async handler({ auth, params, q, url }) {
      const page = await listPage<AccountRow>(q, {
        table: 'accounts',
        where: ['NOT deleted'],
        values: [],
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const banks = await q.query<BankAccountRow>(
        'SELECT * FROM external_accounts WHERE account_id = ANY($1) AND NOT deleted ORDER BY seq',
        [page.rows.map((row) => row.id)],
      );
      const data = page.rows.map((row) =>
        accountObject(
          row,
          banks.filter((bank) => bank.account_id === row.id),
        ),
      );
      const expanded = await expandList(q, data, 'account', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, expanded, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/accounts/:id',
    params: expandOnly,
    summary: 'Retrieve a connected account.',
    async handler({ auth, params, path, q }) {
      const account = await retrieveAccount(q, path['id'] ?? '');
      return { body: await expandObject(q, account, 'account', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/accounts/:id',
    params: accountUpdateParamsSchema(DOCUMENTED),
    paramsFor: async ({ app, path }) => {
      const account = await loadAccount(app.db, path['id'] ?? '');
      return accountUpdateParamsSchema({ country: account.country as 'US', nowSeconds: await clockNow(app.db) });
    },
    summary: 'Update a connected account: nested hashes merge, an empty string unsets a field.',
    async handler({ app, auth, params, path, q }) {
      const account = await updateAccount(app, q, path['id'] ?? '', params);
      return { body: await expandObject(q, account, 'account', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'delete',
    path: '/accounts/:id',
    params: z.strictObject({}),
    summary: 'Delete a connected account whose balances are all zero.',
    async handler({ path, q }) {
      return { body: await deleteAccount(q, path['id'] ?? '') };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/accounts/:id/reject',
    params: z.strictObject({
      reason: z.enum(REJECT_REASONS.filter((reason) => reason !== 'listed') as ['fraud', 'terms_of_service', 'other']),
      expand: expandParam({ list: false }),
    }),
    summary: 'Reject a connected account: it can no longer take charges or payouts.',
    async handler({ auth, params, path, q }) {
      const account = await rejectAccount(q, path['id'] ?? '', params.reason);
      return { body: await expandObject(q, account, 'account', params.expand, viewerOf(auth)) };
    },
  }),
];
