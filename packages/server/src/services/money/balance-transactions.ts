import { unixSeconds } from '../../http/list';
import { newId } from '../../ids';
import type { Queryable } from '../../store/db';
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
  const id = newId('txn');
  const fee = draft.fee ?? 0;
  await q.query(
    `INSERT INTO balance_transactions (id, account_id, created_at, amount, fee, net, currency, type, reporting_category,
       status, available_on, source, description, fee_details, release_id, payout_id)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6, $7, $8, $9, coalesce($10, atrium_now()), $11, $12, $13, $14, $15)`,
    [
      id,
      accountIdOf(draft.owner),
      draft.amount,
      fee,
      draft.amount - fee,
      draft.currency,
      draft.type,
      REPORTING_CATEGORIES[draft.type],
      draft.pending ? 'pending' : 'available',
      draft.pending?.availableOn ?? null,
      draft.source,
      draft.description ?? null,
      JSON.stringify(draft.feeDetails ?? []),
      draft.pending?.releaseId ?? null,
      draft.payoutId ?? null,
    ],
  );
  return id;
}

/** Stripe's BalanceTransaction object. */
export function balanceTransactionObject(row: BalanceTransactionRow) {
  return {
    id: row.id,
    object: 'balance_transaction' as const,
    amount: row.amount,
    available_on: unixSeconds(row.available_on),
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
