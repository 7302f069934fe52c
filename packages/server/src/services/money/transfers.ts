import { accountTransferEntry, proportionalMinor, transferEntry, transferReversalEntry } from '@atrium/core';
import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import { notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import { newId } from '../../ids';
import type { Queryable, Statement } from '../../store/db';
import { eventStatement, recordEvent } from '../events';
import { checkAmountBounds, refused } from './amounts';
import { refundApplicationFee } from './application-fees';
import { balanceTransactionsStatement, insertBalanceTransactions } from './balance-transactions';
import { findCharge } from './charges';
import { asTransaction, openBalances, openBalancesStatement, postOrRefuse } from './ledger-io';
import { transferObject } from './objects';
import type { ReversalCreateParams, TransferCreateParams } from './params';
import { loadNamedAccount, requireSettlementCurrency, requireTransfersCapability } from './participants';
import { adjustRelease, createRelease, lockOpenRelease } from './releases';
import type { ApplicationFeeRow, FundReleaseRow, Owner, TransferReversalRow, TransferRow } from './rows';
import { accountIdOf } from './rows';
import { loadAccount } from '../accounts/rows';
import { loadPlatformSettings } from './settings';

const TRANSFER_ID = /^tr_[A-Za-z0-9]{1,64}$/;

/**
 * Which transfers a caller sees: the platform all of them (it keeps the books), a connected
 * account those it sent or received.
 */
export async function loadTransfer(q: Queryable, viewer: Owner, id: string, options: { lock?: boolean } = {}) {
  const [row] = TRANSFER_ID.test(id)
    ? await q.query<TransferRow>(
        `SELECT * FROM transfers WHERE id = $1 AND ($2::text IS NULL OR source_account_id = $2 OR destination_account_id = $2)
         ${options.lock ? 'FOR UPDATE' : ''}`,
        [id, accountIdOf(viewer)],
      )
    : [];
  if (!row) throw notFound('transfer', id);
  return row;
}

export async function reversalsOf(q: Queryable, transferId: string): Promise<TransferReversalRow[]> {
  return q.query<TransferReversalRow>('SELECT * FROM transfer_reversals WHERE transfer_id = $1 ORDER BY seq DESC', [
    transferId,
  ]);
}

/** The charge a transfer is funded by, locked, with its platform release if its funds are still pending. */
async function sourceCharge(q: Queryable, params: TransferCreateParams) {
  if (params.source_transaction === undefined) return undefined;
  const charge = await findCharge(
    q,
    params.source_transaction,
    { kind: 'owner', owner: 'platform' },
    {
      lock: true,
      param: 'source_transaction',
    },
  );
  if (charge.charge_type !== 'separate' || !charge.captured) {
    throw refused(
      `source_transaction must be a captured charge of the platform's own (separate charges and transfers).`,
      'source_transaction',
      'parameter_invalid',
    );
  }
  if (charge.currency !== params.currency) {
    throw refused(
      `The transfer must be in the charge's currency (${charge.currency}).`,
      'currency',
      'parameter_invalid',
    );
  }
  const [sum] = await q.query<{ total: number }>(
    'SELECT coalesce(sum(amount), 0)::bigint AS total FROM transfers WHERE source_transaction = $1',
    [charge.id],
  );
  const left = charge.amount_captured - charge.amount_refunded - (sum?.total ?? 0);
  if (params.amount > left) {
    // Refunds after a transfer can leave less than nothing: that is nothing left to the user.
    throw refused(
      `The transfers of charge ${charge.id} would exceed what it has left to transfer (${Math.max(0, left)}).`,
      'amount',
      'amount_too_large',
    );
  }
  return { charge, release: await lockOpenRelease(q, 'platform', charge.id) };
}

async function checkParties(q: Queryable, source: Owner, params: TransferCreateParams) {
  checkAmountBounds(params.amount, params.currency, 'amount');
  if (source !== 'platform') {
    if (!(await loadPlatformSettings(q)).account_transfers_enabled) {
      throw refused(
        'This platform does not allow transfers between connected accounts.',
        undefined,
        'transfers_not_allowed',
      );
    }
    if (params.source_transaction !== undefined) {
      throw refused(
        'source_transaction is only for transfers from the platform.',
        'source_transaction',
        'parameter_invalid',
      );
    }
    if (params.destination === source) {
      throw refused('An account cannot transfer to itself.', 'destination', 'parameter_invalid');
    }
    requireTransfersCapability(await loadAccount(q, source), undefined, 'send');
  }
  const destination = await loadNamedAccount(q, params.destination, 'destination');
  requireTransfersCapability(destination, 'destination');
  requireSettlementCurrency(destination, params.currency, 'currency');
}

function transferDraft(source: Owner, id: string, params: TransferCreateParams, pending: boolean): JournalEntryDraft {
  const common = { transferId: id, currency: params.currency, amountMinor: params.amount };
  if (source === 'platform') {
    return transferEntry({
      ...common,
      destination: params.destination as ConnectedAccountId,
      balance: pending ? 'pending' : 'available',
    });
  }
  return accountTransferEntry({
    ...common,
    from: source,
    to: params.destination as ConnectedAccountId,
    feeMinor: 0,
  });
}

/** Both sides of a transfer available at once: the recipient's, then the sender's balance transaction. */
function availableSides(source: Owner, id: string, params: TransferCreateParams) {
  const destination = params.destination as Owner;
  const base = { type: 'transfer' as const, currency: params.currency, source: id };
  return balanceTransactionsStatement([
    { ...base, owner: destination, amount: params.amount },
    { ...base, owner: source, amount: -params.amount, description: `Transfer to ${destination}` },
  ]);
}

/**
 * Records both sides of a transfer funded by a charge whose funds are still pending: the money
 * moves pending to pending, the charge's platform release shrinks by the amount and the
 * destination gets a release of its own on the same day (only the platform sends such transfers).
 * Returns the platform's side.
 */
async function recordPendingSides(q: Queryable, id: string, params: TransferCreateParams, release: FundReleaseRow) {
  const destination = params.destination as Owner;
  const base = { type: 'transfer' as const, currency: params.currency, source: id };
  await adjustRelease(q, release.id, -params.amount);
  const availableOn = release.available_on;
  const destinationRelease = await createRelease(q, {
    owner: destination,
    currency: params.currency,
    netMinor: params.amount,
    sourceId: id,
    availableOn,
  });
  const [, platformTxn] = await insertBalanceTransactions(q, [
    { ...base, owner: destination, amount: params.amount, pending: { releaseId: destinationRelease, availableOn } },
    {
      ...base,
      owner: 'platform',
      amount: -params.amount,
      description: `Transfer to ${destination}`,
      pending: { releaseId: release.id, availableOn },
    },
  ]);
  return platformTxn;
}

/**
 * `POST /v1/transfers`: from the platform's available balance (or, tied to a charge whose funds
 * are pending, from its pending share) to a connected account; or, with the sender in
 * `Stripe-Account` and the platform's consent, between connected accounts. Available to the
 * destination at once. Not enough available: a 400 `balance_insufficient`, nothing moved.
 */
export async function createTransfer(q: Queryable, source: Owner, params: TransferCreateParams) {
  await checkParties(q, source, params);
  const funded = await sourceCharge(q, params);
  const id = newId('tr');
  const owners = [source, params.destination as Owner];
  const insert = (balanceTransactionId: string | undefined): Statement => ({
    sql: `INSERT INTO transfers (id, source_account_id, destination_account_id, created_at, amount, currency, description,
       metadata, source_transaction, transfer_group, balance_transaction_id)
     VALUES ($1, $2, $3, atrium_now(), $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    params: [
      id,
      accountIdOf(source),
      params.destination,
      params.amount,
      params.currency,
      params.description ?? null,
      JSON.stringify(mergeMetadata({}, params.metadata)),
      funded?.charge.id ?? null,
      params.transfer_group ?? funded?.charge.transfer_group ?? null,
      balanceTransactionId ?? null,
    ],
  });
  let row: TransferRow | undefined;
  if (funded?.release) {
    await openBalances(q, owners, params.currency);
    const txn = await recordPendingSides(q, id, params, funded.release);
    const statement = insert(txn);
    [row] = await q.query<TransferRow>(statement.sql, statement.params);
  } else {
    // Nothing here waits for an answer: the balances opened, both sides' balance transactions
    // and the transfer go in one round trip.
    const sides = availableSides(source, id, params);
    const [, , inserted] = await asTransaction(q).pipeline([
      openBalancesStatement(owners, params.currency),
      sides.statement,
      insert(sides.ids[1]),
    ]);
    [row] = (inserted ?? []) as unknown as TransferRow[];
  }
  if (!row) throw new Error('INSERT INTO transfers returned no row');
  const object = transferObject(row, []);
  const event = eventStatement(q, { type: 'transfer.created', accountId: accountIdOf(source) ?? undefined, object });
  // The posting comes last (the event goes ahead of it, in the same round trip): it locks the
  // sender's balance (for the platform, a row every transfer needs) until COMMIT, so nothing else
  // should run while it is held. It also takes the locks in the order the release job does (the
  // charge's release, then balances). A refusal rolls everything above back.
  await postOrRefuse(q, [transferDraft(source, id, params, funded?.release !== undefined)], {
    before: [event.statement],
  });
  return object;
}

/**
 * `POST /v1/transfers/:id/reversals` (the transfer locked by the caller): the recipient gives back
 * part or all of what is left, even below zero, as on Stripe.
 */
/** The application fee of the destination charge that made `transfer`, locked; a 400 when there is none. */
async function applicationFeeOfTransfer(q: Queryable, transfer: TransferRow): Promise<ApplicationFeeRow> {
  const [fee] = await q.query<ApplicationFeeRow>(
    `SELECT f.* FROM charges c JOIN application_fees f ON f.id = c.application_fee_id
      WHERE c.transfer_id = $1 FOR UPDATE OF f`,
    [transfer.id],
  );
  if (!fee) {
    throw refused(
      `Transfer ${transfer.id} did not come with an application fee to refund.`,
      'refund_application_fee',
      'parameter_invalid',
    );
  }
  return fee;
}

export async function reverseTransfer(q: Queryable, transfer: TransferRow, params: ReversalCreateParams) {
  const remaining = transfer.amount - transfer.amount_reversed;
  if (remaining === 0)
    throw refused(`Transfer ${transfer.id} has already been fully reversed.`, undefined, 'transfer_already_reversed');
  const amount = params.amount ?? remaining;
  if (amount < 1) throw refused('The amount must be a positive integer of minor units.', 'amount', 'amount_too_small');
  if (amount > remaining) {
    throw refused(
      `Reversal amount (${amount}) is greater than what is left of the transfer (${remaining}).`,
      'amount',
      'amount_too_large',
    );
  }
  const fee = params.refund_application_fee === true ? await applicationFeeOfTransfer(q, transfer) : undefined;
  const id = newId('trr');
  const sender = (transfer.source_account_id ?? 'platform') as Owner;
  const recipient = transfer.destination_account_id as Owner;
  await openBalances(q, [sender, recipient], transfer.currency);
  await postOrRefuse(q, [
    transferReversalEntry({
      reversalId: id,
      transfer: {
        id: transfer.id,
        from: sender,
        to: recipient as ConnectedAccountId,
        currency: transfer.currency,
        amountMinor: transfer.amount,
        amountReversedMinor: transfer.amount_reversed,
      },
      amountMinor: amount,
    }),
  ]);
  const base = { type: 'transfer_refund' as const, currency: transfer.currency, source: id };
  const [, senderTxn] = await insertBalanceTransactions(q, [
    { ...base, owner: recipient, amount: -amount },
    { ...base, owner: sender, amount },
  ]);
  const [reversal] = await q.query<TransferReversalRow>(
    `INSERT INTO transfer_reversals (id, transfer_id, created_at, amount, currency, metadata, balance_transaction_id)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6) RETURNING *`,
    [id, transfer.id, amount, transfer.currency, JSON.stringify(mergeMetadata({}, params.metadata)), senderTxn],
  );
  const [updated] = await q.query<TransferRow>(
    'UPDATE transfers SET amount_reversed = amount_reversed + $2 WHERE id = $1 RETURNING *',
    [transfer.id, amount],
  );
  if (!reversal || !updated) throw new Error(`reversal ${id} was not recorded`);
  if (fee) {
    // Stripe: a full reversal refunds the whole fee, a partial one the fee's share of it. Counted
    // on the running total, so the parts of several partial reversals add up to the fee.
    const share =
      proportionalMinor(fee.amount, updated.amount_reversed, transfer.amount) -
      proportionalMinor(fee.amount, transfer.amount_reversed, transfer.amount);
    const feeRefund = Math.min(share, fee.amount - fee.amount_refunded);
    if (feeRefund > 0) await refundApplicationFee(q, fee, { amount: feeRefund });
  }
  await recordEvent(q, {
    type: 'transfer.reversed',
    accountId: transfer.source_account_id ?? undefined,
    object: transferObject(updated, await reversalsOf(q, transfer.id)),
  });
  return reversal;
}
