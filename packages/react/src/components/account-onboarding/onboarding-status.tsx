import { stepOfRequirement } from '@atrium/core';
import type { Account, OnboardingStepName, Person, RequirementError } from '@atrium/core';
import { useEffect } from 'react';
import { useAtrium, useI18n } from '../../provider/use-atrium';
import { Badge } from '../../primitives/badge/badge';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { Spinner } from '../../primitives/spinner/spinner';
import { ACCOUNT_TAGS } from '../account-forms/account-queries';
import { verificationReason } from '../account-forms/verification-reasons';
import { personName } from '../account-forms/account-display';
import { outstandingSteps } from './onboarding-plan';
import type { VisibleStep } from './onboarding-plan';
import { stepTitleKey } from './step-text';

/** How often the status is read again while checks run (they take seconds in test mode). */
export const VERIFICATION_POLL_MS = 3_000;

/** Where the account stands after submitting: checks failed, checks running, more needed, or done. */
export type OnboardingStatus = 'failed' | 'pending' | 'incomplete' | 'complete';

export function onboardingStatus(account: Account, steps: readonly VisibleStep[]): OnboardingStatus {
  if (steps.some((step) => step.errors.length > 0)) return 'failed';
  if (outstandingSteps(steps).length > 0) return 'incomplete';
  if (account.requirements.pending_verification.length > 0) return 'pending';
  return 'complete';
}

export interface OnboardingStatusViewProps {
  account: Account;
  persons: readonly Person[];
  steps: readonly VisibleStep[];
  onGoTo: (step: OnboardingStepName) => void;
  onExit: (() => void) | undefined;
}

/** Why checks of a step's information failed, shown above its form. */
export function StepErrors({ errors }: { errors: readonly RequirementError[] }) {
  const { t } = useI18n();
  const reasons = [...new Set(errors.map((error) => verificationReason(error.code)))];
  return (
    <Banner tone="danger" title={t('onboarding.status.failedTitle')}>
      <ul className="atr-status-list">
        {reasons.map((reason) => (
          <li key={reason}>{t(reason)}</li>
        ))}
      </ul>
    </Banner>
  );
}

/** Who a requirement is about, for a failure's message: a person's name, or nobody in particular. */
function subjectOf(requirement: string, account: Account, persons: readonly Person[]): string | undefined {
  const holder = requirement.split('.')[0] ?? '';
  if (holder === 'individual' && account.individual) return personName(account.individual);
  const person = persons.find((candidate) => candidate.id === holder);
  return person ? personName(person) : undefined;
}

/** While checks run, reads the account again every few seconds, so the status follows them. */
function usePollWhilePending(status: OnboardingStatus) {
  const { store } = useAtrium();
  useEffect(() => {
    if (status !== 'pending') return;
    const timer = setInterval(() => void store.invalidate(ACCOUNT_TAGS), VERIFICATION_POLL_MS);
    return () => clearInterval(timer);
  }, [status, store]);
}

/** Each failed check with whom it is about, why it failed, and the step that fixes it. */
function FailedChecks({ account, persons, steps, onGoTo }: Omit<OnboardingStatusViewProps, 'onExit'>) {
  const { t } = useI18n();
  const representatives = new Set(persons.filter((person) => person.relationship.representative).map((p) => p.id));
  return (
    <Banner tone="danger" title={t('onboarding.status.failedTitle')} live>
      <p>{t('onboarding.status.failed')}</p>
      <ul className="atr-status-list">
        {steps
          .flatMap((step) => step.errors)
          .map((error) => {
            const subject = subjectOf(error.requirement, account, persons);
            return (
              <li key={`${error.requirement} ${error.code}`} className="atr-status-item">
                <span>
                  {subject !== undefined && <strong className="atr-status-subject">{subject}</strong>}{' '}
                  {t(verificationReason(error.code))}
                </span>
                <Button size="sm" onClick={() => onGoTo(stepOfRequirement(error.requirement, representatives))}>
                  {t('onboarding.status.fix')}
                </Button>
              </li>
            );
          })}
      </ul>
    </Banner>
  );
}

/** The steps that still ask for something, each with a way back to it. */
function MissingSteps({ account, steps, onGoTo }: Omit<OnboardingStatusViewProps, 'onExit' | 'persons'>) {
  const { t } = useI18n();
  return (
    <Banner tone="warning" title={t('onboarding.status.incompleteTitle')} live>
      <ul className="atr-status-list">
        {outstandingSteps(steps).map((step) => (
          <li key={step.step} className="atr-status-item">
            <span>{t(stepTitleKey(step.step, account.business_type))}</span>
            <Button size="sm" onClick={() => onGoTo(step.step)}>
              {t('onboarding.status.continue')}
            </Button>
          </li>
        ))}
      </ul>
    </Banner>
  );
}

/** A short message in its own box: checks running (with a spinner), or all done. */
function StatusNote({ title, text, busy }: { title: string; text: string; busy: boolean }) {
  return (
    <div className={busy ? 'atr-status-pending' : 'atr-status-complete'} role="status">
      {busy && <Spinner />}
      <div>
        <p className="atr-status-title">{title}</p>
        <p className="atr-text-secondary">{text}</p>
      </div>
    </div>
  );
}

/** What happens next: what failed and how to fix it, that checks are running, or that all is done. */
export function OnboardingStatusView(props: OnboardingStatusViewProps) {
  const { account, steps, onExit } = props;
  const { t } = useI18n();
  const status = onboardingStatus(account, steps);
  usePollWhilePending(status);
  return (
    <div className="atr-status" data-state={status}>
      {status === 'failed' && <FailedChecks {...props} />}
      {status === 'incomplete' && <MissingSteps {...props} />}
      {status === 'pending' && (
        <StatusNote title={t('onboarding.status.pendingTitle')} text={t('onboarding.status.pending')} busy />
      )}
      {status === 'complete' && (
        <StatusNote title={t('onboarding.status.completeTitle')} text={t('onboarding.status.complete')} busy={false} />
      )}
      <p className="atr-badge-row">
        <Badge tone={account.charges_enabled ? 'success' : 'neutral'}>
          {t(account.charges_enabled ? 'onboarding.status.paymentsOn' : 'onboarding.status.paymentsOff')}
        </Badge>
        <Badge tone={account.payouts_enabled ? 'success' : 'neutral'}>
          {t(account.payouts_enabled ? 'onboarding.status.payoutsOn' : 'onboarding.status.payoutsOff')}
        </Badge>
      </p>
      {onExit && (
        <div className="atr-form-footer">
          <span className="atr-form-footer-spacer" />
          <Button variant="primary" onClick={onExit}>
            {t('onboarding.done')}
          </Button>
        </div>
      )}
    </div>
  );
}
