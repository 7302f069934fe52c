import { z } from 'zod/mini';
import { countrySchema, currencySchema, metadataSchema, objectId } from './common';

export const BANK_ACCOUNT_STATUSES = ['new', 'validated', 'verified', 'verification_failed', 'errored'] as const;

/**
 * A connected account's bank account for payouts (an external account, `ba_...`). The account
 * number is never returned, only its `last4`.
 */
export const bankAccountSchema = z.object({
  id: objectId('ba'),
  object: z.literal('bank_account'),
  account: z.nullish(z.string()),
  account_holder_name: z.nullable(z.string()),
  account_holder_type: z.nullable(z.enum(['individual', 'company'])),
  available_payout_methods: z.nullish(z.array(z.enum(['standard', 'instant']))),
  bank_name: z.nullable(z.string()),
  country: countrySchema,
  currency: currencySchema,
  default_for_currency: z.nullable(z.boolean()),
  fingerprint: z.nullable(z.string()),
  last4: z.string().check(z.regex(/^[0-9A-Za-z]{4}$/)),
  metadata: z.nullable(metadataSchema),
  routing_number: z.nullable(z.string()),
  status: z.enum(BANK_ACCOUNT_STATUSES),
});
export type BankAccount = z.infer<typeof bankAccountSchema>;
