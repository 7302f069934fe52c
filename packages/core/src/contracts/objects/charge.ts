import { z } from 'zod';
import { amountSchema, countrySchema, currencySchema, metadataSchema, objectId, unixSecondsSchema } from './common';
import { listSchema } from './list';
import { refundSchema } from './refund';

export const CHARGE_STATUSES = ['succeeded', 'pending', 'failed'] as const;

const addressSchema = z.object({
  city: z.string().nullable(),
  country: z.string().nullable(),
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  postal_code: z.string().nullable(),
  state: z.string().nullable(),
});

export const billingDetailsSchema = z.object({
  address: addressSchema.nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
});

export const chargeOutcomeSchema = z.object({
  network_status: z.string().nullable(),
  reason: z.string().nullable(),
  risk_level: z.string().nullish(),
  seller_message: z.string().nullable(),
  type: z.string(),
});

/** What paid: the payment method's type and, for cards, what is safe to show about the card. */
export const paymentMethodDetailsSchema = z.object({
  type: z.string(),
  card: z
    .object({
      brand: z.string().nullable(),
      country: countrySchema.nullable(),
      exp_month: z.number().int(),
      exp_year: z.number().int(),
      funding: z.string().nullable(),
      last4: z.string().nullable(),
    })
    .optional(),
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
  application_fee: z.string().nullish(),
  application_fee_amount: amountSchema.nullable(),
  balance_transaction: z.string().nullable(),
  billing_details: billingDetailsSchema,
  captured: z.boolean(),
  created: unixSecondsSchema,
  currency: currencySchema,
  customer: z.string().nullish(),
  description: z.string().nullable(),
  disputed: z.boolean(),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
  livemode: z.boolean(),
  metadata: metadataSchema,
  on_behalf_of: z.string().nullable(),
  outcome: chargeOutcomeSchema.nullable(),
  paid: z.boolean(),
  payment_intent: z.string().nullable(),
  payment_method: z.string().nullable(),
  payment_method_details: paymentMethodDetailsSchema.nullable(),
  receipt_email: z.string().nullable(),
  refunded: z.boolean(),
  refunds: listSchema(refundSchema).optional(),
  statement_descriptor: z.string().nullish(),
  status: z.enum(CHARGE_STATUSES),
  transfer: z.string().nullish(),
  transfer_data: z.object({ amount: amountSchema.nullable(), destination: z.string() }).nullable(),
  transfer_group: z.string().nullable(),
});
export type Charge = z.infer<typeof chargeSchema>;
