import { countrySpec } from '@atrium/core';
import type { AccountFieldsParams, CountryCode, PersonParams } from '@atrium/core';
import type { Encryptor } from '../../crypto';
import { newId } from '../../ids';
import { ApiError } from '../../http/errors';
import { IDENTITY_TEST_VALUES } from '../../simulators/identity';
import type { CompanyValues, PersonValues } from '../../simulators/identity';
import type { Queryable } from '../../store/db';
import { storeSensitive } from './sensitive';
import type { StoredCompany, StoredPerson } from './rows';

type PersonInputFields = Omit<PersonParams, 'relationship'>;

/** Stripe's test file ids: they verify or fail in test mode without an upload (docs/test-values.md). */
const TEST_FILES: ReadonlySet<string> = new Set(Object.values(IDENTITY_TEST_VALUES.file));

/** The upload purposes a verification document may have; a business icon, say, is not one. */
const DOCUMENT_PURPOSES = ['identity_document', 'additional_verification', 'account_requirement'];

type VerificationFiles = Partial<Record<'document' | 'additional_document', { front?: string; back?: string } | null>>;

/**
 * Every file a `verification` hash names (`document` and `additional_document`, front and back)
 * must be a document uploaded for this account, or by the platform itself, unless it is one of
 * Stripe's test file ids; otherwise the request is a 400 naming the field, as Stripe answers an
 * unknown file. `paramPrefix` is where the hash sits: `individual`, `company`, or '' for a person.
 */
export async function checkDocumentFiles(
  q: Queryable,
  accountId: string,
  verification: VerificationFiles | null | undefined,
  paramPrefix: string,
): Promise<void> {
  const named: { param: string; id: string }[] = [];
  for (const kind of ['document', 'additional_document'] as const) {
    for (const side of ['front', 'back'] as const) {
      const id = verification?.[kind]?.[side];
      if (typeof id !== 'string' || TEST_FILES.has(id)) continue;
      const path = `verification][${kind}][${side}]`;
      named.push({ param: paramPrefix === '' ? `verification[${kind}][${side}]` : `${paramPrefix}[${path}`, id });
    }
  }
  if (named.length === 0) return;
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM files WHERE id = ANY($1::text[]) AND (account_id = $2 OR account_id IS NULL)
        AND purpose = ANY($3::text[])`,
    [named.map((file) => file.id), accountId, DOCUMENT_PURPOSES],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = named.find((file) => !found.has(file.id));
  if (missing) {
    throw new ApiError(400, 'invalid_request_error', `No such file upload: '${missing.id}'`, {
      code: 'resource_missing',
      param: missing.param,
    });
  }
}

/**
 * Merges a nested hash as Stripe's updates do: given keys replace, `null` (an empty string in the
 * request) removes, everything else stays.
 */
export function mergeHash<T extends object>(existing: T | null | undefined, update: object | undefined): T {
  const merged: Record<string, unknown> = { ...(existing ?? {}) };
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === undefined) continue;
    if (value === null) {
      merged[key] = undefined;
      continue;
    }
    const current: unknown = merged[key];
    merged[key] =
      typeof value === 'object' && !Array.isArray(value) && typeof current === 'object' && current !== null
        ? mergeHash(current, value as object)
        : value;
  }
  return JSON.parse(JSON.stringify(merged)) as T;
}

/**
 * Applies a person's fields: identity numbers are sealed under `ownerId` (the account for its
 * individual, else the person) and kept only as `*_provided` flags. Returns the stored person and
 * the values test-mode verification should check (those submitted now).
 */
export async function applyPersonFields(
  q: Queryable,
  encryptor: Encryptor,
  input: {
    accountId: string;
    /** The account's country: where the SSN's last four digits are asked for (the US), a full identity number provides them. */
    country: string;
    ownerId: string;
    fieldPrefix: string;
    existing: StoredPerson | null;
    params: PersonInputFields;
  },
): Promise<{ person: StoredPerson; submitted: PersonValues }> {
  const { id_number, ssn_last_4, ...plain } = input.params;
  await checkDocumentFiles(q, input.accountId, plain.verification, input.fieldPrefix.replace(/\.$/, ''));
  const person = mergeHash<StoredPerson>(input.existing ?? { id: newId('person') }, plain);
  if (id_number !== undefined) {
    await storeSensitive(q, encryptor, {
      ownerId: input.ownerId,
      field: `${input.fieldPrefix}id_number`,
      value: id_number,
    });
    person.id_number_provided = true;
    // The full SSN holds its last four digits: nothing more to ask for (nor to keep twice).
    if (countrySpec(input.country as CountryCode).ssnLast4) person.ssn_last_4_provided = true;
  }
  if (ssn_last_4 !== undefined) {
    await storeSensitive(q, encryptor, {
      ownerId: input.ownerId,
      field: `${input.fieldPrefix}ssn_last_4`,
      value: ssn_last_4,
    });
    person.ssn_last_4_provided = true;
  }
  const submitted: PersonValues = {
    ...(plain.dob ? { dob: plain.dob } : {}),
    ...(id_number === undefined ? {} : { id_number }),
    ...(ssn_last_4 === undefined ? {} : { ssn_last_4 }),
    ...(plain.address?.line1 ? { address: { line1: plain.address.line1 } } : {}),
    ...(plain.phone ? { phone: plain.phone } : {}),
    ...(plain.verification ? { verification: plain.verification } : {}),
  };
  return { person, submitted };
}

export async function applyCompanyFields(
  q: Queryable,
  encryptor: Encryptor,
  input: { accountId: string; existing: StoredCompany | null; params: NonNullable<AccountFieldsParams['company']> },
): Promise<{ company: StoredCompany; submitted: CompanyValues }> {
  const { tax_id, ...plain } = input.params;
  await checkDocumentFiles(q, input.accountId, plain.verification, 'company');
  const company = mergeHash<StoredCompany>(input.existing, plain);
  if (tax_id !== undefined) {
    await storeSensitive(q, encryptor, { ownerId: input.accountId, field: 'company.tax_id', value: tax_id });
    company.tax_id_provided = true;
  }
  const submitted: CompanyValues = {
    ...(tax_id === undefined ? {} : { tax_id }),
    ...(plain.phone ? { phone: plain.phone } : {}),
    ...(plain.address?.line1 ? { address: { line1: plain.address.line1 } } : {}),
    ...(plain.verification ? { verification: plain.verification } : {}),
  };
  return { company, submitted };
}

/** Whether a submission has anything test-mode verification checks. */
export function hasValues(values: object | undefined): boolean {
  return values !== undefined && Object.keys(values).length > 0;
}
