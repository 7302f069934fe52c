import type { Queryable } from '../../store/db';
import type { Owner } from './rows';

interface Amount {
  amount: number;
  currency: string;
}

/**
 * Everything a Balance object needs, in one statement (components read the balance on every
 * refresh): one `balance` row per kind and currency of the owner's ledger accounts (the sum of
 * each account's balance rows, zero ones included); one `instant` row per currency the owner can
 * pay out instantly in now (payouts enabled, and its default bank account there takes instant
 * payouts and has not failed; never for the platform, which has no bank accounts here); and one
 * `default` row, the currency to show before anything is opened: the account's, or the platform's.
 */
const BALANCE_SQL = `
  SELECT 'balance' AS part, a.kind, a.currency, sum(b.balance_minor)::bigint AS amount_minor
    FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
   WHERE a.owner = $1
   GROUP BY a.kind, a.currency
  UNION ALL
  SELECT 'instant', NULL, e.currency, NULL
    FROM external_accounts e JOIN accounts a ON a.id = e.account_id
   WHERE e.account_id = $1 AND NOT e.deleted AND e.default_for_currency AND e.instant_eligible
     AND e.status <> 'errored' AND a.payouts_enabled
  UNION ALL
  SELECT 'default', NULL,
         coalesce((SELECT default_currency FROM accounts WHERE id = $1),
                  (SELECT default_currency FROM platform_settings WHERE singleton)),
         NULL`;

interface BalanceRow {
  part: 'balance' | 'instant' | 'default';
  kind: string | null;
  currency: string;
  amount_minor: number | null;
}

export async function balanceObject(q: Queryable, owner: Owner) {
  const rows = await q.query<BalanceRow>(BALANCE_SQL, [owner]);
  const balances = rows.filter((row) => row.part === 'balance');
  const instant = new Set(rows.filter((row) => row.part === 'instant').map((row) => row.currency));
  const currencies = [...new Set(balances.map((row) => row.currency))].sort();
  if (currencies.length === 0) currencies.push(rows.find((row) => row.part === 'default')?.currency ?? 'usd');
  const of = (kind: string, currency: string) =>
    balances.find((row) => row.kind === kind && row.currency === currency)?.amount_minor ?? 0;
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
