import { boolParam, currencySchema, emailParam, intParam, metadataParam } from '@atrium/core';
import { z } from 'zod';
import { expandParam } from '../../http/expand-param';

/**
 * Parameter schemas of the money routes: strict (an unknown parameter is a 400 naming it), with
 * amounts as integers of minor units. Rules that need the database (balances, accounts, the
 * currency's bounds) are the services' to check.
 */

const text = (max: number) => z.string().max(max);
const expand = expandParam({ list: false });
const accountIdParam = z.string().max(255);

export const paymentIntentCreateSchema = z.strictObject({
  amount: intParam(),
  currency: currencySchema,
  payment_method: text(255).optional(),
  confirm: z.optional(boolParam()),
  capture_method: z.enum(['automatic', 'automatic_async', 'manual']).optional(),
  application_fee_amount: z.optional(intParam()),
  transfer_data: z.strictObject({ destination: accountIdParam, amount: z.optional(intParam()) }).optional(),
  on_behalf_of: accountIdParam.optional(),
  transfer_group: text(255).optional(),
  description: text(1000).optional(),
  statement_descriptor: text(22).optional(),
  receipt_email: z.optional(emailParam()),
  metadata: z.optional(metadataParam()),
  payment_method_types: z.array(z.literal('card', "must be 'card'")).max(1).optional(),
  automatic_payment_methods: z
    .strictObject({ enabled: boolParam(), allow_redirects: z.enum(['always', 'never']).optional() })
    .optional(),
  return_url: text(2000).optional(),
  expand,
});
export type PaymentIntentCreateParams = z.output<typeof paymentIntentCreateSchema>;

export const paymentIntentUpdateSchema = z.strictObject({
  amount: z.optional(intParam()),
  application_fee_amount: z.optional(intParam()),
  // As on Stripe, only the amount of a destination charge's transfer; its destination stays.
  transfer_data: z.strictObject({ amount: intParam() }).optional(),
  description: text(1000).optional(),
  metadata: z.optional(metadataParam()),
  payment_method: text(255).optional(),
  receipt_email: z.optional(emailParam()),
  expand,
});
export type PaymentIntentUpdateParams = z.output<typeof paymentIntentUpdateSchema>;

export const paymentIntentConfirmSchema = z.strictObject({
  payment_method: text(255).optional(),
  capture_method: z.enum(['automatic', 'automatic_async', 'manual']).optional(),
  return_url: text(2000).optional(),
  expand,
});

export const paymentIntentCaptureSchema = z.strictObject({
  amount_to_capture: z.optional(intParam()),
  application_fee_amount: z.optional(intParam()),
  metadata: z.optional(metadataParam()),
  expand,
});
export type PaymentIntentCaptureParams = z.output<typeof paymentIntentCaptureSchema>;

export const paymentIntentCancelSchema = z.strictObject({
  cancellation_reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']).optional(),
  expand,
});

export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

export const refundCreateSchema = z.strictObject({
  charge: text(255).optional(),
  payment_intent: text(255).optional(),
  amount: z.optional(intParam()),
  reason: z.enum(REFUND_REASONS).optional(),
  metadata: z.optional(metadataParam()),
  reverse_transfer: z.optional(boolParam()),
  refund_application_fee: z.optional(boolParam()),
  expand,
});
export type RefundCreateParams = z.output<typeof refundCreateSchema>;

export const transferCreateSchema = z.strictObject({
  amount: intParam(),
  currency: currencySchema,
  destination: accountIdParam,
  description: text(1000).optional(),
  metadata: z.optional(metadataParam()),
  source_transaction: text(255).optional(),
  transfer_group: text(255).optional(),
  source_type: z.enum(['card', 'bank_account']).optional(),
  expand,
});
export type TransferCreateParams = z.output<typeof transferCreateSchema>;

export const reversalCreateSchema = z.strictObject({
  amount: z.optional(intParam()),
  description: text(1000).optional(),
  metadata: z.optional(metadataParam()),
  refund_application_fee: z.optional(boolParam()),
  expand,
});
export type ReversalCreateParams = z.output<typeof reversalCreateSchema>;

export const feeRefundCreateSchema = z.strictObject({
  amount: z.optional(intParam()),
  metadata: z.optional(metadataParam()),
  expand,
});

export const topupCreateSchema = z.strictObject({
  amount: intParam(),
  currency: currencySchema,
  description: text(1000).optional(),
  statement_descriptor: text(15).optional(),
  metadata: z.optional(metadataParam()),
  source: text(255).optional(),
  transfer_group: text(255).optional(),
  expand,
});
export type TopupCreateParams = z.output<typeof topupCreateSchema>;

export const payoutCreateSchema = z.strictObject({
  amount: intParam(),
  currency: currencySchema,
  method: z.enum(['standard', 'instant']).optional(),
  destination: text(255).optional(),
  description: text(1000).optional(),
  statement_descriptor: text(22).optional(),
  metadata: z.optional(metadataParam()),
  source_type: z.enum(['card', 'bank_account', 'fpx']).optional(),
  expand,
});

export const metadataUpdateSchema = z.strictObject({
  description: text(1000).optional(),
  metadata: z.optional(metadataParam()),
  expand,
});

/** What `POST /v1/charges/:id` changes, of Stripe's: the description, metadata and receipt email. */
export const chargeUpdateSchema = z.strictObject({
  description: text(1000).optional(),
  metadata: z.optional(metadataParam()),
  receipt_email: z.optional(emailParam()),
  expand,
});

/** Refunds take only new metadata (Stripe's `POST /v1/refunds/:id`). */
export const refundUpdateSchema = z.strictObject({ metadata: z.optional(metadataParam()), expand });

export const expandOnlySchema = z.strictObject({ expand });
