import type { BankAccountParams } from '@atrium/core';
import { z } from 'zod';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import type { MetadataUpdate } from '../../http/metadata';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import {
  addBankAccount,
  deleteBankAccount,
  loadBankAccount,
  updateBankAccount,
} from '../../services/accounts/external-accounts';
import { bankAccountObject } from '../../services/accounts/objects';
import { externalAccountCreateParamsSchema, externalAccountUpdateParamsSchema } from '../../services/accounts/params';
import { refreshRequirements } from '../../services/accounts/requirements';
import { loadAccount } from '../../services/accounts/rows';
import type { BankAccountRow } from '../../services/accounts/rows';
import { clockNow } from '../../services/clock';
import { expandList, expandObject, viewerOf } from '../../services/expand';

const DOCUMENTED = { country: 'US' as const, nowSeconds: 0 };

export const externalAccountRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/accounts/:account/external_accounts',
    params: externalAccountCreateParamsSchema(DOCUMENTED),
    paramsFor: async ({ app, path }) => {
      const account = await loadAccount(app.db, path['account'] ?? '');
      return externalAccountCreateParamsSchema({
        country: account.country as 'US',
        nowSeconds: await clockNow(app.db),
      });
    },
    summary: 'Add a bank account for payouts. The number is stored encrypted; only its last 4 digits come back.',
    async handler({ app, auth, params, path, q }) {
      const typed = params as {
        external_account: BankAccountParams;
        default_for_currency?: boolean;
        metadata?: MetadataUpdate;
      };
      const account = await loadAccount(q, path['account'] ?? '', { lock: true });
      const object = await addBankAccount(app, q, account, {
        bank: typed.external_account,
        makeDefault: typed.default_for_currency ?? false,
        metadata: typed.metadata ?? {},
      });
      await refreshRequirements(q, account.id);
      return { body: await expandObject(q, object, 'bank_account', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/accounts/:account/external_accounts',
    params: z.strictObject({ ...listParamsShape, object: z.literal('bank_account').optional() }),
    summary: "List an account's bank accounts.",
    async handler({ auth, params, path, q, url }) {
      const account = await loadAccount(q, path['account'] ?? '');
      const page = await listPage<BankAccountRow>(q, {
        table: 'external_accounts',
        where: ['account_id = $1', 'NOT deleted'],
        values: [account.id],
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const objects = page.rows.map(bankAccountObject);
      const banks = await expandList(q, objects, 'bank_account', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, banks, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/accounts/:account/external_accounts/:id',
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary: 'Retrieve a bank account.',
    async handler({ auth, params, path, q }) {
      const account = await loadAccount(q, path['account'] ?? '');
      const bank = bankAccountObject(await loadBankAccount(q, account.id, path['id'] ?? ''));
      return { body: await expandObject(q, bank, 'bank_account', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/accounts/:account/external_accounts/:id',
    params: externalAccountUpdateParamsSchema,
    summary: 'Update a bank account, or make it the default for its currency.',
    async handler({ auth, params, path, q }) {
      const account = await loadAccount(q, path['account'] ?? '', { lock: true });
      const bank = await updateBankAccount(q, account.id, path['id'] ?? '', params);
      return { body: await expandObject(q, bank, 'bank_account', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'delete',
    path: '/accounts/:account/external_accounts/:id',
    params: z.strictObject({}),
    summary: 'Delete a bank account (the default one only when it is the last in its currency).',
    async handler({ path, q }) {
      const account = await loadAccount(q, path['account'] ?? '', { lock: true });
      const deleted = await deleteBankAccount(q, account.id, path['id'] ?? '');
      await refreshRequirements(q, account.id);
      return { body: deleted };
    },
  }),
];
