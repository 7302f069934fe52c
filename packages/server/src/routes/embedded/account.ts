import { accountFieldsShape, emailParam, isGranted } from '@atrium/core';
import type { ComponentName, FieldContext } from '@atrium/core';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { EmbeddedAuth } from '../../http/auth';
import { ApiError } from '../../http/errors';
import { expandParam } from '../../http/expand-param';
import { listEnvelope } from '../../http/list';
import { embeddedRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { retrieveAccount, updateAccount } from '../../services/accounts/accounts';
import { addBankAccount, deleteBankAccount, updateBankAccount } from '../../services/accounts/external-accounts';
import { personObject } from '../../services/accounts/objects';
import {
  externalAccountCreateParamsSchema,
  externalAccountUpdateParamsSchema,
  personWriteParamsSchema,
} from '../../services/accounts/params';
import { createPerson, deletePerson, loadPerson, updatePerson } from '../../services/accounts/persons';
import { refreshRequirements } from '../../services/accounts/requirements';
import { loadAccount, loadPersons } from '../../services/accounts/rows';
import { clockNow } from '../../services/clock';
import { expandList, expandObject, viewerOf } from '../../services/expand';
import { EDITORS } from './account-view';

/** Every component shows something of the account (its status, currency, payout schedule). */
const ALL_COMPONENTS: readonly ComponentName[] = [
  'account_onboarding',
  'account_management',
  'notification_banner',
  'balances',
  'payouts',
  'payouts_list',
  'payout_details',
  'payments',
  'payment_details',
  'transfers_list',
];
const BANK_EDITORS: readonly ComponentName[] = [...EDITORS, 'balances', 'payouts'];
const DOCUMENTED: FieldContext = { country: 'US', nowSeconds: 0 };

/**
 * What a connected account may change about itself from the page: its onboarding fields. The
 * terms are accepted with `tos_acceptance[accepted]=true`; the server records the date, IP
 * address and browser itself, so the page cannot backdate or forge them.
 */
function embeddedAccountUpdateSchema(context: FieldContext) {
  const { tos_acceptance: _platformOnly, ...fields } = accountFieldsShape(context);
  return z.strictObject({
    ...fields,
    email: z.optional(emailParam()),
    tos_acceptance: z.strictObject({ accepted: z.literal(true, 'must be true') }).optional(),
  });
}

async function contextFor(app: AppContext, auth: EmbeddedAuth): Promise<FieldContext> {
  const account = await loadAccount(app.db, auth.accountId);
  return { country: account.country as FieldContext['country'], nowSeconds: await clockNow(app.db) };
}

function requireBankFeature(auth: EmbeddedAuth): void {
  if (!BANK_EDITORS.some((component) => isGranted(auth.components, component, 'external_account_collection'))) {
    throw new ApiError(403, 'permission_error', 'This session does not grant external_account_collection.', {
      code: 'component_not_granted',
      beforeRun: true,
    });
  }
}

export const embeddedAccountRoutes: Route[] = [
  embeddedRoute({
    method: 'get',
    path: '/account',
    components: ALL_COMPONENTS,
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary:
      "The session's connected account, with its requirements and bank accounts; without its people's details (`individual`, `company`, email, holder names) unless the session grants onboarding, account management or the banner.",
    async handler({ auth, params, q }) {
      const account = await retrieveAccount(q, auth.accountId);
      return { body: await expandObject(q, account, 'account', params.expand, viewerOf(auth)) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/account',
    components: EDITORS,
    params: embeddedAccountUpdateSchema(DOCUMENTED),
    paramsFor: ({ app, auth }) => contextFor(app, auth as EmbeddedAuth).then(embeddedAccountUpdateSchema),
    summary: "Save onboarding fields of the session's account (one step at a time); accept the terms.",
    grants: (auth, params) => {
      if (params.external_account) requireBankFeature(auth);
    },
    async handler({ app, auth, client, params, q }) {
      const { tos_acceptance, ...fields } = params;
      const accepted = tos_acceptance
        ? { date: await clockNow(q), ip: client.ip, user_agent: client.userAgent }
        : undefined;
      return { body: await updateAccount(app, q, auth.accountId, { ...fields, tos_acceptance: accepted }) };
    },
  }),
  embeddedRoute({
    method: 'get',
    path: '/persons',
    components: EDITORS,
    params: z.strictObject({ expand: expandParam({ list: true }) }),
    summary: "The company's persons.",
    async handler({ auth, params, q, url }) {
      const account = await loadAccount(q, auth.accountId);
      const persons = (await loadPersons(q, auth.accountId)).map((person) => personObject(person, account));
      const expanded = await expandList(q, persons, 'person', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, expanded, false) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/persons',
    components: EDITORS,
    params: personWriteParamsSchema(DOCUMENTED),
    paramsFor: ({ app, auth }) => contextFor(app, auth as EmbeddedAuth).then(personWriteParamsSchema),
    summary: 'Add a person (representative, owner, director, executive).',
    async handler({ app, auth, params, q }) {
      const person = await createPerson(app, q, auth.accountId, params);
      return { body: await expandObject(q, person, 'person', params.expand, viewerOf(auth)) };
    },
  }),
  embeddedRoute({
    method: 'get',
    path: '/persons/:id',
    components: EDITORS,
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary: 'One person.',
    async handler({ auth, params, path, q }) {
      const account = await loadAccount(q, auth.accountId);
      const person = personObject(await loadPerson(q, auth.accountId, path['id'] ?? ''), account);
      return { body: await expandObject(q, person, 'person', params.expand, viewerOf(auth)) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/persons/:id',
    components: EDITORS,
    params: personWriteParamsSchema(DOCUMENTED),
    paramsFor: ({ app, auth }) => contextFor(app, auth as EmbeddedAuth).then(personWriteParamsSchema),
    summary: 'Update a person.',
    async handler({ app, auth, params, path, q }) {
      const person = await updatePerson(app, q, auth.accountId, path['id'] ?? '', params);
      return { body: await expandObject(q, person, 'person', params.expand, viewerOf(auth)) };
    },
  }),
  embeddedRoute({
    method: 'delete',
    path: '/persons/:id',
    components: EDITORS,
    params: z.strictObject({}),
    summary: 'Remove a person.',
    async handler({ auth, path, q }) {
      return { body: await deletePerson(q, auth.accountId, path['id'] ?? '') };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/external_accounts',
    components: BANK_EDITORS,
    feature: 'external_account_collection',
    params: externalAccountCreateParamsSchema(DOCUMENTED),
    paramsFor: ({ app, auth }) => contextFor(app, auth as EmbeddedAuth).then(externalAccountCreateParamsSchema),
    summary: 'Add a bank account for payouts.',
    async handler({ app, auth, params, q }) {
      const account = await loadAccount(q, auth.accountId, { lock: true });
      const object = await addBankAccount(app, q, account, {
        bank: params.external_account,
        makeDefault: params.default_for_currency ?? false,
        metadata: {},
      });
      await refreshRequirements(q, account.id);
      return { body: await expandObject(q, object, 'bank_account', params.expand, viewerOf(auth)) };
    },
  }),
  embeddedRoute({
    method: 'post',
    path: '/external_accounts/:id',
    components: BANK_EDITORS,
    feature: 'external_account_collection',
    params: externalAccountUpdateParamsSchema.omit({ metadata: true }),
    summary: 'Make a bank account the default for its currency, or change its holder details.',
    async handler({ auth, params, path, q }) {
      await loadAccount(q, auth.accountId, { lock: true });
      const bank = await updateBankAccount(q, auth.accountId, path['id'] ?? '', params);
      return { body: await expandObject(q, bank, 'bank_account', params.expand, viewerOf(auth)) };
    },
  }),
  embeddedRoute({
    method: 'delete',
    path: '/external_accounts/:id',
    components: BANK_EDITORS,
    feature: 'external_account_collection',
    params: z.strictObject({}),
    summary: 'Remove a bank account.',
    async handler({ auth, path, q }) {
      await loadAccount(q, auth.accountId, { lock: true });
      const deleted = await deleteBankAccount(q, auth.accountId, path['id'] ?? '');
      await refreshRequirements(q, auth.accountId);
      return { body: deleted };
    },
  }),
];
