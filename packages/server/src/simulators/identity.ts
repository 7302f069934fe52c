import { ageInYears, compactIdentifier, countrySpec } from '@atrium/core';
import type { CountryCode, DateOfBirth, RequirementErrorCode, VerificationState } from '@atrium/core';

/*
 * Test-mode identity verification as a pure function: from the submitted values to an outcome per
 * requirement. It follows Stripe's published test values so platforms' existing test suites keep
 * working; anything else verifies, as in Stripe's test mode. docs/test-values.md lists every value.
 */

/** The values Atrium's test mode reacts to; everything else verifies. */
export const IDENTITY_TEST_VALUES = {
  dob: {
    verified: { day: 1, month: 1, year: 1901 },
    verifiedImmediately: { day: 1, month: 1, year: 1902 },
    sanctionsMatch: { day: 1, month: 1, year: 1900 },
  },
  idNumber: { verified: '000000000', failed: '111111111', verifiedImmediately: '222222222' },
  ssnLast4: { verified: '0000', failed: '1111' },
  addressLine1: { verified: 'address_full_match', failed: 'address_no_match' },
  phone: { verified: '0000000000' },
  file: { verified: 'file_identity_document_success', failed: 'file_identity_document_failure' },
  url: { verified: 'https://accessible.stripe.com', failed: 'https://inaccessible.stripe.com' },
} as const;

type Maybe<T> = T | null | undefined;

/** A person's submitted values that test mode checks (the account's individual or a company person). */
export interface PersonValues {
  dob?: Maybe<DateOfBirth>;
  id_number?: Maybe<string>;
  ssn_last_4?: Maybe<string>;
  address?: Maybe<{ line1?: Maybe<string> }>;
  phone?: Maybe<string>;
  verification?: Maybe<{
    document?: Maybe<{ front?: Maybe<string> }>;
    additional_document?: Maybe<{ front?: Maybe<string> }>;
  }>;
}

/** A company's submitted values that test mode checks. */
export interface CompanyValues {
  tax_id?: Maybe<string>;
  phone?: Maybe<string>;
  address?: Maybe<{ line1?: Maybe<string> }>;
  verification?: Maybe<{ document?: Maybe<{ front?: Maybe<string> }> }>;
}

/** What was submitted for verification. `nowSeconds` is the (test clock's) current time. */
export interface IdentitySubmission {
  country: CountryCode;
  nowSeconds: number;
  individual?: Maybe<PersonValues>;
  company?: Maybe<CompanyValues>;
  business_profile?: Maybe<{ url?: Maybe<string> }>;
  persons?: readonly { id: string; values: PersonValues }[];
}

/** One requirement's result; `immediate` results may be applied at once instead of after the usual delay. */
export interface SimulatedCheck {
  state: Exclude<VerificationState, { status: 'pending' }>;
  immediate: boolean;
}

/**
 * The outcome: account-level results by requirement name (`individual.id_number`,
 * `company.tax_id`), persons' results by person id and relative name (`dob.day`), and who
 * matched the sanctions list (the account is then disabled with `listed`).
 */
export interface IdentityOutcome {
  verification: Record<string, SimulatedCheck>;
  persons: Record<string, Record<string, SimulatedCheck>>;
  /** The holders (`individual`, or a person's id) whose date of birth matched the sanctions list. */
  listed: string[];
}

const verified = (immediate = false): SimulatedCheck => ({ state: { status: 'verified' }, immediate });
const failed = (code: RequirementErrorCode, reason: string): SimulatedCheck => ({
  state: { status: 'failed', code, reason },
  immediate: false,
});

const sameDate = (left: DateOfBirth, right: DateOfBirth) =>
  left.day === right.day && left.month === right.month && left.year === right.year;

function checkDob(dob: DateOfBirth, minimumAge: number, nowSeconds: number): SimulatedCheck {
  if (sameDate(dob, IDENTITY_TEST_VALUES.dob.verifiedImmediately)) return verified(true);
  if (ageInYears(dob, nowSeconds) < minimumAge) {
    return failed('invalid_dob_age_under_minimum', `The person must be at least ${minimumAge} years old.`);
  }
  return verified();
}

function checkIdNumber(value: string): SimulatedCheck {
  const { failed: failing, verifiedImmediately } = IDENTITY_TEST_VALUES.idNumber;
  const compact = compactIdentifier(value);
  if (compact === failing) {
    return failed('verification_failed_keyed_identity', 'The identity information entered could not be verified.');
  }
  return verified(compact === verifiedImmediately);
}

