import { useState } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { Button } from '../../../primitives/button/button';
import { defaultBankAccount } from '../../account-forms/account-display';
import { BankAccountSummary } from '../../account-forms/bank-account-summary';
import { BankAccountForm } from '../../account-forms/forms/bank-account-form';
import type { StepContentProps } from '../step-content-props';
import { StepFooter } from './step-footer';

/** Where payouts go: the bank account on file, which may be replaced, or a form for the first one. */
export function BankAccountStep({ account, onSaved, onBack, onSkip }: StepContentProps) {
  const { t } = useI18n();
  const current = defaultBankAccount(account);
  const [replacing, setReplacing] = useState(false);
  if (current && !replacing) {
    return (
      <form
        className="atr-account-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSaved();
        }}
      >
        <BankAccountSummary bank={current} />
        <div>
          <Button variant="secondary" onClick={() => setReplacing(true)}>
            {t('onboarding.bank.replace')}
          </Button>
        </div>
        <div className="atr-form-footer">
          <StepFooter saving={false} onBack={onBack} onSkip={undefined} submitLabel={t('onboarding.continue')} />
        </div>
      </form>
    );
  }
  return (
    <BankAccountForm
      account={account}
      makeDefault
      onSaved={onSaved}
      footer={(saving) => (
        <StepFooter saving={saving} onBack={replacing ? () => setReplacing(false) : onBack} onSkip={onSkip} />
      )}
    />
  );
}
