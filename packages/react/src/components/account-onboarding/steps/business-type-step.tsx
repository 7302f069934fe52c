import { BusinessTypeForm } from '../../account-forms/forms/business-type-form';
import type { StepContentProps } from '../step-content-props';
import { StepFooter } from './step-footer';

/** Individual, company, non-profit or government entity: what decides the steps that follow. */
export function BusinessTypeStep({ account, onSaved, onBack, onSkip }: StepContentProps) {
  return (
    <BusinessTypeForm
      account={account}
      onSaved={onSaved}
      footer={(saving) => <StepFooter saving={saving} onBack={onBack} onSkip={onSkip} />}
    />
  );
}
