import { businessProfileParamsSchema, companyParamsSchema } from '@atrium/core';
import type { Account } from '@atrium/core';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { z } from 'zod/mini';
import { useI18n } from '../../../provider/use-atrium';
import { accountCountry, countryRequirementNames, holderFields, specOf } from '../account-model';
import { BusinessProfileFields, CompanyFields } from '../fields/business-fields';
import { bindFields } from '../fields/field-binding';
import { allFields, fieldRules } from '../fields/field-rules';
import type { FieldRules } from '../fields/field-rules';
import { businessValues, changedBusiness } from '../form-values';
import type { BusinessValues } from '../form-values';
import { useAccountForm } from '../use-account-form';
import { FormFrame } from './form-frame';
import { useAccountSave } from './use-account-save';
import { useFormSubmit } from './use-form-submit';

export interface BusinessDetailsFormProps {
  account: Account;
  /** The requirement names due in this form (`business_profile.mcc`, `company.tax_id`); they must be filled. */
  due: readonly string[];
  /** `onboarding` shows what the country asks for; `management` shows every field. */
  mode: 'onboarding' | 'management';
  onSaved: () => void;
  footer: (saving: boolean) => ReactNode;
}

const STATEMENTS = /^company\.(owners|directors|executives)_provided$|^company\.verification\./;

/** The form paths of due requirements; a website may be replaced by a description of what is sold. */
function requiredPaths(due: readonly string[], taxIdProvided: boolean) {
  return due
    .filter((name) => /^(business_profile|company)\./.test(name) && !STATEMENTS.test(name))
    .filter((name) => !(name === 'company.tax_id' && taxIdProvided))
    .map((name) =>
      name === 'business_profile.url' ? { path: name, unless: 'business_profile.product_description' } : name,
    );
}

function given(values: Record<string, unknown>, prefix = ''): Set<string> {
  const names = new Set<string>();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'object' && value !== null)
      for (const name of given(value as Record<string, unknown>, `${prefix}${key}.`)) names.add(name);
    else if (typeof value === 'string' && value !== '' && key !== 'country') names.add(`${prefix}${key}`);
  }
  return names;
}

function rulesFor(
  account: Account,
  defaults: BusinessValues,
  { mode, due }: Pick<BusinessDetailsFormProps, 'mode' | 'due'>,
): { profile: FieldRules; company: FieldRules } {
  if (mode === 'management') {
    return {
      profile: allFields(['name', 'product_description', 'support_email', 'support_phone', 'support_url']),
      company: allFields(),
    };
  }
  // Onboarding asks for what is due, and shows what was given so that it can be corrected.
  const countryAsks = countryRequirementNames(specOf(account), account.business_type ?? 'individual');
  return {
    profile: fieldRules(
      holderFields(due, 'business_profile'),
      given({ ...defaults.business_profile }),
      holderFields(countryAsks, 'business_profile'),
    ),
    company: fieldRules(
      holderFields(due, 'company'),
      given({ ...defaults.company }),
      holderFields(countryAsks, 'company'),
    ),
  };
}

/** What the business is and does: its profile and, for companies, their legal details. */
export function BusinessDetailsForm({ account, due, mode, onSaved, footer }: BusinessDetailsFormProps) {
  const i18n = useI18n();
  const idPrefix = `atr-business-${useId()}`;
  const spec = specOf(account);
  const isCompany = account.business_type === 'company' || account.business_type === 'non_profit';
  const defaults = businessValues(account);
  const form = useAccountForm<BusinessValues>({
    defaultValues: defaults,
    toParams: (values, before) => changedBusiness(values, before, { company: isCompany }),
    schema: (nowSeconds) => {
      const context = { country: accountCountry(account), nowSeconds };
      return z.strictObject({
        business_profile: z.optional(businessProfileParamsSchema(context)),
        company: z.optional(companyParamsSchema(context)),
      });
    },
    required: requiredPaths(due, account.company?.tax_id_provided ?? false),
    messages: { spec },
  });
  const save = useAccountSave((client, params: Record<string, unknown>, { signal, idempotencyKey }) =>
    client.post('/account', params, { signal, idempotencyKey }),
  );
  const submit = useFormSubmit(form, save, { prefix: '', onSaved });
  const rules = rulesFor(account, defaults, { mode, due });
  return (
    <FormFrame
      onSubmit={submit.onSubmit}
      error={submit.formError}
      failedSubmits={submit.failedSubmits}
      footer={footer(submit.saving)}
    >
      <BusinessProfileFields binding={bindFields(form, 'business_profile.', idPrefix, i18n)} rules={rules.profile} />
      {isCompany && (
        <CompanyFields
          binding={bindFields(form, 'company.', idPrefix, i18n)}
          rules={rules.company}
          spec={spec}
          taxIdProvided={account.company?.tax_id_provided ?? false}
        />
      )}
    </FormFrame>
  );
}
