import type { Currency } from '../../money/currency';
import type { ConnectedAccountId } from '../accounts';
import { connectedAccount, platformAccount } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { assertPositive, assertWithin, line, move } from './lines';

/**
 * A transfer from the platform to a connected account (`POST /v1/transfers`). It comes from the
 * platform's available balance, or from its pending balance when it is tied to a charge whose
 * funds are not yet available (Stripe's `source_transaction`), landing in the same kind of balance.
 *
 * | account | debit | credit |
 * | platform available (or pending) | amount | |
 * | account available (or pending) | | amount |
 */
export function transferEntry(input: {
  /** The transfer (`tr_`). */
  transferId: string;
  destination: ConnectedAccountId;
  currency: Currency;
  amountMinor: number;
  balance: 'available' | 'pending';
}): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The transfer amount');
  const lines = move(
    platformAccount(input.balance, input.currency),
    connectedAccount(input.destination, input.balance, input.currency),
    input.amountMinor,
    'transfer',
    input.transferId,
  );
  return { operation: 'transfer', sourceId: input.transferId, lines };
}

/**
 * A transfer between two connected accounts, when the platform allows it, with an optional fee the
 * sender pays to the platform.
 *
 * | account | debit | credit |
 * | sender available | amount | |
 * | recipient available | | amount |
 * | sender available | fee | |
 * | platform pending | | fee |
 */
export function accountTransferEntry(input: {
  transferId: string;
  from: ConnectedAccountId;
  to: ConnectedAccountId;
  currency: Currency;
  amountMinor: number;
  feeMinor: number;
}): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The transfer amount');
  assertWithin(input.feeMinor, Number.MAX_SAFE_INTEGER, 'The transfer fee');
  if (input.from === input.to) throw new RangeError('A transfer needs two different accounts');
  const sender = connectedAccount(input.from, 'available', input.currency);
  const lines = [
    ...move(
      sender,
      connectedAccount(input.to, 'available', input.currency),
      input.amountMinor,
      'transfer',
      input.transferId,
    ),
    ...move(sender, platformAccount('pending', input.currency), input.feeMinor, 'transfer_fee', input.transferId),
  ];
  return { operation: 'transfer', sourceId: input.transferId, lines };
}

/** A transfer as a reversal needs it: who sent it, who received it, and how much is left to reverse. */
export interface TransferToReverse {
  id: string;
  from: 'platform' | ConnectedAccountId;
  to: ConnectedAccountId;
  currency: Currency;
  amountMinor: number;
  amountReversedMinor: number;
}

/**
 * A transfer reversal (`POST /v1/transfers/:id/reversals`), partial or, without `amountMinor`,
 * of everything not yet reversed. The recipient's available balance may go negative.
 *
 * | account | debit | credit |
 * | recipient available | amount | |
 * | sender available | | amount |
 */
export function transferReversalEntry(input: {
  /** The reversal (`trr_`). */
  reversalId: string;
  transfer: TransferToReverse;
  amountMinor?: number;
}): JournalEntryDraft {
  const { transfer } = input;
  const remaining = transfer.amountMinor - transfer.amountReversedMinor;
  const amountMinor = input.amountMinor ?? remaining;
  assertPositive(amountMinor, 'The reversal amount');
  assertWithin(amountMinor, remaining, 'The reversal amount');
  const sender =
    transfer.from === 'platform'
      ? platformAccount('available', transfer.currency)
      : connectedAccount(transfer.from, 'available', transfer.currency);
  const lines = [
    line(
      connectedAccount(transfer.to, 'available', transfer.currency),
      'debit',
      amountMinor,
      'transfer_refund',
      input.reversalId,
    ),
    line(sender, 'credit', amountMinor, 'transfer_refund', input.reversalId),
  ];
  return { operation: 'transfer_reversal', sourceId: input.reversalId, lines };
}
