import { instantPayoutFeeEntry, instantPayoutFeeMinor, payoutCanceledEntry, payoutCreatedEntry } from '@atrium/core';
import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import type { Encryptor } from '../../crypto';
import { notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import type { MetadataUpdate } from '../../http/metadata';
import { newId } from '../../ids';
import { getBalance } from '../../ledger';
import { payoutOutcome } from '../../simulators/payout-rail';
import type { Queryable } from '../../store/db';
import { loadAccount } from '../accounts/rows';
import type { AccountRow, BankAccountRow } from '../accounts/rows';
import { clockNow } from '../clock';
import { recordEvent, recordUpdate } from '../events';
import { checkAmountBounds, refused } from './amounts';
import { insertBalanceTransaction } from './balance-transactions';
import { openBalances, postOrRefuse } from './ledger-io';
import { payoutObject } from './objects';
import { requireSettlementCurrency } from './participants';
import { availableOnAfter, createRelease } from './releases';
import type { Owner, PayoutRow, RailOutcome } from './rows';
import { instantPayoutFeeSchedule, loadPlatformSettings } from './settings';

/**
 * The simulated payout rail's timing, on the test clock: a standard payout goes in transit an hour
 * after it is made and arrives (paid or failed) at midnight UTC two days after the day it was
 * made; an instant payout goes in transit after a minute and arrives 30 minutes after it was made.
 */
const PAYOUT_TIMING = {
  standard: { inTransitAfterSeconds: 60 * 60, arrivalDays: 2 },
  instant: { inTransitAfterSeconds: 60, arrivalAfterSeconds: 30 * 60 },
} as const;

const PAYOUT_ID = /^po_[A-Za-z0-9]{1,64}$/;
const BANK_ACCOUNT_ID = /^ba_[A-Za-z0-9]{1,64}$/;

export interface PayoutRequest {
  amount: number;
  currency: string;
  method: 'standard' | 'instant';
  destination?: string | undefined;
  description?: string | undefined;
  statement_descriptor?: string | undefined;
  metadata?: MetadataUpdate | undefined;
}

/** A connected account's payout; a 404 for anything else. */
export async function loadPayout(q: Queryable, accountId: string, id: string, options: { lock?: boolean } = {}) {
  const [row] = PAYOUT_ID.test(id)
    ? await q.query<PayoutRow>(
        `SELECT * FROM payouts WHERE id = $1 AND account_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
        [id, accountId],
      )
    : [];
  if (!row) throw notFound('payout', id);
  return row;
}

/** A 400 when a connected account cannot be paid out to at all. */
function requirePayoutsEnabled(account: AccountRow): void {
  if (account.payouts_enabled && account.rejected_reason === null) return;
  throw refused(
    `Payouts are not enabled for account ${account.id}: payouts_enabled is false (see its requirements).`,
    undefined,
    'payouts_not_allowed',
  );
}

/** The bank account a payout goes to: the one named, or the default for the currency; usable. */
async function payoutBankAccount(q: Queryable, accountId: string, request: PayoutRequest): Promise<BankAccountRow> {
  const named = request.destination;
  const [bank] =
    named === undefined
      ? await q.query<BankAccountRow>(
          'SELECT * FROM external_accounts WHERE account_id = $1 AND currency = $2 AND default_for_currency AND NOT deleted',
          [accountId, request.currency],
        )
      : BANK_ACCOUNT_ID.test(named)
        ? await q.query<BankAccountRow>(
            'SELECT * FROM external_accounts WHERE id = $1 AND account_id = $2 AND NOT deleted',
            [named, accountId],
          )
        : [];
  if (!bank) {
    if (named !== undefined) throw refused(`No such external account: '${named}'`, 'destination', 'resource_missing');
    throw refused(
      `Account ${accountId} has no bank account for ${request.currency.toUpperCase()} payouts; add one first.`,
      'currency',
      'no_external_account',
    );
  }
  if (bank.currency !== request.currency) {
    throw refused(
      `Bank account ${bank.id} takes ${bank.currency.toUpperCase()}, not ${request.currency.toUpperCase()}.`,
      'currency',
      'parameter_invalid',
    );
  }
  if (bank.status === 'errored') {
    throw refused(
      `Bank account ${bank.id} failed a payout and cannot be used; add a new default bank account.`,
      'destination',
      'bank_account_unusable',
    );
  }
  return bank;
}

export interface PayoutQuote {
  amount: number;
  currency: string;
  method: 'standard' | 'instant';
  fee: number;
  /** What the bank receives. */
  net: number;
  arrival_date: number;
}

function arrivalSeconds(method: 'standard' | 'instant', nowSeconds: number): number {
  if (method === 'instant') return nowSeconds + PAYOUT_TIMING.instant.arrivalAfterSeconds;
  return availableOnAfter(nowSeconds, PAYOUT_TIMING.standard.arrivalDays).getTime() / 1000;
}

/**
 * Checks a payout request against the account, its bank account and the platform's fees, and
 * says what it would cost and when it would arrive; nothing is written.
 */
async function checkPayout(q: Queryable, account: AccountRow, request: PayoutRequest) {
  requirePayoutsEnabled(account);
  checkAmountBounds(request.amount, request.currency, 'amount');
  requireSettlementCurrency(account, request.currency, 'currency');
  const bank = await payoutBankAccount(q, account.id, request);
  let fee = 0;
  if (request.method === 'instant') {
    if (!bank.instant_eligible) {
      throw refused(`Bank account ${bank.id} cannot receive instant payouts.`, 'method', 'instant_payouts_unsupported');
    }
    fee = instantPayoutFeeMinor(
      request.amount,
      request.currency,
      instantPayoutFeeSchedule(await loadPlatformSettings(q)),
    );
    if (fee >= request.amount) {
      throw refused(`An instant payout must be more than its fee (${fee}).`, 'amount', 'amount_too_small');
    }
  }
  const now = await clockNow(q);
  const quote: PayoutQuote = {
    amount: request.amount,
    currency: request.currency,
    method: request.method,
    fee,
    net: request.amount - fee,
    arrival_date: arrivalSeconds(request.method, now),
  };
  return { bank, quote, now };
}

/** What a payout would cost and when it would arrive (`GET /v1/embedded/payouts/quote`). */
export async function quotePayout(q: Queryable, accountId: string, request: PayoutRequest): Promise<PayoutQuote> {
  const { quote } = await checkPayout(q, await loadAccount(q, accountId), request);
  const available =
    (await getBalance(q, { owner: accountId as ConnectedAccountId, kind: 'available', currency: request.currency })) ??
    0;
  if (quote.amount > available) {
    throw refused(
      `The available balance (${available}) does not cover ${quote.amount}.`,
      'amount',
      'balance_insufficient',
    );
  }
  return quote;
}

function payoutEntries(id: string, accountId: ConnectedAccountId, quote: PayoutQuote): JournalEntryDraft[] {
  const base = { payoutId: id, currency: quote.currency };
  return [
    payoutCreatedEntry({ ...base, owner: accountId, amountMinor: quote.net }),
    ...(quote.fee > 0 ? [instantPayoutFeeEntry({ ...base, account: accountId, feeMinor: quote.fee })] : []),
  ];
}

/** The instant payout fee waits in the platform's pending balance like an application fee. */
async function recordPlatformFee(q: Queryable, id: string, quote: PayoutQuote, now: number) {
  if (quote.fee === 0) return;
  const availableOn = availableOnAfter(now, (await loadPlatformSettings(q)).payout_delay_days);
  const releaseId = await createRelease(q, {
    owner: 'platform',
    currency: quote.currency,
    netMinor: quote.fee,
    sourceId: id,
    availableOn,
  });
  await insertBalanceTransaction(q, {
    owner: 'platform',
    type: 'application_fee',
    currency: quote.currency,
    amount: quote.fee,
    source: id,
    description: 'Instant payout fee',
    pending: { releaseId, availableOn },
  });
}

/**
 * Pays out part of a connected account's available balance to its bank account: the amount
 * leaves available (never below zero: a 400 `balance_insufficient` otherwise, nothing moved) and
 * is in transit until the rail answers. An instant payout's fee goes to the platform. The rail's
 * outcome is decided now from the bank account number, the only time it is opened.
 */
export async function createPayout(
  encryptor: Encryptor,
  q: Queryable,
  accountId: string,
  request: PayoutRequest,
  options: { automatic?: boolean } = {},
): Promise<PayoutRow> {
  const account = await loadAccount(q, accountId);
  const { bank, quote, now } = await checkPayout(q, account, request);
  const id = newId('po');
  await openBalances(q, [accountId as Owner], request.currency);
  await postOrRefuse(q, payoutEntries(id, accountId as ConnectedAccountId, quote));
  await recordPlatformFee(q, id, quote, now);
  const txn = await insertBalanceTransaction(q, {
    owner: accountId as Owner,
    type: 'payout',
    currency: request.currency,
    amount: -quote.net,
    fee: quote.fee,
    feeDetails:
      quote.fee > 0
        ? [{ amount: quote.fee, currency: quote.currency, description: 'Instant payout fee', type: 'application_fee' }]
        : [],
    source: id,
    payoutId: id,
  });
  const outcome: RailOutcome = payoutOutcome(encryptor.decryptText(bank.account_number_ciphertext));
  const timing = request.method === 'instant' ? PAYOUT_TIMING.instant : PAYOUT_TIMING.standard;
  // Times come from atrium_now() itself: the clock read in whole seconds may be up to half a
  // second ahead of it, and an arrival must never be earlier than the rail can reach it.
  const arrival =
    request.method === 'instant'
      ? `atrium_now() + make_interval(secs => ${PAYOUT_TIMING.instant.arrivalAfterSeconds})`
      : `(date_trunc('day', atrium_now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') + make_interval(days => ${PAYOUT_TIMING.standard.arrivalDays})`;
  const [row] = await q.query<PayoutRow>(
    `INSERT INTO payouts (id, account_id, created_at, amount, currency, status, method, destination, automatic, fee,
       arrival_date, next_transition_at, rail_outcome, description, statement_descriptor, metadata, balance_transaction_id)
     VALUES ($1, $2, atrium_now(), $3, $4, 'pending', $5, $6, $7, $8, ${arrival},
       atrium_now() + make_interval(secs => $9), $10, $11, $12, $13, $14) RETURNING *`,
    [
      id,
      accountId,
      quote.amount,
      quote.currency,
      quote.method,
      bank.id,
      options.automatic ?? false,
      quote.fee,
      timing.inTransitAfterSeconds,
      JSON.stringify(outcome),
      request.description ?? null,
      request.statement_descriptor ?? null,
      JSON.stringify(mergeMetadata({}, request.metadata)),
      txn,
    ],
  );
  if (!row) throw new Error('INSERT INTO payouts returned no row');
  await recordEvent(q, { type: 'payout.created', accountId, object: payoutObject(row) });
  return row;
}

/** `POST /v1/payouts/:id/cancel` (the payout locked by the caller): a standard payout still pending. */
export async function cancelPayout(q: Queryable, payout: PayoutRow): Promise<PayoutRow> {
  // As on Stripe: an automatic payout belongs to the schedule, which would only pay the money
  // out again on its next run.
  if (payout.automatic) {
    throw refused(
      `Payout ${payout.id} cannot be canceled: automatic payouts cannot be canceled.`,
      undefined,
      'payout_not_cancelable',
    );
  }
  if (payout.status !== 'pending' || payout.method !== 'standard') {
    throw refused(
      `Payout ${payout.id} cannot be canceled: only pending standard payouts can (it is ${payout.status}, ${payout.method}).`,
      undefined,
      'payout_not_cancelable',
    );
  }
  const net = payout.amount - payout.fee;
  await postOrRefuse(q, [
    payoutCanceledEntry({
      payoutId: payout.id,
      owner: payout.account_id as ConnectedAccountId,
      currency: payout.currency,
      amountMinor: net,
    }),
  ]);
  await insertBalanceTransaction(q, {
    owner: payout.account_id as Owner,
    type: 'payout_cancel',
    currency: payout.currency,
    amount: net,
    source: payout.id,
    payoutId: payout.id,
  });
  const [row] = await q.query<PayoutRow>(
    `UPDATE payouts SET status = 'canceled', next_transition_at = NULL WHERE id = $1 AND status = 'pending' RETURNING *`,
    [payout.id],
  );
  if (!row) throw new Error(`payout ${payout.id} changed while it was locked`);
  const object = payoutObject(row);
  await recordEvent(q, { type: 'payout.canceled', accountId: row.account_id, object });
  await recordUpdate(q, { type: 'payout.updated', accountId: row.account_id, before: payoutObject(payout), object });
  return row;
}
