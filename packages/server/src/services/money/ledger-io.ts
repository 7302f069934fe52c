import { minorToDecimal, currencyExponent } from '@atrium/core';
import type { JournalEntryDraft } from '@atrium/core';
import { ApiError } from '../../http/errors';
import { ledgerAccountsOf, ledgerAccountsToOpen, postEntries } from '../../ledger';
import type { PostError } from '../../ledger';
import type { Queryable, Statement, Transaction } from '../../store/db';
import type { Owner } from './rows';

/**
 * The route layer hands POST handlers their transaction typed as `Queryable`; the ledger needs a
 * `Transaction`. Every write runs inside `runOperation`, so anything else is a bug.
 */
export function asTransaction(q: Queryable): Transaction {
  if (!('exec' in q) || typeof q.exec !== 'function') {
    throw new Error('Money is only moved inside a transaction');
  }
  return q as Transaction;
}

/**
 * Opens the balances an operation on `owner` in `currency` needs: always the platform's (and the
 * system clearing accounts), and the connected account's when the owner is one. A connected
 * account that receives money for the first time also gets its automatic payout schedule row.
 */
export async function openBalances(q: Queryable, owners: readonly Owner[], currency: string): Promise<void> {
  const statement = openBalancesStatement(owners, currency);
  await q.query(statement.sql, statement.params);
}

/** The one statement `openBalances` runs, to send with others (`Transaction.pipeline`). */
export function openBalancesStatement(owners: readonly Owner[], currency: string): Statement {
  const connected = [...new Set(owners)].filter((owner) => owner !== 'platform');
  const accounts = [
    ...ledgerAccountsOf('platform', currency),
    ...connected.flatMap((owner) => ledgerAccountsOf(owner, currency)),
  ];
  const opening = JSON.stringify(ledgerAccountsToOpen(accounts));
  if (connected.length === 0) return { sql: 'SELECT ledger_open_accounts($1::jsonb)', params: [opening] };
  // One statement for every account and the schedule rows, so a transfer opens (or finds open)
  // both sides in one round trip. The join needs the CTE's row, so the accounts are opened before
  // any schedule row is written, and always: `unnest` is never empty here.
  return {
    sql: `WITH opened AS (SELECT ledger_open_accounts($1::jsonb))
     INSERT INTO payout_schedule_runs (account_id, last_run_day)
     SELECT a.account_id, date_trunc('day', atrium_now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 day'
       FROM opened, unnest($2::text[]) AS a(account_id)
     ON CONFLICT (account_id) DO NOTHING`,
    params: [opening, connected],
  };
}

function describeShortfall(error: Extract<PostError, { code: 'insufficient_funds' }>): string {
  const [owner, , currency = ''] = error.account.split('/');
  const amount = (minor: number) => `${minorToDecimal(minor, currencyExponent(currency))} ${currency.toUpperCase()}`;
  const whose = owner === 'platform' ? "The platform's" : `Account ${owner ?? ''}'s`;
  return `${whose} available balance (${amount(error.balanceMinor)}) does not cover ${amount(-error.changeMinor)}.`;
}

/**
 * Posts an operation's entries in one call (with `before`, statements sent ahead of it in the same
 * round trip; see `postEntries`). Insufficient funds is the caller's expected outcome:
 * a 400 `balance_insufficient` that rolls the whole request back, so nothing moves. Any other
 * refusal means the service built a wrong entry, a bug.
 */
export async function postOrRefuse(
  q: Queryable,
  drafts: readonly JournalEntryDraft[],
  options: { before?: readonly Statement[] } = {},
): Promise<void> {
  const result = await postEntries(asTransaction(q), drafts, options);
  if (result.ok) return;
  const { error } = result;
  if (error.code === 'insufficient_funds') {
    throw new ApiError(400, 'invalid_request_error', describeShortfall(error), { code: 'balance_insufficient' });
  }
  throw new Error(`The ledger refused an entry: ${JSON.stringify(error)}`);
}
