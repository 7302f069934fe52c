import { z } from 'zod/mini';
import { amountSchema, currencySchema, metadataSchema, objectId, unixSecondsSchema } from './common';
import { listSchema } from './list';

/** A reversal of part or all of a transfer (`trr_...`). */
export const transferReversalSchema = z.object({
  id: objectId('trr'),
  object: z.literal('transfer_reversal'),
  amount: amountSchema,
  balance_transaction: z.nullable(z.string()),
  created: unixSecondsSchema,
  currency: currencySchema,
  destination_payment_refund: z.nullish(z.string()),
  metadata: z.nullable(metadataSchema),
  source_refund: z.nullish(z.string()),
  transfer: z.string(),
});
export type TransferReversal = z.infer<typeof transferReversalSchema>;

/**
 * A transfer of funds between balances (`tr_...`): to `destination`, optionally tied to the charge
 * it was funded by (`source_transaction`) or a group of charges and transfers (`transfer_group`).
 * `source_account` is an Atrium extension for account-to-account transfers: the sending connected
 * account, or null when the platform sent it (Stripe's transfers have no such field, hence optional).
 */
export const transferSchema = z.object({
  id: objectId('tr'),
  object: z.literal('transfer'),
  amount: amountSchema,
  amount_reversed: amountSchema,
  balance_transaction: z.nullable(z.string()),
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.nullable(z.string()),
  destination: z.nullable(z.string()),
  destination_payment: z.nullish(z.string()),
  livemode: z.boolean(),
  metadata: metadataSchema,
  reversals: listSchema(transferReversalSchema),
  reversed: z.boolean(),
  source_account: z.nullish(z.string()),
  source_transaction: z.nullable(z.string()),
  source_type: z.optional(z.string()),
  transfer_group: z.nullable(z.string()),
});
export type Transfer = z.infer<typeof transferSchema>;
