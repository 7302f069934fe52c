import { AtriumApiError } from '@atrium/client';
import type { RequestBody } from '@atrium/client';
import { bankAccountParamsSchema, isSupportedCountry } from '@atrium/core';
import type { Account, BankAccount } from '@atrium/core';
import { buildBankAccount, buildList, FIXTURE_NOW_SECONDS } from './fixtures';
import type { CannedData } from './fixtures';
import { fakeApiError } from './fake-api';
import type { FakeRoutes } from './fake-api';

/** The account as `GET /account` answers it: the canned account with the canned bank accounts. */
export function accountWithBankAccounts(data: CannedData): Account {
  return {
    ...data.account,
    external_accounts: {
      ...buildList(data.bankAccounts, `/v1/accounts/${data.account.id}/external_accounts`),
      total_count: data.bankAccounts.length,
    },
  };
}

function objectFrom(body: RequestBody | undefined): Record<string, unknown> {
  return body === undefined || body instanceof FormData ? {} : body;
}

/** A 400 about one parameter, named in Stripe's bracket notation. */
function invalidParam(param: string, message: string): AtriumApiError {
  return new AtriumApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_invalid',
    message: `Invalid ${param}: ${message}`,
    param,
    requestId: 'req_fake',
  });
}

/** Stripe's test account number that cannot take instant payouts ends in these digits. */
const NO_INSTANT_SUFFIX = '888883';

function addBankAccount(data: CannedData, body: RequestBody | undefined, id: string): BankAccount {
  const params = objectFrom(body);
  const country = data.account.country;
  if (!isSupportedCountry(country)) throw fakeApiError(400, 'country_unsupported', `Cannot add banks in ${country}.`);
  const parsed = bankAccountParamsSchema({ country, nowSeconds: FIXTURE_NOW_SECONDS }).safeParse(
    params['external_account'],
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidParam(`external_account[${String(issue?.path[0] ?? 'object')}]`, issue?.message ?? 'is invalid');
  }
  const bank = parsed.data;
  const sameCurrency = data.bankAccounts.filter((account) => account.currency === bank.currency);
  const makeDefault = params['default_for_currency'] === true || sameCurrency.length === 0;
  const created = buildBankAccount({
    id,
    account: data.account.id,
    account_holder_name: bank.account_holder_name ?? null,
    account_holder_type: bank.account_holder_type ?? null,
    available_payout_methods: bank.account_number.endsWith(NO_INSTANT_SUFFIX) ? ['standard'] : ['standard', 'instant'],
    country: bank.country,
    currency: bank.currency,
    default_for_currency: makeDefault,
    fingerprint: `fp_${bank.account_number.slice(-8)}`,
    last4: bank.account_number.slice(-4),
    routing_number: bank.routing_number,
    status: 'new',
  });
  if (makeDefault) setDefault(data, created);
  data.bankAccounts.push(created);
  return created;
}

function setDefault(data: CannedData, chosen: BankAccount): void {
  data.bankAccounts = data.bankAccounts.map((account) =>
    account.currency === chosen.currency ? { ...account, default_for_currency: account.id === chosen.id } : account,
  );
}

function findBank(data: CannedData, id: string | undefined): BankAccount {
  const found = data.bankAccounts.find((account) => account.id === id);
  if (found === undefined) throw fakeApiError(404, 'resource_missing', `No such external account: '${id ?? ''}'`);
  return found;
}

/**
 * The account and its bank accounts: read the account, add a bank account (checked with the same
 * schema as the server, errors named by parameter), make one the default, remove one (not the
 * default, as Stripe refuses).
 */
export function accountRoutes(data: CannedData, nextId: (prefix: string) => string): FakeRoutes {
  return {
    'GET /account': () => accountWithBankAccounts(data),
    'POST /external_accounts': ({ body }) => addBankAccount(data, body, nextId('ba')),
    'POST /external_accounts/:id': ({ params, body }) => {
      const bank = findBank(data, params['id']);
      if (objectFrom(body)['default_for_currency'] === true) setDefault(data, bank);
      return findBank(data, bank.id);
    },
    'DELETE /external_accounts/:id': ({ params }) => {
      const bank = findBank(data, params['id']);
      if (bank.default_for_currency === true) {
        throw fakeApiError(
          400,
          'external_account_default',
          'You cannot delete the default bank account for a currency. Make another one the default first.',
        );
      }
      data.bankAccounts = data.bankAccounts.filter((account) => account.id !== bank.id);
      return { id: bank.id, object: 'bank_account', deleted: true };
    },
  };
}
