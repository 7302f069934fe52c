import { destinationChargeEntry, directChargeEntry, processingFeeMinor, separateChargeEntry } from '@atrium/core';
import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import { newId } from '../../ids';
import type { Queryable } from '../../store/db';
import { loadAccount } from '../accounts/rows';
import { clockNow } from '../clock';
import { recordEvent } from '../events';
import { refused } from './amounts';
import { insertBalanceTransaction } from './balance-transactions';
import type { BalanceTransactionDraft } from './balance-transactions';
import { postOrRefuse, openBalances } from './ledger-io';
import { applicationFeeObject, transferObject } from './objects';
import { delayDaysOf } from './participants';
import { availableOnAfter, createRelease, releaseEntryFor } from './releases';
import type { ApplicationFeeRow, ChargeRow, FeeDetail, Owner, TransferRow } from './rows';
import type { PlatformSettings } from './settings';
import { processingFeeConfig } from './settings';

/** A balance transaction of one share, before it knows its release. */
type ShareTransaction = Omit<BalanceTransactionDraft, 'owner' | 'currency' | 'pending'>;

/** What a captured charge leaves in one owner's pending balance, and the transactions that show it. */
interface Share {
  owner: Owner;
  netMinor: number;
  /** The release's source: the charge, or for the platform's fee on a direct charge, the fee. */
  sourceId: string;
  transactions: ShareTransaction[];
}

interface CapturePlan {
  entry: JournalEntryDraft;
  shares: Share[];
  feeId: string | undefined;
  feeAmount: number;
  transferId: string | undefined;
  transferAmount: number;
}

export interface CaptureInput {
  charge: ChargeRow;
  amountMinor: number;
  /** The application fee on this capture (0 for none); for destination charges with `transfer_data[amount]`, ignored. */
  applicationFeeMinor: number;
  settings: PlatformSettings;
  /** `pm_card_bypassPending`: the funds are available at once. */
  bypassPending: boolean;
}

const stripeFee = (amount: number, currency: string): FeeDetail => ({
  amount,
  currency,
  description: 'Processing fee',
  type: 'stripe_fee',
});
const applicationFee = (amount: number, currency: string): FeeDetail => ({
  amount,
  currency,
  description: 'Application fee',
  type: 'application_fee',
});
const details = (list: FeeDetail[]) => list.filter((detail) => detail.amount > 0);

function separatePlan(input: CaptureInput, processingFee: number): CapturePlan {
  const { charge, amountMinor: amount } = input;
  const { currency } = charge;
  return {
    entry: separateChargeEntry({
      chargeId: charge.id,
      currency,
      amountMinor: amount,
      processingFeeMinor: processingFee,
    }),
    shares: [
      {
        owner: 'platform',
        netMinor: amount - processingFee,
        sourceId: charge.id,
        transactions: [
          {
            type: 'charge',
            amount,
            fee: processingFee,
            feeDetails: details([stripeFee(processingFee, currency)]),
            source: charge.id,
          },
        ],
      },
    ],
    feeId: undefined,
    feeAmount: 0,
    transferId: undefined,
    transferAmount: 0,
  };
}

/**
 * A destination charge: the whole amount is transferred to the seller, which gives back the
 * application fee, as Stripe shows it; with `transfer_data[amount]` the seller gets that amount
 * and the platform keeps the rest. The platform pays the processing fee.
 */
