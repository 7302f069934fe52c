import { notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import { newId } from '../../ids';
import { cardOutcome } from '../../simulators/cards';
import type { CardOutcome } from '../../simulators/cards';
import type { Job } from '../../jobs/runner';
import type { Database, Queryable, Transaction } from '../../store/db';
import { loadAccount } from '../accounts/rows';
import { recordEvent, recordUpdate } from '../events';
import { checkAmountBounds, minimumChargeMinor, refused } from './amounts';
import { captureCharge, processingFeeFor } from './capture';
import { chargeObject, paymentIntentObject } from './objects';
import type { PaymentIntentCaptureParams, PaymentIntentCreateParams, PaymentIntentUpdateParams } from './params';
import {
  loadNamedAccount,
  requireChargesEnabled,
  requireSettlementCurrency,
  requireTransfersCapability,
} from './participants';
import type { ChargeRow, ChargeType, Owner, PaymentIntentRow } from './rows';
import { accountIdOf } from './rows';
import { loadPlatformSettings } from './settings';

/** What a payment intent operation answers: its object, or a 402 card error that still committed. */
export interface IntentAnswer {
  status: number;
  body: object;
}

const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9]{1,64}$/;

const unexpectedState = (row: PaymentIntentRow, action: string) =>
  refused(
    `You cannot ${action} this PaymentIntent because it has a status of ${row.status}.`,
    undefined,
    'payment_intent_unexpected_state',
  );

