import {
  destinationChargeRefundEntry,
  directChargeRefundEntry,
  proportionalMinor,
  refundShares,
  separateChargeRefundEntry,
} from '@atrium/core';
import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import { mergeMetadata } from '../../http/metadata';
import type { MetadataUpdate } from '../../http/metadata';
import { newId } from '../../ids';
import type { Queryable } from '../../store/db';
import { recordEvent } from '../events';
import { refused } from './amounts';
import { insertBalanceTransaction, insertBalanceTransactions } from './balance-transactions';
import { openBalances, postOrRefuse } from './ledger-io';
import { applicationFeeObject, chargeObject, refundObject, transferObject } from './objects';
import type {
  ApplicationFeeRow,
  ChargeRow,
  FeeRefundRow,
  Owner,
  RefundRow,
  TransferReversalRow,
  TransferRow,
} from './rows';

export interface RefundRequest {
  amount?: number | undefined;
  reason?: RefundRow['reason'] | undefined;
  metadata?: MetadataUpdate | undefined;
  reverseTransfer: boolean;
  refundApplicationFee: boolean;
  /**
   * The account refunds its own share: the transfer must still hold all of it (a seller refunding
   * from a component cannot spend what the platform already took back). The platform's own
   * refunds reverse what is left and pay the rest themselves, as on Stripe.
   */
  reversalMustCoverShare?: boolean;
}

/** The parts of a refund: the refund itself, and what it gives back of a transfer and a fee. */
interface RefundPlan {
  refundId: string;
  amount: number;
  reversal: { id: string; amount: number; transfer: TransferRow } | undefined;
  feeRefund: { id: string; amount: number; fee: ApplicationFeeRow } | undefined;
}

function refundableAmount(charge: ChargeRow, requested: number | undefined): number {
  if (charge.status !== 'succeeded' || !charge.captured) {
    throw refused(
      `Charge ${charge.id} has not been captured, so it cannot be refunded.`,
      'charge',
      'charge_not_refundable',
    );
  }
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining === 0) {
    throw refused(`Charge ${charge.id} has already been refunded.`, 'charge', 'charge_already_refunded');
  }
  const amount = requested ?? remaining;
  if (amount < 1)
    throw refused('The refund amount must be a positive integer of minor units.', 'amount', 'amount_too_small');
  if (amount > remaining) {
    throw refused(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
      'amount',
      'amount_too_large',
    );
  }
  return amount;
}

/** How much of the destination charge's transfer a refund takes back: proportionally, at most what is left. */
async function planReversal(q: Queryable, charge: ChargeRow, amount: number, mustCoverShare: boolean) {
  if (charge.transfer_id === null) return undefined;
  const [transfer] = await q.query<TransferRow>('SELECT * FROM transfers WHERE id = $1 FOR UPDATE', [
    charge.transfer_id,
  ]);
  if (!transfer) throw new Error(`charge ${charge.id} names a transfer that does not exist`);
  const whole = charge.amount_captured;
  const after = charge.amount_refunded + amount;
  const share =
    proportionalMinor(transfer.amount, after, whole) -
    proportionalMinor(transfer.amount, charge.amount_refunded, whole);
  const left = transfer.amount - transfer.amount_reversed;
  if (mustCoverShare && share > left) {
    throw refused(
      `The transfer of charge ${charge.id} has ${left} left to reverse, less than this refund's share (${share}): the platform took those funds back, so the platform refunds this payment.`,
      'amount',
      'charge_not_refundable',
    );
  }
  const reversal = Math.min(share, left);
  return reversal > 0 ? { id: newId('trr'), amount: reversal, transfer } : undefined;
}

async function planFeeRefund(q: Queryable, charge: ChargeRow, amount: number) {
  if (charge.application_fee_id === null) return undefined;
  const [fee] = await q.query<ApplicationFeeRow>('SELECT * FROM application_fees WHERE id = $1 FOR UPDATE', [
    charge.application_fee_id,
  ]);
  if (!fee) throw new Error(`charge ${charge.id} names an application fee that does not exist`);
  const { applicationFeeRefundMinor } = refundShares({
    chargeAmountMinor: charge.amount_captured,
    applicationFeeMinor: fee.amount,
    refundMinor: amount,
    alreadyRefundedMinor: charge.amount_refunded,
  });
  const feeRefund = Math.min(applicationFeeRefundMinor, fee.amount - fee.amount_refunded);
  return feeRefund > 0 ? { id: newId('fr'), amount: feeRefund, fee } : undefined;
}

