import { businessTypeSchema } from '@atrium/core';
import type { Account } from '@atrium/core';
import type { ReactNode } from 'react';
import { z } from 'zod/mini';
import { useI18n } from '../../../provider/use-atrium';
import { RadioGroup } from '../fields/radio-group';
import { specOf } from '../account-model';
import { fieldErrorText } from '../field-errors';
import { useAccountForm } from '../use-account-form';
import { FormFrame } from './form-frame';
import { useAccountSave } from './use-account-save';
import { useFormSubmit } from './use-form-submit';

export interface BusinessTypeFormProps {
  account: Account;
  onSaved: () => void;
  /** The buttons; `saving` is true while the choice is being saved. */
  footer: (saving: boolean) => ReactNode;
}

const BUSINESS_TYPES = ['individual', 'company', 'non_profit'] as const;

/** Whether the account is an individual, a company or a non-profit: it decides every later step. */
export function BusinessTypeForm({ account, onSaved, footer }: BusinessTypeFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useAccountForm({
    defaultValues: { business_type: account.business_type ?? '' },
    toParams: (values, defaults) =>
      values.business_type === defaults.business_type ? {} : { business_type: values.business_type },
    schema: () => z.strictObject({ business_type: z.optional(businessTypeSchema) }),
    required: ['business_type'],
    messages: { spec: specOf(account) },
  });
  const save = useAccountSave((client, params: Record<string, unknown>, { signal, idempotencyKey }) =>
    client.post('/account', params, { signal, idempotencyKey }),
  );
  const submit = useFormSubmit(form, save, { prefix: '', onSaved });
  const { errors } = form.formState;
  return (
    <FormFrame
      onSubmit={submit.onSubmit}
      error={submit.formError}
      failedSubmits={submit.failedSubmits}
      footer={footer(submit.saving)}
    >
      <RadioGroup
        legend={t('fields.businessType.legend')}
        registration={form.register('business_type')}
        error={fieldErrorText(errors.business_type, i18n)}
        options={BUSINESS_TYPES.map((type) => ({
          value: type,
          label: t(`fields.businessType.${type}`),
          description: t(`fields.businessType.${type}.hint`),
        }))}
      />
    </FormFrame>
  );
}
