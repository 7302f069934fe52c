import { companyParamsSchema } from '@atrium/core';
import type { Account } from '@atrium/core';
import type { ReactNode } from 'react';
import { z } from 'zod/mini';
import { useI18n } from '../../../provider/use-atrium';
import { Checkbox } from '../../../primitives/checkbox/checkbox';
import type { MessageKey } from '../../../i18n/catalog';
import { accountCountry, specOf } from '../account-model';
import type { PersonRole } from '../account-model';
import { fieldErrorText } from '../field-errors';
import { useAccountForm } from '../use-account-form';
import { FormFrame } from './form-frame';
import { useAccountSave } from './use-account-save';
import { useFormSubmit } from './use-form-submit';

type Statement = 'owners_provided' | 'directors_provided' | 'executives_provided';

const STATEMENTS: Record<Exclude<PersonRole, 'representative'>, { name: Statement; label: MessageKey }> = {
  owner: { name: 'owners_provided', label: 'fields.statement.owners' },
  director: { name: 'directors_provided', label: 'fields.statement.directors' },
  executive: { name: 'executives_provided', label: 'fields.statement.executives' },
};

export interface StatementsFormProps {
  account: Account;
  roles: readonly PersonRole[];
  /** Requirement names due now; a due statement must be made before the form is saved. */
  due: readonly string[];
  onSaved: () => void;
  footer: (saving: boolean) => ReactNode;
}

type Values = { company: Record<Statement, boolean> };

/** The company's statements that everyone in a role has been added (`company.owners_provided`). */
export function StatementsForm({ account, roles, due, onSaved, footer }: StatementsFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const statements = roles.flatMap((role) => (role === 'representative' ? [] : [STATEMENTS[role]]));
  const company = account.company;
  const defaults: Values = {
    company: {
      owners_provided: company?.owners_provided ?? false,
      directors_provided: company?.directors_provided ?? false,
      executives_provided: company?.executives_provided ?? false,
    },
  };
  const form = useAccountForm<Values>({
    defaultValues: defaults,
    toParams: (values, before) => {
      const changed = statements.filter(({ name }) => values.company[name] !== before.company[name]);
      return changed.length === 0
        ? {}
        : { company: Object.fromEntries(changed.map(({ name }) => [name, values.company[name]])) };
    },
    schema: (nowSeconds) =>
      z.strictObject({ company: z.optional(companyParamsSchema({ country: accountCountry(account), nowSeconds })) }),
    required: statements.map(({ name }) => `company.${name}`).filter((path) => due.includes(path)),
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
      <fieldset className="atr-fieldset">
        <legend className="atr-legend">{t('fields.statement.legend')}</legend>
        {statements.map(({ name, label }) => (
          <Checkbox
            key={name}
            label={t(label)}
            error={fieldErrorText(errors.company?.[name], i18n)}
            {...form.register(`company.${name}`)}
          />
        ))}
      </fieldset>
    </FormFrame>
  );
}