async function planRefund(q: Queryable, charge: ChargeRow, request: RefundRequest): Promise<RefundPlan> {
  const amount = refundableAmount(charge, request.amount);
  if (request.reverseTransfer && charge.charge_type !== 'destination') {
    throw refused('reverse_transfer applies only to destination charges.', 'reverse_transfer', 'parameter_invalid');
  }
  if (request.refundApplicationFee && charge.application_fee_id === null) {
    throw refused(
      `Charge ${charge.id} has no application fee to refund.`,
      'refund_application_fee',
      'parameter_invalid',
    );
  }
  return {
    refundId: newId('re'),
    amount,
    reversal: request.reverseTransfer
      ? await planReversal(q, charge, amount, request.reversalMustCoverShare === true)
      : undefined,
    feeRefund: request.refundApplicationFee ? await planFeeRefund(q, charge, amount) : undefined,
  };
}

function refundEntry(charge: ChargeRow, plan: RefundPlan): JournalEntryDraft {
  const base = { refundId: plan.refundId, currency: charge.currency, amountMinor: plan.amount };
  const feeRefund = plan.feeRefund && { id: plan.feeRefund.id, amountMinor: plan.feeRefund.amount };
  switch (charge.charge_type) {
    case 'separate':
      return separateChargeRefundEntry(base);
    case 'direct':
      return directChargeRefundEntry({
        ...base,
        account: charge.account_id as ConnectedAccountId,
        ...(feeRefund ? { applicationFeeRefund: feeRefund } : {}),
      });
    case 'destination':
      return destinationChargeRefundEntry({
        ...base,
        account: charge.destination as ConnectedAccountId,
        ...(plan.reversal ? { transferReversal: { id: plan.reversal.id, amountMinor: plan.reversal.amount } } : {}),
        ...(feeRefund ? { applicationFeeRefund: feeRefund } : {}),
      });
  }
}

/** Records the reversal the refund made, with its balance transactions; returns the updated transfer. */
async function recordReversal(q: Queryable, charge: ChargeRow, plan: RefundPlan): Promise<TransferRow | undefined> {
  const { reversal } = plan;
  if (!reversal) return undefined;
  const seller = reversal.transfer.destination_account_id as Owner;
  const { currency } = charge;
  const [, platformTxn] = await insertBalanceTransactions(q, [
    { owner: seller, type: 'payment_refund', currency, amount: -reversal.amount, source: reversal.id },
    { owner: 'platform', type: 'transfer_refund', currency, amount: reversal.amount, source: reversal.id },
  ]);
  await q.query<TransferReversalRow>(
    `INSERT INTO transfer_reversals (id, transfer_id, created_at, amount, currency, refund_id, balance_transaction_id)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6)`,
    [reversal.id, reversal.transfer.id, reversal.amount, currency, plan.refundId, platformTxn],
  );
  const [transfer] = await q.query<TransferRow>(
    'UPDATE transfers SET amount_reversed = amount_reversed + $2 WHERE id = $1 RETURNING *',
    [reversal.transfer.id, reversal.amount],
  );
  return transfer;
}

/** Records the application fee refund the refund made; returns the updated fee. */
async function recordFeeRefund(
  q: Queryable,
  charge: ChargeRow,
  plan: RefundPlan,
): Promise<ApplicationFeeRow | undefined> {
  const { feeRefund } = plan;
  if (!feeRefund) return undefined;
  const { currency } = charge;
  const account = feeRefund.fee.account_id as Owner;
  const base = { type: 'application_fee_refund' as const, currency, source: feeRefund.id };
  const [, platformTxn] = await insertBalanceTransactions(q, [
    { ...base, owner: account, amount: feeRefund.amount },
    { ...base, owner: 'platform', amount: -feeRefund.amount },
  ]);
  await q.query<FeeRefundRow>(
    `INSERT INTO application_fee_refunds (id, fee_id, created_at, amount, currency, balance_transaction_id)
     VALUES ($1, $2, atrium_now(), $3, $4, $5)`,
    [feeRefund.id, feeRefund.fee.id, feeRefund.amount, currency, platformTxn],
  );
  const [fee] = await q.query<ApplicationFeeRow>(
    'UPDATE application_fees SET amount_refunded = amount_refunded + $2 WHERE id = $1 RETURNING *',
    [feeRefund.fee.id, feeRefund.amount],
  );
  return fee;
}