function destinationPlan(input: CaptureInput, processingFee: number): CapturePlan {
  const { charge, amountMinor: amount } = input;
  const { currency } = charge;
  const seller = charge.destination as ConnectedAccountId;
  const byAmount = charge.transfer_amount !== null;
  const transferAmount = byAmount ? Math.min(charge.transfer_amount ?? 0, amount) : amount;
  const fee = byAmount ? 0 : input.applicationFeeMinor;
  const feeId = fee > 0 ? newId('fee') : undefined;
  const transferId = newId('tr');
  const platformKeeps = byAmount ? amount - transferAmount : fee;
  const entry = destinationChargeEntry({
    chargeId: charge.id,
    currency,
    amountMinor: amount,
    processingFeeMinor: processingFee,
    account: seller,
    ...(platformKeeps > 0 ? { applicationFee: { id: feeId ?? charge.id, amountMinor: platformKeeps } } : {}),
  });
  const platformTransactions: ShareTransaction[] = [
    {
      type: 'charge',
      amount,
      fee: processingFee,
      feeDetails: details([stripeFee(processingFee, currency)]),
      source: charge.id,
    },
    { type: 'transfer', amount: -transferAmount, source: transferId, description: `Transfer to ${seller}` },
    ...(feeId ? [{ type: 'application_fee' as const, amount: fee, source: feeId }] : []),
  ];
  const sellerPayment: ShareTransaction = {
    type: 'payment',
    amount: transferAmount,
    fee,
    feeDetails: details([applicationFee(fee, currency)]),
    source: charge.id,
  };
  return {
    entry,
    shares: [
      {
        owner: 'platform',
        netMinor: platformKeeps - processingFee,
        sourceId: charge.id,
        transactions: platformTransactions,
      },
      { owner: seller, netMinor: transferAmount - fee, sourceId: charge.id, transactions: [sellerPayment] },
    ],
    feeId,
    feeAmount: fee,
    transferId,
    transferAmount,
  };
}

/** A direct charge: the connected account's own, which pays the processing fee and the application fee. */
function directPlan(input: CaptureInput, processingFee: number): CapturePlan {
  const { charge, amountMinor: amount, applicationFeeMinor: fee } = input;
  const { currency } = charge;
  const account = charge.account_id as ConnectedAccountId;
  const feeId = fee > 0 ? newId('fee') : undefined;
  const entry = directChargeEntry({
    chargeId: charge.id,
    currency,
    amountMinor: amount,
    processingFeeMinor: processingFee,
    account,
    ...(feeId ? { applicationFee: { id: feeId, amountMinor: fee } } : {}),
  });
  const accountCharge: ShareTransaction = {
    type: 'charge',
    amount,
    fee: processingFee + fee,
    feeDetails: details([stripeFee(processingFee, currency), applicationFee(fee, currency)]),
    source: charge.id,
  };
  const shares: Share[] = [
    { owner: account, netMinor: amount - processingFee - fee, sourceId: charge.id, transactions: [accountCharge] },
  ];
  if (feeId) {
    shares.push({
      owner: 'platform',
      netMinor: fee,
      sourceId: feeId,
      transactions: [{ type: 'application_fee', amount: fee, source: feeId }],
    });
  }
  return { entry, shares, feeId, feeAmount: fee, transferId: undefined, transferAmount: 0 };
}

/** The processing fee on an amount; a 400 when it would take the whole amount or more. */
export function processingFeeFor(amountMinor: number, currency: string, settings: PlatformSettings): number {
  const fee = processingFeeMinor(amountMinor, currency, processingFeeConfig(settings));
  if (fee >= amountMinor) {
    throw refused(
      `The amount is too small: the processing fee (${fee}) would take all of it.`,
      'amount',
      'amount_too_small',
    );
  }
  return fee;
}

function planCapture(input: CaptureInput, processingFee: number): CapturePlan {
  if (input.applicationFeeMinor < 0 || input.applicationFeeMinor > input.amountMinor) {
    throw refused(
      'application_fee_amount must be from 0 to the captured amount.',
      'application_fee_amount',
      'parameter_invalid',
    );
  }
  switch (input.charge.charge_type) {
    case 'separate':
      return separatePlan(input, processingFee);
    case 'destination':
      return destinationPlan(input, processingFee);
    case 'direct':
      if (input.applicationFeeMinor > input.amountMinor - processingFee) {
        throw refused(
          `application_fee_amount cannot exceed the amount less the processing fee (${input.amountMinor - processingFee}) on a direct charge.`,
          'application_fee_amount',
          'parameter_invalid',
        );
      }
      return directPlan(input, processingFee);
  }
}

async function delayDays(q: Queryable, owner: Owner, settings: PlatformSettings): Promise<number> {
  return owner === 'platform' ? settings.payout_delay_days : delayDaysOf(await loadAccount(q, owner));
}

