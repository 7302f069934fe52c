import type { Account, OnboardingStepName, Person } from '@atrium/core';
import type { OnboardingScope, VisibleStep } from './onboarding-plan';

/** What a step's content gets from the flow around it. */
export interface StepContentProps {
  step: VisibleStep;
  steps: readonly VisibleStep[];
  account: Account;
  persons: readonly Person[];
  scope: OnboardingScope;
  /** The step was saved; the flow moves on once it has the account as it is now. */
  onSaved: () => void;
  onBack: (() => void) | undefined;
  /** Leaves a step whose requirements are not currently due; undefined when it may not be skipped. */
  onSkip: (() => void) | undefined;
  onGoTo: (step: OnboardingStepName) => void;
  /** The review was submitted. */
  onSubmitted: () => void;
  fullTermsOfServiceUrl: string | undefined;
  privacyPolicyUrl: string | undefined;
}
