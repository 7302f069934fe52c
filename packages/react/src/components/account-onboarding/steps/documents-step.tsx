import { useState } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { documentItems, DocumentsForm } from '../../account-forms/forms/documents-form';
import type { StepContentProps } from '../step-content-props';
import { StepFooter } from './step-footer';

/**
 * The documents that were due when the step opened. They stay listed after their upload (no
 * longer due, being checked), so the user sees each one's outcome before moving on.
 */
export function DocumentsStep({ step, account, persons, onSaved, onBack, onSkip }: StepContentProps) {
  const { t } = useI18n();
  const [requirements] = useState(step.requirements);
  return (
    <form
      className="atr-account-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSaved();
      }}
    >
      {requirements.length === 0 ? (
        <p className="atr-text-secondary">{t('onboarding.documents.none')}</p>
      ) : (
        <DocumentsForm account={account} items={documentItems(requirements, persons)} errors={step.errors} />
      )}
      <div className="atr-form-footer">
        <StepFooter saving={false} onBack={onBack} onSkip={onSkip} submitLabel={t('onboarding.continue')} />
      </div>
    </form>
  );
}
