import type { OnboardingStepName } from '@atrium/core';
import { Component, lazy, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { ErrorState } from '../../primitives/error-state/error-state';
import type { StepContentProps } from './step-content-props';

type StepModule = Promise<{ default: ComponentType<StepContentProps> }>;
export type StepLoaders = Record<OnboardingStepName, () => StepModule>;

/**
 * Each step's form loads on its own, when the flow first shows it or gets ready to: the phone
 * check comes with the steps that ask for a phone number, ibantools with the bank account, and a
 * user who resumes at the review downloads neither. The code the forms share (react-hook-form, the
 * resolver) is a chunk of its own that `loadFormRuntime` fetches while the account loads.
 */
const STEP_LOADERS: StepLoaders = {
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

interface BoundaryProps {
  onRetry: () => void;
  children: ReactNode;
}

/**
 * A step that fails to render, its code not downloaded (a network failure, or a deployment that
 * replaced the files), shows the failure with "Try again" instead of taking the host page down.
 */
class StepBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <ErrorState error={this.state.error} onRetry={this.props.onRetry} />;
  }
}

/** The step forms over `loaders` (the real ones by default; tests give their own). */
export function createStepContent(loaders: StepLoaders) {
  // React keeps a lazy component's failed download, so each attempt at a step has its own.
  const steps = new Map<string, ComponentType<StepContentProps>>();
  const stepOf = (name: OnboardingStepName, attempt: number) => {
    const key = `${name}:${attempt}`;
    let step = steps.get(key);
    if (!step) {
      step = lazy(loaders[name]);
      steps.set(key, step);
    }
    return step;
  };

  /** The form of the current step; it suspends while the step's code downloads. */
  function StepContent(props: StepContentProps) {
    const [attempt, setAttempt] = useState(0);
    const Step = stepOf(props.step.step, attempt);
    return (
      <StepBoundary key={attempt} onRetry={() => setAttempt(attempt + 1)}>
        <Step {...props} />
      </StepBoundary>
    );
  }

  /** Starts downloading a step's form, so it shows at once when the user gets there. */
  function preloadStep(name: OnboardingStepName): void {
    loaders[name]().catch(ignore);
  }

  return { StepContent, preloadStep };
}

export const { StepContent, preloadStep } = createStepContent(STEP_LOADERS);
