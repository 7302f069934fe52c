import { getBalances } from '../../ledger';
import type { Queryable } from '../../store/db';
import type { Owner } from './rows';
import { loadPlatformSettings } from './settings';

interface Amount {
  amount: number;
  currency: string;
}

/** The currency a balance is shown in before it holds anything: the account's, or the platform's. */
async function defaultCurrency(q: Queryable, owner: Owner): Promise<string> {
  if (owner === 'platform') return (await loadPlatformSettings(q)).default_currency;
  const [row] = await q.query<{ default_currency: string }>('SELECT default_currency FROM accounts WHERE id = $1', [
    owner,
  ]);
  return row?.default_currency ?? 'usd';
}

/**
 * The currencies in which a connected account can pay out instantly now: payouts are enabled and
 * its default bank account there takes instant payouts and has not failed.
 */
async function instantCurrencies(q: Queryable, owner: Owner): Promise<Set<string>> {
  if (owner === 'platform') return new Set();
  const rows = await q.query<{ currency: string }>(
    `SELECT e.currency FROM external_accounts e JOIN accounts a ON a.id = e.account_id
      WHERE e.account_id = $1 AND NOT e.deleted AND e.default_for_currency AND e.instant_eligible
        AND e.status <> 'errored' AND a.payouts_enabled`,
    [owner],
  );
  return new Set(rows.map((row) => row.currency));
}

/**
 * Stripe's Balance object for the platform or a connected account, read from the ledger:
 * `available` (negative after refunds took more than there was), `pending`, `instant_available`
 * (what an instant payout could take now), and Atrium's `in_transit`: payouts on their way to
 * the bank (pending or in transit) per currency.
 */
export async function balanceObject(q: Queryable, owner: Owner) {
  const balances = await getBalances(q, owner);
  const currencies = [...new Set(balances.map((balance) => balance.currency))];
  if (currencies.length === 0) currencies.push(await defaultCurrency(q, owner));
  const instant = await instantCurrencies(q, owner);
  const of = (kind: string, currency: string) =>
    balances.find((balance) => balance.kind === kind && balance.currency === currency)?.amountMinor ?? 0;
  const per = (amount: (currency: string) => number): Amount[] =>
    currencies.map((currency) => ({ amount: amount(currency), currency }));
  return {
    object: 'balance' as const,
    available: per((currency) => of('available', currency)),
    pending: per((currency) => of('pending', currency)),
    instant_available: per((currency) => (instant.has(currency) ? Math.max(of('available', currency), 0) : 0)),
    in_transit: per((currency) => of('in_transit', currency)),
    livemode: false,
  };
}
