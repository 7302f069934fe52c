import type { CountrySpec } from '@atrium/core';
import { useI18n } from '../../../provider/use-atrium';
import { Checkbox } from '../../../primitives/checkbox/checkbox';
import { TextField } from '../../../primitives/text-field/text-field';
import type { MessageKey } from '../../../i18n/catalog';
import type { PersonRole } from '../account-model';
import { AddressFieldset } from './address-fieldset';
import { DobFieldset } from './dob-fieldset';
import { nested } from './field-binding';
import type { FieldBinding } from './field-binding';
import { nestedRules } from './field-rules';
import type { FieldRules } from './field-rules';

export interface PersonFieldsProps {
  binding: FieldBinding;
  rules: FieldRules;
  spec: CountrySpec;
  /** Identity numbers are never sent back; these say whether they were given. */
  provided: { id_number: boolean; ssn_last_4: boolean };
  /** The roles a company's person may hold, shown as checkboxes; none for an individual. */
  roles: readonly PersonRole[];
  /** The user's own details: the browser may fill them in. */
  autoFill: boolean;
}

const ROLE_LABELS: Record<PersonRole, MessageKey> = {
  representative: 'fields.role.representative',
  owner: 'fields.role.owner',
  director: 'fields.role.director',
  executive: 'fields.role.executive',
};

const ROLE_HINTS: Record<PersonRole, MessageKey> = {
  representative: 'fields.role.representativeHint',
  owner: 'fields.role.ownerHint',
  director: 'fields.role.directorHint',
  executive: 'fields.role.executiveHint',
};

function idNumberLabel(spec: CountrySpec): MessageKey {
  if (spec.country === 'US') return 'fields.person.idNumber.US';
  if (spec.country === 'CA') return 'fields.person.idNumber.CA';
  return 'fields.person.idNumber';
}

/** A person's details: name, contact, date of birth, address, identity numbers and relationship. */
export function PersonFields({ binding, rules, spec, provided, roles, autoFill }: PersonFieldsProps) {
  const { t } = useI18n();
  const auto = (token: string) => (autoFill ? token : 'off');
  const field = (name: string) => ({
    ...binding.register(name),
    id: binding.id(name),
    error: binding.error(name),
    optional: rules.optional(name),
  });
  return (
    <div className="atr-form-grid">
      <div className="atr-form-row">
        <TextField label={t('fields.person.firstName')} autoComplete={auto('given-name')} {...field('first_name')} />
        <TextField label={t('fields.person.lastName')} autoComplete={auto('family-name')} {...field('last_name')} />
      </div>
      {rules.visible('email') && (
        <TextField label={t('fields.person.email')} type="email" autoComplete={auto('email')} {...field('email')} />
      )}
      {rules.visible('phone') && (
        <TextField
          label={t('fields.person.phone')}
          description={t('fields.phoneHint')}
          type="tel"
          autoComplete={auto('tel')}
          {...field('phone')}
        />
      )}
      {rules.visible('relationship.title') && (
        <TextField
          label={t('fields.person.title')}
          autoComplete={auto('organization-title')}
          {...field('relationship.title')}
        />
      )}
      {rules.visible('dob') && (
        <DobFieldset binding={nested(binding, 'dob')} optional={rules.optional('dob')} autoFill={autoFill} />
      )}
      {rules.visible('address') && (
        <AddressFieldset
          binding={nested(binding, 'address')}
          rules={nestedRules(rules, 'address')}
          legend={t('fields.person.address')}
          accountCountry={spec.country}
          autoFill={autoFill}
        />
      )}
      <IdentityNumberFields binding={binding} rules={rules} spec={spec} provided={provided} />
      {roles.length > 0 && <RoleFields binding={binding} roles={roles} />}
    </div>
  );
}

function fieldProps(binding: FieldBinding, rules: FieldRules, name: string) {
  return {
    ...binding.register(name),
    id: binding.id(name),
    error: binding.error(name),
    optional: rules.optional(name),
  };
}

/** The identity numbers, which are never shown again once given: the hint says whether they were. */
function IdentityNumberFields({ binding, rules, spec, provided }: Omit<PersonFieldsProps, 'roles' | 'autoFill'>) {
  const { t } = useI18n();
  const hint = (given: boolean) => (given ? t('fields.person.provided') : t('fields.person.secretHint'));
  return (
    <>
      {rules.visible('ssn_last_4') && (
        <TextField
          label={t('fields.person.ssnLast4')}
          description={hint(provided.ssn_last_4)}
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          {...fieldProps(binding, rules, 'ssn_last_4')}
          optional={rules.optional('ssn_last_4') || provided.ssn_last_4}
        />
      )}
      {rules.visible('id_number') && (
        <TextField
          label={t(idNumberLabel(spec))}
          description={hint(provided.id_number)}
          autoComplete="off"
          {...fieldProps(binding, rules, 'id_number')}
          optional={rules.optional('id_number') || provided.id_number}
        />
      )}
    </>
  );
}

/** A company person's roles, and the share of ownership once they own part of it. */
function RoleFields({ binding, roles }: { binding: FieldBinding; roles: readonly PersonRole[] }) {
  const { t } = useI18n();
  const relationship = nested(binding, 'relationship');
  const showOwnership = roles.includes('owner') && binding.value('relationship.owner') === true;
  return (
    <fieldset className="atr-fieldset">
      <legend className="atr-legend">{t('fields.person.roles')}</legend>
      {roles.map((role) => (
        <Checkbox
          key={role}
          label={t(ROLE_LABELS[role])}
          description={t(ROLE_HINTS[role])}
          {...relationship.register(role)}
          id={relationship.id(role)}
          error={relationship.error(role)}
        />
      ))}
      {showOwnership && (
        <TextField
          label={t('fields.person.percentOwnership')}
          inputMode="decimal"
          {...relationship.register('percent_ownership')}
          id={relationship.id('percent_ownership')}
          error={relationship.error('percent_ownership')}
          optional
        />
      )}
    </fieldset>
  );
}
