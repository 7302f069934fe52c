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
 * the error is tied to the group and announced.
 */
export function RadioGroup({ legend, options, registration, error }: RadioGroupProps) {
  const id = `atr-radio-${useId()}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="atr-fieldset" aria-describedby={errorId} data-state={error ? 'invalid' : 'valid'}>
      <legend className="atr-legend">{legend}</legend>
      <div className="atr-radio-list">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const descriptionId = option.description === undefined ? undefined : `${optionId}-description`;
          return (
            <div key={option.value} className="atr-radio-option">
              <input
                {...registration}
                type="radio"
                id={optionId}
                value={option.value}
                className="atr-radio-input"
                aria-describedby={descriptionId}
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
        <p id={errorId} className="atr-field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
