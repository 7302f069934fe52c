import type { Currency } from '../../money/currency';
import type { ConnectedAccountId, LedgerAccountRef } from '../accounts';
import { connectedAccount, platformAccount, systemAccount } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import type { BalanceOwner } from './balances';
import { assertPositive, move } from './lines';

/** A payout as the rules need it: the `po_` id, whose balance it leaves, and how much. */
export interface PayoutInput {
  payoutId: string;
  owner: BalanceOwner;
  currency: Currency;
  amountMinor: number;
}

function owned(owner: BalanceOwner, kind: 'available' | 'in_transit', currency: Currency): LedgerAccountRef {
  return owner === 'platform' ? platformAccount(kind, currency) : connectedAccount(owner, kind, currency);
}

function payoutEntry(
  input: PayoutInput,
  operation: 'payout' | 'payout_paid' | 'payout_failed' | 'payout_canceled',
  from: LedgerAccountRef,
  to: LedgerAccountRef,
  type: 'payout' | 'payout_paid' | 'payout_failure' | 'payout_cancel',
): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The payout amount');
  return { operation, sourceId: input.payoutId, lines: move(from, to, input.amountMinor, type, input.payoutId) };
}

/**
 * A payout is created: the amount leaves available (which may not go negative) and is in transit.
 *
 * | account | debit | credit |
 * | owner available | amount | |
 * | owner in transit | | amount |
 */
export function payoutCreatedEntry(input: PayoutInput): JournalEntryDraft {
  const { owner, currency } = input;
  return payoutEntry(
    input,
    'payout',
    owned(owner, 'available', currency),
    owned(owner, 'in_transit', currency),
    'payout',
  );
}

/**
 * The bank received the payout: the money has left the platform's books.
 *
 * | account | debit | credit |
 * | owner in transit | amount | |
 * | payouts clearing | | amount |
 */
export function payoutPaidEntry(input: PayoutInput): JournalEntryDraft {
  const from = owned(input.owner, 'in_transit', input.currency);
  return payoutEntry(input, 'payout_paid', from, systemAccount('payouts', input.currency), 'payout_paid');
}

/**
 * The payout failed: the amount returns to available. A payout can fail after it was reported
 * paid (the bank returns it days later); then it comes back from payouts clearing.
 *
 * | account | debit | credit |
 * | owner in transit (or payouts clearing, if it was paid) | amount | |
 * | owner available | | amount |
 */
export function payoutFailedEntry(input: PayoutInput & { wasPaid: boolean }): JournalEntryDraft {
  const { owner, currency } = input;
  const from = input.wasPaid ? systemAccount('payouts', currency) : owned(owner, 'in_transit', currency);
  return payoutEntry(input, 'payout_failed', from, owned(owner, 'available', currency), 'payout_failure');
}

/**
 * The payout was canceled before it was sent: the amount returns to available.
 *
 * | account | debit | credit |
 * | owner in transit | amount | |
 * | owner available | | amount |
 */
export function payoutCanceledEntry(input: PayoutInput): JournalEntryDraft {
  const { owner, currency } = input;
  return payoutEntry(
    input,
    'payout_canceled',
    owned(owner, 'in_transit', currency),
    owned(owner, 'available', currency),
    'payout_cancel',
  );
}

/**
 * The fee for an instant payout (`instantPayoutFeeMinor`), paid by the connected account to the
 * platform, whose fee revenue lands in its pending balance like application fees.
 *
 * | account | debit | credit |
 * | account available | fee | |
 * | platform pending | | fee |
 */
export function instantPayoutFeeEntry(input: {
  payoutId: string;
  account: ConnectedAccountId;
  currency: Currency;
  feeMinor: number;
}): JournalEntryDraft {
  assertPositive(input.feeMinor, 'The instant payout fee');
  const lines = move(
    connectedAccount(input.account, 'available', input.currency),
    platformAccount('pending', input.currency),
    input.feeMinor,
    'payout_fee',
    input.payoutId,
  );
  return { operation: 'instant_payout_fee', sourceId: input.payoutId, lines };
}
