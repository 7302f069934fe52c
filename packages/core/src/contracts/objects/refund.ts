import { z } from 'zod/mini';
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
  balance_transaction: z.nullable(z.string()),
  charge: z.nullable(z.string()),
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.nullish(z.string()),
  failure_reason: z.nullish(z.string()),
  metadata: z.nullable(metadataSchema),
  payment_intent: z.nullable(z.string()),
  reason: z.nullable(z.enum(REFUND_REASONS)),
  source_transfer_reversal: z.nullish(z.string()),
  status: z.enum(REFUND_STATUSES),
  transfer_reversal: z.nullish(z.string()),
});
export type Refund = z.infer<typeof refundSchema>;
