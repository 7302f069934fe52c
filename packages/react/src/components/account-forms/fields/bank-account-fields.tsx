import { countrySpec, isSupportedCountry } from '@atrium/core';
import type { BankAccountFormat, CountrySpec } from '@atrium/core';
import { useI18n } from '../../../provider/use-atrium';
import { Select } from '../../../primitives/select/select';
import { TextField } from '../../../primitives/text-field/text-field';
import type { MessageKey } from '../../../i18n/catalog';
import { useCountryOptions } from '../use-country-options';
import type { FieldBinding } from './field-binding';

const ROUTING_LABELS: Record<Exclude<BankAccountFormat, 'iban'>, { label: MessageKey; hint: MessageKey }> = {
  aba: { label: 'fields.bank.routing.aba', hint: 'fields.bank.routing.abaHint' },
  canadian: { label: 'fields.bank.routing.canadian', hint: 'fields.bank.routing.canadianHint' },
  sort_code: { label: 'fields.bank.routing.sortCode', hint: 'fields.bank.routing.sortCodeHint' },
  bsb: { label: 'fields.bank.routing.bsb', hint: 'fields.bank.routing.bsbHint' },
};

/** The bank format of the country a bank account is in (the account's own until another is chosen). */
export function bankFormatOf(country: string, fallback: CountrySpec): BankAccountFormat {
  return isSupportedCountry(country) ? countrySpec(country).bankAccount.format : fallback.bankAccount.format;
}

export interface BankAccountFieldsProps {
  binding: FieldBinding;
  /** The account's country: its data file says where its bank accounts may be and in which currencies. */
  spec: CountrySpec;
}

/**
 * A bank account for payouts, written the way its country writes them: routing and account
 * numbers (ABA, Canadian transit, UK sort code, Australian BSB) or an IBAN.
 */
export function BankAccountFields({ binding, spec }: BankAccountFieldsProps) {
  const { t } = useI18n();
  const countries = useCountryOptions(spec.bankAccount.countries);
  const format = bankFormatOf(binding.text('country') || spec.country, spec);
  const field = (name: string) => ({ ...binding.register(name), id: binding.id(name), error: binding.error(name) });
  const currencies = spec.payoutCurrencies.map((currency) => ({ value: currency, label: currency.toUpperCase() }));
  return (
    <div className="atr-form-grid">
      {(countries.length > 1 || currencies.length > 1) && (
        <div className="atr-form-row">
          {countries.length > 1 && (
            <Select label={t('fields.bank.country')} options={countries} {...field('country')} />
          )}
          {currencies.length > 1 && (
            <Select label={t('fields.bank.currency')} options={currencies} {...field('currency')} />
          )}
        </div>
      )}
      <TextField label={t('fields.bank.holderName')} autoComplete="off" {...field('account_holder_name')} optional />
      <Select
        label={t('fields.bank.holderType')}
        placeholder={t('fields.bank.holderTypePlaceholder')}
        options={[
          { value: 'individual', label: t('fields.bank.holderType.individual') },
          { value: 'company', label: t('fields.bank.holderType.company') },
        ]}
        {...field('account_holder_type')}
        optional
      />
      {format !== 'iban' && (
        <TextField
          label={t(ROUTING_LABELS[format].label)}
          description={t(ROUTING_LABELS[format].hint)}
          inputMode="numeric"
          autoComplete="off"
          {...field('routing_number')}
        />
      )}
      <TextField
        label={t(format === 'iban' ? 'fields.bank.iban' : 'fields.bank.accountNumber')}
        description={format === 'iban' ? t('fields.bank.ibanHint') : undefined}
        autoComplete="off"
        spellCheck={false}
        {...field('account_number')}
      />
    </div>
  );
}
