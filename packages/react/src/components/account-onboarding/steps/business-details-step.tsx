import { BusinessDetailsForm } from '../../account-forms/forms/business-details-form';
import type { StepContentProps } from '../step-content-props';
import { StepFooter } from './step-footer';

/** How the business presents itself and, for companies, its legal details. */
export function BusinessDetailsStep({ step, account, onSaved, onBack, onSkip }: StepContentProps) {
  return (
    <BusinessDetailsForm
      account={account}
      due={step.requirements}
      mode="onboarding"
      onSaved={onSaved}
      footer={(saving) => <StepFooter saving={saving} onBack={onBack} onSkip={onSkip} />}
    />
  );
}
