import { z } from 'zod/mini';
import type { RequirementError, Requirements } from './schema';

/** The onboarding steps, in the order the onboarding component shows them. */
export const ONBOARDING_STEPS = [
  'business_type',
  'business_details',
  'representative',
  'owners',
  'bank_account',
  'documents',
  'review',
] as const;
export type OnboardingStepName = (typeof ONBOARDING_STEPS)[number];

/**
 * Which requirements onboarding collects, as in issue 6: `fields` picks `currently_due` or also
 * what is `eventually_due`; `future_requirements: 'include'` adds the same list from
 * `future_requirements`; `requirements` keeps `only` the given names or `exclude`s them. A name
 * ending in `.*` matches every requirement under it (`directors.*`).
 */
export const collectionOptionsSchema = z.strictObject({
  fields: z._default(z.enum(['currently_due', 'eventually_due']), 'currently_due'),
  future_requirements: z._default(z.enum(['include', 'omit']), 'omit'),
  requirements: z.optional(
    z.union([
      z.strictObject({ only: z.array(z.string()).check(z.minLength(1)) }),
      z.strictObject({ exclude: z.array(z.string()) }),
    ]),
  ),
});
export type CollectionOptions = z.input<typeof collectionOptionsSchema>;

/** One step with the requirements it collects and the errors on them. */
export interface OnboardingStep {
  step: OnboardingStepName;
  requirements: string[];
  errors: RequirementError[];
}

/** Whether `name` matches `pattern`: equal, or under it when the pattern ends in `.*`. */
export function matchesRequirement(pattern: string, name: string): boolean {
  return pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

const OWNERS_ATTESTATIONS = new Set([
  'company.owners_provided',
  'company.directors_provided',
  'company.executives_provided',
]);

/**
 * The step that collects a requirement. Persons' requirements (`person_...`) belong to the
 * representative step when the person is in `representativeIds`, to the owners step otherwise.
 * An individual's own details are collected in the representative step.
 */
export function stepOfRequirement(
  name: string,
  representativeIds: ReadonlySet<string> = new Set(),
): OnboardingStepName {
  const root = name.split('.')[0] ?? '';
  if (name === 'business_type') return 'business_type';
  if (/\.verification\.(additional_)?document$/.test(name)) return 'documents';
  if (name === 'external_account') return 'bank_account';
  if (root === 'tos_acceptance') return 'review';
  if (OWNERS_ATTESTATIONS.has(name)) return 'owners';
  if (root === 'individual' || root === 'representative' || name === 'relationship.representative') {
    return 'representative';
  }
  if (['owners', 'directors', 'executives', 'relationship'].includes(root)) return 'owners';
  if (root.startsWith('person_')) return representativeIds.has(root) ? 'representative' : 'owners';
  return 'business_details';
}

/** The requirement names onboarding should collect, after `options`. */
export function requirementsToCollect(
  outcome: { requirements: Requirements; future_requirements: Requirements },
  options: CollectionOptions = {},
): string[] {
  const parsed = collectionOptionsSchema.parse(options);
  const names = new Set(outcome.requirements[parsed.fields]);
  if (parsed.future_requirements === 'include') {
    for (const name of outcome.future_requirements[parsed.fields]) names.add(name);
  }
  const filter = parsed.requirements;
  return [...names]
    .filter((name) => {
      if (!filter) return true;
      const matched = ('only' in filter ? filter.only : filter.exclude).some((pattern) =>
        matchesRequirement(pattern, name),
      );
      return 'only' in filter ? matched : !matched;
    })
    .sort();
}

// The future requirements repeat today's errors; each error is listed once.
function collectedErrors(
  outcome: { requirements: Requirements; future_requirements: Requirements },
  options: CollectionOptions,
): RequirementError[] {
  const includeFuture = options.future_requirements === 'include';
  const all = [...outcome.requirements.errors, ...(includeFuture ? outcome.future_requirements.errors : [])];
  const unique = new Map(all.map((error) => [`${error.requirement} ${error.code}`, error]));
  return [...unique.values()];
}

/**
 * Groups what onboarding should collect into its steps, in order. Steps with nothing to collect
 * are left out, except `review`, which always closes the flow.
 */
export function onboardingSteps(
  outcome: { requirements: Requirements; future_requirements: Requirements },
  options: CollectionOptions = {},
  persons: readonly { id: string; relationship: { representative?: boolean } }[] = [],
): OnboardingStep[] {
  const representativeIds = new Set(persons.filter((person) => person.relationship.representative).map((p) => p.id));
  const names = requirementsToCollect(outcome, options);
  const errors = collectedErrors(outcome, options);
  return ONBOARDING_STEPS.map((step) => {
    const requirements = names.filter((name) => stepOfRequirement(name, representativeIds) === step);
    const included = new Set(requirements);
    return { step, requirements, errors: errors.filter((error) => included.has(error.requirement)) };
  }).filter((step) => step.requirements.length > 0 || step.step === 'review');
}
