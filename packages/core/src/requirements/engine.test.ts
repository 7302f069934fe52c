import { describe, expect, test } from 'vitest';
import { COUNTRY_SPECS, SUPPORTED_COUNTRIES } from './countries';
import type { CountryCode } from './countries';
import type { BusinessType, Capability, CountrySpec } from './country-spec';
import { computeRequirements } from './engine';
import type { PersonInput, RequirementsInput } from './engine';
import { requirementsOutcomeSchema } from './schema';
import type { RequirementErrorCode, VerificationState } from './schema';

const DAY = 86_400;
const CREATED = Date.UTC(2025, 0, 1) / 1000;
const BOTH: Capability[] = ['card_payments', 'transfers'];
const ROLE_PREFIXES = ['representative.', 'owners.', 'directors.', 'executives.'];

function fresh(country: CountryCode, businessType: BusinessType | null, capabilities = BOTH): RequirementsInput {
  return { country, businessType, capabilities, provided: [], createdSeconds: CREATED, nowSeconds: CREATED };
}

/** Everything the country asks of the business type, given by the account and one person who holds every role. */
function complete(
  country: CountryCode,
  businessType: BusinessType,
  options: { eventually?: boolean } = {},
): RequirementsInput {
  const rules = COUNTRY_SPECS[country].requirements[businessType];
  const names = BOTH.flatMap((capability) => [
    ...rules[capability].currently_due,
    ...(options.eventually ? rules[capability].eventually_due : []),
  ]);
  const isRoleName = (name: string) => ROLE_PREFIXES.some((prefix) => name.startsWith(prefix));
  const personFields = names.filter(isRoleName).map((name) => name.slice(name.indexOf('.') + 1));
  const persons: PersonInput[] =
    businessType === 'individual'
      ? []
      : [
          {
            id: 'person_1',
            relationship: { representative: true, owner: true, director: true, executive: true },
            provided: personFields,
          },
        ];
  return {
    ...fresh(country, businessType),
    provided: ['business_type', ...names.filter((name) => !isRoleName(name))],
    persons,
  };
}

function compute(input: RequirementsInput, spec?: CountrySpec) {
  const outcome = computeRequirements(input, spec);
  requirementsOutcomeSchema.parse(outcome);
  return outcome;
}

