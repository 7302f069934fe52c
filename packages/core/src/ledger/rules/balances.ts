import type { Currency } from '../../money/currency';
import type { ConnectedAccountId, LedgerAccountRef } from '../accounts';
import { connectedAccount, platformAccount, systemAccount } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { assertPositive, move } from './lines';

/** The owner of a balance that can be released or paid out: the platform or a connected account. */
export type BalanceOwner = 'platform' | ConnectedAccountId;

function ownerAccount(
  owner: BalanceOwner,
  kind: 'pending' | 'available' | 'in_transit',
  currency: Currency,
): LedgerAccountRef {
  return owner === 'platform' ? platformAccount(kind, currency) : connectedAccount(owner, kind, currency);
}

/**
 * A top-up: the platform adds money from its bank account. It is pending until the bank
 * transfer settles (`topupSettlementEntry`).
 *
 * | account | debit | credit |
 * | top-ups clearing | amount | |
 * | platform pending | | amount |
 */
export function topupEntry(input: { topupId: string; currency: Currency; amountMinor: number }): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The top-up amount');
  const lines = move(
    systemAccount('topups', input.currency),
    platformAccount('pending', input.currency),
    input.amountMinor,
    'topup',
    input.topupId,
  );
  return { operation: 'topup', sourceId: input.topupId, lines };
}

/**
 * A top-up's funds become available.
 *
 * | account | debit | credit |
 * | platform pending | amount | |
 * | platform available | | amount |
 */
export function topupSettlementEntry(input: {
  topupId: string;
  currency: Currency;
  amountMinor: number;
}): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The top-up amount');
  const lines = move(
    platformAccount('pending', input.currency),
    platformAccount('available', input.currency),
    input.amountMinor,
    'release',
    input.topupId,
  );
  return { operation: 'topup_settlement', sourceId: input.topupId, lines };
}

/**
 * A pending top-up is canceled before its bank debit settles: the funds leave the platform's
 * pending balance the way they came.
 *
 * | account | debit | credit |
 * | platform pending | amount | |
 * | top-ups clearing | | amount |
 */
export function topupCanceledEntry(input: {
  topupId: string;
  currency: Currency;
  amountMinor: number;
}): JournalEntryDraft {
  assertPositive(input.amountMinor, 'The top-up amount');
  const lines = move(
    platformAccount('pending', input.currency),
    systemAccount('topups', input.currency),
    input.amountMinor,
    'topup_reversal',
    input.topupId,
  );
  return { operation: 'topup_canceled', sourceId: input.topupId, lines };
}

/**
 * Pending funds become available after the availability delay. `netMinor` is what the source
 * left in the owner's pending balance: positive for a seller's share of a charge, and for the
 * platform possibly negative (a charge whose processing fee exceeded its application fee), in
 * which case the release moves the shortfall the other way and may overdraw available.
 *
 * | account | debit | credit |
 * | owner pending | net | |
 * | owner available | | net |
 */
export function releaseEntry(input: {
  owner: BalanceOwner;
  currency: Currency;
  netMinor: number;
  /** What the funds came from: a charge, a transfer tied to one, a fee. */
  sourceId: string;
}): JournalEntryDraft {
  const pending = ownerAccount(input.owner, 'pending', input.currency);
  const available = ownerAccount(input.owner, 'available', input.currency);
  assertPositive(Math.abs(input.netMinor), 'The released amount');
  const lines =
    input.netMinor > 0
      ? move(pending, available, input.netMinor, 'release', input.sourceId)
      : move(available, pending, -input.netMinor, 'release', input.sourceId);
  return { operation: 'release', sourceId: input.sourceId, lines };
}
