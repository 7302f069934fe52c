import { listEnvelope, unixSeconds } from '../../http/list';
import type {
  ApplicationFeeRow,
  ChargeRow,
  FeeRefundRow,
  PaymentIntentRow,
  PayoutRow,
  RefundRow,
  TopupRow,
  TransferReversalRow,
  TransferRow,
} from './rows';

/** Objects as the API shows them, close to Stripe's shapes (see docs/money.md for Atrium's additions). */

const seconds = (date: Date | null) => (date === null ? null : unixSeconds(date));

export function refundObject(row: RefundRow) {
  return {
    id: row.id,
    object: 'refund' as const,
    amount: row.amount,
    balance_transaction: row.balance_transaction_id,
    charge: row.charge_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    description: null,
    destination_details: { type: 'card', card: { reference_status: 'available', type: 'refund' } },
    failure_reason: null,
    metadata: row.metadata,
    payment_intent: row.payment_intent_id,
    reason: row.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: row.status,
    transfer_reversal: row.transfer_reversal_id,
  };
}

const BILLING_DEFAULTS = { address: null, email: null, name: null, phone: null };

/**
 * A charge. `balanceTransaction` is the one of the owner looking at it (the platform's charge
 * transaction, or a seller's payment of a destination charge); `refunds` are included when given.
 * As in Stripe, an authorization canceled before capture shows its released amount as refunded.
 */
export function chargeObject(row: ChargeRow, view: { balanceTransaction: string | null; refunds?: RefundRow[] }) {
  return {
    id: row.id,
    object: 'charge' as const,
    amount: row.amount,
    amount_captured: row.amount_captured,
    amount_refunded: row.amount_refunded + row.amount_released,
    application: null,
    application_fee: row.application_fee_id,
    application_fee_amount: row.application_fee_amount,
    balance_transaction: view.balanceTransaction,
    billing_details: { ...BILLING_DEFAULTS, ...row.billing_details },
    calculated_statement_descriptor: row.statement_descriptor,
    captured: row.captured,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    customer: null,
    description: row.description,
    destination: row.destination,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: row.failure_code,
    failure_message: row.failure_message,
    fraud_details: {},
    livemode: false,
    metadata: row.metadata,
    on_behalf_of: row.on_behalf_of,
    outcome: row.outcome,
    paid: row.paid,
    payment_intent: row.payment_intent_id,
    payment_method: row.payment_method,
    payment_method_details: row.payment_method_details,
    receipt_email: row.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded:
      (row.amount_captured > 0 && row.amount_refunded === row.amount_captured) ||
      (row.amount_released > 0 && row.amount_refunded + row.amount_released === row.amount),
    ...(view.refunds
      ? { refunds: listEnvelope(`/v1/charges/${row.id}/refunds`, view.refunds.map(refundObject), false) }
      : {}),
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: row.statement_descriptor,
    statement_descriptor_suffix: null,
    status: row.status,
    transfer: row.transfer_id,
    transfer_data: row.destination ? { amount: row.transfer_amount, destination: row.destination } : null,
    transfer_group: row.transfer_group,
  };
}

export function paymentIntentObject(row: PaymentIntentRow) {
  return {
    id: row.id,
    object: 'payment_intent' as const,
    amount: row.amount,
    amount_capturable: row.amount_capturable,
    amount_received: row.amount_received,
    application: null,
    application_fee_amount: row.application_fee_amount,
    automatic_payment_methods: null,
    canceled_at: seconds(row.canceled_at),
    cancellation_reason: row.cancellation_reason,
    capture_method: row.capture_method,
    client_secret: null,
    confirmation_method: 'automatic',
    created: unixSeconds(row.created_at),
    currency: row.currency,
    customer: null,
    description: row.description,
    last_payment_error: row.last_payment_error,
    latest_charge: row.latest_charge,
    livemode: false,
    metadata: row.metadata,
    next_action: null,
    on_behalf_of: row.on_behalf_of,
    payment_method: row.payment_method,
    payment_method_types: ['card'],
    receipt_email: row.receipt_email,
    statement_descriptor: row.statement_descriptor,
    status: row.status,
    transfer_data: row.transfer_destination
      ? {
          destination: row.transfer_destination,
          ...(row.transfer_amount === null ? {} : { amount: row.transfer_amount }),
        }
      : null,
    transfer_group: row.transfer_group,
  };
}

