import { computeRequirements, COUNTRY_SPECS, taxIdParam } from '@atrium/core';
import type { VerificationState } from '@atrium/core';
import { describe, expect, test } from 'vitest';
import { IDENTITY_TEST_VALUES, simulateIdentityVerification } from './identity';
import type { PersonValues, SimulatedCheck } from './identity';

// 2025-06-15T12:00:00Z
const NOW = Date.UTC(2025, 5, 15, 12) / 1000;
const VERIFIED: SimulatedCheck = { state: { status: 'verified' }, immediate: false };

function individual(values: PersonValues, country: 'US' | 'GB' = 'US') {
  return simulateIdentityVerification({ country, nowSeconds: NOW, individual: values });
}

describe("Stripe's test values for people", () => {
  test.each([
    [{ day: 1, month: 1, year: 1901 }, VERIFIED, false],
    [{ day: 1, month: 1, year: 1902 }, { state: { status: 'verified' }, immediate: true }, false],
    [{ day: 1, month: 1, year: 1900 }, VERIFIED, true],
    [{ day: 14, month: 3, year: 1985 }, VERIFIED, false],
  ])('dob %j gives %j, listed: %s', (dob, check, listed) => {
    const outcome = individual({ dob });
    expect(outcome.verification).toEqual({
      'individual.dob.day': check,
      'individual.dob.month': check,
      'individual.dob.year': check,
    });
    expect(outcome.listed).toEqual(listed ? ['individual'] : []);
  });

  test('a dob under the minimum age fails with Stripe code', () => {
    expect(individual({ dob: { day: 1, month: 1, year: 2015 } }).verification['individual.dob.day']?.state).toEqual({
      status: 'failed',
      code: 'invalid_dob_age_under_minimum',
      reason: 'The person must be at least 18 years old.',
    });
  });

  test.each([
    ['000000000', 'verified', false],
    ['000-00-0000', 'verified', false],
    ['222222222', 'verified', true],
    ['123456789', 'verified', false],
    ['111111111', 'verification_failed_keyed_identity', false],
  ])('id_number %s gives %s', (idNumber, expected, immediate) => {
    const check = individual({ id_number: idNumber }).verification['individual.id_number'];
    expect(check?.state.status === 'failed' ? check.state.code : check?.state.status).toBe(expected);
    expect(check?.immediate).toBe(immediate);
  });

  test.each([
    ['0000', 'verified'],
    ['6789', 'verified'],
    ['1111', 'failed'],
  ])('ssn_last_4 %s is %s', (ssnLast4, status) => {
    expect(individual({ ssn_last_4: ssnLast4 }).verification['individual.ssn_last_4']?.state.status).toBe(status);
  });

  test.each([
    ['address_full_match', { status: 'verified' }],
    ['1 Main St', { status: 'verified' }],
    [
      'address_no_match',
      { status: 'failed', code: 'verification_failed_address_match', reason: 'The address could not be verified.' },
    ],
  ])('address line1 %s gives %j', (line1, state) => {
    expect(individual({ address: { line1 } }).verification['individual.address.line1']?.state).toEqual(state);
  });

  test('the test phone number and any other phone verify', () => {
    expect(individual({ phone: '0000000000' }).verification['individual.phone']).toEqual(VERIFIED);
    expect(individual({ phone: '+14155552671' }).verification['individual.phone']).toEqual(VERIFIED);
  });

  test.each([
    ['file_identity_document_success', 'verified'],
    ['file_anything_else', 'verified'],
    ['file_identity_document_failure', 'failed'],
  ])('identity document %s is %s, as is a proof of address', (file, status) => {
    const outcome = individual({ verification: { document: { front: file }, additional_document: { front: file } } });
    expect(outcome.verification['individual.verification.document']?.state.status).toBe(status);
    expect(outcome.verification['individual.verification.additional_document']?.state.status).toBe(status);
  });

  test('checks nothing that was not submitted', () => {
    expect(individual({})).toEqual({ verification: {}, persons: {}, listed: [] });
    expect(simulateIdentityVerification({ country: 'US', nowSeconds: NOW })).toEqual({
      verification: {},
      persons: {},
      listed: [],
    });
  });
});

