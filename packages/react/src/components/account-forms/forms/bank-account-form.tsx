import { bankAccountParamsSchema, bankAccountSchema } from '@atrium/core';
import type { Account, BankAccount } from '@atrium/core';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { z } from 'zod/mini';
import { useI18n } from '../../../provider/use-atrium';
import { accountCountry, specOf } from '../account-model';
import { BankAccountFields } from '../fields/bank-account-fields';
import { bindFields } from '../fields/field-binding';
import { bankParams, bankValues } from '../form-values';
import type { BankValues } from '../form-values';
import { useAccountForm } from '../use-account-form';
import { FormFrame } from './form-frame';
import { useAccountSave } from './use-account-save';
import { useFormSubmit } from './use-form-submit';

export interface BankAccountFormProps {
  account: Account;
  /** Whether the new bank account becomes the default for its currency. */
  makeDefault: boolean;
  onSaved: (bank: BankAccount | undefined) => void;
  footer: (saving: boolean) => ReactNode;
  label?: string;
}

interface Values {
  external_account: BankValues;
}

/** Adds a bank account for payouts, checked by its country's format before it is sent. */
export function BankAccountForm({ account, makeDefault, onSaved, footer, label }: BankAccountFormProps) {
  const i18n = useI18n();
  const idPrefix = `atr-bank-${useId()}`;
  const spec = specOf(account);
  const form = useAccountForm<Values>({
    defaultValues: { external_account: bankValues(account) },
    toParams: (values) => ({ external_account: bankParams(values.external_account) }),
    schema: (nowSeconds) =>
      z.strictObject({
        external_account: bankAccountParamsSchema({ country: accountCountry(account), nowSeconds }),
      }),
    required: ['external_account.account_number'],
    messages: { spec },
  });
  const save = useAccountSave((client, params: Record<string, unknown>, { signal, idempotencyKey }) =>
    client.post(
      '/external_accounts',
      { ...params, default_for_currency: makeDefault },
      { signal, idempotencyKey, schema: bankAccountSchema },
    ),
  );
  const submit = useFormSubmit(form, save, { prefix: '', onSaved: (bank) => onSaved(bank as BankAccount | undefined) });
  return (
    <FormFrame
      onSubmit={submit.onSubmit}
      error={submit.formError}
      failedSubmits={submit.failedSubmits}
      footer={footer(submit.saving)}
      label={label}
    >
      <BankAccountFields binding={bindFields(form, 'external_account.', idPrefix, i18n)} spec={spec} />
    </FormFrame>
  );
}
