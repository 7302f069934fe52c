import type { ReactNode } from 'react';
import { useI18n } from '../../provider/use-atrium';

export interface EmptyStateProps {
  /** Defaults to "Nothing here yet" in the user's language. */
  title?: string;
  description?: ReactNode;
  /** What the user can do about it, for example a button that adds the first item. */
  action?: ReactNode;
}

/** What a list or section shows when it has nothing to show. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  const { t } = useI18n();
  return (
    <div className="atr-state" data-state="empty">
      <p className="atr-state-title">{title ?? t('empty.title')}</p>
      {description !== undefined && <p className="atr-state-description">{description}</p>}
      {action}
    </div>
  );
}
