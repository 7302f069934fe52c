import type { Ref, SelectHTMLAttributes } from 'react';
import { classNames } from '../shared/class-names';
import { FieldDescription, FieldError, FieldLabel, useFieldIds } from '../field/field';
import type { FieldProps } from '../field/field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldProps, SelectHTMLAttributes<HTMLSelectElement> {
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a country", which cannot be picked again. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * A labelled native select: the platform's own keyboard and screen-reader behaviour, and the
 * phone's picker on mobile. Works with react-hook-form's `register` like `TextField`.
 */
export function Select({
  label,
  description,
  error,
  optional,
  options,
  placeholder,
  id,
  ref,
  className,
  ...select
}: SelectProps) {
  const ids = useFieldIds(id, { label, description, error });
  return (
    <div className={classNames('atr-field', className)} data-state={error ? 'invalid' : 'valid'}>
      <FieldLabel ids={ids} label={label} optional={optional} />
      <FieldDescription ids={ids} description={description} />
      <select
        {...select}
        ref={ref}
        id={ids.control}
        className="atr-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError ids={ids} error={error} />
    </div>
  );
}
