import { z } from 'zod';
import { requirementsSchema } from '../../requirements/schema';
import { metadataSchema, objectId, unixSecondsSchema } from './common';

/** A postal address as the API answers it: every field present, null when not given. */
export const addressSchema = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postal_code: z.string().nullable(),
  country: z.string().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

/** A date of birth; each part is null until given. */
export const dateOfBirthSchema = z.object({
  day: z.number().int().nullable(),
  month: z.number().int().nullable(),
  year: z.number().int().nullable(),
});

/** An uploaded document's sides (file ids) and, when its check failed, Stripe's code and reason. */
export const verificationDocumentSchema = z.object({
  front: z.string().nullable(),
  back: z.string().nullable(),
  details: z.string().nullable(),
  details_code: z.string().nullable(),
});
export type VerificationDocument = z.infer<typeof verificationDocumentSchema>;

/** The state of a person's checks: `verified` when all passed, `pending` while any runs, else `unverified`. */
export const personVerificationSchema = z.object({
  status: z.enum(['verified', 'pending', 'unverified']),
  details: z.string().nullable(),
  details_code: z.string().nullable(),
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
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
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
  title: z.string().nullable(),
  percent_ownership: z.number().nullable(),
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