describe('a new account', () => {
  test('in the US as an individual has exactly what Stripe asks for', () => {
    const { requirements } = compute(fresh('US', 'individual'));
    const now = [
      'business_profile.mcc',
      'business_profile.url',
      'external_account',
      'individual.address.city',
      'individual.address.line1',
      'individual.address.postal_code',
      'individual.address.state',
      'individual.dob.day',
      'individual.dob.month',
      'individual.dob.year',
      'individual.email',
      'individual.first_name',
      'individual.last_name',
      'individual.phone',
      'individual.ssn_last_4',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ];
    expect(requirements.currently_due).toEqual(now);
    expect(requirements.past_due).toEqual(now);
    expect(requirements.eventually_due).toEqual([...now, 'individual.id_number'].sort());
    expect(requirements.current_deadline).toBeNull();
    expect(requirements.alternatives).toEqual([
      {
        alternative_fields_due: ['business_profile.product_description'],
        original_fields_due: ['business_profile.url'],
      },
    ]);
  });

  test.each(
    SUPPORTED_COUNTRIES.flatMap((country) =>
      [...(['individual', 'company', 'non_profit', null] as const)].map((type) => [country, type] as const),
    ),
  )('in %s as %s is disabled until onboarding is done', (country, businessType) => {
    const outcome = compute(fresh(country, businessType));
    expect(outcome.requirements.disabled_reason).toBe('requirements.past_due');
    expect(outcome.capabilities).toEqual({ card_payments: 'inactive', transfers: 'inactive' });
    expect(outcome).toMatchObject({ charges_enabled: false, payouts_enabled: false, details_submitted: false });
    expect(outcome.requirements.currently_due).toEqual(
      expect.arrayContaining(['external_account', 'tos_acceptance.date', 'tos_acceptance.ip', 'business_profile.mcc']),
    );
    expect(outcome.future_requirements.currently_due).toEqual([]);
  });

  test('without a business type asks for it and for what every business type needs', () => {
    const { requirements } = compute(fresh('DE', null));
    expect(requirements.currently_due).toEqual([
      'business_profile.mcc',
      'business_profile.url',
      'business_type',
      'external_account',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ]);
  });

  test.each(SUPPORTED_COUNTRIES)(
    'in %s as a company asks for the company, its representative and its people',
    (country) => {
      const { requirements } = compute(fresh(country, 'company'));
      expect(requirements.currently_due).toEqual(
        expect.arrayContaining([
          'company.name',
          'company.tax_id',
          'company.owners_provided',
          'relationship.representative',
          'representative.first_name',
          'representative.dob.day',
          'owners.first_name',
        ]),
      );
      expect(requirements.currently_due.some((name) => name.startsWith('individual.'))).toBe(false);
    },
  );

  test('in GB as a company also asks for directors, and in the euro area for executives', () => {
    expect(compute(fresh('GB', 'company')).requirements.currently_due).toEqual(
      expect.arrayContaining(['company.directors_provided', 'directors.first_name']),
    );
    expect(compute(fresh('FR', 'company')).requirements.currently_due).toEqual(
      expect.arrayContaining(['company.executives_provided', 'executives.first_name', 'directors.dob.year']),
    );
  });

  test('without capabilities has nothing due and asks for capabilities', () => {
    const outcome = compute(fresh('US', 'individual', []));
    expect(outcome.requirements.currently_due).toEqual([]);
    expect(outcome.requirements.disabled_reason).toBe('action_required.requested_capabilities');
    expect(outcome).toMatchObject({
      capabilities: {},
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
    });
  });

  test('with transfers only needs no merchant category and never enables charges', () => {
    const input = { ...complete('US', 'individual'), capabilities: ['transfers'] as Capability[] };
    expect(compute(fresh('US', 'individual', ['transfers'])).requirements.currently_due).not.toContain(
      'business_profile.mcc',
    );
    expect(compute(input)).toMatchObject({
      capabilities: { transfers: 'active' },
      charges_enabled: false,
      payouts_enabled: true,
    });
  });
});

