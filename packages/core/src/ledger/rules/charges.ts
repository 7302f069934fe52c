import type { Currency } from '../../money/currency';
import type { ConnectedAccountId, LedgerAccountRef } from '../accounts';
import { connectedAccount, platformAccount, systemAccount } from '../accounts';
import type { JournalEntryDraft, LedgerLineDraft } from '../entry';
import { assertPositive, assertWithin, line, move } from './lines';

/** An application fee the platform takes from a charge: the fee object's id (`fee_`) and amount. */
export interface ApplicationFeeInput {
  id: string;
  amountMinor: number;
}

export interface ChargeInput {
  /** The charge (`ch_`). */
  chargeId: string;
  currency: Currency;
  amountMinor: number;
  /** The processor's fee, computed by `processingFeeMinor`; at most the amount. */
  processingFeeMinor: number;
}

export interface ConnectChargeInput extends ChargeInput {
  account: ConnectedAccountId;
  /** Absent, or zero, for a charge without an application fee. */
  applicationFee?: ApplicationFeeInput;
}

/**
 * The processing fee: the payer's pending balance is debited and the processor keeps the fee
 * (credited to its clearing account, reducing what it owes). The platform pays it on destination
 * and separate charges, the connected account on direct charges, as on Stripe.
 */
export function processingFeeLines(
  payer: LedgerAccountRef,
  chargeId: string,
  processingFeeMinor: number,
): LedgerLineDraft[] {
  return move(payer, systemAccount('processor', payer.currency), processingFeeMinor, 'stripe_fee', chargeId);
}

/**
 * The application fee: `from` is debited and the platform's pending balance credited, both as
 * `application_fee` lines of the fee object. Used on direct charges, where the charge first lands
 * on the connected account.
 */
export function applicationFeeLines(from: LedgerAccountRef, fee: ApplicationFeeInput): LedgerLineDraft[] {
  return move(from, platformAccount('pending', from.currency), fee.amountMinor, 'application_fee', fee.id);
}

function checkCharge(input: ChargeInput, applicationFeeMinor: number): void {
  assertPositive(input.amountMinor, 'The charge amount');
  assertWithin(input.processingFeeMinor, input.amountMinor, 'The processing fee');
  assertWithin(applicationFeeMinor, input.amountMinor, 'The application fee');
}

/**
 * A destination charge: the charge is the platform's, the seller receives the amount less the
 * application fee, and the platform pays the processing fee. DESIGN.md's worked example.
 *
 * | account | debit | credit |
 * | processor clearing | amount | |
 * | seller pending | | amount - application fee |
 * | platform pending | | application fee |
 * | platform pending | processing fee | |
 * | processor clearing | | processing fee |
 */
export function destinationChargeEntry(input: ConnectChargeInput): JournalEntryDraft {
  const fee = input.applicationFee?.amountMinor ?? 0;
  checkCharge(input, fee);
  const { chargeId, currency } = input;
  const lines = [
    line(systemAccount('processor', currency), 'debit', input.amountMinor, 'charge', chargeId),
    ...(fee < input.amountMinor
      ? [
          line(
            connectedAccount(input.account, 'pending', currency),
            'credit',
            input.amountMinor - fee,
            'payment',
            chargeId,
          ),
        ]
      : []),
    ...(input.applicationFee && fee > 0
      ? [line(platformAccount('pending', currency), 'credit', fee, 'application_fee', input.applicationFee.id)]
      : []),
    ...processingFeeLines(platformAccount('pending', currency), chargeId, input.processingFeeMinor),
  ];
  return { operation: 'destination_charge', sourceId: chargeId, lines };
}

/**
 * A direct charge: the charge is the connected account's, which pays the processing fee and the
 * application fee from it.
 *
 * | account | debit | credit |
 * | processor clearing | amount | |
 * | account pending | | amount |
 * | account pending | processing fee | |
 * | processor clearing | | processing fee |
 * | account pending | application fee | |
 * | platform pending | | application fee |
 */
export function directChargeEntry(input: ConnectChargeInput): JournalEntryDraft {
  checkCharge(input, input.applicationFee?.amountMinor ?? 0);
  const { chargeId, currency } = input;
  const pending = connectedAccount(input.account, 'pending', currency);
  const lines = [
    ...move(systemAccount('processor', currency), pending, input.amountMinor, 'charge', chargeId),
    ...processingFeeLines(pending, chargeId, input.processingFeeMinor),
    ...(input.applicationFee ? applicationFeeLines(pending, input.applicationFee) : []),
  ];
  return { operation: 'direct_charge', sourceId: chargeId, lines };
}

/**
 * A charge of separate charges and transfers: the platform's own charge, which it moves on to
 * sellers with transfers (`transferEntry`). The platform pays the processing fee.
 *
 * | account | debit | credit |
 * | processor clearing | amount | |
 * | platform pending | | amount |
 * | platform pending | processing fee | |
 * | processor clearing | | processing fee |
 */
export function separateChargeEntry(input: ChargeInput): JournalEntryDraft {
  checkCharge(input, 0);
  const { chargeId, currency } = input;
  const pending = platformAccount('pending', currency);
  const lines = [
    ...move(systemAccount('processor', currency), pending, input.amountMinor, 'charge', chargeId),
    ...processingFeeLines(pending, chargeId, input.processingFeeMinor),
  ];
  return { operation: 'separate_charge', sourceId: chargeId, lines };
}
