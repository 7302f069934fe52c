import { describe, expect, it } from 'vitest';
import { accountObject, personObject } from '../account-forms/mock/mock-account';
import {
  companyStarted,
  companyWithRepresentative,
  individualDetailsGiven,
  individualStarted,
  individualSubmitted,
  newAccount,
} from '../account-forms/mock/account-scenarios';
import {
  doneSteps,
  dueSteps,
  isSkippable,
  resumePosition,
  stepAfter,
  stepBefore,
  visibleSteps,
} from './onboarding-plan';
import type { OnboardingScope } from './onboarding-plan';

const ALL: OnboardingScope = { collectsBankAccount: true, collectsTerms: true };

function stepsOf(state: ReturnType<typeof newAccount>, scope: OnboardingScope = ALL) {
  const account = accountObject(state);
  const persons = state.persons.map((person) => personObject(state, person));
  return dueSteps(account, persons, scope);
}

describe('dueSteps', () => {
  it('asks a new account for its business type first, with what every business type needs', () => {
    expect(stepsOf(newAccount('US')).map((step) => step.step)).toEqual([
      'business_type',
      'business_details',
      'bank_account',
      'review',
    ]);
  });

  it('asks a company without a representative for one, in the representative step', () => {
    const representative = stepsOf(companyStarted('DE')).find((step) => step.step === 'representative');
    expect(representative?.requirements).toEqual(
      expect.arrayContaining(['relationship.representative', 'representative.first_name', 'representative.dob.day']),
    );
  });

  it("puts a German company's owners, directors and executives in one step once its representative is complete", () => {
    const steps = stepsOf(companyWithRepresentative('DE'));
    expect(steps.map((step) => step.step)).toEqual(['owners', 'bank_account', 'review']);
    expect(steps[0]?.requirements).toEqual(
      expect.arrayContaining(['company.directors_provided', 'directors.first_name', 'executives.email']),
    );
  });

  it('leaves the bank account and the terms to the platform when told to', () => {
    const steps = stepsOf(individualStarted('US'), { collectsBankAccount: false, collectsTerms: false });
    expect(steps.map((step) => step.step)).toEqual(['business_details', 'representative', 'review']);
    expect(steps.at(-1)?.requirements).toEqual([]);
  });

  it('collects only the requirements the platform names', () => {
    const scope = { ...ALL, collectionOptions: { requirements: { only: ['external_account'] } } };
    expect(stepsOf(individualStarted('US'), scope).map((step) => step.step)).toEqual(['bank_account', 'review']);
  });

  it('adds what is due later when the platform asks for eventually_due', () => {
    const scope = { ...ALL, collectionOptions: { fields: 'eventually_due' as const } };
    const representative = stepsOf(individualStarted('US'), scope).find((step) => step.step === 'representative');
    expect(representative?.requirements).toContain('individual.id_number');
  });
});

describe('resumePosition', () => {
  it('resumes a returning user at the first step with something due', () => {
    expect(resumePosition(stepsOf(individualStarted('US')))).toBe('business_details');
  });

  it('goes to the review when only the terms are left', () => {
    expect(resumePosition(stepsOf(individualDetailsGiven('US')))).toBe('review');
  });

  it('shows the status once nothing is due', () => {
    expect(resumePosition(stepsOf(individualSubmitted('pending')))).toBe('submitted');
  });
});

describe('visibleSteps and moving between them', () => {
  it('keeps a step seen earlier in the visit, marked complete, after it stops being due', () => {
    const due = stepsOf(individualDetailsGiven('US'));
    const steps = visibleSteps(due, new Set(['business_details', 'representative', 'bank_account']));
    expect(steps.map((step) => [step.step, step.complete])).toEqual([
      ['business_details', true],
      ['representative', true],
      ['bank_account', true],
      ['review', false],
    ]);
    expect(stepAfter('representative', steps)).toBe('bank_account');
    expect(stepBefore('review', steps)).toBe('bank_account');
    expect(stepBefore('business_details', steps)).toBeUndefined();
  });

  it('closes with the review after the last step', () => {
    const steps = visibleSteps(stepsOf(individualStarted('US')), new Set());
    expect(stepAfter('bank_account', steps)).toBe('review');
  });
});

describe('isSkippable', () => {
  it('lets a step with only later requirements be skipped, but not one with anything currently due', () => {
    const state = individualSubmitted('verified');
    const account = accountObject(state);
    const later = dueSteps(account, [], { ...ALL, collectionOptions: { fields: 'eventually_due' } });
    const representative = later.find((step) => step.step === 'representative');
    expect(representative?.requirements).toEqual(['individual.id_number']);
    expect(representative && isSkippable(representative, account)).toBe(true);
    const now = stepsOf(individualStarted('US'))[0];
    expect(now && isSkippable(now, accountObject(individualStarted('US')))).toBe(false);
  });
});

describe('doneSteps', () => {
  it('lists what a returning user has already done, so the review shows it', () => {
    const state = individualDetailsGiven('US');
    expect(doneSteps(accountObject(state), [], ALL)).toEqual([
      'business_type',
      'business_details',
      'representative',
      'bank_account',
    ]);
  });

  it('lists nothing when the platform scoped the flow to some requirements', () => {
    const scope = { ...ALL, collectionOptions: { requirements: { only: ['external_account'] } } };
    expect(doneSteps(accountObject(individualDetailsGiven('US')), [], scope)).toEqual([]);
  });

  it('leaves out the bank account when the platform collects it', () => {
    const scope = { ...ALL, collectsBankAccount: false };
    expect(doneSteps(accountObject(individualDetailsGiven('US')), [], scope)).not.toContain('bank_account');
  });
});
