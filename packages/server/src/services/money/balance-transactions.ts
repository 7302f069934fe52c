import { unixSeconds } from '../../http/list';
import { newId } from '../../ids';
import type { Queryable, Statement } from '../../store/db';
import type { BalanceTransactionRow, BalanceTransactionType, FeeDetail, Owner } from './rows';
import { accountIdOf } from './rows';

/** Stripe's reporting category for each balance transaction type. */
const REPORTING_CATEGORIES: Record<BalanceTransactionType, string> = {
  charge: 'charge',
  payment: 'charge',
  application_fee: 'platform_earning',
  application_fee_refund: 'platform_earning_refund',
  refund: 'refund',
  payment_refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
  topup: 'topup',
  topup_reversal: 'topup_reversal',
  payout: 'payout',
  payout_cancel: 'payout_reversal',
  payout_failure: 'payout_reversal',
};

export interface BalanceTransactionDraft {
  owner: Owner;
  type: BalanceTransactionType;
  currency: string;
  /** Gross, signed: positive when money comes in. */
  amount: number;
  /** Taken from the amount, so `net = amount - fee`. */
  fee?: number;
  feeDetails?: FeeDetail[];
  /** The object that moved the money (`ch_`, `tr_`, `po_`...). */
  source: string;
  description?: string | null;
  /**
   * Where the money waits until it is available: a fund release (or, for a top-up, none) and when.
   * Absent: available at once.
   */
  pending?: { releaseId: number | null; availableOn: Date };
  payoutId?: string;
}

/** Records a balance transaction and returns its id. */
export async function insertBalanceTransaction(q: Queryable, draft: BalanceTransactionDraft): Promise<string> {
  const [id] = await insertBalanceTransactions(q, [draft]);
  if (id === undefined) throw new Error('no balance transaction was recorded');
  return id;
}

/**
 * Records balance transactions in one statement (an operation's sides in one round trip) and
 * returns their ids in the drafts' order, which is also the order they list in.
 */
export async function insertBalanceTransactions(
  q: Queryable,
  drafts: readonly BalanceTransactionDraft[],
): Promise<string[]> {
  const { ids, statement } = balanceTransactionsStatement(drafts);
  await q.query(statement.sql, statement.params);
  return ids;
}

/** The statement `insertBalanceTransactions` runs, with the ids it gives, to send with others. */
export function balanceTransactionsStatement(drafts: readonly BalanceTransactionDraft[]): {
  ids: string[];
  statement: Statement;
} {
  const ids = drafts.map(() => newId('txn'));
  const column = <T>(value: (draft: BalanceTransactionDraft) => T) => drafts.map(value);
  const statement = {
    sql: `INSERT INTO balance_transactions (id, account_id, created_at, amount, fee, net, currency, type, reporting_category,
         status, available_on, source, description, fee_details, release_id, payout_id)
       SELECT d.id, d.account_id, atrium_now(), d.amount, d.fee, d.amount - d.fee, d.currency, d.type, d.category,
              d.status, coalesce(d.available_on, atrium_now()), d.source, d.description, d.fee_details::jsonb,
              d.release_id, d.payout_id
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::text[])
              WITH ORDINALITY AS d(id, account_id, amount, fee, currency, type, category, status, available_on, source,
                                   description, fee_details, release_id, payout_id, ord)
        ORDER BY d.ord`,
    params: [
      ids,
      column((draft) => accountIdOf(draft.owner)),
      column((draft) => draft.amount),
      column((draft) => draft.fee ?? 0),
      column((draft) => draft.currency),
      column((draft) => draft.type),
      column((draft) => REPORTING_CATEGORIES[draft.type]),
      column((draft) => (draft.pending ? 'pending' : 'available')),
      column((draft) => draft.pending?.availableOn ?? null),
      column((draft) => draft.source),
      column((draft) => draft.description ?? null),
      column((draft) => JSON.stringify(draft.feeDetails ?? [])),
      column((draft) => draft.pending?.releaseId ?? null),
      column((draft) => draft.payoutId ?? null),
    ],
  };
  return { ids, statement };
}

/** Stripe's BalanceTransaction object. */
export function balanceTransactionObject(row: BalanceTransactionRow) {
  return {
    id: row.id,
    object: 'balance_transaction' as const,
    amount: row.amount,
    available_on: unixSeconds(row.available_on),
    // Every balance Atrium keeps is the payments balance (Stripe also has issuing and prefunding ones).
    balance_type: 'payments' as const,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    description: row.description,
    exchange_rate: null,
    fee: row.fee,
    fee_details: row.fee_details.map((detail) => ({ ...detail, application: null })),
    net: row.net,
    reporting_category: row.reporting_category,
    source: row.source,
    status: row.status,
    type: row.type,
  };
}

/** One owner's balance transaction by id, or undefined (another owner's is not found either). */
export async function findBalanceTransaction(
  q: Queryable,
  owner: Owner,
  id: string,
): Promise<BalanceTransactionRow | undefined> {
  const [row] = await q.query<BalanceTransactionRow>(
    'SELECT * FROM balance_transactions WHERE id = $1 AND account_id IS NOT DISTINCT FROM $2',
    [id, accountIdOf(owner)],
  );
  return row;
}
