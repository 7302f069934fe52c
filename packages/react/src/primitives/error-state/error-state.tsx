import { useI18n } from '../../provider/use-atrium';
import { Button } from '../button/button';
import { describeError } from './describe-error';

export interface ErrorStateProps {
  error: unknown;
  /** Shows a "Try again" button that calls it. */
  onRetry?: () => void;
  /** Defaults to "Something went wrong". */
  title?: string;
}

/** A failure in the user's language, the request id for support, and a way to try again. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useI18n();
  const { messageKey, requestId } = describeError(error);
  return (
    <div className="atr-state" data-state="error" data-tone="danger" role="alert">
      <p className="atr-state-title">{title ?? t('error.title')}</p>
      <p className="atr-state-description">{t(messageKey)}</p>
      {requestId !== undefined && <p className="atr-state-meta">{t('error.requestId', { requestId })}</p>}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
