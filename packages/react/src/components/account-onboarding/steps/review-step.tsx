import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { Badge } from '../../../primitives/badge/badge';
import { Banner } from '../../../primitives/banner/banner';
import { Button } from '../../../primitives/button/button';
import { Checkbox } from '../../../primitives/checkbox/checkbox';
import { describeError } from '../../../primitives/error-state/describe-error';
import { ErrorSummary } from '../../../primitives/field/error-summary';
import { useAccountSave } from '../../account-forms/forms/use-account-save';
import { outstandingSteps } from '../onboarding-plan';
import type { StepContentProps } from '../step-content-props';
import { stepTitleKey } from '../step-text';
import { StepFooter } from './step-footer';

const MARK = '\u0000';

/**
 * "I agree to the services agreement and the privacy policy", with each document a link when the
 * platform gave its address; the sentence comes whole from the catalog, so each language orders it.
 */
function TermsLabel({ terms, privacy }: { terms: string | undefined; privacy: string | undefined }) {
  const { t } = useI18n();
  const names = { terms: t('onboarding.review.terms'), privacy: t('onboarding.review.privacy') };
  const hrefs: Record<string, string | undefined> = { terms, privacy };
  const key = privacy === undefined ? 'onboarding.review.agreeTerms' : 'onboarding.review.agreeTermsPrivacy';
  const sentence = t(key, { terms: `${MARK}terms${MARK}`, privacy: `${MARK}privacy${MARK}` });
  return (
    <>
      {sentence.split(MARK).map((part, index) => {
        if (part !== 'terms' && part !== 'privacy') return part;
        const href = hrefs[part];
        return href === undefined ? (
          names[part]
        ) : (
          <a key={index} href={href} target="_blank" rel="noreferrer noopener" className="atr-link">
            {names[part]}
          </a>
        );
      })}
    </>
  );
}

/** Every step but the review, whether it is complete, and a way back to it. */
function ReviewList({ steps, account, onGoTo }: Pick<StepContentProps, 'steps' | 'account' | 'onGoTo'>) {
  const { t } = useI18n();
  return (
    <ul className="atr-review-list">
      {steps
        .filter((candidate) => candidate.step !== 'review')
        .map((candidate) => {
          const title = t(stepTitleKey(candidate.step, account.business_type));
          return (
            <li key={candidate.step} className="atr-review-item">
              <span className="atr-review-title">{title}</span>
              <Badge tone={candidate.complete ? 'success' : 'warning'}>
                {t(candidate.complete ? 'onboarding.review.complete' : 'onboarding.review.incomplete')}
              </Badge>
              <Button
                size="sm"
                onClick={() => onGoTo(candidate.step)}
                aria-label={t('onboarding.review.editNamed', { step: title })}
              >
                {t('onboarding.review.edit')}
              </Button>
            </li>
          );
        })}
    </ul>
  );
}

/** Every step with its state and a way back to it, the terms, and the submission. */
export function ReviewStep(props: StepContentProps) {
  const { step, steps, account, onGoTo, onSubmitted, onBack } = props;
  const { t } = useI18n();
  const termsDue = step.requirements.some((name) => name.startsWith('tos_acceptance.'));
  const [accepted, setAccepted] = useState(false);
  const [problem, setProblem] = useState<'missing' | 'terms' | undefined>(undefined);
  const termsBox = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const accept = useAccountSave((client, _input: null, context) =>
    client.post('/account', { tos_acceptance: { accepted: true } }, context),
  );
  const outstanding = outstandingSteps(steps);
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blocking = outstanding.length > 0 ? 'missing' : termsDue && !accepted ? 'terms' : undefined;
    setProblem(blocking);
    // As on every step, focus moves to what needs fixing: here, the terms to accept.
    if (blocking === 'terms') {
      termsBox.current?.focus();
      setFailedSubmits((count) => count + 1);
    }
    if (blocking !== undefined) return;
    if (!termsDue) {
      onSubmitted();
      return;
    }
    void accept.run(null).then((outcome) => {
      if (outcome.ok) onSubmitted();
    });
  };
  const failure = accept.status === 'error' ? describeError(accept.error) : undefined;
  return (
    <form ref={form} className="atr-account-form" noValidate onSubmit={onSubmit}>
      {problem === 'missing' && (
        <Banner tone="danger" title={t('onboarding.review.missingTitle')} live>
          {t('onboarding.review.missing')}
        </Banner>
      )}
      {failure && (
        <Banner tone="danger" title={t('fields.form.failed')} live>
          {t(failure.messageKey)}
        </Banner>
      )}
      <ReviewList steps={steps} account={account} onGoTo={onGoTo} />
      {termsDue && (
        <Checkbox
          ref={termsBox}
          label={<TermsLabel terms={props.fullTermsOfServiceUrl} privacy={props.privacyPolicyUrl} />}
          checked={accepted}
          onChange={(event) => {
            setAccepted(event.target.checked);
            if (event.target.checked && problem === 'terms') setProblem(undefined);
          }}
          error={problem === 'terms' ? t('onboarding.review.termsRequired') : undefined}
        />
      )}
      {!termsDue && props.fullTermsOfServiceUrl && (
        <p className="atr-text-secondary atr-text-small">
          <TermsLabel terms={props.fullTermsOfServiceUrl} privacy={props.privacyPolicyUrl} />
        </p>
      )}
      <ErrorSummary form={form} failedSubmits={failedSubmits} />
      <div className="atr-form-footer">
        <StepFooter
          saving={accept.status === 'pending'}
          onBack={onBack}
          onSkip={undefined}
          submitLabel={t('onboarding.review.submit')}
        />
      </div>
    </form>
  );
}
