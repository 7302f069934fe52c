import { z } from 'zod/mini';
import { countrySpec } from '../requirements/countries';
import { addressParamsSchema } from './address';
import type { FieldContext } from './context';
import { dobParamsSchema } from './dob';
import { idNumberParam, ssnLast4Param } from './identity-numbers';
import { phoneParam } from './phone';
import { booleanParam, orUnset } from './scalars';
import { emailParam, fileIdParam, textParam } from './text';

/** An identity document: the front and back of an uploaded file (`file_...`). */
const documentParamsSchema = z.strictObject({
  front: z.optional(fileIdParam()),
  back: z.optional(fileIdParam()),
});

/** `verification[document]` (identity) and `verification[additional_document]` (proof of address). */
export const verificationParamsSchema = z.strictObject({
  document: z.optional(documentParamsSchema),
  additional_document: z.optional(documentParamsSchema),
});
export type VerificationParams = z.infer<typeof verificationParamsSchema>;

/** The fields every person has, whether the account's `individual` or a company's person. */
function personShape(context: FieldContext) {
  const spec = countrySpec(context.country);
  return {
    first_name: z.optional(textParam(100)),
    last_name: z.optional(textParam(100)),
    email: z.optional(emailParam()),
    phone: z.optional(phoneParam(context.country)),
    dob: z.optional(
      orUnset(
        dobParamsSchema({ minimumAge: spec.minimumAge, nowSeconds: context.nowSeconds }),
        'must be a date of birth (day, month, year), or empty to unset it',
      ),
    ),
    address: z.optional(addressParamsSchema(context.country)),
    id_number: z.optional(idNumberParam(context.country)),
    ssn_last_4: z.optional(ssnLast4Param()),
    verification: z.optional(verificationParamsSchema),
  };
}

type PersonFields = z.infer<z.ZodMiniObject<ReturnType<typeof personShape>>>;

/** Cross-field rules of a person: `ssn_last_4` only in the US, and matching the end of `id_number`. */
export function checkPersonFields(context: FieldContext) {
  return (person: PersonFields, ctx: z.core.$RefinementCtx) => {
    if (person.ssn_last_4 === undefined) return;
    if (!countrySpec(context.country).ssnLast4) {
      ctx.addIssue({ code: 'custom', message: 'is only accepted for US accounts', path: ['ssn_last_4'] });
    } else if (person.id_number !== undefined && !person.id_number.endsWith(person.ssn_last_4)) {
      ctx.addIssue({ code: 'custom', message: 'must be the last 4 digits of id_number', path: ['ssn_last_4'] });
    }
  };
}

/** The account holder of an individual account (`individual[...]`), with Stripe's parameter names. */
export function individualParamsSchema(context: FieldContext) {
  return z.strictObject(personShape(context)).check(z.superRefine(checkPersonFields(context)));
}
export type IndividualParams = z.infer<ReturnType<typeof individualParamsSchema>>;

/** A percentage from 0 to 100 with up to 4 decimals, as a JSON number or a decimal string. */
const percentParam = () =>
  z.pipe(
    z.union(
      [z.number(), z.pipe(z.string().check(z.regex(/^\d{1,3}(\.\d{1,4})?$/)), z.transform(Number))],
      'must be a number from 0 to 100',
    ),
    z.number().check(z.gte(0, 'must be from 0 to 100'), z.lte(100, 'must be from 0 to 100')),
  );

/** How a person relates to the company: `relationship[...]` of a person. */
export const relationshipParamsSchema = z.strictObject({
  representative: z.optional(booleanParam()),
  owner: z.optional(booleanParam()),
  director: z.optional(booleanParam()),
  executive: z.optional(booleanParam()),
  title: z.optional(textParam(100)),
  percent_ownership: z.optional(orUnset(percentParam(), 'must be a number from 0 to 100, or empty to unset it')),
});
export type RelationshipParams = z.infer<typeof relationshipParamsSchema>;

/** The fields of a company's person: the person fields plus `relationship`. */
export function personParamsShape(context: FieldContext) {
  return { ...personShape(context), relationship: z.optional(relationshipParamsSchema) };
}

/** A company's person (`POST /v1/accounts/:id/persons`): the person fields plus `relationship`. */
export function personParamsSchema(context: FieldContext) {
  return z.strictObject(personParamsShape(context)).check(z.superRefine(checkPersonFields(context)));
}
export type PersonParams = z.infer<ReturnType<typeof personParamsSchema>>;