describe('providing requirements', () => {
  test.each(
    SUPPORTED_COUNTRIES.flatMap((country) =>
      [...(['individual', 'company', 'non_profit'] as const)].map((type) => [country, type] as const),
    ),
  )('completes an account in %s as %s', (country, businessType) => {
    const outcome = compute(complete(country, businessType));
    expect(outcome.requirements.currently_due).toEqual([]);
    expect(outcome.requirements.past_due).toEqual([]);
    expect(outcome.requirements.disabled_reason).toBeNull();
    expect(outcome.requirements.eventually_due.length).toBeGreaterThan(0);
    expect(outcome).toMatchObject({
      capabilities: { card_payments: 'active', transfers: 'active' },
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
    });
  });

  test('moves each provided field out of what is due', () => {
    const input = fresh('US', 'individual');
    const before = compute(input).requirements.currently_due;
    const after = compute({ ...input, provided: ['individual.first_name', 'external_account'] }).requirements
      .currently_due;
    expect(before.filter((name) => !after.includes(name))).toEqual(['external_account', 'individual.first_name']);
  });

  test('accepts a product description instead of a website', () => {
    const input = complete('US', 'individual');
    const provided = [...input.provided].filter((name) => name !== 'business_profile.url');
    const without = compute({ ...input, provided });
    expect(without.requirements.currently_due).toEqual(['business_profile.url']);
    const instead = compute({ ...input, provided: [...provided, 'business_profile.product_description'] });
    expect(instead.requirements.currently_due).toEqual([]);
    expect(instead.requirements.alternatives).toEqual([]);
  });

  test('names a person by id once the company has added them', () => {
    const input: RequirementsInput = {
      ...fresh('US', 'company'),
      provided: ['business_type'],
      persons: [{ id: 'person_ada', relationship: { representative: true }, provided: ['first_name', 'last_name'] }],
    };
    const { currently_due } = compute(input).requirements;
    expect(currently_due).toContain('person_ada.dob.day');
    expect(currently_due).not.toContain('person_ada.first_name');
    expect(currently_due).not.toContain('relationship.representative');
    expect(currently_due.some((name) => name.startsWith('representative.'))).toBe(false);
    expect(currently_due).toContain('owners.first_name');
  });

  test('drops the owners once the company says all are provided, but not owners it added', () => {
    const attested = { ...fresh('US', 'company'), provided: ['company.owners_provided'] };
    expect(compute(attested).requirements.currently_due.some((name) => name.startsWith('owners.'))).toBe(false);
    const withOwner = {
      ...attested,
      persons: [{ id: 'person_bo', relationship: { owner: true }, provided: ['first_name'] }],
    };
    expect(compute(withOwner).requirements.currently_due).toContain('person_bo.last_name');
  });

  test('counts role names given directly in provided, as a flat list', () => {
    const { currently_due } = compute({
      ...fresh('US', 'company'),
      provided: ['relationship.representative', 'representative.first_name', 'owners.first_name'],
    }).requirements;
    expect(currently_due).not.toContain('relationship.representative');
    expect(currently_due).not.toContain('representative.first_name');
    expect(currently_due).not.toContain('owners.first_name');
    expect(currently_due).toContain('representative.last_name');
  });

  test('ignores persons for an individual account', () => {
    const input = {
      ...complete('US', 'individual'),
      persons: [{ id: 'person_x', relationship: { owner: true }, provided: [] }],
    };
    expect(compute(input).requirements.eventually_due).toEqual(['individual.id_number']);
  });
});

describe('deadlines', () => {
  test('bring the later requirements due after 30 days and past due after 44', () => {
    const input = complete('US', 'individual');
    const at = (days: number) => compute({ ...input, nowSeconds: CREATED + days * DAY });
    expect(at(29).requirements.currently_due).toEqual([]);
    const due = at(30);
    expect(due.requirements.currently_due).toEqual(['individual.id_number']);
    expect(due.requirements.current_deadline).toBe(CREATED + 44 * DAY);
    expect(due).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      requirements: { past_due: [], disabled_reason: null },
    });
    const late = at(44);
    expect(late.requirements.past_due).toEqual(['individual.id_number']);
    expect(late.requirements.disabled_reason).toBe('requirements.past_due');
    expect(late.requirements.current_deadline).toBeNull();
    expect(late).toMatchObject({
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { card_payments: 'inactive' },
    });
  });

  test('are met by providing the late requirement', () => {
    const input = complete('US', 'individual', { eventually: true });
    const outcome = compute({ ...input, nowSeconds: CREATED + 60 * DAY });
    expect(outcome.requirements.eventually_due).toEqual([]);
    expect(outcome.charges_enabled).toBe(true);
  });
});

