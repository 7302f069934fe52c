import { z } from 'zod';
import { amountSchema, currencySchema, metadataSchema, objectId, unixSecondsSchema } from './common';

export const PAYOUT_STATUSES = ['paid', 'pending', 'in_transit', 'canceled', 'failed'] as const;
export const PAYOUT_METHODS = ['standard', 'instant'] as const;

/**
 * A payout (`po_...`) from the account's balance to its bank account. `arrival_date` is the
 * expected (or actual, once `paid`) arrival; a `failed` payout says why in `failure_code` and
 * `failure_message` (Stripe's codes: `account_closed`, `no_account`, `insufficient_funds`, ...).
 */
export const payoutSchema = z.object({
  id: objectId('po'),
  object: z.literal('payout'),
  amount: amountSchema,
  application_fee_amount: amountSchema.nullish(),
  arrival_date: unixSecondsSchema,
  automatic: z.boolean(),
  balance_transaction: z.string().nullable(),
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.string().nullable(),
  destination: z.string().nullable(),
  failure_balance_transaction: z.string().nullable(),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
  livemode: z.boolean(),
  metadata: metadataSchema,
  method: z.enum(PAYOUT_METHODS),
  original_payout: z.string().nullish(),
  reversed_by: z.string().nullish(),
  source_type: z.string(),
  statement_descriptor: z.string().nullable(),
  status: z.enum(PAYOUT_STATUSES),
  type: z.enum(['bank_account', 'card']),
});
export type Payout = z.infer<typeof payoutSchema>;
