import { useId } from 'react';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

export interface RadioOption {
  value: string;
  label: string;
  description?: ReactNode;
}

export interface RadioGroupProps {
  legend: ReactNode;
  options: readonly RadioOption[];
  registration: UseFormRegisterReturn;
  error?: string | undefined;
}

/**
 * Native radios in a fieldset: the legend names the group, arrow keys move between choices, and
 * the error is tied to each radio, read when one takes focus (the form's
 * `ErrorSummary` announces a failed submit).
 */
export function RadioGroup({ legend, options, registration, error }: RadioGroupProps) {
  const id = `atr-radio-${useId()}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="atr-fieldset" data-state={error ? 'invalid' : 'valid'}>
      <legend className="atr-legend">{legend}</legend>
      <div className="atr-radio-list">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const descriptionId = option.description === undefined ? undefined : `${optionId}-description`;
          const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
          return (
            <div key={option.value} className="atr-radio-option">
              <input
                {...registration}
                type="radio"
                id={optionId}
                value={option.value}
                className="atr-radio-input"
                aria-describedby={describedBy}
              />
              <div className="atr-checkbox-text">
                <label className="atr-field-label" htmlFor={optionId}>
                  {option.label}
                </label>
                {descriptionId !== undefined && (
                  <p id={descriptionId} className="atr-field-description">
                    {option.description}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {errorId !== undefined && (
        <p id={errorId} className="atr-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