/** A payment intent of this owner (the platform's own, or a connected account's direct charges). */
export async function loadPaymentIntent(
  q: Queryable,
  owner: Owner,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PaymentIntentRow> {
  const [row] = PAYMENT_INTENT_ID.test(id)
    ? await q.query<PaymentIntentRow>(
        `SELECT * FROM payment_intents WHERE id = $1 AND account_id IS NOT DISTINCT FROM $2${options.lock ? ' FOR UPDATE' : ''}`,
        [id, accountIdOf(owner)],
      )
    : [];
  if (!row) throw notFound('payment_intent', id);
  return row;
}

/** A known test payment method; Stripe answers an unknown one with a 400 on `payment_method`. */
function requirePaymentMethod(paymentMethod: string): CardOutcome {
  const outcome = cardOutcome(paymentMethod);
  if (!outcome) throw refused(`No such PaymentMethod: '${paymentMethod}'`, 'payment_method', 'resource_missing');
  return outcome;
}

function chargeTypeOf(owner: Owner, params: PaymentIntentCreateParams): ChargeType {
  if (owner !== 'platform') return 'direct';
  return params.transfer_data ? 'destination' : 'separate';
}

/** The Connect checks of a new payment intent: who receives the money, and whether they can. */
async function checkConnect(
  q: Queryable,
  owner: Owner,
  type: ChargeType,
  params: PaymentIntentCreateParams,
  processingFee: number,
) {
  const fee = params.application_fee_amount;
  if (fee !== undefined && type === 'separate') {
    throw refused(
      'application_fee_amount needs a destination charge (transfer_data[destination]) or a direct charge (Stripe-Account).',
      'application_fee_amount',
      'parameter_invalid',
    );
  }
  if (fee !== undefined && (fee < 0 || fee > params.amount)) {
    throw refused(
      'application_fee_amount must be from 0 to the amount.',
      'application_fee_amount',
      'parameter_invalid',
    );
  }
  if (type === 'direct') {
    if (params.on_behalf_of !== undefined || params.transfer_data !== undefined) {
      const param = params.on_behalf_of === undefined ? 'transfer_data' : 'on_behalf_of';
      throw refused(`${param} cannot be used on a direct charge (Stripe-Account).`, param, 'parameter_invalid');
    }
    // The account pays the processing fee and the application fee from the charge.
    if (fee !== undefined && fee > params.amount - processingFee) {
      throw refused(
        `application_fee_amount cannot exceed the amount less the processing fee (${params.amount - processingFee}) on a direct charge.`,
        'application_fee_amount',
        'parameter_invalid',
      );
    }
    const account = await loadAccount(q, owner);
    requireChargesEnabled(account);
    requireSettlementCurrency(account, params.currency, 'currency');
    return;
  }
  if (params.transfer_data) await checkDestination(q, params);
  else if (params.on_behalf_of !== undefined) {
    const account = await loadNamedAccount(q, params.on_behalf_of, 'on_behalf_of');
    requireChargesEnabled(account);
    requireSettlementCurrency(account, params.currency, 'currency');
  }
}

async function checkDestination(q: Queryable, params: PaymentIntentCreateParams) {
  const data = params.transfer_data;
  if (!data) return;
  const destination = await loadNamedAccount(q, data.destination, 'transfer_data[destination]');
  requireTransfersCapability(destination, 'transfer_data[destination]');
  requireSettlementCurrency(destination, params.currency, 'currency');
  if (params.on_behalf_of !== undefined && params.on_behalf_of !== data.destination) {
    throw refused('on_behalf_of must be the transfer_data[destination] account.', 'on_behalf_of', 'parameter_invalid');
  }
  if (data.amount !== undefined) {
    if (params.application_fee_amount !== undefined) {
      throw refused(
        'You cannot specify both application_fee_amount and transfer_data[amount].',
        'transfer_data[amount]',
        'parameter_invalid',
      );
    }
    if (data.amount <= 0 || data.amount > params.amount) {
      throw refused(
        'transfer_data[amount] must be from 1 to the amount.',
        'transfer_data[amount]',
        'parameter_invalid',
      );
    }
  }
}

/** `POST /v1/payment_intents`, confirming at once with `confirm=true`. */
export async function createPaymentIntent(
  q: Queryable,
  owner: Owner,
  params: PaymentIntentCreateParams,
): Promise<IntentAnswer> {
  checkAmountBounds(params.amount, params.currency, 'amount', minimumChargeMinor(params.currency));
  const processingFee = processingFeeFor(params.amount, params.currency, await loadPlatformSettings(q));
  if (params.payment_method !== undefined) requirePaymentMethod(params.payment_method);
  const type = chargeTypeOf(owner, params);
  await checkConnect(q, owner, type, params, processingFee);
  const [row] = await q.query<PaymentIntentRow>(
    `INSERT INTO payment_intents (id, account_id, created_at, amount, currency, status, capture_method, payment_method,
       description, statement_descriptor, receipt_email, metadata, application_fee_amount, transfer_destination,
       transfer_amount, on_behalf_of, transfer_group)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING *`,
    [
      newId('pi'),
      accountIdOf(owner),
      params.amount,
      params.currency,
      params.payment_method === undefined ? 'requires_payment_method' : 'requires_confirmation',
      params.capture_method ?? 'automatic',
      params.payment_method ?? null,
      params.description ?? null,
      params.statement_descriptor ?? null,
      params.receipt_email ?? null,
      JSON.stringify(mergeMetadata({}, params.metadata)),
      params.application_fee_amount ?? null,
      params.transfer_data?.destination ?? null,
      params.transfer_data?.amount ?? null,
      // As on Stripe, only when sent: it makes the account the settlement merchant.
      params.on_behalf_of ?? null,
      params.transfer_group ?? null,
    ],
  );
  if (!row) throw new Error('INSERT INTO payment_intents returned no row');
  await recordEvent(q, {
    type: 'payment_intent.created',
    accountId: row.account_id ?? undefined,
    object: paymentIntentObject(row),
  });
  if (params.confirm) return confirmPaymentIntent(q, row, {});
  return { status: 200, body: paymentIntentObject(row) };
}

/** Whether an intent has not been confirmed yet: its amount and payment method may still change. */
const isUnconfirmed = (row: PaymentIntentRow) =>
  ['requires_payment_method', 'requires_confirmation'].includes(row.status);

/**
 * A new amount or application fee, before confirmation, checked as on create: the currency's
 * bounds, and the fee and any `transfer_data[amount]` within the amount (and, on a direct charge,
 * within what the processing fee leaves).
 */
async function checkNewAmounts(q: Queryable, row: PaymentIntentRow, params: PaymentIntentUpdateParams) {
  const transferAmount = params.transfer_data?.amount;
  if (params.amount === undefined && params.application_fee_amount === undefined && transferAmount === undefined) {
    return;
  }
  if (!isUnconfirmed(row)) throw unexpectedState(row, 'update the amount of');
  if (transferAmount !== undefined && row.transfer_destination === null) {
    throw refused(
      'transfer_data[amount] can be updated only on a destination charge (one created with transfer_data[destination]).',
      'transfer_data[amount]',
      'parameter_invalid',
    );
  }
  const next: PaymentIntentCreateParams = {
    amount: params.amount ?? row.amount,
    currency: row.currency,
    application_fee_amount: params.application_fee_amount ?? row.application_fee_amount ?? undefined,
    transfer_data:
      row.transfer_destination === null
        ? undefined
        : { destination: row.transfer_destination, amount: transferAmount ?? row.transfer_amount ?? undefined },
    on_behalf_of: row.on_behalf_of ?? undefined,
  };
  checkAmountBounds(next.amount, next.currency, 'amount', minimumChargeMinor(next.currency));
  const processingFee = processingFeeFor(next.amount, next.currency, await loadPlatformSettings(q));
  const owner: Owner = row.account_id === null ? 'platform' : (row.account_id as Owner);
  await checkConnect(q, owner, chargeTypeOf(owner, next), next, processingFee);
}

/** `POST /v1/payment_intents/:id`: what may change before the payment is made. */
export async function updatePaymentIntent(q: Queryable, row: PaymentIntentRow, params: PaymentIntentUpdateParams) {
  if (!isUnconfirmed(row) && params.payment_method !== undefined) {
    throw unexpectedState(row, 'update the payment method of');
  }
  if (params.payment_method !== undefined) requirePaymentMethod(params.payment_method);
  await checkNewAmounts(q, row, params);
  const paymentMethod = params.payment_method ?? row.payment_method;
  const status =
    row.status === 'requires_payment_method' && paymentMethod !== null ? 'requires_confirmation' : row.status;
  const [updated] = await q.query<PaymentIntentRow>(
    `UPDATE payment_intents SET description = $2, metadata = $3, payment_method = $4, receipt_email = $5, status = $6,
            amount = $7, application_fee_amount = $8, transfer_amount = $9
      WHERE id = $1 RETURNING *`,
    [
      row.id,
      params.description ?? row.description,
      JSON.stringify(mergeMetadata(row.metadata, params.metadata)),
      paymentMethod,
      params.receipt_email ?? row.receipt_email,
      status,
      params.amount ?? row.amount,
      params.application_fee_amount ?? row.application_fee_amount,
      params.transfer_data?.amount ?? row.transfer_amount,
    ],
  );
  if (!updated) throw notFound('payment_intent', row.id);
  const object = paymentIntentObject(updated);
  await recordUpdate(q, {
    type: 'payment_intent.updated',
    accountId: updated.account_id ?? undefined,
    before: paymentIntentObject(row),
    object,
  });
  return object;
}

function paymentMethodDetails(outcome: CardOutcome) {
  const { card } = outcome;
  return {
    type: 'card',
    card: {
      brand: card.brand,
      country: card.country,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      funding: card.funding,
      last4: card.last4,
    },
  };
}

function chargeOutcome(outcome: CardOutcome) {
  if (outcome.ok) {
    return {
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      seller_message: 'Payment complete.',
      type: 'authorized',
    };
  }
  return {
    network_status: 'declined_by_network',
    reason: outcome.declineCode ?? null,
    risk_level: 'normal',
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  };
}

async function insertCharge(q: Queryable, intent: PaymentIntentRow, paymentMethod: string, outcome: CardOutcome) {
  const type: ChargeType = intent.account_id ? 'direct' : intent.transfer_destination ? 'destination' : 'separate';
  const [charge] = await q.query<ChargeRow>(
    `INSERT INTO charges (id, account_id, payment_intent_id, created_at, charge_type, amount, currency, status, paid,
       payment_method, payment_method_details, failure_code, failure_message, outcome, destination, transfer_amount,
       on_behalf_of, transfer_group, application_fee_amount, description, statement_descriptor, receipt_email, metadata)
     VALUES ($1, $2, $3, atrium_now(), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
       $21, $22) RETURNING *`,
    [
      newId('ch'),
      intent.account_id,
      intent.id,
      type,
      intent.amount,
      intent.currency,
      outcome.ok ? 'succeeded' : 'failed',
      outcome.ok,
      paymentMethod,
      JSON.stringify(paymentMethodDetails(outcome)),
      outcome.ok ? null : outcome.code,
      outcome.ok ? null : outcome.message,
      JSON.stringify(chargeOutcome(outcome)),
      intent.transfer_destination,
      intent.transfer_amount,
      intent.on_behalf_of,
      intent.transfer_group,
      intent.application_fee_amount,
      intent.description,
      intent.statement_descriptor,
      intent.receipt_email,
      JSON.stringify(intent.metadata),
    ],
  );
  if (!charge) throw new Error('INSERT INTO charges returned no row');
  return charge;
}

/**
 * A declined card: the failed charge is recorded and the intent asks for another payment method;
 * the answer is Stripe's 402 `card_error` with the decline code, the charge and the intent, and it
 * commits like any answer (so the failure is kept, and replays answer the same).
 */
async function decline(
  q: Queryable,
  intent: PaymentIntentRow,
  charge: ChargeRow,
  outcome: Extract<CardOutcome, { ok: false }>,
) {
  const error = {
    type: 'card_error',
    code: outcome.code,
    decline_code: outcome.declineCode,
    message: outcome.message,
    charge: charge.id,
    payment_method: { id: charge.payment_method, object: 'payment_method', type: 'card' },
  };
  const [updated] = await q.query<PaymentIntentRow>(
    `UPDATE payment_intents SET status = 'requires_payment_method', payment_method = NULL, latest_charge = $2,
            last_payment_error = $3 WHERE id = $1 RETURNING *`,
    [intent.id, charge.id, JSON.stringify(error)],
  );
  if (!updated) throw notFound('payment_intent', intent.id);
  const accountId = intent.account_id ?? undefined;
  await recordEvent(q, {
    type: 'charge.failed',
    accountId,
    object: chargeObject(charge, { balanceTransaction: null }),
  });
  await recordEvent(q, { type: 'payment_intent.payment_failed', accountId, object: paymentIntentObject(updated) });
  return { status: 402, body: { error: { ...error, payment_intent: paymentIntentObject(updated) } } };
}

/** Accounts can lose capabilities between creation and confirmation; checked again before charging. */
async function recheckParties(q: Queryable, intent: PaymentIntentRow) {
  if (intent.account_id !== null) requireChargesEnabled(await loadAccount(q, intent.account_id));
  if (intent.transfer_destination !== null) {
    const destination = await loadNamedAccount(q, intent.transfer_destination, 'transfer_data[destination]');
    requireTransfersCapability(destination, 'transfer_data[destination]');
  }
}

/** `POST /v1/payment_intents/:id/confirm`: charges the payment method; captures at once unless manual. */
export async function confirmPaymentIntent(
  q: Queryable,
  intent: PaymentIntentRow,
  params: { payment_method?: string | undefined; capture_method?: PaymentIntentRow['capture_method'] | undefined },
): Promise<IntentAnswer> {
  if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
    throw unexpectedState(intent, 'confirm');
  }
  // As on Stripe, confirming may still choose how the payment is captured.
  if (params.capture_method !== undefined && params.capture_method !== intent.capture_method) {
    const [chosen] = await q.query<PaymentIntentRow>(
      'UPDATE payment_intents SET capture_method = $2 WHERE id = $1 RETURNING *',
      [intent.id, params.capture_method],
    );
    if (!chosen) throw notFound('payment_intent', intent.id);
    intent = chosen;
  }
  const paymentMethod = params.payment_method ?? intent.payment_method;
  if (paymentMethod === null) {
    throw refused(
      'You cannot confirm this PaymentIntent because it is missing a payment method.',
      'payment_method',
      'payment_intent_unexpected_state',
    );
  }
  const outcome = requirePaymentMethod(paymentMethod);
  await recheckParties(q, intent);
  const charge = await insertCharge(q, intent, paymentMethod, outcome);
  if (!outcome.ok) return decline(q, intent, charge, outcome);
  const accountId = intent.account_id ?? undefined;
  await recordEvent(q, {
    type: 'charge.succeeded',
    accountId,
    object: chargeObject(charge, { balanceTransaction: null }),
  });
  const manual = intent.capture_method === 'manual';
  const [authorized] = await q.query<PaymentIntentRow>(
    `UPDATE payment_intents SET status = 'requires_capture', payment_method = $2, latest_charge = $3,
            amount_capturable = amount, last_payment_error = NULL WHERE id = $1 RETURNING *`,
    [intent.id, paymentMethod, charge.id],
  );
  if (!authorized) throw notFound('payment_intent', intent.id);
  if (manual) {
    const object = paymentIntentObject(authorized);
    await recordEvent(q, { type: 'payment_intent.amount_capturable_updated', accountId, object });
    return { status: 200, body: object };
  }
  return { status: 200, body: await capture(q, authorized, charge, {}, outcome.bypassPending) };
}

