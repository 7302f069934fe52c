import { Suspense, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../provider/use-atrium';
import { Button } from '../../primitives/button/button';
import { LoadingState } from '../../primitives/spinner/spinner';
import { FocusFirstField } from '../account-forms/focus-first-field';

export interface SectionCardProps {
  id: string;
  title: string;
  /** Whether the section's editor is open; undefined when the section cannot be edited as a whole. */
  editing: boolean | undefined;
  onEdit: () => void;
  /** Said once after a save, in the section's status region. */
  status: string | undefined;
  children: ReactNode;
  /** The editor shown instead of the summary while editing. */
  editor: ReactNode;
}

/**
 * One section of account management: a heading, an Edit button, and the summary or, while
 * editing, the form. Focus goes to the form's first field when it opens and back to Edit after.
 */
export function SectionCard({ id, title, editing, onEdit, status, children, editor }: SectionCardProps) {
  const { t } = useI18n();
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing === true);
  useEffect(() => {
    if (editing === wasEditing.current) return;
    wasEditing.current = editing === true;
    if (editing !== true) editButton.current?.focus();
  }, [editing]);
  return (
    <section className="atr-card" aria-labelledby={`${id}-title`} data-state={editing ? 'editing' : 'viewing'}>
      <div className="atr-card-header">
        <h2 id={`${id}-title`} className="atr-card-title">
          {title}
        </h2>
        {editing === false && (
          <Button
            ref={editButton}
            size="sm"
            onClick={onEdit}
            aria-label={t('management.editSection', { section: title })}
          >
            {t('management.edit')}
          </Button>
        )}
      </div>
      <p role="status" className={status === undefined ? 'atr-visually-hidden' : 'atr-text-secondary'}>
        {status}
      </p>
      <div>
        {editing === true ? (
          <Suspense fallback={<LoadingState />}>
            <FocusFirstField>{editor}</FocusFirstField>
          </Suspense>
        ) : (
          children
        )}
      </div>
    </section>
  );
}