describe('verification', () => {
  const failed = (code: RequirementErrorCode): VerificationState => ({
    status: 'failed',
    code,
    reason: 'The information could not be verified.',
  });

  test('pending checks keep the capabilities pending', () => {
    const input = {
      ...complete('US', 'individual'),
      verification: { 'individual.ssn_last_4': { status: 'pending' } },
    } as const;
    const outcome = compute(input);
    expect(outcome.requirements.pending_verification).toEqual(['individual.ssn_last_4']);
    expect(outcome.requirements.currently_due).toEqual([]);
    expect(outcome.requirements.disabled_reason).toBe('requirements.pending_verification');
    expect(outcome).toMatchObject({
      capabilities: { card_payments: 'pending' },
      charges_enabled: false,
      payouts_enabled: false,
    });
    expect(outcome.details_submitted).toBe(true);
  });

  test('a failed initial check is an error, past due, and asks for a document', () => {
    const input = {
      ...complete('US', 'individual'),
      verification: { 'individual.ssn_last_4': failed('verification_failed_keyed_identity') },
    };
    const outcome = compute(input);
    expect(outcome.requirements.errors).toEqual([
      {
        requirement: 'individual.ssn_last_4',
        code: 'verification_failed_keyed_identity',
        reason: 'The information could not be verified.',
      },
    ]);
    expect(outcome.requirements.currently_due).toEqual(['individual.ssn_last_4', 'individual.verification.document']);
    expect(outcome.requirements.past_due).toEqual(['individual.ssn_last_4', 'individual.verification.document']);
    expect(outcome).toMatchObject({
      charges_enabled: false,
      details_submitted: true,
      requirements: { disabled_reason: 'requirements.past_due' },
    });
  });

  test('a document resolves a failed identity check: pending, then verified', () => {
    const failedSsn = { 'individual.ssn_last_4': failed('verification_failed_keyed_identity') };
    const input = {
      ...complete('US', 'individual'),
      provided: [...complete('US', 'individual').provided, 'individual.verification.document'],
    };
    const pending = compute({
      ...input,
      verification: { ...failedSsn, 'individual.verification.document': { status: 'pending' } },
    });
    expect(pending.requirements).toMatchObject({
      currently_due: [],
      errors: [],
      pending_verification: ['individual.verification.document'],
    });
    expect(pending.capabilities.card_payments).toBe('pending');
    const verified = compute({
      ...input,
      verification: { ...failedSsn, 'individual.verification.document': { status: 'verified' } },
    });
    expect(verified).toMatchObject({ charges_enabled: true, requirements: { currently_due: [], errors: [] } });
  });

  test('a failed document comes back with its own error', () => {
    const provided = [...complete('US', 'individual').provided, 'individual.verification.document'];
    const outcome = compute({
      ...complete('US', 'individual'),
      provided,
      verification: {
        'individual.ssn_last_4': failed('verification_failed_keyed_identity'),
        'individual.verification.document': failed('verification_document_failed_test_mode'),
      },
    });
    expect(outcome.requirements.errors.map((error) => [error.requirement, error.code])).toEqual([
      ['individual.ssn_last_4', 'verification_failed_keyed_identity'],
      ['individual.verification.document', 'verification_document_failed_test_mode'],
    ]);
    expect(outcome.requirements.currently_due).toEqual(['individual.ssn_last_4', 'individual.verification.document']);
  });

  test('a failed later check is due now but keeps its deadline', () => {
    const input = complete('US', 'individual', { eventually: true });
    const outcome = compute({
      ...input,
      verification: { 'individual.id_number': failed('verification_failed_keyed_identity') },
    });
    expect(outcome.requirements.currently_due).toEqual(['individual.id_number', 'individual.verification.document']);
    expect(outcome.requirements.past_due).toEqual([]);
    expect(outcome.requirements.current_deadline).toBe(CREATED + 44 * DAY);
    expect(outcome.charges_enabled).toBe(true);
  });

  test('a failed address asks for a proof of address, a failed tax id for a company document', () => {
    const individual = compute({
      ...complete('GB', 'individual'),
      verification: { 'individual.address.line1': failed('verification_failed_address_match') },
    });
    expect(individual.requirements.currently_due).toEqual([
      'individual.address.line1',
      'individual.verification.additional_document',
    ]);
    const company = compute({
      ...complete('DE', 'company'),
      verification: { 'company.tax_id': failed('verification_failed_tax_id_match') },
    });
    expect(company.requirements.currently_due).toEqual(['company.tax_id', 'company.verification.document']);
  });

  test("a person's failed check names the person", () => {
    const input = complete('US', 'company');
    const persons = (input.persons ?? []).map((person) => ({
      ...person,
      verification: { 'dob.day': failed('invalid_dob_age_under_minimum') },
    }));
    const outcome = compute({ ...input, persons });
    expect(outcome.requirements.errors).toEqual([
      {
        requirement: 'person_1.dob.day',
        code: 'invalid_dob_age_under_minimum',
        reason: 'The information could not be verified.',
      },
    ]);
    expect(outcome.requirements.currently_due).toEqual(['person_1.dob.day']);
  });

  test('a verification state of a requirement that was not provided is ignored', () => {
    const outcome = compute({
      ...fresh('US', 'individual'),
      verification: { 'individual.first_name': { status: 'pending' } },
    });
    expect(outcome.requirements.pending_verification).toEqual([]);
    expect(outcome.requirements.currently_due).toContain('individual.first_name');
  });
});