function checkSsnLast4(value: string): SimulatedCheck {
  if (value !== IDENTITY_TEST_VALUES.ssnLast4.failed) return verified();
  return failed('verification_failed_keyed_identity', 'The identity information entered could not be verified.');
}

function checkAddressLine1(value: string): SimulatedCheck {
  if (value !== IDENTITY_TEST_VALUES.addressLine1.failed) return verified();
  return failed('verification_failed_address_match', 'The address could not be verified.');
}

function checkDocument(fileId: string): SimulatedCheck {
  if (fileId !== IDENTITY_TEST_VALUES.file.failed) return verified();
  return failed('verification_document_failed_test_mode', 'The test document was set to fail verification.');
}

/**
 * A company tax id, matched on its digits so each country's format has its test values: all
 * zeros verifies (…1 too: Stripe's non-profit value), all twos verifies at once, all ones fails
 * (no matching company), ones ending in 2 fails (tax id not issued).
 */
function checkTaxId(value: string): SimulatedCheck {
  const digits = value.replace(/\D/g, '');
  if (/^1+2$/.test(digits)) {
    return failed('verification_failed_tax_id_not_issued', 'The tax id has not been issued.');
  }
  if (/^1+$/.test(digits)) {
    return failed('verification_failed_tax_id_match', 'The company name and tax id do not match a registered company.');
  }
  return verified(/^2+$/.test(digits));
}

function checkUrl(value: string): SimulatedCheck {
  const normalized = value
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');
  if (normalized !== 'inaccessible.stripe.com') return verified();
  return failed('invalid_url_website_inaccessible', 'The website could not be reached.');
}

/** Results for one person's values, by relative requirement name; `listed` when the dob is the sanctions value. */
function checkPerson(values: PersonValues, minimumAge: number, nowSeconds: number) {
  const results: Record<string, SimulatedCheck> = {};
  let listed = false;
  if (values.dob) {
    const dob = checkDob(values.dob, minimumAge, nowSeconds);
    for (const part of ['day', 'month', 'year']) results[`dob.${part}`] = dob;
    listed = sameDate(values.dob, IDENTITY_TEST_VALUES.dob.sanctionsMatch);
  }
  if (values.id_number) results.id_number = checkIdNumber(values.id_number);
  if (values.ssn_last_4) results.ssn_last_4 = checkSsnLast4(values.ssn_last_4);
  if (values.address?.line1) results['address.line1'] = checkAddressLine1(values.address.line1);
  if (values.phone) results.phone = verified();
  const document = values.verification?.document?.front;
  if (document) results['verification.document'] = checkDocument(document);
  const additional = values.verification?.additional_document?.front;
  if (additional) results['verification.additional_document'] = checkDocument(additional);
  return { results, listed };
}

function checkCompany(values: CompanyValues): Record<string, SimulatedCheck> {
  const results: Record<string, SimulatedCheck> = {};
  if (values.tax_id) results['company.tax_id'] = checkTaxId(values.tax_id);
  if (values.phone) results['company.phone'] = verified();
  if (values.address?.line1) results['company.address.line1'] = checkAddressLine1(values.address.line1);
  const document = values.verification?.document?.front;
  if (document) results['company.verification.document'] = checkDocument(document);
  return results;
}

function prefixed(prefix: string, results: Record<string, SimulatedCheck>): Record<string, SimulatedCheck> {
  return Object.fromEntries(Object.entries(results).map(([name, check]) => [`${prefix}${name}`, check]));
}

/**
 * Verifies what was submitted, as Stripe's test mode does: every submitted value that Stripe
 * verifies gets a result, by the test values in `IDENTITY_TEST_VALUES`; all others verify.
 */
export function simulateIdentityVerification(submission: IdentitySubmission): IdentityOutcome {
  const { minimumAge } = countrySpec(submission.country);
  const verification: Record<string, SimulatedCheck> = {};
  const persons: Record<string, Record<string, SimulatedCheck>> = {};
  const listed: string[] = [];
  if (submission.individual) {
    const individual = checkPerson(submission.individual, minimumAge, submission.nowSeconds);
    Object.assign(verification, prefixed('individual.', individual.results));
    if (individual.listed) listed.push('individual');
  }
  if (submission.company) Object.assign(verification, checkCompany(submission.company));
  const url = submission.business_profile?.url;
  if (url) verification['business_profile.url'] = checkUrl(url);
  for (const person of submission.persons ?? []) {
    const checked = checkPerson(person.values, minimumAge, submission.nowSeconds);
    persons[person.id] = checked.results;
    if (checked.listed) listed.push(person.id);
  }
  return { verification, persons, listed };
}
