import { ONBOARDING_STEPS, onboardingSteps } from '@atrium/core';
import type { Account, CollectionOptions, OnboardingStep, OnboardingStepName, Person } from '@atrium/core';

/** Where the flow stands: one of the engine's steps, or the status shown after submitting. */
export type FlowPosition = OnboardingStepName | 'submitted';

/** What this instance of the flow collects. */
export interface OnboardingScope {
  collectionOptions?: CollectionOptions | undefined;
  /** The session grants `external_account_collection`: without it the platform collects the bank account. */
  collectsBankAccount: boolean;
  /** False when the platform collects the terms acceptance itself. */
  collectsTerms: boolean;
}

/** A step as the flow shows it: due now, or shown earlier in this visit and done since. */
export interface VisibleStep extends OnboardingStep {
  complete: boolean;
}

function inScope(name: string, scope: OnboardingScope): boolean {
  if (name === 'external_account') return scope.collectsBankAccount;
  if (name.startsWith('tos_acceptance.')) return scope.collectsTerms;
  return true;
}

/**
 * The steps with something to collect now, by the requirements engine's grouping and the
 * platform's `collectionOptions`, without what the session or the platform keeps out of this
 * component (the bank account, the terms). The review step is always there.
 */
export function dueSteps(account: Account, persons: readonly Person[], scope: OnboardingScope): OnboardingStep[] {
  return onboardingSteps(account, scope.collectionOptions, persons)
    .map((step) => ({
      step: step.step,
      requirements: step.requirements.filter((name) => inScope(name, scope)),
      errors: step.errors.filter((error) => inScope(error.requirement, scope)),
    }))
    .filter((step) => step.requirements.length > 0 || step.step === 'review');
}

/**
 * The steps a returning user has already done, by what the account holds, so that the flow (and
 * its review) shows them beside what is still due. A platform that scoped the flow to some
 * requirements gets only those.
 */
export function doneSteps(account: Account, persons: readonly Person[], scope: OnboardingScope): OnboardingStepName[] {
  if (scope.collectionOptions?.requirements !== undefined) return [];
  const profile = account.business_profile;
  const given = (front: string | null | undefined) => typeof front === 'string';
  const documents = [account.individual, ...persons].some(
    (person) => given(person?.verification.document.front) || given(person?.verification.additional_document.front),
  );
  const done: [OnboardingStepName, boolean][] = [
    ['business_type', account.business_type !== null],
    ['business_details', profile.url !== null || profile.mcc !== null || profile.product_description !== null],
    [
      'representative',
      account.individual !== undefined || persons.some((person) => person.relationship.representative),
    ],
    [
      'owners',
      persons.some(
        (person) => person.relationship.owner || person.relationship.director || person.relationship.executive,
      ) ||
        account.company?.owners_provided === true ||
        account.company?.directors_provided === true ||
        account.company?.executives_provided === true,
    ],
    ['bank_account', scope.collectsBankAccount && account.external_accounts.data.length > 0],
    ['documents', documents || given(account.company?.verification.document.front)],
  ];
  return done.filter(([, isDone]) => isDone).map(([step]) => step);
}

/**
 * Where a returning user starts: the first step with something due, the review when only the
 * terms are left, and the status once nothing is.
 */
export function resumePosition(steps: readonly OnboardingStep[]): FlowPosition {
  const first = steps.find((step) => step.requirements.length > 0);
  return first?.step ?? 'submitted';
}

/**
 * The steps to show, in the flow's order: those due now and those seen earlier in this visit
 * (done since, so the user can go back to them). Only the review is never complete by itself.
 */
export function visibleSteps(due: readonly OnboardingStep[], seen: ReadonlySet<OnboardingStepName>): VisibleStep[] {
  return ONBOARDING_STEPS.filter((name) => seen.has(name) || due.some((step) => step.step === name)).map((name) => {
    const step = due.find((candidate) => candidate.step === name);
    const requirements = step?.requirements ?? [];
    return {
      step: name,
      requirements,
      errors: step?.errors ?? [],
      complete: name !== 'review' && requirements.length === 0,
    };
  });
}

const order = (name: OnboardingStepName) => ONBOARDING_STEPS.indexOf(name);

/** The visible step after `from`; the review closes the flow. */
export function stepAfter(from: OnboardingStepName, steps: readonly VisibleStep[]): OnboardingStepName {
  return steps.find((step) => order(step.step) > order(from))?.step ?? 'review';
}

/** The visible step before `from`, if any. */
export function stepBefore(from: OnboardingStepName, steps: readonly VisibleStep[]): OnboardingStepName | undefined {
  return steps.filter((step) => order(step.step) < order(from)).at(-1)?.step;
}

/**
 * Whether a step may be skipped for now: nothing it asks for is currently due (only later or
 * future requirements), so leaving it does not restrict the account.
 */
export function isSkippable(step: OnboardingStep, account: Account): boolean {
  if (step.step === 'review' || step.requirements.length === 0) return false;
  const due = new Set(account.requirements.currently_due);
  return step.requirements.every((name) => !due.has(name));
}

/** The requirements in scope that are still due, across all steps but the review. */
export function outstandingSteps(steps: readonly VisibleStep[]): VisibleStep[] {
  return steps.filter((step) => step.step !== 'review' && step.requirements.length > 0);
}
