import type { InputHTMLAttributes, Ref } from 'react';
import { classNames } from '../shared/class-names';
import { FieldDescription, FieldError, FieldLabel, useFieldIds } from '../field/field';
import type { FieldProps } from '../field/field';

export interface CheckboxProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'size'> {
  ref?: Ref<HTMLInputElement>;
}

/** A native checkbox with its label beside it; Space toggles it. Works with `register`. */
export function Checkbox({ label, description, error, optional, id, ref, className, ...input }: CheckboxProps) {
  const ids = useFieldIds(id, { label, description, error });
  return (
    <div className={classNames('atr-field', className)} data-state={error ? 'invalid' : 'valid'}>
      <div className="atr-checkbox-row">
        <input
          {...input}
          ref={ref}
          type="checkbox"
          id={ids.control}
          className="atr-checkbox-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
        />
        <div className="atr-checkbox-text">
          <FieldLabel ids={ids} label={label} optional={optional} />
          <FieldDescription ids={ids} description={description} />
        </div>
      </div>
      <FieldError ids={ids} error={error} />
    </div>
  );
}
