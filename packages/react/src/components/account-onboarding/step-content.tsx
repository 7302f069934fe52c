import type { OnboardingStepName } from '@atrium/core';
import { lazy } from 'react';
import type { ComponentType } from 'react';
import type { StepContentProps } from './step-content-props';

type StepModule = Promise<{ default: ComponentType<StepContentProps> }>;

/**
 * Each step's form loads on its own, when the flow first shows it or gets ready to: the phone
 * check comes with the steps that ask for a phone number, ibantools with the bank account, and a
 * user who resumes at the review downloads neither. The code the forms share (react-hook-form, the
 * resolver) is a chunk of its own that `loadFormRuntime` fetches while the account loads.
 */
const STEP_LOADERS: Record<OnboardingStepName, () => StepModule> = {
  business_type: () => import('./steps/business-type-step').then((module) => ({ default: module.BusinessTypeStep })),
  business_details: () =>
    import('./steps/business-details-step').then((module) => ({ default: module.BusinessDetailsStep })),
  representative: () =>
    import('./steps/representative-step').then((module) => ({ default: module.RepresentativeStep })),
  owners: () => import('./steps/owners-step').then((module) => ({ default: module.OwnersStep })),
  bank_account: () => import('./steps/bank-account-step').then((module) => ({ default: module.BankAccountStep })),
  documents: () => import('./steps/documents-step').then((module) => ({ default: module.DocumentsStep })),
  review: () => import('./steps/review-step').then((module) => ({ default: module.ReviewStep })),
};

/** Starts downloading what every step form uses, before the flow knows which step it shows. */
export const loadFormRuntime = () => import('../account-forms/use-account-form');

/** Starts downloading a step's form, so it shows at once when the user gets there. */
export function preloadStep(step: OnboardingStepName): void {
  void STEP_LOADERS[step]();
}

const STEPS: Record<OnboardingStepName, ComponentType<StepContentProps>> = {
  business_type: lazy(STEP_LOADERS.business_type),
  business_details: lazy(STEP_LOADERS.business_details),
  representative: lazy(STEP_LOADERS.representative),
  owners: lazy(STEP_LOADERS.owners),
  bank_account: lazy(STEP_LOADERS.bank_account),
  documents: lazy(STEP_LOADERS.documents),
  review: lazy(STEP_LOADERS.review),
};

/** The form of the current step; it suspends while the step's code downloads. */
export function StepContent(props: StepContentProps) {
  const Step = STEPS[props.step.step];
  return <Step {...props} />;
}
