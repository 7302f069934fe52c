import type { VerificationState } from '@atrium/core';

/*
 * The test values of docs/test-values.md that the stories use, decided the way the BFF's identity
 * simulator decides them: every other value verifies.
 */

const IDENTITY_FAILED: VerificationState = {
  status: 'failed',
  code: 'verification_failed_keyed_identity',
  reason: 'The identity information entered could not be verified.',
};

/** The failing test file id; the mock gives it to uploads whose file name contains "failure". */
export const FAILING_DOCUMENT = 'file_identity_document_failure';

const compact = (value: unknown) => (typeof value === 'string' ? value.replace(/[\s\-./]/g, '') : '');

/** The result of checking one submitted field (relative to its holder: `ssn_last_4`, `address.line1`). */
export function verificationOutcome(field: string, value: unknown): VerificationState {
  if ((field === 'id_number' && compact(value) === '111111111') || (field === 'ssn_last_4' && value === '1111')) {
    return IDENTITY_FAILED;
  }
  if (field === 'address.line1' && value === 'address_no_match') {
    return {
      status: 'failed',
      code: 'verification_failed_address_match',
      reason: 'The address could not be verified.',
    };
  }
  if (field.startsWith('verification.') && value === FAILING_DOCUMENT) {
    return {
      status: 'failed',
      code: 'verification_document_failed_test_mode',
      reason: 'The document failed verification (test mode).',
    };
  }
  if (field === 'tax_id' && /^1+$/.test(compact(value))) {
    return {
      status: 'failed',
      code: 'verification_failed_tax_id_match',
      reason: 'The tax ID does not match the business name.',
    };
  }
  if (field === 'url' && value === 'https://inaccessible.stripe.com') {
    return {
      status: 'failed',
      code: 'invalid_url_website_inaccessible',
      reason: 'The website could not be reached.',
    };
  }
  return { status: 'verified' };
}

/** The fields whose submission starts a check, relative to their holder (`dob.day`, `phone`). */
export function checkedFields(submitted: Record<string, unknown>): [string, unknown][] {
  const checks: [string, unknown][] = [];
  const dob = submitted['dob'];
  if (dob && typeof dob === 'object') for (const part of ['day', 'month', 'year']) checks.push([`dob.${part}`, dob]);
  for (const field of ['id_number', 'ssn_last_4', 'phone', 'tax_id', 'url']) {
    if (submitted[field] !== undefined) checks.push([field, submitted[field]]);
  }
  const address = submitted['address'] as Record<string, unknown> | undefined;
  if (address?.['line1'] !== undefined) checks.push(['address.line1', address['line1']]);
  const verification = submitted['verification'] as Record<string, { front?: unknown } | undefined> | undefined;
  for (const kind of ['document', 'additional_document']) {
    const front = verification?.[kind]?.front;
    if (front !== undefined) checks.push([`verification.${kind}`, front]);
  }
  return checks;
}
