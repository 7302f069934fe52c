import { individualParamsSchema, personParamsSchema, personSchema, providedPersonFields } from '@atrium/core';
import type { Account, Person } from '@atrium/core';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import {
  accountCountry,
  companyRoles,
  countryRequirementNames,
  fieldsForRoles,
  holderFields,
  ROLE_HOLDERS,
  rolesOf,
  specOf,
} from '../account-model';
import type { PersonRole } from '../account-model';
import { bindFields } from '../fields/field-binding';
import { fieldRules } from '../fields/field-rules';
import { PersonFields } from '../fields/person-fields';
import { changedPerson, personValues } from '../form-values';
import type { PersonValues } from '../form-values';
import { useAccountForm } from '../use-account-form';
import { FormFrame } from './form-frame';
import { useAccountSave } from './use-account-save';
import { useFormSubmit } from './use-form-submit';

/** Whose details the form edits: the individual account's holder, a company's person, or a new one. */
export type PersonTarget =
  { kind: 'individual' } | { kind: 'person'; person: Person } | { kind: 'new'; role: PersonRole };

export interface PersonFormProps {
  account: Account;
  target: PersonTarget;
  /** Requirement names due now (`individual.dob.day`, `person_1.email`, `owners.first_name`). */
  due: readonly string[];
  /**
   * `onboarding` offers what is due and what was given; `management` every field the country
   * asks of the person's roles.
   */
  mode: 'onboarding' | 'management';
  onSaved: (person: Person | undefined) => void;
  footer: (saving: boolean) => ReactNode;
  label?: string;
}

/** The requirement prefix of the target's fields. */
function holderOf(target: PersonTarget): string {
  if (target.kind === 'individual') return 'individual';
  if (target.kind === 'person') return target.person.id;
  return ROLE_HOLDERS[target.role];
}

const SECRETS = ['id_number', 'ssn_last_4'] as const;

/** Due fields of the target as form paths; identity numbers already given are not asked again. */
function requiredPaths(due: readonly string[], target: PersonTarget, provided: Record<string, boolean>) {
  return [...holderFields(due, holderOf(target))].filter(
    (field) => !field.startsWith('verification.') && !(SECRETS.includes(field as never) && provided[field]),
  );
}

function rolesFor(target: PersonTarget): PersonRole[] {
  if (target.kind === 'individual') return [];
  return target.kind === 'person' ? rolesOf(target.person) : [target.role];
}

function defaultsFor(target: PersonTarget, account: Account): PersonValues {
  if (target.kind === 'individual') return personValues(account.individual, account.country);
  if (target.kind === 'person') return personValues(target.person, account.country);
  const values = personValues(undefined, account.country);
  return { ...values, relationship: { ...values.relationship, [target.role]: true } };
}

function askedFields(account: Account, target: PersonTarget): Set<string> {
  const spec = specOf(account);
  if (target.kind === 'individual') return holderFields(countryRequirementNames(spec, 'individual'), 'individual');
  return fieldsForRoles(spec, account.business_type ?? 'company', rolesFor(target));
}

/** A person's details: the individual's own, or those of a company's representative, owner, director or executive. */
export function PersonForm({ account, target, due, mode, onSaved, footer, label }: PersonFormProps) {
  const i18n = useI18n();
  const idPrefix = `atr-person-${useId()}`;
  const spec = specOf(account);
  const existing =
    target.kind === 'individual' ? account.individual : target.kind === 'person' ? target.person : undefined;
  const provided = {
    id_number: existing?.id_number_provided ?? false,
    ssn_last_4: existing?.ssn_last_4_provided ?? false,
  };
  const defaults = defaultsFor(target, account);
  // A new person's roles are changes too, so it is compared with an empty person.
  const baseline = target.kind === 'new' ? personValues(undefined, account.country) : defaults;
  const isCompanyPerson = target.kind !== 'individual';
  const form = useAccountForm<PersonValues>({
    defaultValues: defaults,
    toParams: (values) => changedPerson(values, baseline, { relationship: isCompanyPerson }),
    schema: (nowSeconds) => {
      const context = { country: accountCountry(account), nowSeconds };
      return isCompanyPerson ? personParamsSchema(context) : individualParamsSchema(context);
    },
    required: requiredPaths(due, target, provided),
    messages: { spec },
  });
  const save = useAccountSave((client, params: Record<string, unknown>, { signal, idempotencyKey }) => {
    const options = { signal, idempotencyKey };
    if (target.kind === 'individual') return client.post('/account', { individual: params }, options);
    const path = target.kind === 'person' ? `/persons/${target.person.id}` : '/persons';
    return client.post(path, params, { ...options, schema: personSchema });
  });
  const submit = useFormSubmit(form, save, {
    prefix: target.kind === 'individual' ? 'individual' : '',
    onSaved: (saved) => onSaved(isCompanyPerson ? (saved as Person | undefined) : undefined),
  });
  const given = existing ? providedPersonFields(existing) : new Set<string>();
  // An account has one representative: from account management another person can take the role
  // over (the server hands it over); the representative's own form does not offer giving it up.
  const offersRepresentative =
    mode === 'management' && target.kind === 'person' && !target.person.relationship.representative;
  const roles: PersonRole[] = isCompanyPerson
    ? [
        ...(offersRepresentative ? (['representative'] as const) : []),
        ...companyRoles(spec, account.business_type ?? 'company'),
      ]
    : [];
  return (
    <FormFrame
      onSubmit={submit.onSubmit}
      error={submit.formError}
      failedSubmits={submit.failedSubmits}
      footer={footer(submit.saving)}
      label={label}
    >
      <PersonFields
        binding={bindFields(form, '', idPrefix, i18n)}
        rules={
          mode === 'onboarding'
            ? fieldRules(holderFields(due, holderOf(target)), given, askedFields(account, target))
            : fieldRules(askedFields(account, target), given)
        }
        spec={spec}
        provided={provided}
        roles={roles}
        autoFill={target.kind === 'individual'}
      />
    </FormFrame>
  );
}