/** Records each share's release and balance transactions; returns the charge owner's charge transaction. */
async function recordShares(q: Queryable, charge: ChargeRow, plan: CapturePlan, input: CaptureInput) {
  const now = await clockNow(q);
  const transactionIds = new Map<string, string>();
  for (const share of plan.shares) {
    const availableOn = availableOnAfter(
      now,
      input.bypassPending ? 0 : await delayDays(q, share.owner, input.settings),
    );
    const release = {
      owner: share.owner,
      currency: charge.currency,
      netMinor: share.netMinor,
      sourceId: share.sourceId,
    };
    const releaseId = await createRelease(q, { ...release, availableOn }, { released: input.bypassPending });
    for (const transaction of share.transactions) {
      const id = await insertBalanceTransaction(q, {
        ...transaction,
        owner: share.owner,
        currency: charge.currency,
        ...(input.bypassPending ? {} : { pending: { releaseId, availableOn } }),
      });
      transactionIds.set(`${share.owner}:${transaction.type}:${transaction.source}`, id);
    }
  }
  return transactionIds;
}

async function recordFeeAndTransfer(q: Queryable, charge: ChargeRow, plan: CapturePlan, ids: Map<string, string>) {
  const feeOwner = charge.charge_type === 'direct' ? charge.account_id : charge.destination;
  if (plan.feeId && feeOwner) {
    const [fee] = await q.query<ApplicationFeeRow>(
      `INSERT INTO application_fees (id, account_id, charge_id, created_at, amount, currency, balance_transaction_id)
       VALUES ($1, $2, $3, atrium_now(), $4, $5, $6) RETURNING *`,
      [
        plan.feeId,
        feeOwner,
        charge.id,
        plan.feeAmount,
        charge.currency,
        ids.get(`platform:application_fee:${plan.feeId}`),
      ],
    );
    if (fee)
      await recordEvent(q, {
        type: 'application_fee.created',
        accountId: undefined,
        object: applicationFeeObject(fee, []),
      });
  }
  if (plan.transferId && charge.destination) {
    const [transfer] = await q.query<TransferRow>(
      `INSERT INTO transfers (id, destination_account_id, created_at, amount, currency, source_transaction, transfer_group,
         balance_transaction_id)
       VALUES ($1, $2, atrium_now(), $3, $4, $5, $6, $7) RETURNING *`,
      [
        plan.transferId,
        charge.destination,
        plan.transferAmount,
        charge.currency,
        charge.id,
        charge.transfer_group,
        ids.get(`platform:transfer:${plan.transferId}`),
      ],
    );
    if (transfer)
      await recordEvent(q, { type: 'transfer.created', accountId: undefined, object: transferObject(transfer, []) });
  }
}

/**
 * Captures `amountMinor` of an authorized charge: posts the charge type's ledger entry (with the
 * releases too when the funds skip pending), records who gets what as fund releases and balance
 * transactions, creates the application fee and the destination charge's transfer, and updates
 * the charge. Returns the updated charge.
 */
export async function captureCharge(q: Queryable, input: CaptureInput): Promise<ChargeRow> {
  const { charge } = input;
  const processingFee = processingFeeFor(input.amountMinor, charge.currency, input.settings);
  const plan = planCapture(input, processingFee);
  await openBalances(
    q,
    plan.shares.map((share) => share.owner),
    charge.currency,
  );
  const releases = input.bypassPending
    ? plan.shares.flatMap((share) =>
        releaseEntryFor({
          owner: share.owner,
          currency: charge.currency,
          netMinor: share.netMinor,
          sourceId: share.sourceId,
        }),
      )
    : [];
  await postOrRefuse(q, [plan.entry, ...releases]);
  const ids = await recordShares(q, charge, plan, input);
  await recordFeeAndTransfer(q, charge, plan, ids);
  const owner = charge.account_id ?? 'platform';
  const [updated] = await q.query<ChargeRow>(
    `UPDATE charges SET captured = true, amount_captured = $2, processing_fee = $3, application_fee_id = $4,
            application_fee_amount = $5, transfer_id = $6, balance_transaction_id = $7
      WHERE id = $1 RETURNING *`,
    [
      charge.id,
      input.amountMinor,
      processingFee,
      plan.feeId ?? null,
      plan.feeId ? plan.feeAmount : charge.application_fee_amount,
      plan.transferId ?? null,
      ids.get(`${owner}:charge:${charge.id}`) ?? null,
    ],
  );
  if (!updated) throw new Error(`charge ${charge.id} vanished while capturing`);
  return updated;
}
