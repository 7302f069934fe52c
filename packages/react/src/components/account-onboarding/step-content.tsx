import { BusinessDetailsForm } from '../account-forms/forms/business-details-form';
import { BusinessTypeForm } from '../account-forms/forms/business-type-form';
import type { StepContentProps } from './step-content-props';
import { BankAccountStep } from './steps/bank-account-step';
import { DocumentsStep } from './steps/documents-step';
import { OwnersStep } from './steps/owners-step';
import { RepresentativeStep } from './steps/representative-step';
import { ReviewStep } from './steps/review-step';
import { StepFooter } from './steps/step-footer';

/**
 * The form of the current step. This module and the form code under it (react-hook-form, the
 * field schemas, phone, IBAN and postcode checks) load when the flow first shows a step, so a
 * page that only shows the status, or the banner, does not download them.
 */
export default function StepContent(props: StepContentProps) {
  const { step, account, onSaved, onBack, onSkip } = props;
  const footer = (saving: boolean) => <StepFooter saving={saving} onBack={onBack} onSkip={onSkip} />;
  switch (step.step) {
    case 'business_type':
      return <BusinessTypeForm account={account} onSaved={onSaved} footer={footer} />;
    case 'business_details':
      return (
        <BusinessDetailsForm
          account={account}
          due={step.requirements}
          mode="onboarding"
          onSaved={onSaved}
          footer={footer}
        />
      );
    case 'representative':
      return <RepresentativeStep {...props} />;
    case 'owners':
      return <OwnersStep {...props} />;
    case 'bank_account':
      return <BankAccountStep {...props} />;
    case 'documents':
      return <DocumentsStep {...props} />;
    case 'review':
      return <ReviewStep {...props} />;
  }
}
