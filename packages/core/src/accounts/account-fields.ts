import { z } from 'zod';
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
    business_type: businessTypeSchema.optional(),
    business_profile: businessProfileParamsSchema(context).optional(),
    individual: individualParamsSchema(context).optional(),
    company: companyParamsSchema(context).optional(),
    tos_acceptance: tosAcceptanceParamsSchema(context).optional(),
    external_account: bankAccountParamsSchema(context).optional(),
  };
}

/** The onboarding fields alone, as a strict object (what the onboarding component submits). */
export function accountFieldsParamsSchema(context: FieldContext) {
  return z.strictObject(accountFieldsShape(context));
}
export type AccountFieldsParams = z.infer<ReturnType<typeof accountFieldsParamsSchema>>;
