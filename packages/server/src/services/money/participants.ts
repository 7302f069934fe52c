import { countrySpec, isSupportedCountry } from '@atrium/core';
import type { Queryable } from '../../store/db';
import type { AccountRow } from '../accounts/rows';
import { refused } from './amounts';

const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,64}$/;

/**
 * A connected account named in a parameter (`transfer_data[destination]`, `destination`,
 * `on_behalf_of`): a 400 naming the parameter when it does not exist, as Stripe answers.
 */
export async function loadNamedAccount(
  q: Queryable,
  id: string,
  param: string,
  options: { lock?: boolean } = {},
): Promise<AccountRow> {
  const [row] = ACCOUNT_ID.test(id)
    ? await q.query<AccountRow>(
        `SELECT * FROM accounts WHERE id = $1 AND NOT deleted${options.lock ? ' FOR SHARE' : ''}`,
        [id],
      )
    : [];
  if (!row) throw refused(`No such destination: '${id}'`, param, 'resource_missing');
  return row;
}

function capability(account: AccountRow, name: 'card_payments' | 'transfers'): string {
  return (account.capability_statuses as Record<string, string | undefined>)[name] ?? 'inactive';
}

/** The account can receive (or send, between accounts) transfers: its `transfers` capability is active and it is not rejected. */
export function requireTransfersCapability(
  account: AccountRow,
  param: string | undefined,
  direction: 'receive' | 'send' = 'receive',
): void {
  if (account.rejected_reason === null && capability(account, 'transfers') === 'active') return;
  const state = account.rejected_reason === null ? capability(account, 'transfers') : 'rejected';
  throw refused(
    direction === 'receive'
      ? `The destination account ${account.id} needs the transfers capability active to receive funds; it is ${state}.`
      : `Account ${account.id} needs the transfers capability active to send funds; it is ${state}.`,
    param,
    'insufficient_capabilities_for_transfer',
  );
}

/** The account can take charges of its own (direct charges): `charges_enabled`. */
export function requireChargesEnabled(account: AccountRow): void {
  if (account.charges_enabled && account.rejected_reason === null) return;
  throw refused(
    `Account ${account.id} cannot take charges yet: charges_enabled is false (see its requirements).`,
    undefined,
    'account_invalid',
  );
}

/** The currencies an account settles (holds balances and pays out) in, by its country. */
function settlementCurrencies(account: AccountRow): readonly string[] {
  return isSupportedCountry(account.country) ? countrySpec(account.country).payoutCurrencies : [];
}

/** The account can hold a balance in the currency; a 400 naming the parameter otherwise. */
export function requireSettlementCurrency(account: AccountRow, currency: string, param: string): void {
  const currencies = settlementCurrencies(account);
  if (currencies.includes(currency)) return;
  throw refused(
    `Account ${account.id} (${account.country}) cannot settle ${currency.toUpperCase()}; it settles ${currencies.join(', ').toUpperCase()}.`,
    param,
    'currency_not_supported',
  );
}

/** The availability delay of a connected account: its payout schedule's `delay_days`. */
export function delayDaysOf(account: AccountRow): number {
  return account.settings.payouts.schedule.delay_days;
}
