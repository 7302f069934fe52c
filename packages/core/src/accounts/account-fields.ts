import { z } from 'zod/mini';
import { businessTypeSchema } from '../requirements/country-spec';
import { bankAccountParamsSchema } from './bank-account';
import { businessProfileParamsSchema } from './business-profile';
import { companyParamsSchema } from './company';
import type { FieldContext } from './context';
import { individualParamsSchema } from './individual';
import { tosAcceptanceParamsSchema } from './tos-acceptance';

/**
 * The onboarding fields of `POST /v1/accounts` and `POST /v1/accounts/:id`, with Stripe's names,
 * for one country. The server spreads this shape into its own strict schema (beside `email`,
 * `capabilities`, `metadata` and the like); every field is optional because updates are partial,
 * and the requirements engine says what is still due.
 */
export function accountFieldsShape(context: FieldContext) {
  return {
    business_type: z.optional(businessTypeSchema),
    business_profile: z.optional(businessProfileParamsSchema(context)),
    individual: z.optional(individualParamsSchema(context)),
    company: z.optional(companyParamsSchema(context)),
    tos_acceptance: z.optional(tosAcceptanceParamsSchema(context)),
    external_account: z.optional(bankAccountParamsSchema(context)),
  };
}

/** The onboarding fields alone, as a strict object (what the onboarding component submits). */
export function accountFieldsParamsSchema(context: FieldContext) {
  return z.strictObject(accountFieldsShape(context));
}
export type AccountFieldsParams = z.infer<ReturnType<typeof accountFieldsParamsSchema>>;
