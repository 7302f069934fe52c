import type { InputHTMLAttributes, Ref } from 'react';
import { classNames } from '../shared/class-names';
import { FieldDescription, FieldError, FieldLabel, useFieldIds } from '../field/field';
import type { FieldProps } from '../field/field';

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input. Spread `register('name')` from react-hook-form into it and pass the
 * field's error message: the ref reaches the input, so focusing the first error works.
 */
export function TextField({ label, description, error, optional, id, ref, className, ...input }: TextFieldProps) {
  const ids = useFieldIds(id, { label, description, error });
  return (
    <div className={classNames('atr-field', className)} data-state={error ? 'invalid' : 'valid'}>
      <FieldLabel ids={ids} label={label} optional={optional} />
      <FieldDescription ids={ids} description={description} />
      <input
        {...input}
        ref={ref}
        id={ids.control}
        className="atr-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <FieldError ids={ids} error={error} />
    </div>
  );
}
