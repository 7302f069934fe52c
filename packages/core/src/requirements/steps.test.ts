import { describe, expect, test } from 'vitest';
import { computeRequirements, emptyRequirements } from './engine';
import type { Requirements } from './schema';
import {
  collectionOptionsSchema,
  matchesRequirement,
  onboardingSteps,
  requirementsToCollect,
  stepOfRequirement,
} from './steps';

const CREATED = Date.UTC(2025, 0, 1) / 1000;

function outcome(requirements: Partial<Requirements>, future: Partial<Requirements> = {}) {
  return {
    requirements: { ...emptyRequirements(), ...requirements },
    future_requirements: { ...emptyRequirements(), ...future },
  };
}

describe('stepOfRequirement', () => {
  test.each([
    ['business_type', 'business_type'],
    ['business_profile.mcc', 'business_details'],
    ['company.tax_id', 'business_details'],
    ['company.address.line1', 'business_details'],
    ['individual.first_name', 'representative'],
    ['representative.dob.day', 'representative'],
    ['relationship.representative', 'representative'],
    ['owners.first_name', 'owners'],
    ['directors.last_name', 'owners'],
    ['executives.email', 'owners'],
    ['company.owners_provided', 'owners'],
    ['company.executives_provided', 'owners'],
    ['person_owner.first_name', 'owners'],
    ['external_account', 'bank_account'],
    ['individual.verification.document', 'documents'],
    ['person_owner.verification.additional_document', 'documents'],
    ['company.verification.document', 'documents'],
    ['tos_acceptance.date', 'review'],
    ['settings.payouts.schedule', 'business_details'],
  ])('puts %s in %s', (name, step) => {
    expect(stepOfRequirement(name)).toBe(step);
  });

  test("puts the representative's person requirements in the representative step", () => {
    expect(stepOfRequirement('person_rep.dob.day', new Set(['person_rep']))).toBe('representative');
  });
});

describe('requirementsToCollect', () => {
  const state = outcome(
    {
      currently_due: ['external_account', 'individual.first_name'],
      eventually_due: ['external_account', 'individual.first_name', 'individual.id_number'],
    },
    { currently_due: ['individual.verification.document'], eventually_due: ['individual.verification.document'] },
  );

  test.each([
    [{}, ['external_account', 'individual.first_name']],
    [{ fields: 'eventually_due' as const }, ['external_account', 'individual.first_name', 'individual.id_number']],
    [
      { future_requirements: 'include' as const },
      ['external_account', 'individual.first_name', 'individual.verification.document'],
    ],
    [{ requirements: { only: ['individual.*'] } }, ['individual.first_name']],
    [{ requirements: { exclude: ['external_account'] } }, ['individual.first_name']],
    [{ fields: 'eventually_due' as const, requirements: { exclude: ['individual.*'] } }, ['external_account']],
  ])('with %j collects %j', (options, names) => {
    expect(requirementsToCollect(state, options)).toEqual(names);
  });

  test('refuses malformed options', () => {
    expect(collectionOptionsSchema.safeParse({ fields: 'past_due' }).success).toBe(false);
    expect(collectionOptionsSchema.safeParse({ requirements: { only: [] } }).success).toBe(false);
    expect(collectionOptionsSchema.safeParse({ requirements: { only: ['a'], exclude: ['b'] } }).success).toBe(false);
    expect(() => requirementsToCollect(state, { futureRequirements: 'include' } as never)).toThrow();
  });

  test('matches names exactly or under a pattern ending in .*', () => {
    expect(matchesRequirement('directors.*', 'directors.first_name')).toBe(true);
    expect(matchesRequirement('directors.*', 'directors')).toBe(false);
    expect(matchesRequirement('directors.*', 'company.directors_provided')).toBe(false);
    expect(matchesRequirement('external_account', 'external_account')).toBe(true);
  });
});

describe('onboardingSteps', () => {
  test('gives a new US account without a business type its steps in order, ending with review', () => {
    const steps = onboardingSteps(
      computeRequirements({
        country: 'US',
        businessType: null,
        capabilities: ['card_payments', 'transfers'],
        provided: [],
        createdSeconds: CREATED,
        nowSeconds: CREATED,
      }),
    );
    expect(steps.map((step) => [step.step, step.requirements])).toEqual([
      ['business_type', ['business_type']],
      ['business_details', ['business_profile.mcc', 'business_profile.url']],
      ['bank_account', ['external_account']],
      ['review', ['tos_acceptance.date', 'tos_acceptance.ip']],
    ]);
  });

  test('groups a company with a representative and an owner, with each step its errors', () => {
    const persons = [
      { id: 'person_rep', relationship: { representative: true } },
      { id: 'person_own', relationship: { owner: true } },
    ];
    const state = outcome({
      currently_due: [
        'company.tax_id',
        'company.owners_provided',
        'person_own.email',
        'person_rep.dob.day',
        'person_rep.verification.document',
      ],
      errors: [
        { requirement: 'person_rep.dob.day', code: 'verification_failed_keyed_identity', reason: 'Not verified.' },
      ],
    });
    const steps = onboardingSteps(state, {}, persons);
    expect(steps.map((step) => [step.step, step.requirements, step.errors.length])).toEqual([
      ['business_details', ['company.tax_id'], 0],
      ['representative', ['person_rep.dob.day'], 1],
      ['owners', ['company.owners_provided', 'person_own.email'], 0],
      ['documents', ['person_rep.verification.document'], 0],
      ['review', [], 0],
    ]);
  });

  test('lists an error once when the future requirements repeat it', () => {
    const error = {
      requirement: 'individual.id_number',
      code: 'verification_failed_keyed_identity',
      reason: 'Not verified.',
    };
    const state = outcome(
      { currently_due: ['individual.id_number'], errors: [error] },
      { currently_due: ['individual.id_number'], errors: [error] },
    );
    const steps = onboardingSteps(state, { future_requirements: 'include' });
    expect(steps.find((step) => step.step === 'representative')?.errors).toEqual([error]);
  });

  test('keeps only review when nothing is due', () => {
    expect(onboardingSteps(outcome({}))).toEqual([{ step: 'review', requirements: [], errors: [] }]);
  });
});
