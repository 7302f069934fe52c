import { countrySpec } from '@atrium/core';
import type { CountryCode } from '@atrium/core';
import type { AppContext } from '../../context';
import { invalidRequest } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import { newId } from '../../ids';
import type { IdentitySubmission } from '../../simulators/identity';
import type { Queryable } from '../../store/db';
import { recordEvent } from '../events';
import { addBankAccount } from './external-accounts';
import { applyCompanyFields, applyPersonFields, hasValues, mergeHash } from './fields';
import { accountObject } from './objects';
import type { AccountCreateParams, AccountUpdateParams } from './params';
import { refreshRequirements } from './requirements';
import { loadAccount, loadBankAccounts } from './rows';
import type { AccountRow, AccountSettings } from './rows';
import { scheduleVerification } from './verification';

function defaultSettings(country: CountryCode): AccountSettings {
  return {
    payouts: {
      schedule: { interval: 'daily', delay_days: countrySpec(country).payoutDelayDays },
      debit_negative_balances: true,
      statement_descriptor: null,
    },
    payments: { statement_descriptor: null },
  };
}

function requestedCapabilities(existing: readonly string[], params: AccountUpdateParams['capabilities']): string[] {
  const requested = new Set(existing);
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value.requested) requested.add(name);
    else requested.delete(name);
  }
  return [...requested].sort();
}

function mergeSettings(existing: AccountSettings, params: AccountUpdateParams['settings']): AccountSettings {
  const merged = mergeHash<AccountSettings>(existing, params);
  const schedule = merged.payouts.schedule;
  if (schedule.interval !== 'weekly') delete schedule.weekly_anchor;
  else schedule.weekly_anchor ??= 'monday';
  if (schedule.interval !== 'monthly') delete schedule.monthly_anchor;
  else schedule.monthly_anchor ??= 1;
  return merged;
}

/**
 * An individual's details belong to an individual account and a company's to a company or
 * non-profit, as on Stripe: given to the other kind they would be stored and never asked for.
 */
function checkHolderFitsType(account: AccountRow, params: AccountUpdateParams): void {
  const type = params.business_type ?? account.business_type;
  if (params.individual && (type === 'company' || type === 'non_profit')) {
    throw invalidRequest(
      `individual can only be given for an individual account; this one is a ${type}, whose people are persons (POST /v1/accounts/{account}/persons).`,
      'individual',
    );
  }
  if (params.company && type === 'individual') {
    throw invalidRequest(
      'company can only be given for a company or non-profit account; this one is an individual.',
      'company',
    );
  }
}

/**
 * Applies everything an update (or a creation) carries to a locked account row: plain fields,
 * the individual or company with their secrets sealed, the bank account, then starts verification
 * of what was submitted and recomputes the requirements.
 */
async function applyUpdate(app: AppContext, q: Queryable, account: AccountRow, params: AccountUpdateParams) {
  checkHolderFitsType(account, params);
  const submission: Omit<IdentitySubmission, 'country'> = { nowSeconds: 0 };
  let individual = account.individual;
  if (params.individual) {
    const applied = await applyPersonFields(q, app.encryptor, {
      accountId: account.id,
      country: account.country,
      ownerId: account.id,
      fieldPrefix: 'individual.',
      existing: individual,
      params: params.individual,
    });
    individual = applied.person;
    if (hasValues(applied.submitted)) submission.individual = applied.submitted;
  }
  let company = account.company;
  if (params.company) {
    const applied = await applyCompanyFields(q, app.encryptor, {
      accountId: account.id,
      existing: company,
      params: params.company,
    });
    company = applied.company;
    if (hasValues(applied.submitted)) submission.company = applied.submitted;
  }
  const businessProfile = mergeHash<Record<string, unknown>>(account.business_profile, params.business_profile);
  if (params.business_profile?.url) submission.business_profile = { url: params.business_profile.url };
  const [updated] = await q.query<AccountRow>(
    `UPDATE accounts SET email = $2, business_type = $3, requested_capabilities = $4, business_profile = $5,
            individual = $6, company = $7, tos_acceptance = $8, settings = $9, metadata = $10
      WHERE id = $1 RETURNING *`,
    [
      account.id,
      params.email ?? account.email,
      params.business_type ?? account.business_type,
      requestedCapabilities(account.requested_capabilities, params.capabilities),
      JSON.stringify(businessProfile),
      individual === null ? null : JSON.stringify(individual),
      company === null ? null : JSON.stringify(company),
      JSON.stringify(mergeHash(account.tos_acceptance, params.tos_acceptance)),
      JSON.stringify(mergeSettings(account.settings, params.settings)),
      JSON.stringify(mergeMetadata(account.metadata, params.metadata)),
    ],
  );
  if (!updated) throw new Error(`account ${account.id} vanished while updating`);
  if (params.external_account) {
    await addBankAccount(app, q, updated, { bank: params.external_account, makeDefault: true, metadata: {} });
  }
  if (submission.individual || submission.company || submission.business_profile) {
    const [clock] = await q.query<{ now: number }>('SELECT floor(extract(epoch FROM atrium_now()))::bigint AS now');
    await scheduleVerification(q, updated, { ...submission, nowSeconds: clock?.now ?? 0 });
  }
  return refreshRequirements(q, account.id, { previous: account });
}

