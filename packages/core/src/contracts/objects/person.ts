import { z } from 'zod/mini';
import { requirementsSchema } from '../../requirements/schema';
import { addressSchema, metadataSchema, objectId, unixSecondsSchema } from './common';

export type Address = z.infer<typeof addressSchema>;

/** A date of birth; each part is null until given. */
export const dateOfBirthSchema = z.object({
  day: z.nullable(z.number().check(z.int())),
  month: z.nullable(z.number().check(z.int())),
  year: z.nullable(z.number().check(z.int())),
});

/** An uploaded document's sides (file ids) and, when its check failed, Stripe's code and reason. */
export const verificationDocumentSchema = z.object({
  front: z.nullable(z.string()),
  back: z.nullable(z.string()),
  details: z.nullable(z.string()),
  details_code: z.nullable(z.string()),
});
export type VerificationDocument = z.infer<typeof verificationDocumentSchema>;

/** The state of a person's checks: `verified` when all passed, `pending` while any runs, else `unverified`. */
export const personVerificationSchema = z.object({
  status: z.enum(['verified', 'pending', 'unverified']),
  details: z.nullable(z.string()),
  details_code: z.nullable(z.string()),
  document: verificationDocumentSchema,
  additional_document: verificationDocumentSchema,
});

/**
 * The fields every person has. Identity numbers are never returned: `id_number_provided` and
 * `ssn_last_4_provided` say whether they were given.
 */
const personFieldsShape = {
  id: objectId('person'),
  object: z.literal('person'),
  account: z.string(),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  dob: dateOfBirthSchema,
  address: addressSchema,
  id_number_provided: z.boolean(),
  ssn_last_4_provided: z.boolean(),
  verification: personVerificationSchema,
};

/** The holder of an individual account (`account.individual`). */
export const individualSchema = z.object(personFieldsShape);
export type Individual = z.infer<typeof individualSchema>;

/** How a person relates to the company. */
export const relationshipSchema = z.object({
  representative: z.boolean(),
  owner: z.boolean(),
  director: z.boolean(),
  executive: z.boolean(),
  title: z.nullable(z.string()),
  percent_ownership: z.nullable(z.number()),
});
export type Relationship = z.infer<typeof relationshipSchema>;

/**
 * A company's person (`person_...`): representative, owner, director or executive. Its
 * `requirements` are its own slice of the account's, with names relative to the person
 * (`dob.day`, `verification.document`).
 */
export const personSchema = z.object({
  ...personFieldsShape,
  created: unixSecondsSchema,
  relationship: relationshipSchema,
  requirements: requirementsSchema,
  metadata: metadataSchema,
});
export type Person = z.infer<typeof personSchema>;
