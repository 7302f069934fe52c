import type { ReactNode, SyntheticEvent } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { Banner } from '../../../primitives/banner/banner';
import { describeError } from '../../../primitives/error-state/describe-error';

export interface FormFrameProps {
  onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void;
  /** A failure that belongs to no single field (network, server, session). */
  error: unknown;
  children: ReactNode;
  /** The buttons: the submit button and whatever goes beside it (Back, Skip, Cancel). */
  footer: ReactNode;
  /** Names the form for assistive technology. */
  label?: string;
}

/** A form of the account components: its fields, a failure of the whole form, and its buttons. */
export function FormFrame({ onSubmit, error, children, footer, label }: FormFrameProps) {
  const { t } = useI18n();
  const failure = error === undefined ? undefined : describeError(error);
  return (
    <form className="atr-account-form" noValidate onSubmit={onSubmit} aria-label={label}>
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
      <div className="atr-form-footer">{footer}</div>
    </form>
  );
}