async function capture(
  q: Queryable,
  intent: PaymentIntentRow,
  charge: ChargeRow,
  params: PaymentIntentCaptureParams,
  bypassPending: boolean,
) {
  const amount = params.amount_to_capture ?? intent.amount_capturable;
  if (amount < 1 || amount > intent.amount_capturable) {
    throw refused(
      `amount_to_capture must be from 1 to the amount capturable (${intent.amount_capturable}).`,
      'amount_to_capture',
      'amount_too_large',
    );
  }
  const feeAllowed =
    intent.account_id !== null || (intent.transfer_destination !== null && intent.transfer_amount === null);
  if (params.application_fee_amount !== undefined && !feeAllowed) {
    throw refused(
      'application_fee_amount needs a direct charge, or a destination charge without transfer_data[amount].',
      'application_fee_amount',
      'parameter_invalid',
    );
  }
  const settings = await loadPlatformSettings(q);
  // The fee set on the intent is capped at what the capture leaves (as Stripe caps it at the
  // amount captured); on a direct charge that is the amount less the account's processing fee.
  const feeCap = intent.account_id === null ? amount : amount - processingFeeFor(amount, intent.currency, settings);
  const fee = params.application_fee_amount ?? Math.min(intent.application_fee_amount ?? 0, feeCap);
  const captured = await captureCharge(q, {
    charge,
    amountMinor: amount,
    applicationFeeMinor: fee,
    settings,
    bypassPending,
  });
  const [updated] = await q.query<PaymentIntentRow>(
    `UPDATE payment_intents SET status = 'succeeded', amount_received = $2, amount_capturable = 0,
            application_fee_amount = $3, metadata = $4
      WHERE id = $1 RETURNING *`,
    [
      intent.id,
      amount,
      captured.application_fee_id ? fee : intent.application_fee_amount,
      JSON.stringify(mergeMetadata(intent.metadata, params.metadata)),
    ],
  );
  if (!updated) throw notFound('payment_intent', intent.id);
  const accountId = intent.account_id ?? undefined;
  const chargeView = chargeObject(captured, { balanceTransaction: captured.balance_transaction_id });
  if (intent.capture_method === 'manual')
    await recordEvent(q, { type: 'charge.captured', accountId, object: chargeView });
  const object = paymentIntentObject(updated);
  await recordEvent(q, { type: 'payment_intent.succeeded', accountId, object });
  return object;
}

