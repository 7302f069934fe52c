import { payoutFailedEntry, payoutPaidEntry } from '@atrium/core';
import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import type { Job } from '../../jobs/runner';
import { postEntries } from '../../ledger';
import type { Database, Transaction } from '../../store/db';
import { bankAccountObject } from '../accounts/objects';
import type { BankAccountRow } from '../accounts/rows';
import { recordEvent, recordUpdate } from '../events';
import { insertBalanceTransaction } from './balance-transactions';
import { payoutObject } from './objects';
import type { PayoutOutcome } from '../../simulators/payout-rail';
import type { PayoutRow } from './rows';

const BATCH_SIZE = 20;

async function post(tx: Transaction, entry: JournalEntryDraft) {
  const posted = await postEntries(tx, [entry]);
  if (!posted.ok) throw new Error(`The ledger refused a payout transition: ${JSON.stringify(posted.error)}`);
}

async function update(tx: Transaction, payout: PayoutRow, set: string, values: unknown[]): Promise<PayoutRow> {
  const [row] = await tx.query<PayoutRow>(`UPDATE payouts SET ${set} WHERE id = $1 AND status = $2 RETURNING *`, [
    payout.id,
    payout.status,
    ...values,
  ]);
  if (!row) throw new Error(`payout ${payout.id} changed while it was claimed`);
  return row;
}

async function announce(tx: Transaction, before: PayoutRow, after: PayoutRow, type?: string) {
  const object = payoutObject(after);
  if (type) await recordEvent(tx, { type, accountId: after.account_id, object });
  await recordUpdate(tx, { type: 'payout.updated', accountId: after.account_id, before: payoutObject(before), object });
}

/** The bank received the money: it leaves the books through payouts clearing. */
async function paid(tx: Transaction, payout: PayoutRow) {
  const net = payout.amount - payout.fee;
  await post(
    tx,
    payoutPaidEntry({
      payoutId: payout.id,
      owner: payout.account_id as ConnectedAccountId,
      currency: payout.currency,
      amountMinor: net,
    }),
  );
  await announce(tx, payout, await update(tx, payout, `status = 'paid', next_transition_at = NULL`, []), 'payout.paid');
}

/** Marks the bank account a payout failed at `errored`, with its update event if it was not already. */
async function markBankErrored(tx: Transaction, owner: ConnectedAccountId, bankAccountId: string) {
  const [before] = await tx.query<BankAccountRow>('SELECT * FROM external_accounts WHERE id = $1 FOR UPDATE', [
    bankAccountId,
  ]);
  if (!before || before.status === 'errored') return;
  const [bank] = await tx.query<BankAccountRow>(
    `UPDATE external_accounts SET status = 'errored' WHERE id = $1 RETURNING *`,
    [bankAccountId],
  );
  if (!bank) throw new Error(`bank account ${bankAccountId} vanished while it was locked`);
  await recordUpdate(tx, {
    type: 'account.external_account.updated',
    accountId: owner,
    before: bankAccountObject(before),
    object: bankAccountObject(bank),
  });
}

/**
 * The bank refused the payout: the money returns to available, the bank account is marked
 * `errored` (automatic payouts stop until the account makes another bank account its default),
 * and the failure code says why.
 */
async function failed(tx: Transaction, payout: PayoutRow, code: string, message: string) {
  const net = payout.amount - payout.fee;
  const owner = payout.account_id as ConnectedAccountId;
  await post(
    tx,
    payoutFailedEntry({ payoutId: payout.id, owner, currency: payout.currency, amountMinor: net, wasPaid: false }),
  );
  const txn = await insertBalanceTransaction(tx, {
    owner: owner,
    type: 'payout_failure',
    currency: payout.currency,
    amount: net,
    source: payout.id,
    payoutId: payout.id,
  });
  const after = await update(
    tx,
    payout,
    `status = 'failed', next_transition_at = NULL, failure_code = $3, failure_message = $4, failure_balance_transaction_id = $5`,
    [code, message, txn],
  );
  await markBankErrored(tx, owner, payout.destination);
  await announce(tx, payout, after, 'payout.failed');
}

async function moveOne(tx: Transaction): Promise<boolean> {
  const [payout] = await tx.query<PayoutRow>(
    `SELECT * FROM payouts WHERE next_transition_at <= atrium_now()
      ORDER BY next_transition_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  if (!payout) return false;
  if (payout.status === 'pending') {
    const after = await update(tx, payout, `status = 'in_transit', next_transition_at = arrival_date`, []);
    await announce(tx, payout, after);
  } else if (payout.rail_outcome.kind === 'paid') {
    await paid(tx, payout);
  } else {
    await failed(tx, payout, payout.rail_outcome.code, payout.rail_outcome.message);
  }
  return true;
}

/**
 * The simulated payout rail: pending payouts go in transit, then arrive paid or fail with the
 * outcome their bank account number chose. One payout per transaction, claimed with
 * `FOR UPDATE SKIP LOCKED` and moved only from the status it was claimed in.
 */
export function payoutRailJob(deps: { db: Database }): Job {
  return {
    name: 'payout-rail',
    async runBatch() {
      let handled = 0;
      while (handled < BATCH_SIZE && (await deps.db.transaction('read committed', moveOne))) handled += 1;
      return handled;
    },
  };
}

/**
 * A test helper's settlement: a pending or in-transit payout is paid, or fails with the given
 * outcome, now instead of when its bank account number would have decided. The money moves as the
 * rail moves it, with the same events.
 */
export async function settlePayoutNow(tx: Transaction, payout: PayoutRow, outcome: PayoutOutcome): Promise<void> {
  if (outcome.kind === 'paid') await paid(tx, payout);
  else await failed(tx, payout, outcome.code, outcome.message);
}
