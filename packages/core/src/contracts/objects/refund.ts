import { z } from 'zod';
import { amountSchema, currencySchema, metadataSchema, objectId, unixSecondsSchema } from './common';

export const REFUND_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;
export const REFUND_REASONS = [
  'duplicate',
  'fraudulent',
  'requested_by_customer',
  'expired_uncaptured_charge',
] as const;

/** A refund of part or all of a charge (`re_...`). */
export const refundSchema = z.object({
  id: objectId('re'),
  object: z.literal('refund'),
  amount: amountSchema,
  balance_transaction: z.string().nullable(),
  charge: z.string().nullable(),
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.string().nullish(),
  failure_reason: z.string().nullish(),
  metadata: metadataSchema.nullable(),
  payment_intent: z.string().nullable(),
  reason: z.enum(REFUND_REASONS).nullable(),
  source_transfer_reversal: z.string().nullish(),
  status: z.enum(REFUND_STATUSES),
  transfer_reversal: z.string().nullish(),
});
export type Refund = z.infer<typeof refundSchema>;