describe("Stripe's test values for companies and websites", () => {
  test.each([
    ['US', '000000000', 'verified', false],
    ['US', '000000001', 'verified', false],
    ['US', '222222222', 'verified', true],
    ['US', '111111111', 'verification_failed_tax_id_match', false],
    ['US', '111111112', 'verification_failed_tax_id_not_issued', false],
    ['GB', '00000000', 'verified', false],
    ['GB', '11111111', 'verification_failed_tax_id_match', false],
    ['DE', 'DE000000000', 'verified', false],
    ['ES', 'A11111111', 'verification_failed_tax_id_match', false],
    ['IE', '1111111T', 'verification_failed_tax_id_match', false],
    ['US', '123456789', 'verified', false],
  ] as const)('in %s tax id %s gives %s', (country, taxId, expected, immediate) => {
    const check = simulateIdentityVerification({ country, nowSeconds: NOW, company: { tax_id: taxId } }).verification[
      'company.tax_id'
    ];
    expect(check?.state.status === 'failed' ? check.state.code : check?.state.status).toBe(expected);
    expect(check?.immediate).toBe(immediate);
  });

  // The per-country table of docs/test-values.md: verifies, fails (no match), fails (not issued), verifies at once.
  test.each([
    ['US', '000000000', '111111111', '111111112', '222222222'],
    ['CA', '000000000', '111111111', '111111112', '222222222'],
    ['GB', '00000000', '11111111', '11111112', '22222222'],
    ['AU', '000000000', '111111111', '111111112', '222222222'],
    ['DE', '0000000000', '1111111111', '1111111112', '2222222222'],
    ['FR', '000000000', '111111111', '111111112', '222222222'],
    ['IE', '0000000T', '1111111T', '1111112T', '2222222T'],
    ['NL', '000000000', '111111111', '111111112', '222222222'],
    ['ES', 'A00000000', 'A11111111', 'A11111112', 'A22222222'],
    ['IT', '00000000000', '11111111111', '11111111112', '22222222222'],
  ] as const)(
    'the documented %s tax ids pass its format and give their outcomes',
    (country, ok, noMatch, notIssued, immediate) => {
      const check = (taxId: string) => {
        expect(taxIdParam(country).safeParse(taxId).success).toBe(true);
        const result = simulateIdentityVerification({ country, nowSeconds: NOW, company: { tax_id: taxId } })
          .verification['company.tax_id'];
        return result?.state.status === 'failed'
          ? result.state.code
          : `${result?.state.status ?? ''}${result?.immediate ? ' at once' : ''}`;
      };
      expect([check(ok), check(noMatch), check(notIssued), check(immediate)]).toEqual([
        'verified',
        'verification_failed_tax_id_match',
        'verification_failed_tax_id_not_issued',
        'verified at once',
      ]);
      expect(COUNTRY_SPECS[country].taxId.example).toBe(ok);
    },
  );

  test('checks the company phone, address and document', () => {
    const outcome = simulateIdentityVerification({
      country: 'US',
      nowSeconds: NOW,
      company: {
        phone: '0000000000',
        address: { line1: 'address_no_match' },
        verification: { document: { front: 'file_identity_document_failure' } },
      },
    });
    expect(Object.keys(outcome.verification).sort()).toEqual([
      'company.address.line1',
      'company.phone',
      'company.verification.document',
    ]);
    expect(outcome.verification['company.address.line1']?.state.status).toBe('failed');
    expect(outcome.verification['company.verification.document']?.state).toMatchObject({
      code: 'verification_document_failed_test_mode',
    });
  });

  test.each([
    [IDENTITY_TEST_VALUES.url.verified, 'verified'],
    ['accessible.stripe.com', 'verified'],
    [IDENTITY_TEST_VALUES.url.failed, 'failed'],
    ['inaccessible.stripe.com/', 'failed'],
  ])('the website %s is %s', (url, status) => {
    const outcome = simulateIdentityVerification({ country: 'US', nowSeconds: NOW, business_profile: { url } });
    expect(outcome.verification['business_profile.url']?.state.status).toBe(status);
  });
});

describe('persons', () => {
  test('get results by person id and relative name, and a sanctions match lists the account', () => {
    const outcome = simulateIdentityVerification({
      country: 'GB',
      nowSeconds: NOW,
      persons: [
        { id: 'person_rep', values: { id_number: '111111111' } },
        { id: 'person_own', values: { dob: { day: 1, month: 1, year: 1900 } } },
      ],
    });
    expect(outcome.persons.person_rep?.id_number?.state).toMatchObject({
      status: 'failed',
      code: 'verification_failed_keyed_identity',
    });
    expect(Object.keys(outcome.persons.person_own ?? {})).toEqual(['dob.day', 'dob.month', 'dob.year']);
    expect(outcome.listed).toEqual(['person_own']);
    expect(outcome.verification).toEqual({});
  });
});

describe('outcomes feed the requirements engine', () => {
  test('a failing SSN makes a document due, and the success document resolves it', () => {
    const provided = [
      'business_type',
      'business_profile.mcc',
      'business_profile.url',
      'external_account',
      'tos_acceptance.date',
      'tos_acceptance.ip',
      ...['first_name', 'last_name', 'email', 'phone', 'ssn_last_4', 'dob.day', 'dob.month', 'dob.year'].map(
        (f) => `individual.${f}`,
      ),
      ...['line1', 'city', 'state', 'postal_code'].map((f) => `individual.address.${f}`),
    ];
    const states = (outcome: ReturnType<typeof individual>): Record<string, VerificationState> =>
      Object.fromEntries(Object.entries(outcome.verification).map(([name, check]) => [name, check.state]));
    const base = {
      country: 'US' as const,
      businessType: 'individual' as const,
      capabilities: ['card_payments' as const],
      createdSeconds: NOW,
      nowSeconds: NOW,
    };

    const failing = individual({ ssn_last_4: '1111', dob: { day: 1, month: 1, year: 1901 } });
    const blocked = computeRequirements({ ...base, provided, verification: states(failing) });
    expect(blocked.requirements.currently_due).toEqual(['individual.ssn_last_4', 'individual.verification.document']);
    expect(blocked.charges_enabled).toBe(false);

    const document = individual({
      ssn_last_4: '1111',
      verification: { document: { front: 'file_identity_document_success' } },
    });
    const resolved = computeRequirements({
      ...base,
      provided: [...provided, 'individual.verification.document'],
      verification: states(document),
    });
    expect(resolved.requirements.currently_due).toEqual([]);
    expect(resolved.charges_enabled).toBe(true);
  });
});
