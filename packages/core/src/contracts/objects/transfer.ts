import { z } from 'zod';
import { amountSchema, currencySchema, metadataSchema, objectId, unixSecondsSchema } from './common';
import { listSchema } from './list';

/** A reversal of part or all of a transfer (`trr_...`). */
export const transferReversalSchema = z.object({
  id: objectId('trr'),
  object: z.literal('transfer_reversal'),
  amount: amountSchema,
  balance_transaction: z.string().nullable(),
  created: unixSecondsSchema,
  currency: currencySchema,
  destination_payment_refund: z.string().nullish(),
  metadata: metadataSchema.nullable(),
  source_refund: z.string().nullish(),
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
  balance_transaction: z.string().nullable(),
  created: unixSecondsSchema,
  currency: currencySchema,
  description: z.string().nullable(),
  destination: z.string().nullable(),
  destination_payment: z.string().nullish(),
  livemode: z.boolean(),
  metadata: metadataSchema,
  reversals: listSchema(transferReversalSchema),
  reversed: z.boolean(),
  source_account: z.string().nullish(),
  source_transaction: z.string().nullable(),
  source_type: z.string().optional(),
  transfer_group: z.string().nullable(),
});
export type Transfer = z.infer<typeof transferSchema>;
