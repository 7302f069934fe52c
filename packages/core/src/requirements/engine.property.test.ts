import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COUNTRY_SPECS, SUPPORTED_COUNTRIES } from './countries';
import type { CountryCode } from './countries';
import { BUSINESS_TYPES, CAPABILITIES } from './country-spec';
import type { Capability } from './country-spec';
import { computeRequirements } from './engine';
import type { PersonInput, RequirementsInput } from './engine';
import { REJECT_REASONS, REQUIREMENT_ERROR_CODES, requirementsOutcomeSchema } from './schema';
import type { VerificationState } from './schema';

const DAY = 86_400;
const CREATED = Date.UTC(2025, 0, 1) / 1000;
const ROLE_PREFIXES = ['representative.', 'owners.', 'directors.', 'executives.'];
const DOCUMENTS = ['verification.document', 'verification.additional_document'];

function specNames(country: CountryCode): string[] {
  const requirements = COUNTRY_SPECS[country].requirements;
  return BUSINESS_TYPES.flatMap((type) =>
    CAPABILITIES.flatMap((capability) => [
      ...requirements[type][capability].currently_due,
      ...requirements[type][capability].eventually_due,
    ]),
  );
}

// Every account-level name the country could ask for or be given, follow-up documents included.
function accountUniverse(country: CountryCode): string[] {
  const names = specNames(country).filter((name) => !ROLE_PREFIXES.some((prefix) => name.startsWith(prefix)));
  const extra = ['business_type', 'business_profile.product_description', 'company.verification.document'];
  return [...new Set([...names, ...extra, ...DOCUMENTS.map((document) => `individual.${document}`)])].sort();
}

function personUniverse(country: CountryCode): string[] {
  const fields = specNames(country)
    .filter((name) => ROLE_PREFIXES.some((prefix) => name.startsWith(prefix)))
    .map((name) => name.slice(name.indexOf('.') + 1));
  return [...new Set([...fields, ...DOCUMENTS])].sort();
}

const stateArb: fc.Arbitrary<VerificationState> = fc.oneof(
  fc.constant({ status: 'pending' as const }),
  fc.constant({ status: 'verified' as const }),
  fc.constantFrom(...REQUIREMENT_ERROR_CODES).map((code) => ({ status: 'failed' as const, code, reason: 'Failed.' })),
);

function personArb(fields: string[]): fc.Arbitrary<PersonInput> {
  return fc.record({
    id: fc.constantFrom('person_a', 'person_b', 'person_c'),
    relationship: fc.record({
      representative: fc.boolean(),
      owner: fc.boolean(),
      director: fc.boolean(),
      executive: fc.boolean(),
    }),
    provided: fc.subarray(fields),
    verification: fc.dictionary(fc.constantFrom(...fields), stateArb, { maxKeys: 4 }),
  });
}

const inputArb: fc.Arbitrary<RequirementsInput> = fc.constantFrom(...SUPPORTED_COUNTRIES).chain((country) => {
  const names = accountUniverse(country);
  return fc.record({
    country: fc.constant(country),
    businessType: fc.constantFrom(...BUSINESS_TYPES, null),
    capabilities: fc.subarray([...CAPABILITIES]),
    provided: fc.oneof(fc.subarray(names), fc.constant(names)),
    verification: fc.dictionary(fc.constantFrom(...names), stateArb, { maxKeys: 6 }),
    persons: fc.uniqueArray(personArb(personUniverse(country)), { maxLength: 3, selector: (person) => person.id }),
    rejectedReason: fc.oneof(
      { arbitrary: fc.constant(null), weight: 8 },
      { arbitrary: fc.constantFrom(...REJECT_REASONS), weight: 1 },
    ),
    listed: fc.oneof({ arbitrary: fc.constant(false), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }),
    createdSeconds: fc.constant(CREATED),
    nowSeconds: fc.integer({ min: CREATED, max: CREATED + 90 * DAY }),
  });
});

const isSubset = (small: readonly string[], large: readonly string[]) => small.every((name) => large.includes(name));
const isSortedAndUnique = (names: readonly string[]) =>
  names.every((name, index) => index === 0 || (names[index - 1] ?? '') < name);

