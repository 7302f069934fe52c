import { isPayoutDay, maxAmountMinor, startOfDayUtc } from '@atrium/core';
import type { PayoutSchedule } from '@atrium/core';
import type { Encryptor } from '../../crypto';
import { ApiError } from '../../http/errors';
import type { Job } from '../../jobs/runner';
import type { Logger } from '../../log';
import { getBalances } from '../../ledger';
import type { Database, Transaction } from '../../store/db';
import { loadAccount } from '../accounts/rows';
import type { AccountRow } from '../accounts/rows';
import { clockNow } from '../clock';
import { createPayout } from './payouts';
import type { PayoutRow } from './rows';

const BATCH_SIZE = 20;
const AUTOMATIC = { automatic: true } as const;

/**
 * The currencies whose default bank account can take a payout now. A bank account a payout
 * failed on is `errored`: automatic payouts in its currency pause until the account makes a new
 * bank account the default.
 */
async function payableCurrencies(tx: Transaction, accountId: string): Promise<Set<string>> {
  const rows = await tx.query<{ currency: string }>(
    `SELECT currency FROM external_accounts
      WHERE account_id = $1 AND default_for_currency AND NOT deleted AND status <> 'errored'`,
    [accountId],
  );
  return new Set(rows.map((row) => row.currency));
}

/**
 * On a payout day, pays out each currency's whole available balance. Each automatic payout
 * sweeps the available balance transactions not yet paid out, so `payout=po_...` lists what it
 * paid out, as on Stripe.
 */
async function payOut(encryptor: Encryptor, tx: Transaction, account: AccountRow, now: number) {
  const schedule = account.settings.payouts.schedule as PayoutSchedule;
  if (schedule.interval === 'manual' || !isPayoutDay(schedule, now)) return;
  if (!account.payouts_enabled || account.rejected_reason !== null) return;
  const payable = await payableCurrencies(tx, account.id);
  const balances = await getBalances(tx, account.id as `acct_${string}`);
  for (const balance of balances) {
    if (balance.kind !== 'available' || balance.amountMinor <= 0 || !payable.has(balance.currency)) continue;
    const payouts = await payOutAvailable(encryptor, tx, account.id, balance.currency, balance.amountMinor);
    // What one payout paid out is listed under it; a balance paid out in several parts is not.
    if (payouts.length !== 1) continue;
    await tx.query(
      `UPDATE balance_transactions SET payout_id = $3
        WHERE account_id = $1 AND currency = $2 AND status = 'available' AND payout_id IS NULL`,
      [account.id, balance.currency, payouts[0]?.id],
    );
  }
}

async function availableIn(tx: Transaction, accountId: string, currency: string): Promise<number> {
  const balances = await getBalances(tx, accountId as `acct_${string}`);
  return balances.find((each) => each.kind === 'available' && each.currency === currency)?.amountMinor ?? 0;
}

/**
 * Pays out `amountMinor`, the available balance in `currency` read a moment ago: in one payout,
 * or in several of the largest amount a payout (a ledger line) may carry and one for the rest.
 * Money that arrives during the run waits for the next payout day, so a day has one run's
 * payouts. A transfer or
 * payout the account makes at the same moment can spend part of the balance read before the
 * posting; the ledger then refuses, and keeps the balance row locked for this transaction, so the
 * balance read again is exact and the next posting cannot be refused.
 */
async function payOutAvailable(
  encryptor: Encryptor,
  tx: Transaction,
  accountId: string,
  currency: string,
  amountMinor: number,
): Promise<PayoutRow[]> {
  const largest = maxAmountMinor(currency);
  const payouts: PayoutRow[] = [];
  let left = amountMinor;
  let refused = false;
  while (left > 0) {
    const amount = Math.min(left, largest);
    try {
      payouts.push(await createPayout(encryptor, tx, accountId, { currency, method: 'standard', amount }, AUTOMATIC));
      left -= amount;
      refused = false;
    } catch (error) {
      // A second refusal in a row would mean the locked balance read was not exact: give up.
      if (refused || !(error instanceof ApiError) || error.details.code !== 'balance_insufficient') throw error;
      refused = true;
      left = await availableIn(tx, accountId, currency);
    }
  }
  return payouts;
}

/**
 * Claims one account whose schedule was not looked at today and has no release due first (so a
 * payout day pays out what became available that day), runs its schedule, and marks the day.
 */
async function runOne(encryptor: Encryptor, logger: Logger, tx: Transaction): Promise<boolean> {
  const [claimed] = await tx.query<{ account_id: string }>(
    `SELECT r.account_id FROM payout_schedule_runs r JOIN accounts a ON a.id = r.account_id AND NOT a.deleted
      WHERE r.last_run_day < date_trunc('day', atrium_now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
        AND NOT EXISTS (SELECT 1 FROM fund_releases f
                         WHERE f.account_id = r.account_id AND f.released_at IS NULL AND f.available_on <= atrium_now())
      ORDER BY r.last_run_day, r.account_id LIMIT 1 FOR UPDATE OF r SKIP LOCKED`,
  );
  if (!claimed) return false;
  const now = await clockNow(tx);
  // A refusal for one account (its payout rejected by a rule) must not hold up the accounts after
  // it: its work is undone, the refusal logged, and its day marked like any other. Anything else
  // (a lost connection, a conflict) rolls the whole transaction back to be tried again.
  await tx.query('SAVEPOINT automatic_payout');
  try {
    await payOut(encryptor, tx, await loadAccount(tx, claimed.account_id), now);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT automatic_payout');
    logger.warn(
      { account: claimed.account_id, code: error.details.code, err: error },
      'automatic payout refused; the account is skipped today',
    );
  }
  await tx.query('UPDATE payout_schedule_runs SET last_run_day = to_timestamp($2) WHERE account_id = $1', [
    claimed.account_id,
    startOfDayUtc(now),
  ]);
  return true;
}

/**
 * Automatic payouts on each account's schedule (`settings.payouts.schedule`): once per UTC day
 * and account, whatever the number of instances, because the day is marked in the same
 * transaction as the payouts it made. When the test clock jumps over several payout days, the
 * next run pays out everything available then.
 */
export function automaticPayoutJob(deps: { db: Database; encryptor: Encryptor; logger: Logger }): Job {
  return {
    name: 'automatic-payouts',
    async runBatch() {
      let handled = 0;
      while (
        handled < BATCH_SIZE &&
        (await deps.db.transaction('read committed', (tx) => runOne(deps.encryptor, deps.logger, tx)))
      ) {
        handled += 1;
      }
      return handled;
    },
  };
}
