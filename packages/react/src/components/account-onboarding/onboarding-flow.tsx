import type { Account, CollectionOptions, ComponentName, OnboardingStepName, Person } from '@atrium/core';
import { Suspense, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useGrant } from '../../data/use-atrium-session';
import { useI18n } from '../../provider/use-atrium';
import { Button } from '../../primitives/button/button';
import { LoadingState } from '../../primitives/spinner/spinner';
import { Stepper } from '../../primitives/stepper/stepper';
import { AccountStyles } from '../account-forms/account-styles';
import {
  doneSteps,
  dueSteps,
  isSkippable,
  resumePosition,
  stepAfter,
  stepBefore,
  visibleSteps,
} from './onboarding-plan';
import type { FlowPosition, OnboardingScope, VisibleStep } from './onboarding-plan';
import { OnboardingStatusView, StepErrors } from './onboarding-status';
import { preloadStep, StepContent } from './step-content';
import { stepDescriptionKey, stepTitleKey } from './step-text';

/** Sent to `onStepChange`: the step now shown, or `submitted` for the status after the review. */
export interface OnboardingStepChangeEvent {
  step: FlowPosition;
}

/** What the platform can tell the onboarding flow. */
export interface OnboardingOptions {
  /** Which requirements to collect (Stripe's `collectionOptions`); only what is currently due by default. */
  collectionOptions?: CollectionOptions;
  /** Called when the user leaves the flow with the Exit button or finishes it with Done. */
  onExit?: () => void;
  onStepChange?: (event: OnboardingStepChangeEvent) => void;
  /** Linked from the terms checkbox. */
  fullTermsOfServiceUrl?: string;
  privacyPolicyUrl?: string;
  /** The platform collects the terms acceptance itself, so the review does not ask for it. */
  skipTermsOfServiceCollection?: boolean;
  /** Hides "Skip for now", which steps offer when nothing they ask for is currently due. */
  hideSkip?: boolean;
}

export interface OnboardingFlowProps extends OnboardingOptions {
  account: Account;
  persons: readonly Person[];
  /** The component whose grant the flow runs under (its features decide what it may collect). */
  host: ComponentName;
}

function useFlowState(due: ReturnType<typeof dueSteps>, done: () => OnboardingStepName[]) {
  const [position, setPosition] = useState<FlowPosition>(() => resumePosition(due));
  const [seen, setSeen] = useState<ReadonlySet<OnboardingStepName>>(
    () => new Set([...done(), ...due.map((step) => step.step)]),
  );
  const [advanceFrom, setAdvanceFrom] = useState<OnboardingStepName | undefined>(undefined);
  // Steps that become due during the visit (after the business type is chosen) join the flow.
  if (due.some((step) => !seen.has(step.step))) setSeen(new Set([...seen, ...due.map((step) => step.step)]));
  const steps = visibleSteps(due, seen);
  // A saved step moves on once the account it changed has been read again, from the steps as they are now.
  if (advanceFrom !== undefined) {
    setAdvanceFrom(undefined);
    setPosition(stepAfter(advanceFrom, steps));
  }
  return { position, setPosition, steps, advance: setAdvanceFrom };
}

/** Moves focus to the heading of a step the user went to (not on the first render, which they did not ask for). */
function useFocusOnChange(position: FlowPosition) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [position]);
  return heading;
}

/** The stepper, with completed steps to go back to, and the Exit button when the platform wants one. */
function FlowHeader({
  steps,
  position,
  businessType,
  onStepSelect,
  onExit,
}: {
  steps: readonly VisibleStep[];
  position: FlowPosition;
  businessType: Account['business_type'];
  onStepSelect: (step: OnboardingStepName) => void;
  onExit: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="atr-onboarding-header">
      <Stepper
        steps={steps.map((step) => ({ id: step.step, label: t(stepTitleKey(step.step, businessType)) }))}
        current={position}
        completed={steps.filter((step) => step.complete).map((step) => step.step)}
        onStepSelect={(id) => onStepSelect(id as OnboardingStepName)}
        orientation="horizontal"
      />
      {onExit && (
        <Button variant="ghost" size="sm" onClick={onExit}>
          {t('onboarding.exit')}
        </Button>
      )}
    </div>
  );
}

/** Where a step's Back, Skip and links to other steps lead. */
function navigation(
  current: VisibleStep,
  steps: readonly VisibleStep[],
  account: Account,
  { setPosition, hideSkip }: { setPosition: (position: FlowPosition) => void; hideSkip: boolean },
) {
  const before = stepBefore(current.step, steps);
  return {
    onBack: before === undefined ? undefined : () => setPosition(before),
    onSkip: !hideSkip && isSkippable(current, account) ? () => setPosition(stepAfter(current.step, steps)) : undefined,
    onGoTo: setPosition,
    onSubmitted: () => setPosition('submitted'),
  };
}

/**
 * The onboarding flow over loaded data: a stepper, the current step's form (each loaded on demand),
 * and after the review the status of the account. Each step saves on its own; a returning user
 * starts at the first step with something due.
 */
export function OnboardingFlow(props: OnboardingFlowProps) {
  const { account, persons, host, onExit } = props;
  const { t } = useI18n();
  const scope: OnboardingScope = {
    collectionOptions: props.collectionOptions,
    collectsBankAccount: useGrant(host, 'external_account_collection'),
    collectsTerms: props.skipTermsOfServiceCollection !== true,
  };
  const due = dueSteps(account, persons, scope);
  const { position, setPosition, steps, advance } = useFlowState(due, () => doneSteps(account, persons, scope));
  const heading = useFocusOnChange(position);
  const headingId = `atr-onboarding-${useId()}`;
  const reportStep = useEffectEvent((step: FlowPosition) => props.onStepChange?.({ step }));
  useEffect(() => reportStep(position), [position]);
  // The next step's form downloads while the user fills in this one.
  const next = position === 'submitted' ? undefined : stepAfter(position, steps);
  useEffect(() => {
    if (next !== undefined) preloadStep(next);
  }, [next]);

  const current = position === 'submitted' ? undefined : steps.find((step) => step.step === position);
  const title = current ? t(stepTitleKey(current.step, account.business_type)) : t('onboarding.status.title');
  return (
    <div className="atr-onboarding" data-step={position}>
      <AccountStyles />
      <FlowHeader
        steps={steps}
        position={position}
        businessType={account.business_type}
        onStepSelect={setPosition}
        onExit={onExit}
      />
      <section className="atr-onboarding-step" aria-labelledby={headingId}>
        {/* In a dialog (the banner's drawer) the heading takes the first focus, so the step is announced. */}
        <h2 id={headingId} ref={heading} tabIndex={-1} className="atr-step-title" data-autofocus>
          {title}
        </h2>
        {current && <p className="atr-text-secondary">{t(stepDescriptionKey(current.step, account.business_type))}</p>}
        {current && current.errors.length > 0 && <StepErrors errors={current.errors} />}
        {current ? (
          <Suspense fallback={<LoadingState />}>
            <StepContent
              key={current.step}
              step={current}
              steps={steps}
              account={account}
              persons={persons}
              scope={scope}
              onSaved={() => advance(current.step)}
              {...navigation(current, steps, account, { setPosition, hideSkip: props.hideSkip === true })}
              fullTermsOfServiceUrl={props.fullTermsOfServiceUrl}
              privacyPolicyUrl={props.privacyPolicyUrl}
            />
          </Suspense>
        ) : (
          <OnboardingStatusView
            account={account}
            persons={persons}
            steps={steps}
            onGoTo={setPosition}
            onExit={onExit}
          />
        )}
      </section>
    </div>
  );
}
