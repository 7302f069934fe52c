import type { CountrySpec } from '@atrium/core';
import { useI18n } from '../../../provider/use-atrium';
import { Select } from '../../../primitives/select/select';
import { TextField } from '../../../primitives/text-field/text-field';
import { MCC_OPTIONS } from '../mcc';
import { AddressFieldset } from './address-fieldset';
import { nested } from './field-binding';
import type { FieldBinding } from './field-binding';
import { nestedRules } from './field-rules';
import type { FieldRules } from './field-rules';
import { TextArea } from './text-area';

function fieldProps(binding: FieldBinding, rules: FieldRules, name: string) {
  return {
    ...binding.register(name),
    id: binding.id(name),
    error: binding.error(name),
    optional: rules.optional(name),
  };
}

export interface BusinessProfileFieldsProps {
  binding: FieldBinding;
  rules: FieldRules;
}

/** How the business presents itself: industry, website (or what it sells), name and support contacts. */
export function BusinessProfileFields({ binding, rules }: BusinessProfileFieldsProps) {
  const { t } = useI18n();
  const field = (name: string) => fieldProps(binding, rules, name);
  const current = binding.text('mcc');
  const options = MCC_OPTIONS.map(({ mcc, key }) => ({ value: mcc, label: t(key) }));
  if (current !== '' && !options.some((option) => option.value === current)) {
    options.push({ value: current, label: t('fields.mcc.other', { mcc: current }) });
  }
  return (
    <div className="atr-form-grid">
      {rules.visible('name') && (
        <TextField label={t('fields.business.name')} autoComplete="organization" {...field('name')} />
      )}
      {rules.visible('mcc') && (
        <Select
          label={t('fields.business.mcc')}
          placeholder={t('fields.business.mccPlaceholder')}
          options={options}
          {...field('mcc')}
        />
      )}
      {rules.visible('url') && (
        <TextField
          label={t('fields.business.url')}
          description={t('fields.business.urlHint')}
          type="url"
          inputMode="url"
          autoComplete="url"
          {...field('url')}
        />
      )}
      {rules.visible('url') && (
        <TextArea
          label={t('fields.business.productDescription')}
          {...field('product_description')}
          optional={rules.optional('product_description')}
        />
      )}
      {rules.visible('support_email') && (
        <TextField label={t('fields.business.supportEmail')} type="email" {...field('support_email')} />
      )}
      {rules.visible('support_phone') && (
        <TextField label={t('fields.business.supportPhone')} type="tel" {...field('support_phone')} />
      )}
      {rules.visible('support_url') && (
        <TextField label={t('fields.business.supportUrl')} type="url" inputMode="url" {...field('support_url')} />
      )}
    </div>
  );
}

export interface CompanyFieldsProps {
  binding: FieldBinding;
  rules: FieldRules;
  spec: CountrySpec;
  taxIdProvided: boolean;
}

/** The company's legal name, tax id, phone and registered address. */
export function CompanyFields({ binding, rules, spec, taxIdProvided }: CompanyFieldsProps) {
  const { t } = useI18n();
  const field = (name: string) => fieldProps(binding, rules, name);
  return (
    <div className="atr-form-grid">
      {rules.visible('name') && (
        <TextField label={t('fields.company.name')} autoComplete="organization" {...field('name')} />
      )}
      {rules.visible('tax_id') && (
        <TextField
          label={t('fields.company.taxId')}
          description={
            taxIdProvided ? t('fields.person.provided') : t('fields.company.taxIdHint', { example: spec.taxId.example })
          }
          autoComplete="off"
          {...field('tax_id')}
          optional={rules.optional('tax_id') || taxIdProvided}
        />
      )}
      {rules.visible('phone') && (
        <TextField
          label={t('fields.company.phone')}
          description={t('fields.phoneHint')}
          type="tel"
          {...field('phone')}
        />
      )}
      {rules.visible('address') && (
        <AddressFieldset
          binding={nested(binding, 'address')}
          rules={nestedRules(rules, 'address')}
          legend={t('fields.company.address')}
          accountCountry={spec.country}
          autoFill={false}
        />
      )}
    </div>
  );
}
