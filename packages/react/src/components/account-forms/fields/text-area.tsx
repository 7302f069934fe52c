import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldDescription, FieldError, FieldLabel, useFieldIds } from '../../../primitives/field/field';
import type { FieldProps } from '../../../primitives/field/field';

export interface TextAreaProps extends FieldProps, TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text input, like `TextField`, for descriptions. */
export function TextArea({ label, description, error, optional, id, ref, ...textarea }: TextAreaProps) {
  const ids = useFieldIds(id, { label, description, error });
  return (
    <div className="atr-field" data-state={error ? 'invalid' : 'valid'}>
      <FieldLabel ids={ids} label={label} optional={optional} />
      <FieldDescription ids={ids} description={description} />
      <textarea
        rows={3}
        {...textarea}
        ref={ref}
        id={ids.control}
        className="atr-input atr-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <FieldError ids={ids} error={error} />
    </div>
  );
}