export function transferReversalObject(row: TransferReversalRow) {
  return {
    id: row.id,
    object: 'transfer_reversal' as const,
    amount: row.amount,
    balance_transaction: row.balance_transaction_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    destination_payment_refund: null,
    metadata: row.metadata,
    source_refund: row.refund_id,
    transfer: row.transfer_id,
  };
}

/** A transfer, with Atrium's `source_account`: null for the platform, the sender of an account-to-account transfer. */
export function transferObject(row: TransferRow, reversals: TransferReversalRow[]) {
  return {
    id: row.id,
    object: 'transfer' as const,
    amount: row.amount,
    amount_reversed: row.amount_reversed,
    balance_transaction: row.balance_transaction_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    description: row.description,
    destination: row.destination_account_id,
    destination_payment: null,
    livemode: false,
    metadata: row.metadata,
    reversals: listEnvelope(`/v1/transfers/${row.id}/reversals`, reversals.map(transferReversalObject), false),
    reversed: row.amount_reversed === row.amount,
    source_account: row.source_account_id,
    source_transaction: row.source_transaction,
    source_type: 'card',
    transfer_group: row.transfer_group,
  };
}

export function feeRefundObject(row: FeeRefundRow) {
  return {
    id: row.id,
    object: 'fee_refund' as const,
    amount: row.amount,
    balance_transaction: row.balance_transaction_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    fee: row.fee_id,
    metadata: row.metadata,
  };
}

export function applicationFeeObject(row: ApplicationFeeRow, refunds: FeeRefundRow[]) {
  return {
    id: row.id,
    object: 'application_fee' as const,
    account: row.account_id,
    amount: row.amount,
    amount_refunded: row.amount_refunded,
    application: null,
    balance_transaction: row.balance_transaction_id,
    charge: row.charge_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    livemode: false,
    originating_transaction: null,
    refunded: row.amount_refunded === row.amount,
    refunds: listEnvelope(`/v1/application_fees/${row.id}/refunds`, refunds.map(feeRefundObject), false),
  };
}

export function topupObject(row: TopupRow) {
  return {
    id: row.id,
    object: 'topup' as const,
    amount: row.amount,
    balance_transaction: row.balance_transaction_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    description: row.description,
    expected_availability_date: unixSeconds(row.settles_at),
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: row.metadata,
    source: null,
    statement_descriptor: row.statement_descriptor,
    status: row.status,
    transfer_group: null,
  };
}

/**
 * A payout. `amount` leaves the balance; for an instant payout `application_fee_amount` is the
 * fee the platform takes from it, and the bank receives the rest.
 */
export function payoutObject(row: PayoutRow) {
  return {
    id: row.id,
    object: 'payout' as const,
    amount: row.amount,
    application_fee: null,
    application_fee_amount: row.fee > 0 ? row.fee : null,
    arrival_date: unixSeconds(row.arrival_date),
    automatic: row.automatic,
    balance_transaction: row.balance_transaction_id,
    created: unixSeconds(row.created_at),
    currency: row.currency,
    description: row.description,
    destination: row.destination,
    failure_balance_transaction: row.failure_balance_transaction_id,
    failure_code: row.failure_code,
    failure_message: row.failure_message,
    livemode: false,
    metadata: row.metadata,
    method: row.method,
    original_payout: null,
    reconciliation_status: row.status === 'paid' ? 'completed' : 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: row.statement_descriptor,
    status: row.status,
    type: 'bank_account' as const,
  };
}
