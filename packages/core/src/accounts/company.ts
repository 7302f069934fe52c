import { z } from 'zod/mini';
import { addressParamsSchema } from './address';
import type { FieldContext } from './context';
import { taxIdParam } from './identity-numbers';
import { phoneParam } from './phone';
import { booleanParam, orUnset } from './scalars';
import { fileIdParam, textParam } from './text';

/** Stripe's legal structures of a company (`company[structure]`). */
export const COMPANY_STRUCTURES = [
  'government_instrumentality',
  'governmental_unit',
  'incorporated_non_profit',
  'incorporated_partnership',
  'limited_liability_partnership',
  'llc',
  'multi_member_llc',
  'private_company',
  'private_corporation',
  'private_partnership',
  'public_company',
  'public_corporation',
  'public_partnership',
  'registered_charity',
  'single_member_llc',
  'sole_proprietorship',
  'tax_exempt_government_instrumentality',
  'unincorporated_association',
  'unincorporated_non_profit',
  'unincorporated_partnership',
] as const;

/**
 * The company of a `company` or `non_profit` account (`company[...]`), with Stripe's names. The
 * `*_provided` flags are the company's statement that all its owners, directors or executives
 * have been added.
 */
export function companyParamsSchema(context: FieldContext) {
  return z.strictObject({
    name: z.optional(textParam(100)),
    tax_id: z.optional(taxIdParam(context.country)),
    phone: z.optional(phoneParam(context.country)),
    address: z.optional(addressParamsSchema(context.country)),
    structure: z.optional(orUnset(z.enum(COMPANY_STRUCTURES), `must be one of ${COMPANY_STRUCTURES.join(', ')}`)),
    owners_provided: z.optional(booleanParam()),
    directors_provided: z.optional(booleanParam()),
    executives_provided: z.optional(booleanParam()),
    verification: z.optional(
      z.strictObject({
        document: z.optional(z.strictObject({ front: z.optional(fileIdParam()), back: z.optional(fileIdParam()) })),
      }),
    ),
  });
}
export type CompanyParams = z.infer<ReturnType<typeof companyParamsSchema>>;
