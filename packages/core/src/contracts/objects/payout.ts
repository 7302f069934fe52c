import { z } from 'zod/mini';
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
  application_fee_amount: z.nullish(amountSchema),
  arrival_date: unixSecondsSchema,
  automatic: z.boolean(),
  balance_transaction: z.nullable(z.string()),
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.nullable(z.string()),
  destination: z.nullable(z.string()),
  failure_balance_transaction: z.nullable(z.string()),
  failure_code: z.nullable(z.string()),
  failure_message: z.nullable(z.string()),
  livemode: z.boolean(),
  metadata: metadataSchema,
  method: z.enum(PAYOUT_METHODS),
  original_payout: z.nullish(z.string()),
  reversed_by: z.nullish(z.string()),
  source_type: z.string(),
  statement_descriptor: z.nullable(z.string()),
  status: z.enum(PAYOUT_STATUSES),
  type: z.enum(['bank_account', 'card']),
});
export type Payout = z.infer<typeof payoutSchema>;
