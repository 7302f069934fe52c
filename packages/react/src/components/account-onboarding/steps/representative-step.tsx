import { PersonForm } from '../../account-forms/forms/person-form';
import type { PersonTarget } from '../../account-forms/forms/person-form';
import type { StepContentProps } from '../step-content-props';
import { StepFooter } from './step-footer';

/** An individual's own details, or the company's representative (added when there is none yet). */
export function RepresentativeStep({ step, account, persons, onSaved, onBack, onSkip }: StepContentProps) {
  const representative = persons.find((person) => person.relationship.representative);
  const target: PersonTarget =
    account.business_type === 'individual'
      ? { kind: 'individual' }
      : representative
        ? { kind: 'person', person: representative }
        : { kind: 'new', role: 'representative' };
  return (
    <PersonForm
      account={account}
      target={target}
      due={step.requirements}
      mode="onboarding"
      onSaved={onSaved}
      footer={(saving) => <StepFooter saving={saving} onBack={onBack} onSkip={onSkip} />}
    />
  );
}
