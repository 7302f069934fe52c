import { z } from 'zod/mini';
import { amountSchema, currencySchema, objectId, unixSecondsSchema } from './common';

/** Stripe's balance transaction types that money movements on Atrium produce. */
export const BALANCE_TRANSACTION_TYPES = [
  'adjustment',
  'application_fee',
  'application_fee_refund',
  'charge',
  'connect_collection_transfer',
  'payment',
  'payment_failure_refund',
  'payment_refund',
  'payment_reversal',
  'payout',
  'payout_cancel',
  'payout_failure',
  'payout_minimum_balance_hold',
  'payout_minimum_balance_release',
  'refund',
  'refund_failure',
  'reserve_transaction',
  'reserved_funds',
  'stripe_fee',
  'topup',
  'topup_reversal',
  'transfer',
  'transfer_cancel',
  'transfer_failure',
  'transfer_refund',
] as const;

export const feeDetailSchema = z.object({
  amount: amountSchema,
  application: z.nullish(z.string()),
  currency: currencySchema,
  description: z.nullable(z.string()),
  type: z.enum(['application_fee', 'payment_method_passthrough_fee', 'stripe_fee', 'tax']),
});
export type FeeDetail = z.infer<typeof feeDetailSchema>;

/**
 * One movement on an account's balance (`txn_...`): `amount` is gross, `fee` what was taken,
 * `net = amount - fee`; `source` is the object that caused it (`ch_`, `re_`, `po_`, `tr_`, ...).
 */
export const balanceTransactionSchema = z.object({
  id: objectId('txn'),
  object: z.literal('balance_transaction'),
  amount: amountSchema,
  available_on: unixSecondsSchema,
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.nullable(z.string()),
  exchange_rate: z.nullish(z.number()),
  fee: amountSchema,
  fee_details: z.array(feeDetailSchema),
  net: amountSchema,
  reporting_category: z.string(),
  source: z.nullable(z.string()),
  status: z.enum(['available', 'pending']),
  type: z.enum(BALANCE_TRANSACTION_TYPES),
});
export type BalanceTransaction = z.infer<typeof balanceTransactionSchema>;