/** `POST /v1/accounts`. */
export async function createAccount(app: AppContext, q: Queryable, country: CountryCode, params: AccountCreateParams) {
  const spec = countrySpec(country);
  const id = newId('acct');
  await q.query(
    `INSERT INTO accounts (id, created_at, type, country, default_currency, settings)
     VALUES ($1, atrium_now(), $2, $3, $4, $5)`,
    [
      id,
      params.type ?? 'custom',
      country,
      params.default_currency ?? spec.defaultCurrency,
      JSON.stringify(defaultSettings(country)),
    ],
  );
  const account = await loadAccount(q, id, { lock: true });
  const { account: created, bankAccounts } = await applyUpdate(app, q, account, params);
  return accountObject(created, bankAccounts);
}

/** `POST /v1/accounts/:id` and the component API's account update. */
export async function updateAccount(app: AppContext, q: Queryable, accountId: string, params: AccountUpdateParams) {
  const account = await loadAccount(q, accountId, { lock: true });
  if (account.rejected_reason !== null) {
    throw invalidRequest(
      `Account '${accountId}' was rejected and can no longer be updated.`,
      undefined,
      'account_invalid',
    );
  }
  const { account: updated, bankAccounts } = await applyUpdate(app, q, account, params);
  return accountObject(updated, bankAccounts);
}

export async function retrieveAccount(q: Queryable, accountId: string) {
  const account = await loadAccount(q, accountId);
  return accountObject(account, await loadBankAccounts(q, accountId));
}

/**
 * `DELETE /v1/accounts/:id`: only an account whose every balance is zero, so no money is ever
 * left without an owner.
 */
export async function deleteAccount(q: Queryable, accountId: string) {
  await loadAccount(q, accountId, { lock: true });
  const [balance] = await q.query<{ nonzero: number }>(
    `SELECT count(*)::bigint AS nonzero FROM (
       SELECT a.id FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
        WHERE a.owner = $1 GROUP BY a.id HAVING sum(b.balance_minor) <> 0) nonzero`,
    [accountId],
  );
  if ((balance?.nonzero ?? 0) > 0) {
    throw invalidRequest(
      `Account '${accountId}' has a non-zero balance; pay it out or transfer it before deleting the account.`,
      undefined,
      'balance_nonzero',
    );
  }
  await q.query('UPDATE accounts SET deleted = true WHERE id = $1', [accountId]);
  await q.query('UPDATE embedded_sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [
    accountId,
  ]);
  await recordEvent(q, {
    type: 'account.application.deauthorized',
    accountId,
    object: { id: accountId, object: 'account' },
  });
  return { id: accountId, object: 'account' as const, deleted: true };
}

/** `POST /v1/accounts/:id/reject`: charges and payouts stop for good; sessions end. */
export async function rejectAccount(q: Queryable, accountId: string, reason: 'fraud' | 'terms_of_service' | 'other') {
  const account = await loadAccount(q, accountId, { lock: true });
  if (account.rejected_reason !== null) {
    throw invalidRequest(`Account '${accountId}' is already rejected.`, undefined, 'account_invalid');
  }
  await q.query('UPDATE accounts SET rejected_reason = $2 WHERE id = $1', [accountId, reason]);
  await q.query('UPDATE embedded_sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [
    accountId,
  ]);
  const { account: rejected, bankAccounts } = await refreshRequirements(q, accountId, { previous: account });
  return accountObject(rejected, bankAccounts);
}