describe('disabled accounts', () => {
  test.each([
    ['fraud', 'rejected.fraud'],
    ['terms_of_service', 'rejected.terms_of_service'],
    ['other', 'rejected.other'],
    ['listed', 'rejected.listed'],
  ] as const)('a rejection for %s disables everything with %s', (reason, disabledReason) => {
    const outcome = compute({ ...complete('CA', 'individual'), rejectedReason: reason });
    expect(outcome.requirements.disabled_reason).toBe(disabledReason);
    expect(outcome).toMatchObject({
      capabilities: { card_payments: 'inactive', transfers: 'inactive' },
      charges_enabled: false,
      payouts_enabled: false,
    });
  });

  test('a sanctions match disables the account as listed', () => {
    const outcome = compute({ ...complete('US', 'individual'), listed: true });
    expect(outcome.requirements.disabled_reason).toBe('listed');
    expect(outcome).toMatchObject({ charges_enabled: false, payouts_enabled: false, details_submitted: true });
  });
});

describe('future requirements', () => {
  const effectiveAt = '2025-03-01';
  const effectiveSeconds = Date.UTC(2025, 2, 1) / 1000;
  const spec: CountrySpec = {
    ...COUNTRY_SPECS.GB,
    futureRequirements: [
      {
        effectiveAt,
        requirements: {
          individual: {
            card_payments: { currently_due: ['individual.verification.additional_document'], eventually_due: [] },
          },
          company: {},
          non_profit: {},
        },
      },
    ],
  };

  test('show before they take effect, with their date as the deadline', () => {
    const outcome = compute(complete('GB', 'individual'), spec);
    expect(outcome.requirements.currently_due).toEqual([]);
    expect(outcome.future_requirements).toMatchObject({
      currently_due: ['individual.verification.additional_document'],
      past_due: [],
      disabled_reason: null,
      current_deadline: effectiveSeconds,
    });
  });

  test('become past due when they take effect unmet', () => {
    const outcome = compute(
      { ...complete('GB', 'individual', { eventually: true }), nowSeconds: effectiveSeconds },
      spec,
    );
    expect(outcome.requirements.past_due).toEqual(['individual.verification.additional_document']);
    expect(outcome.future_requirements.currently_due).toEqual([]);
    expect(outcome.charges_enabled).toBe(false);
    expect(outcome.capabilities.transfers).toBe('active');
  });
});

describe('input checks', () => {
  test.each([
    [{ createdSeconds: 1.5 }],
    [{ nowSeconds: Number.MAX_SAFE_INTEGER + 2 }],
    [{ capabilities: ['card_issuing'] as unknown as Capability[] }],
    [{ persons: [{ id: 'ba_1', relationship: {}, provided: [] }] }],
    [
      {
        persons: [
          { id: 'person_1', relationship: {}, provided: [] },
          { id: 'person_1', relationship: {}, provided: [] },
        ],
      },
    ],
  ])('throw on the broken input %j', (change) => {
    expect(() => computeRequirements({ ...fresh('US', 'company'), ...change })).toThrow(RangeError);
  });
});
