import type { Currency } from '../../money/currency';
import { proportionalMinor } from '../../money/fees';
import type { ConnectedAccountId, LedgerAccountRef } from '../accounts';
import { connectedAccount, platformAccount, systemAccount } from '../accounts';
import type { JournalEntryDraft, LedgerLineDraft } from '../entry';
import { assertPositive, move } from './lines';

/**
 * Refunds. The processor's fee is not returned (as on Stripe), so a refund moves the refunded
 * amount from whoever holds the charge's funds back to the processor, who returns it to the card.
 * Refunds come out of `available` balances and may take them below zero: the negative balance is
 * shown and recovered from later funds.
 */

export interface RefundInput {
  /** The refund (`re_`). */
  refundId: string;
  currency: Currency;
  amountMinor: number;
}

/** A part of an object given back with a refund: its id (`trr_` or `fr_`) and amount. */
export interface RefundPart {
  id: string;
  amountMinor: number;
}

function refundLines(input: RefundInput, payerAccount: LedgerAccountRef): LedgerLineDraft[] {
  assertPositive(input.amountMinor, 'The refund amount');
  return move(payerAccount, systemAccount('processor', input.currency), input.amountMinor, 'refund', input.refundId);
}

/**
 * A refund of a destination charge. The platform refunds (the charge is its own). With
 * `transferReversal` (Stripe's `reverse_transfer`) the seller gives back that part of what the
 * charge sent it; with `applicationFeeRefund` (`refund_application_fee`) the platform gives back
 * that part of its fee. Reversing without refunding the fee leaves the fee with the seller, as on
 * Stripe: a full refund then costs the seller the application fee.
 *
 * | account | debit | credit |
 * | platform available | refund | |
 * | processor clearing | | refund |
 * | seller available | transfer reversal | |
 * | platform available | | transfer reversal |
 * | platform available | application fee refund | |
 * | seller available | | application fee refund |
 */
export function destinationChargeRefundEntry(
  input: RefundInput & {
    account: ConnectedAccountId;
    transferReversal?: RefundPart;
    applicationFeeRefund?: RefundPart;
  },
): JournalEntryDraft {
  const seller = connectedAccount(input.account, 'available', input.currency);
  const platform = platformAccount('available', input.currency);
  const reversal = input.transferReversal;
  const feeRefund = input.applicationFeeRefund;
  const lines = [
    ...refundLines(input, platform),
    ...(reversal ? move(seller, platform, reversal.amountMinor, 'payment_refund', reversal.id, 'transfer_refund') : []),
    ...(feeRefund ? move(platform, seller, feeRefund.amountMinor, 'application_fee_refund', feeRefund.id) : []),
  ];
  return { operation: 'refund', sourceId: input.refundId, lines };
}

/**
 * A refund of a direct charge: the connected account refunds its own charge; with
 * `applicationFeeRefund` the platform gives back that part of its fee.
 *
 * | account | debit | credit |
 * | account available | refund | |
 * | processor clearing | | refund |
 * | platform available | application fee refund | |
 * | account available | | application fee refund |
 */
export function directChargeRefundEntry(
  input: RefundInput & { account: ConnectedAccountId; applicationFeeRefund?: RefundPart },
): JournalEntryDraft {
  const account = connectedAccount(input.account, 'available', input.currency);
  const feeRefund = input.applicationFeeRefund;
  const lines = [
    ...refundLines(input, account),
    ...(feeRefund
      ? move(
          platformAccount('available', input.currency),
          account,
          feeRefund.amountMinor,
          'application_fee_refund',
          feeRefund.id,
        )
      : []),
  ];
  return { operation: 'refund', sourceId: input.refundId, lines };
}

/**
 * A refund of a separate charge: the platform refunds its own charge. Transfers made from it are
 * reversed separately (`transferReversalEntry`), as on Stripe.
 *
 * | account | debit | credit |
 * | platform available | refund | |
 * | processor clearing | | refund |
 */
export function separateChargeRefundEntry(input: RefundInput): JournalEntryDraft {
  return {
    operation: 'refund',
    sourceId: input.refundId,
    lines: refundLines(input, platformAccount('available', input.currency)),
  };
}

/**
 * An application fee refunded on its own (`POST /v1/application_fees/:id/refunds`): the platform
 * gives the connected account back part or all of the fee.
 *
 * | account | debit | credit |
 * | platform available | amount | |
 * | account available | | amount |
 */
export function applicationFeeRefundEntry(input: {
  /** The application fee refund (`fr_`). */
  feeRefundId: string;
  account: ConnectedAccountId;
  currency: Currency;
  amountMinor: number;
}): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The application fee refund');
  const lines = move(
    platformAccount('available', input.currency),
    connectedAccount(input.account, 'available', input.currency),
    input.amountMinor,
    'application_fee_refund',
    input.feeRefundId,
  );
  return { operation: 'application_fee_refund', sourceId: input.feeRefundId, lines };
}

/**
 * What a refund of a destination charge gives back proportionally: the transfer reversal (the
 * seller received the whole amount, the fee then went to the platform, so the reversal equals the
 * refund) and the application fee share. Shares are computed on the running total of refunds, so
 * partial refunds that add up to the charge return exactly the whole fee: each share is
 * `round(fee * refundedAfter / amount) - round(fee * refundedBefore / amount)`, rounded half-up.
 */
export function refundShares(input: {
  chargeAmountMinor: number;
  applicationFeeMinor: number;
  refundMinor: number;
  alreadyRefundedMinor: number;
}): { transferReversalMinor: number; applicationFeeRefundMinor: number } {
  const { chargeAmountMinor: whole, applicationFeeMinor: fee } = input;
  const after = input.alreadyRefundedMinor + input.refundMinor;
  assertPositive(input.refundMinor, 'The refund amount');
  if (after > whole) throw new RangeError('Refunds cannot exceed the charge amount');
  const feeShare = proportionalMinor(fee, after, whole) - proportionalMinor(fee, input.alreadyRefundedMinor, whole);
  return { transferReversalMinor: input.refundMinor, applicationFeeRefundMinor: feeShare };
}
