/** Rows of the money tables (migration 0005), as the drivers return them. */

/** The platform, or a connected account: whose balance an object moves. */
export type Owner = 'platform' | `acct_${string}`;

export type ChargeType = 'direct' | 'destination' | 'separate';

export interface PaymentIntentRow {
  id: string;
  account_id: string | null;
  created_at: Date;
  amount: number;
  currency: string;
  status:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'requires_capture'
    | 'canceled'
    | 'succeeded';
  capture_method: 'automatic' | 'automatic_async' | 'manual';
  payment_method: string | null;
  description: string | null;
  statement_descriptor: string | null;
  receipt_email: string | null;
  metadata: Record<string, string>;
  application_fee_amount: number | null;
  transfer_destination: string | null;
  transfer_amount: number | null;
  on_behalf_of: string | null;
  transfer_group: string | null;
  amount_capturable: number;
  amount_received: number;
  latest_charge: string | null;
  last_payment_error: Record<string, unknown> | null;
  canceled_at: Date | null;
  cancellation_reason: string | null;
}

export interface ChargeRow {
  id: string;
  account_id: string | null;
  payment_intent_id: string;
  created_at: Date;
  charge_type: ChargeType;
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  /** What an authorization canceled before capture released: shown as refunded, no money moved. */
  amount_released: number;
  currency: string;
  status: 'succeeded' | 'pending' | 'failed';
  captured: boolean;
  paid: boolean;
  payment_method: string;
  payment_method_details: Record<string, unknown>;
  failure_code: string | null;
  failure_message: string | null;
  outcome: Record<string, unknown>;
  destination: string | null;
  transfer_amount: number | null;
  on_behalf_of: string | null;
  transfer_group: string | null;
  transfer_id: string | null;
  application_fee_id: string | null;
  application_fee_amount: number | null;
  processing_fee: number;
  balance_transaction_id: string | null;
  description: string | null;
  statement_descriptor: string | null;
  receipt_email: string | null;
  metadata: Record<string, string>;
  billing_details: Record<string, unknown>;
}

export interface ApplicationFeeRow {
  id: string;
  account_id: string;
  charge_id: string;
  created_at: Date;
  amount: number;
  amount_refunded: number;
  currency: string;
  balance_transaction_id: string | null;
}

export interface FeeRefundRow {
  id: string;
  fee_id: string;
  created_at: Date;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  balance_transaction_id: string | null;
}

export interface TransferRow {
  id: string;
  source_account_id: string | null;
  destination_account_id: string;
  created_at: Date;
  amount: number;
  amount_reversed: number;
  currency: string;
  description: string | null;
  metadata: Record<string, string>;
  source_transaction: string | null;
  transfer_group: string | null;
  balance_transaction_id: string | null;
}

export interface TransferReversalRow {
  id: string;
  transfer_id: string;
  created_at: Date;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  refund_id: string | null;
  balance_transaction_id: string | null;
}

export interface RefundRow {
  id: string;
  account_id: string | null;
  charge_id: string;
  payment_intent_id: string;
  created_at: Date;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
  metadata: Record<string, string>;
  transfer_reversal_id: string | null;
  fee_refund_id: string | null;
  balance_transaction_id: string | null;
}

export interface TopupRow {
  id: string;
  created_at: Date;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'reversed';
  description: string | null;
  statement_descriptor: string | null;
  metadata: Record<string, string>;
  settles_at: Date;
  balance_transaction_id: string | null;
}

export type RailOutcome = { kind: 'paid' } | { kind: 'failed'; code: string; message: string };

export interface PayoutRow {
  id: string;
  account_id: string;
  created_at: Date;
  amount: number;
  currency: string;
  status: 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';
  method: 'standard' | 'instant';
  destination: string;
  automatic: boolean;
  fee: number;
  arrival_date: Date;
  next_transition_at: Date | null;
  rail_outcome: RailOutcome;
  failure_code: string | null;
  failure_message: string | null;
  description: string | null;
  statement_descriptor: string | null;
  metadata: Record<string, string>;
  balance_transaction_id: string | null;
  failure_balance_transaction_id: string | null;
}

export type BalanceTransactionType =
  | 'charge'
  | 'payment'
  | 'application_fee'
  | 'application_fee_refund'
  | 'refund'
  | 'payment_refund'
  | 'transfer'
  | 'transfer_refund'
  | 'topup'
  | 'topup_reversal'
  | 'payout'
  | 'payout_cancel'
  | 'payout_failure';

export interface FeeDetail {
  amount: number;
  currency: string;
  description: string;
  type: 'application_fee' | 'stripe_fee';
}

export interface BalanceTransactionRow {
  id: string;
  account_id: string | null;
  created_at: Date;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  type: BalanceTransactionType;
  reporting_category: string;
  status: 'pending' | 'available';
  available_on: Date;
  source: string;
  description: string | null;
  fee_details: FeeDetail[];
  release_id: number | null;
  payout_id: string | null;
}

export interface FundReleaseRow {
  id: number;
  owner: Owner;
  account_id: string | null;
  currency: string;
  net_minor: number;
  source_id: string;
  available_on: Date;
  released_at: Date | null;
}

/** The account id of an owner, as the `account_id` columns hold it (NULL for the platform). */
export function accountIdOf(owner: Owner): string | null {
  return owner === 'platform' ? null : owner;
}

/** The owner an `account_id` column names. */
export function ownerOf(accountId: string | null): Owner {
  return accountId === null ? 'platform' : (accountId as Owner);
}