async function announce(
  q: Queryable,
  charge: ChargeRow,
  refund: RefundRow,
  transfer?: TransferRow,
  fee?: ApplicationFeeRow,
) {
  const accountId = charge.account_id ?? undefined;
  await recordEvent(q, { type: 'refund.created', accountId, object: refundObject(refund) });
  await recordEvent(q, {
    type: 'charge.refunded',
    accountId,
    object: chargeObject(charge, { balanceTransaction: charge.balance_transaction_id }),
  });
  if (transfer) {
    const reversals = await q.query<TransferReversalRow>(
      'SELECT * FROM transfer_reversals WHERE transfer_id = $1 ORDER BY seq DESC',
      [transfer.id],
    );
    await recordEvent(q, {
      type: 'transfer.reversed',
      accountId: undefined,
      object: transferObject(transfer, reversals),
    });
  }
  if (fee) {
    const refunds = await q.query<FeeRefundRow>(
      'SELECT * FROM application_fee_refunds WHERE fee_id = $1 ORDER BY seq DESC',
      [fee.id],
    );
    await recordEvent(q, {
      type: 'application_fee.refunded',
      accountId: undefined,
      object: applicationFeeObject(fee, refunds),
    });
  }
}

/**
 * Refunds all or part of a captured charge (the charge row locked by the caller): never more
 * than is left unrefunded. Posts the charge type's refund entry, which takes the money from
 * available balances and may take them below zero (later funds cover that before any payout);
 * with `reverseTransfer` the seller gives back its share, with `refundApplicationFee` the
 * platform its fee, both proportionally.
 */
export async function refundCharge(q: Queryable, charge: ChargeRow, request: RefundRequest) {
  const plan = await planRefund(q, charge, request);
  const owners: Owner[] = [
    'platform',
    ...[charge.account_id, charge.destination].filter((id) => id !== null).map((id) => id as Owner),
  ];
  await openBalances(q, owners, charge.currency);
  await postOrRefuse(q, [refundEntry(charge, plan)]);
  const refundOwner = (charge.account_id ?? 'platform') as Owner;
  const refundTxn = await insertBalanceTransaction(q, {
    owner: refundOwner,
    type: 'refund',
    currency: charge.currency,
    amount: -plan.amount,
    source: plan.refundId,
  });
  const transfer = await recordReversal(q, charge, plan);
  const fee = await recordFeeRefund(q, charge, plan);
  const [refund] = await q.query<RefundRow>(
    `INSERT INTO refunds (id, account_id, charge_id, payment_intent_id, created_at, amount, currency, status, reason, metadata,
       transfer_reversal_id, fee_refund_id, balance_transaction_id)
     VALUES ($1, $2, $3, $4, atrium_now(), $5, $6, 'succeeded', $7, $8, $9, $10, $11) RETURNING *`,
    [
      plan.refundId,
      charge.account_id,
      charge.id,
      charge.payment_intent_id,
      plan.amount,
      charge.currency,
      request.reason ?? null,
      JSON.stringify(mergeMetadata({}, request.metadata)),
      plan.reversal?.id ?? null,
      plan.feeRefund?.id ?? null,
      refundTxn,
    ],
  );
  const [updated] = await q.query<ChargeRow>(
    'UPDATE charges SET amount_refunded = amount_refunded + $2 WHERE id = $1 RETURNING *',
    [charge.id, plan.amount],
  );
  if (!refund || !updated) throw new Error(`refund ${plan.refundId} was not recorded`);
  await announce(q, updated, refund, transfer, fee);
  return refund;
}
