import type { OnboardingStepName } from '@atrium/core';
import type { ComponentType, ReactNode } from 'react';
import { lazyPart } from '../../embedded/lazy-part';
import type { StepContentProps } from './step-content-props';

type StepModule = Promise<{ default: (props: StepContentProps) => ReactNode }>;

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

// A download started ahead that fails is not reported there: the step loads again when shown, and
// says so if it fails then.
const ignore = () => undefined;

/** Starts downloading what every step form uses, before the flow knows which step it shows. */
export function loadFormRuntime(): void {
  import('../account-forms/use-account-form').catch(ignore);
}

const STEPS: Record<OnboardingStepName, ComponentType<StepContentProps>> = {
  business_type: lazyPart(STEP_LOADERS.business_type),
  business_details: lazyPart(STEP_LOADERS.business_details),
  representative: lazyPart(STEP_LOADERS.representative),
  owners: lazyPart(STEP_LOADERS.owners),
  bank_account: lazyPart(STEP_LOADERS.bank_account),
  documents: lazyPart(STEP_LOADERS.documents),
  review: lazyPart(STEP_LOADERS.review),
};

/** The form of the current step; it suspends while the step's code downloads. */
export function StepContent(props: StepContentProps) {
  const Step = STEPS[props.step.step];
  return <Step {...props} />;
}

/** Starts downloading a step's form, so it shows at once when the user gets there. */
export function preloadStep(name: OnboardingStepName): void {
  STEP_LOADERS[name]().catch(ignore);
}