/** `POST /v1/payment_intents/:id/capture`: all or part of what was authorized. */
export async function capturePaymentIntent(q: Queryable, intent: PaymentIntentRow, params: PaymentIntentCaptureParams) {
  if (intent.status !== 'requires_capture' || intent.latest_charge === null) throw unexpectedState(intent, 'capture');
  const [charge] = await q.query<ChargeRow>('SELECT * FROM charges WHERE id = $1 FOR UPDATE', [intent.latest_charge]);
  if (!charge) throw new Error(`payment intent ${intent.id} names a charge that does not exist`);
  const outcome = cardOutcome(charge.payment_method);
  return capture(q, intent, charge, params, outcome?.ok === true && outcome.bypassPending);
}

/** `POST /v1/payment_intents/:id/cancel`: before payment, or releasing an uncaptured authorization. */
export async function cancelPaymentIntent(q: Queryable, intent: PaymentIntentRow, reason: string | undefined) {
  if (!['requires_payment_method', 'requires_confirmation', 'requires_capture'].includes(intent.status)) {
    throw unexpectedState(intent, 'cancel');
  }
  const [updated] = await q.query<PaymentIntentRow>(
    `UPDATE payment_intents SET status = 'canceled', canceled_at = atrium_now(), cancellation_reason = $2,
            amount_capturable = 0 WHERE id = $1 RETURNING *`,
    [intent.id, reason ?? null],
  );
  if (!updated) throw notFound('payment_intent', intent.id);
  if (intent.status === 'requires_capture' && intent.latest_charge !== null) {
    await releaseAuthorization(q, intent.latest_charge);
  }
  const object = paymentIntentObject(updated);
  await recordEvent(q, { type: 'payment_intent.canceled', accountId: intent.account_id ?? undefined, object });
  return object;
}

