import { z } from 'zod';
import { countrySchema, currencySchema, metadataSchema, objectId } from './common';

export const BANK_ACCOUNT_STATUSES = ['new', 'validated', 'verified', 'verification_failed', 'errored'] as const;

/**
 * A connected account's bank account for payouts (an external account, `ba_...`). The account
 * number is never returned, only its `last4`.
 */
export const bankAccountSchema = z.object({
  id: objectId('ba'),
  object: z.literal('bank_account'),
  account: z.string().nullish(),
  account_holder_name: z.string().nullable(),
  account_holder_type: z.enum(['individual', 'company']).nullable(),
  available_payout_methods: z.array(z.enum(['standard', 'instant'])).nullish(),
  bank_name: z.string().nullable(),
  country: countrySchema,
  currency: currencySchema,
  default_for_currency: z.boolean().nullable(),
  fingerprint: z.string().nullable(),
  last4: z.string().regex(/^[0-9A-Za-z]{4}$/),
  metadata: metadataSchema.nullable(),
  routing_number: z.string().nullable(),
  status: z.enum(BANK_ACCOUNT_STATUSES),
});
export type BankAccount = z.infer<typeof bankAccountSchema>;
