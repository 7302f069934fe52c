import { z } from 'zod/mini';
import {
  addressSchema,
  amountSchema,
  countrySchema,
  currencySchema,
  metadataSchema,
  objectId,
  unixSecondsSchema,
} from './common';
import { listSchema } from './list';
import { refundSchema } from './refund';

export const CHARGE_STATUSES = ['succeeded', 'pending', 'failed'] as const;

export const billingDetailsSchema = z.object({
  address: z.nullable(addressSchema),
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
});

export const chargeOutcomeSchema = z.object({
  network_status: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  risk_level: z.nullish(z.string()),
  seller_message: z.nullable(z.string()),
  type: z.string(),
});

/** What paid: the payment method's type and, for cards, what is safe to show about the card. */
export const paymentMethodDetailsSchema = z.object({
  type: z.string(),
  card: z.optional(
    z.object({
      brand: z.nullable(z.string()),
      country: z.nullable(countrySchema),
      exp_month: z.number().check(z.int()),
      exp_year: z.number().check(z.int()),
      funding: z.nullable(z.string()),
      last4: z.nullable(z.string()),
    }),
  ),
});

/**
 * A payment (`ch_...`) as the connected account sees it, with its refunds. `amount_refunded` is
 * the sum of its successful refunds; `refunded` is true once that reaches `amount`.
 */
export const chargeSchema = z.object({
  id: objectId('ch'),
  object: z.literal('charge'),
  amount: amountSchema,
  amount_captured: amountSchema,
  amount_refunded: amountSchema,
  application_fee: z.nullish(z.string()),
  application_fee_amount: z.nullable(amountSchema),
  balance_transaction: z.nullable(z.string()),
  billing_details: billingDetailsSchema,
  captured: z.boolean(),
  created: unixSecondsSchema,
  currency: currencySchema,
  customer: z.nullish(z.string()),
  description: z.nullable(z.string()),
  disputed: z.boolean(),
  failure_code: z.nullable(z.string()),
  failure_message: z.nullable(z.string()),
  livemode: z.boolean(),
  metadata: metadataSchema,
  on_behalf_of: z.nullable(z.string()),
  outcome: z.nullable(chargeOutcomeSchema),
  paid: z.boolean(),
  payment_intent: z.nullable(z.string()),
  payment_method: z.nullable(z.string()),
  payment_method_details: z.nullable(paymentMethodDetailsSchema),
  receipt_email: z.nullable(z.string()),
  refunded: z.boolean(),
  refunds: z.optional(listSchema(refundSchema)),
  statement_descriptor: z.nullish(z.string()),
  status: z.enum(CHARGE_STATUSES),
  transfer: z.nullish(z.string()),
  transfer_data: z.nullable(z.object({ amount: z.nullable(amountSchema), destination: z.string() })),
  transfer_group: z.nullable(z.string()),
});
export type Charge = z.infer<typeof chargeSchema>;