/**
 * An authorization canceled before capture gives the held amount back to the card: Stripe shows
 * it on the charge as refunded (`charge.refunded`). Nothing was captured, so no money moves and
 * the ledger is untouched.
 */
async function releaseAuthorization(q: Queryable, chargeId: string): Promise<void> {
  const [released] = await q.query<ChargeRow>(
    `UPDATE charges SET amount_released = amount - amount_captured
      WHERE id = $1 AND NOT captured AND status = 'succeeded' RETURNING *`,
    [chargeId],
  );
  if (!released) return;
  await recordEvent(q, {
    type: 'charge.refunded',
    accountId: released.account_id ?? undefined,
    object: chargeObject(released, { balanceTransaction: null }),
  });
}

/** How long a card authorization holds: an intent still uncaptured after it is canceled. */
export const AUTHORIZATION_DAYS = 7;
const EXPIRY_BATCH_SIZE = 50;

async function expireAuthorizations(tx: Transaction): Promise<number> {
  const rows = await tx.query<PaymentIntentRow>(
    `SELECT p.* FROM payment_intents p JOIN charges c ON c.id = p.latest_charge
      WHERE p.status = 'requires_capture' AND c.created_at <= atrium_now() - make_interval(days => $1)
      ORDER BY c.created_at, p.id LIMIT $2 FOR UPDATE OF p SKIP LOCKED`,
    [AUTHORIZATION_DAYS, EXPIRY_BATCH_SIZE],
  );
  for (const row of rows) await cancelPaymentIntent(tx, row, 'automatic');
  return rows.length;
}

/**
 * Authorization expiry: an intent authorized with `capture_method: manual` and not captured within
 * seven days is canceled with `cancellation_reason: automatic`, as Stripe does when the card
 * network releases the hold. Rows are claimed with `FOR UPDATE SKIP LOCKED` and canceled only from
 * `requires_capture`, so N instances never cancel one twice.
 */
export function authorizationExpiryJob(deps: { db: Database }): Job {
  return {
    name: 'authorization-expiry',
    runBatch: () => deps.db.transaction('read committed', expireAuthorizations),
  };
}
