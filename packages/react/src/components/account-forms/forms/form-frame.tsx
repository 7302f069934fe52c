import { useRef } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { Banner } from '../../../primitives/banner/banner';
import { describeError } from '../../../primitives/error-state/describe-error';
import { ErrorSummary } from '../../../primitives/field/error-summary';

export interface FormFrameProps {
  onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void;
  /** A failure that belongs to no single field (network, server, session). */
  error: unknown;
  /** Submits that ended with errors on fields (`useFormSubmit`): each is announced once. */
  failedSubmits: number;
  children: ReactNode;
  /** The buttons: the submit button and whatever goes beside it (Back, Skip, Cancel). */
  footer: ReactNode;
  /** Names the form for assistive technology. */
  label?: string;
}

/**
 * A form of the account components: its fields, a failure of the whole form, its buttons, and
 * the one announcement of a submit that failed on fields.
 */
export function FormFrame({ onSubmit, error, failedSubmits, children, footer, label }: FormFrameProps) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const failure = error === undefined ? undefined : describeError(error);
  return (
    <form ref={form} className="atr-account-form" noValidate onSubmit={onSubmit} aria-label={label}>
      {failure !== undefined && (
        <Banner tone="danger" title={t('fields.form.failed')} live>
          <p>{t(failure.messageKey)}</p>
          {failure.requestId !== undefined && (
            <p className="atr-text-secondary atr-text-small">
              {t('error.requestId', { requestId: failure.requestId })}
            </p>
          )}
        </Banner>
      )}
      {children}
      <ErrorSummary form={form} failedSubmits={failedSubmits} />
      <div className="atr-form-footer">{footer}</div>
    </form>
  );
}
