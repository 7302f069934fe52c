import type { BankAccountParams } from '@atrium/core';
import type { AppContext } from '../../context';
import { invalidRequest, notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import type { MetadataUpdate } from '../../http/metadata';
import { newId } from '../../ids';
import { supportsInstantPayouts } from '../../simulators/payout-rail';
import type { Queryable } from '../../store/db';
import { recordEvent, recordUpdate } from '../events';
import { bankAccountObject } from './objects';
import type { AccountRow, BankAccountRow } from './rows';

/** Stripe's test routing number names its test bank; real ones would come from a bank directory. */
function bankName(routingNumber: string | null): string | null {
  return routingNumber === '110000000' ? 'STRIPE TEST BANK' : null;
}

/**
 * Takes the default for `currency` from the account's bank account that holds it (other than
 * `newDefaultId`, which keeps it when it already has it), with `account.external_account.updated`
 * for it: on Stripe the other bank account's change is an event of its own, so a listener that
 * keeps bank accounts never holds two defaults for one currency.
 */
async function demotePreviousDefault(
  q: Queryable,
  accountId: string,
  currency: string,
  newDefaultId: string | undefined,
): Promise<void> {
  const demoted = await q.query<BankAccountRow>(
    `UPDATE external_accounts SET default_for_currency = false
      WHERE account_id = $1 AND currency = $2 AND NOT deleted AND default_for_currency AND id IS DISTINCT FROM $3
      RETURNING *`,
    [accountId, currency, newDefaultId ?? null],
  );
  for (const row of demoted) {
    await recordUpdate(q, {
      type: 'account.external_account.updated',
      accountId,
      before: bankAccountObject({ ...row, default_for_currency: true }),
      object: bankAccountObject(row),
    });
  }
}

/**
 * Adds a bank account: the number sealed, its last 4 digits and a keyed fingerprint kept. The
 * first bank account in a currency becomes its default; `makeDefault` moves the default to it.
 */
export async function addBankAccount(
  app: AppContext,
  q: Queryable,
  account: AccountRow,
  input: { bank: BankAccountParams; makeDefault: boolean; metadata: MetadataUpdate },
) {
  const { bank } = input;
  const [existing] = await q.query<{ count: number }>(
    `SELECT count(*)::bigint AS count FROM external_accounts WHERE account_id = $1 AND currency = $2 AND NOT deleted`,
    [account.id, bank.currency],
  );
  const makeDefault = input.makeDefault || (existing?.count ?? 0) === 0;
  if (makeDefault) await demotePreviousDefault(q, account.id, bank.currency, undefined);
  const routing = bank.routing_number ?? null;
  const [row] = await q.query<BankAccountRow>(
    `INSERT INTO external_accounts (id, account_id, created_at, country, currency, routing_number, last4, fingerprint,
       account_number_ciphertext, account_holder_name, account_holder_type, bank_name, default_for_currency,
       instant_eligible, metadata)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
    [
      newId('ba'),
      account.id,
      bank.country,
      bank.currency,
      routing,
      bank.account_number.slice(-4),
      app.encryptor.fingerprint(`${bank.country}:${routing ?? ''}:${bank.account_number}`),
      app.encryptor.encrypt(bank.account_number),
      bank.account_holder_name ?? null,
      bank.account_holder_type ?? null,
      bankName(routing),
      makeDefault,
      supportsInstantPayouts(bank.account_number),
      JSON.stringify(mergeMetadata({}, input.metadata)),
    ],
  );
  if (!row) throw new Error('INSERT returned no row');
  const object = bankAccountObject(row);
  await recordEvent(q, { type: 'account.external_account.created', accountId: account.id, object });
  return object;
}

const BANK_ACCOUNT_ID = /^ba_[A-Za-z0-9]{1,64}$/;

export async function loadBankAccount(q: Queryable, accountId: string, id: string, options: { lock?: boolean } = {}) {
  if (!BANK_ACCOUNT_ID.test(id)) throw notFound('external account', id);
  const [row] = await q.query<BankAccountRow>(
    `SELECT * FROM external_accounts WHERE id = $1 AND account_id = $2 AND NOT deleted${options.lock ? ' FOR UPDATE' : ''}`,
    [id, accountId],
  );
  if (!row) throw notFound('external account', id);
  return row;
}

/** Updates a bank account: holder details, metadata, or making it the default for its currency. */
export async function updateBankAccount(
  q: Queryable,
  accountId: string,
  id: string,
  params: {
    default_for_currency?: boolean | undefined;
    account_holder_name?: string | undefined;
    account_holder_type?: 'individual' | 'company' | undefined;
    metadata?: MetadataUpdate | undefined;
  },
) {
  const row = await loadBankAccount(q, accountId, id, { lock: true });
  if (params.default_for_currency === false && row.default_for_currency) {
    throw invalidRequest(
      'A default bank account cannot be unset; make another bank account the default instead.',
      'default_for_currency',
    );
  }
  if (params.default_for_currency === true) await demotePreviousDefault(q, accountId, row.currency, id);
  const [updated] = await q.query<BankAccountRow>(
    `UPDATE external_accounts SET default_for_currency = $2, account_holder_name = $3, account_holder_type = $4,
            metadata = $5 WHERE id = $1 RETURNING *`,
    [
      id,
      params.default_for_currency ?? row.default_for_currency,
      params.account_holder_name ?? row.account_holder_name,
      params.account_holder_type ?? row.account_holder_type,
      JSON.stringify(mergeMetadata(row.metadata, params.metadata)),
    ],
  );
  if (!updated) throw notFound('external account', id);
  const object = bankAccountObject(updated);
  await recordUpdate(q, {
    type: 'account.external_account.updated',
    accountId,
    before: bankAccountObject(row),
    object,
  });
  return object;
}

/**
 * Deletes a bank account. As on Stripe, the default one of a currency can go only when it is the
 * last in that currency and the currency is not the account's default currency, so payouts
 * always have a destination in the account's own currency.
 */
export async function deleteBankAccount(q: Queryable, accountId: string, id: string) {
  const row = await loadBankAccount(q, accountId, id, { lock: true });
  if (row.default_for_currency) {
    const [context] = await q.query<{ others: number; default_currency: string }>(
      `SELECT (SELECT count(*) FROM external_accounts
                WHERE account_id = $1 AND currency = $2 AND NOT deleted AND id <> $3)::bigint AS others,
              a.default_currency
         FROM accounts a WHERE a.id = $1`,
      [accountId, row.currency, id],
    );
    if ((context?.others ?? 0) > 0) {
      throw invalidRequest(
        'You cannot delete the default bank account for this currency. Make another one the default first.',
        undefined,
        'external_account_default',
      );
    }
    if (context?.default_currency === row.currency) {
      throw invalidRequest(
        `You cannot delete the default bank account for the account's default currency (${row.currency}). Add another one in ${row.currency} and make it the default first.`,
        undefined,
        'external_account_default',
      );
    }
  }
  await q.query('UPDATE external_accounts SET deleted = true, default_for_currency = false WHERE id = $1', [id]);
  const object = { id, object: 'bank_account' as const, deleted: true };
  await recordEvent(q, { type: 'account.external_account.deleted', accountId, object: bankAccountObject(row) });
  return object;
}
