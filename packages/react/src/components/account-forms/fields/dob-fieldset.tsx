import { useI18n } from '../../../provider/use-atrium';
import type { FieldBinding } from './field-binding';

export interface DobFieldsetProps {
  binding: FieldBinding;
  optional: boolean;
  /** The user's own date of birth: the browser may fill it in. */
  autoFill: boolean;
}

/**
 * A date of birth as three controls (day, month by name, year) in one fieldset. One message
 * covers the date, read with each control (the form's `ErrorSummary` announces a failed submit).
 */
export function DobFieldset({ binding, optional, autoFill }: DobFieldsetProps) {
  const { t, locale } = useI18n();
  const error = binding.error('day') ?? binding.error('month') ?? binding.error('year');
  const errorId = error ? binding.id('error') : undefined;
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const shared = { className: 'atr-input', 'aria-invalid': error ? true : undefined, 'aria-describedby': errorId };
  return (
    <fieldset className="atr-fieldset" data-state={error ? 'invalid' : 'valid'}>
      <legend className="atr-legend">
        {t('fields.person.dob')}
        {optional && <span className="atr-field-optional"> ({t('common.optional')})</span>}
      </legend>
      <div className="atr-dob">
        <div className="atr-field">
          <label className="atr-field-label" htmlFor={binding.id('day')}>
            {t('fields.dob.day')}
          </label>
          <input
            {...binding.register('day')}
            {...shared}
            id={binding.id('day')}
            inputMode="numeric"
            maxLength={2}
            autoComplete={autoFill ? 'bday-day' : 'off'}
          />
        </div>
        <div className="atr-field">
          <label className="atr-field-label" htmlFor={binding.id('month')}>
            {t('fields.dob.month')}
          </label>
          <select
            {...binding.register('month')}
            {...shared}
            className="atr-select"
            id={binding.id('month')}
            autoComplete={autoFill ? 'bday-month' : 'off'}
          >
            <option value="">{t('fields.dob.monthPlaceholder')}</option>
            {Array.from({ length: 12 }, (_, index) => (
              <option key={index} value={String(index + 1)}>
                {monthName.format(Date.UTC(2000, index, 1))}
              </option>
            ))}
          </select>
        </div>
        <div className="atr-field">
          <label className="atr-field-label" htmlFor={binding.id('year')}>
            {t('fields.dob.year')}
          </label>
          <input
            {...binding.register('year')}
            {...shared}
            id={binding.id('year')}
            inputMode="numeric"
            maxLength={4}
            autoComplete={autoFill ? 'bday-year' : 'off'}
          />
        </div>
      </div>
      {errorId !== undefined && (
        <p id={errorId} className="atr-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
