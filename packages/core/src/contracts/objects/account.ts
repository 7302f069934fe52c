import { z } from 'zod/mini';
import { payoutScheduleSchema } from '../../payouts/schedule';
import { BUSINESS_TYPES } from '../../requirements/country-spec';
import { capabilityStatusesSchema, requirementsSchema } from '../../requirements/schema';
import { bankAccountSchema } from './bank-account';
import { addressSchema, countrySchema, currencySchema, metadataSchema, objectId, unixSecondsSchema } from './common';
import { individualSchema, verificationDocumentSchema } from './person';

/** How the business presents itself; fields are null until given. */
export const businessProfileSchema = z.object({
  name: z.nullable(z.string()),
  url: z.nullable(z.string()),
  mcc: z.nullable(z.string()),
  product_description: z.nullable(z.string()),
  support_email: z.nullable(z.string()),
  support_phone: z.nullable(z.string()),
  support_url: z.nullish(z.string()),
});
export type BusinessProfile = z.infer<typeof businessProfileSchema>;

/**
 * The company of a `company` or `non_profit` account. The tax id is never returned
 * (`tax_id_provided`); the `*_provided` statements say all owners, directors or executives were added.
 */
export const companySchema = z.object({
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  structure: z.nullable(z.string()),
  address: addressSchema,
  tax_id_provided: z.boolean(),
  owners_provided: z.boolean(),
  directors_provided: z.boolean(),
  executives_provided: z.boolean(),
  verification: z.object({ document: verificationDocumentSchema }),
});
export type Company = z.infer<typeof companySchema>;

/** When the terms were accepted, from where and with which browser; nulls until then. */
export const tosAcceptanceSchema = z.object({
  date: z.nullable(unixSecondsSchema),
  ip: z.nullable(z.string()),
  user_agent: z.nullable(z.string()),
});

/**
 * A connected account (`acct_...`) as the platform API and the component API answer it: its
 * onboarding fields, its `requirements` and `future_requirements`, its capabilities and what they
 * enable, its bank accounts (`external_accounts`) and settings. `individual` is there once an
 * individual account has given details, `company` once a company has.
 */
export const accountSchema = z.object({
  id: objectId('acct'),
  object: z.literal('account'),
  business_profile: businessProfileSchema,
  business_type: z.nullable(z.enum(BUSINESS_TYPES)),
  capabilities: capabilityStatusesSchema,
  charges_enabled: z.boolean(),
  company: z.optional(companySchema),
  country: countrySchema,
  created: unixSecondsSchema,
  default_currency: currencySchema,
  details_submitted: z.boolean(),
  email: z.nullable(z.string()),
  external_accounts: z.object({
    object: z.literal('list'),
    data: z.array(bankAccountSchema),
    has_more: z.boolean(),
    total_count: z.number().check(z.int(), z.nonnegative()),
    url: z.string(),
  }),
  future_requirements: requirementsSchema,
  individual: z.optional(individualSchema),
  livemode: z.boolean(),
  metadata: metadataSchema,
  payouts_enabled: z.boolean(),
  requirements: requirementsSchema,
  settings: z.object({
    payouts: z.object({
      schedule: payoutScheduleSchema,
      debit_negative_balances: z.boolean(),
      statement_descriptor: z.nullable(z.string()),
    }),
    payments: z.object({ statement_descriptor: z.nullable(z.string()) }),
  }),
  tos_acceptance: tosAcceptanceSchema,
  type: z.enum(['custom', 'express', 'standard']),
});
export type Account = z.infer<typeof accountSchema>;
