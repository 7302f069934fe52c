import { applicationFeeRefundEntry } from '@atrium/core';
import type { ConnectedAccountId } from '@atrium/core';
import { notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import type { MetadataUpdate } from '../../http/metadata';
import { newId } from '../../ids';
import type { Queryable } from '../../store/db';
import { recordEvent } from '../events';
import { refused } from './amounts';
import { insertBalanceTransactions } from './balance-transactions';
import { openBalances, postOrRefuse } from './ledger-io';
import { applicationFeeObject, feeRefundObject } from './objects';
import type { ApplicationFeeRow, FeeRefundRow, Owner } from './rows';

const FEE_ID = /^fee_[A-Za-z0-9]{1,64}$/;

/** An application fee (the platform's objects); a 404 for anything else. */
export async function loadApplicationFee(q: Queryable, id: string, options: { lock?: boolean } = {}) {
  const [row] = FEE_ID.test(id)
    ? await q.query<ApplicationFeeRow>(
        `SELECT * FROM application_fees WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
        [id],
      )
    : [];
  if (!row) throw notFound('application_fee', id);
  return row;
}

export async function feeRefundsOf(q: Queryable, feeId: string): Promise<FeeRefundRow[]> {
  return q.query<FeeRefundRow>('SELECT * FROM application_fee_refunds WHERE fee_id = $1 ORDER BY seq DESC', [feeId]);
}

/**
 * `POST /v1/application_fees/:id/refunds`: the platform gives the connected account back part or
 * all of a fee (the fee row locked by the caller), at most what is left of it.
 */
export async function refundApplicationFee(
  q: Queryable,
  fee: ApplicationFeeRow,
  params: { amount?: number | undefined; metadata?: MetadataUpdate | undefined },
) {
  const remaining = fee.amount - fee.amount_refunded;
  if (remaining === 0) {
    throw refused(
      `Application fee ${fee.id} has already been refunded.`,
      undefined,
      'application_fee_already_refunded',
    );
  }
  const amount = params.amount ?? remaining;
  if (amount < 1) throw refused('The amount must be a positive integer of minor units.', 'amount', 'amount_too_small');
  if (amount > remaining) {
    throw refused(
      `Refund amount (${amount}) is greater than what is left of the fee (${remaining}).`,
      'amount',
      'amount_too_large',
    );
  }
  const id = newId('fr');
  const account = fee.account_id as Owner;
  await openBalances(q, [account], fee.currency);
  await postOrRefuse(q, [
    applicationFeeRefundEntry({
      feeRefundId: id,
      account: account as ConnectedAccountId,
      currency: fee.currency,
      amountMinor: amount,
    }),
  ]);
  const base = { type: 'application_fee_refund' as const, currency: fee.currency, source: id };
  const [platformTxn] = await insertBalanceTransactions(q, [
    { ...base, owner: 'platform', amount: -amount },
    { ...base, owner: account, amount },
  ]);
  const [refund] = await q.query<FeeRefundRow>(
    `INSERT INTO application_fee_refunds (id, fee_id, created_at, amount, currency, metadata, balance_transaction_id)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6) RETURNING *`,
    [id, fee.id, amount, fee.currency, JSON.stringify(mergeMetadata({}, params.metadata)), platformTxn],
  );
  const [updated] = await q.query<ApplicationFeeRow>(
    'UPDATE application_fees SET amount_refunded = amount_refunded + $2 WHERE id = $1 RETURNING *',
    [fee.id, amount],
  );
  if (!refund || !updated) throw new Error(`application fee refund ${id} was not recorded`);
  await recordEvent(q, {
    type: 'application_fee.refunded',
    accountId: undefined,
    object: applicationFeeObject(updated, await feeRefundsOf(q, fee.id)),
  });
  return feeRefundObject(refund);
}
