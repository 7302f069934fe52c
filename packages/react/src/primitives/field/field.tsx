import { useId } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../provider/use-atrium';

/** What every form field shows around its control. */
export interface FieldProps {
  label: ReactNode;
  /** Help shown under the label and read with the control. */
  description?: ReactNode;
  /**
   * The validation or server error; marks the control invalid and describes it. It is read when
   * the control takes focus; a form announces a failed submit once (`ErrorSummary`).
   */
  error?: string | undefined;
  /** Marks the label "optional"; fields are taken as required otherwise. */
  optional?: boolean;
}

export interface FieldIds {
  control: string;
  description: string | undefined;
  error: string | undefined;
  /** For the control's `aria-describedby`. */
  describedBy: string | undefined;
}

/** Ids that tie a control to its description and error. */
export function useFieldIds(id: string | undefined, props: FieldProps): FieldIds {
  const generated = useId();
  const control = id ?? `atr-field-${generated}`;
  const description = props.description === undefined ? undefined : `${control}-description`;
  const error = props.error ? `${control}-error` : undefined;
  const describedBy = [description, error].filter(Boolean).join(' ') || undefined;
  return { control, description, error, describedBy };
}

/** The label, description and error in the order a screen reader and the eye expect. */
export function FieldLabel({ ids, label, optional }: { ids: FieldIds; label: ReactNode; optional?: boolean }) {
  const { t } = useI18n();
  return (
    <label className="atr-field-label" htmlFor={ids.control}>
      {label}
      {optional && <span className="atr-field-optional"> ({t('common.optional')})</span>}
    </label>
  );
}

export function FieldDescription({ ids, description }: { ids: FieldIds; description: ReactNode }) {
  if (ids.description === undefined) return null;
  return (
    <p id={ids.description} className="atr-field-description">
      {description}
    </p>
  );
}

/**
 * The error, part of the control's description. It is no alert: a submit that fails ten fields
 * would fire ten at once; the form's `ErrorSummary` speaks for them all.
 */
export function FieldError({ ids, error }: { ids: FieldIds; error: string | undefined }) {
  if (ids.error === undefined) return null;
  return (
    <p id={ids.error} className="atr-field-error">
      {error}
    </p>
  );
}
