import { countrySpec, isSupportedCountry, SUPPORTED_COUNTRIES } from '@atrium/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { Select } from '../../../primitives/select/select';
import { TextField } from '../../../primitives/text-field/text-field';
import { useCountryOptions } from '../use-country-options';
import type { FieldBinding } from './field-binding';
import type { FieldRules } from './field-rules';

export interface AddressFieldsetProps {
  binding: FieldBinding;
  rules: FieldRules;
  legend: ReactNode;
  /** The account's country, the address's until another is chosen. */
  accountCountry: string;
  /** The user's own address: the browser may fill it in. */
  autoFill: boolean;
}

/**
 * A postal address by the rules of its country: a state or province from the country's list
 * where it has one, a postal code where it uses them, and the country by name in the user's language.
 */
export function AddressFieldset({ binding, rules, legend, accountCountry, autoFill }: AddressFieldsetProps) {
  const { t } = useI18n();
  const countries = useCountryOptions(SUPPORTED_COUNTRIES);
  const chosen = binding.text('country') || accountCountry;
  const spec = isSupportedCountry(chosen) ? countrySpec(chosen) : undefined;
  const auto = (token: string) => (autoFill ? token : 'off');
  const field = (name: string) => ({
    ...binding.register(name),
    id: binding.id(name),
    error: binding.error(name),
    optional: rules.optional(name),
  });
  return (
    <fieldset className="atr-fieldset">
      <legend className="atr-legend">{legend}</legend>
      <div className="atr-form-grid">
        <TextField label={t('fields.address.line1')} autoComplete={auto('address-line1')} {...field('line1')} />
        <TextField
          label={t('fields.address.line2')}
          autoComplete={auto('address-line2')}
          {...field('line2')}
          optional
        />
        <div className="atr-form-row">
          <TextField label={t('fields.address.city')} autoComplete={auto('address-level2')} {...field('city')} />
          {spec?.states.codes ? (
            <Select
              label={t('fields.address.state')}
              placeholder={t('fields.address.statePlaceholder')}
              options={spec.states.codes.map((code) => ({ value: code, label: code }))}
              autoComplete={auto('address-level1')}
              {...field('state')}
            />
          ) : (
            spec?.states.required !== false && (
              <TextField label={t('fields.address.state')} autoComplete={auto('address-level1')} {...field('state')} />
            )
          )}
        </div>
        <div className="atr-form-row">
          <TextField
            label={t('fields.address.postalCode')}
            autoComplete={auto('postal-code')}
            {...field('postal_code')}
            optional={spec ? !spec.postalCode.required : true}
          />
          <Select
            label={t('fields.address.country')}
            options={countries}
            autoComplete={auto('country')}
            {...field('country')}
            optional={false}
          />
        </div>
      </div>
    </fieldset>
  );
}