describe('the requirements engine, for any account', () => {
  test('answers in the shared schema with sorted, consistent lists', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = computeRequirements(input);
        expect(requirementsOutcomeSchema.safeParse(outcome).success).toBe(true);
        for (const requirements of [outcome.requirements, outcome.future_requirements]) {
          const { currently_due, eventually_due, past_due, pending_verification, errors } = requirements;
          for (const list of [currently_due, eventually_due, past_due, pending_verification])
            expect(isSortedAndUnique(list)).toBe(true);
          expect(isSubset(currently_due, eventually_due)).toBe(true);
          expect(isSubset(past_due, currently_due)).toBe(true);
          expect(
            isSubset(
              errors.map((error) => error.requirement),
              currently_due,
            ),
          ).toBe(true);
          expect(pending_verification.filter((name) => eventually_due.includes(name))).toEqual([]);
          for (const alternative of requirements.alternatives)
            expect(isSubset(alternative.original_fields_due, currently_due)).toBe(true);
        }
      }),
    );
  });

  test('enables charges and payouts only when nothing holds them back', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { requirements, capabilities, charges_enabled, payouts_enabled } = computeRequirements(input);
        const disabled = Boolean(input.rejectedReason) || input.listed === true;
        if (charges_enabled) {
          expect(capabilities.card_payments).toBe('active');
          expect(disabled).toBe(false);
          expect(requirements.past_due).toEqual([]);
          // What is still due for card payments has a deadline ahead.
          if (requirements.currently_due.length > 0)
            expect(requirements.current_deadline).toBeGreaterThan(input.nowSeconds);
        }
        if (payouts_enabled) {
          expect(disabled).toBe(false);
          expect(requirements.past_due).toEqual([]);
          expect(requirements.currently_due).not.toContain('external_account');
          expect(Object.values(capabilities)).toContain('active');
        }
      }),
    );
  });

  test('explains every capability that is not active', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { requirements, capabilities, future_requirements } = computeRequirements(input);
        expect(Object.keys(capabilities).sort()).toEqual([...new Set(input.capabilities)].sort());
        const allActive = Object.values(capabilities).every((status) => status === 'active');
        if (requirements.disabled_reason === null) expect(allActive && input.capabilities.length > 0).toBe(true);
        if (requirements.past_due.length > 0) expect(requirements.disabled_reason).not.toBeNull();
        if (requirements.current_deadline !== null)
          expect(requirements.current_deadline).toBeGreaterThan(input.nowSeconds);
        expect(future_requirements.disabled_reason).toBeNull();
        expect(future_requirements.past_due).toEqual([]);
      }),
    );
  });

  test('never asks for more when one more due requirement is provided', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const before = computeRequirements(input).requirements.currently_due;
        const accountLevel = before.filter(
          (name) => !/^(person_|representative\.|owners\.|directors\.|executives\.)/.test(name),
        );
        fc.pre(accountLevel.length > 0);
        const added = accountLevel[pick % accountLevel.length] ?? '';
        // A newly given value has no verification state yet: the server clears it when a value changes.
        const verification = Object.fromEntries(
          Object.entries(input.verification ?? {}).filter(([name]) => name !== added),
        );
        const after = computeRequirements({ ...input, provided: [...input.provided, added], verification }).requirements
          .currently_due;
        expect(isSubset(after, before)).toBe(true);
        expect(after).not.toContain(added);
      }),
    );
  });

  test('gives the same answer for the same input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = JSON.parse(JSON.stringify({ ...input, provided: [...input.provided] })) as RequirementsInput;
        expect(computeRequirements(input)).toEqual(computeRequirements(copy));
      }),
      { numRuns: 50 },
    );
  });

  test('keeps capabilities and flags in step with each other', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outcome = computeRequirements(input);
        const requested = (capability: Capability) => input.capabilities.includes(capability);
        expect(outcome.charges_enabled).toBe(
          requested('card_payments') && outcome.capabilities.card_payments === 'active',
        );
        if (outcome.details_submitted) expect(input.capabilities.length).toBeGreaterThan(0);
      }),
    );
  });
});
