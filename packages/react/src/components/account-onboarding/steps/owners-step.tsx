import type { Person } from '@atrium/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../provider/use-atrium';
import { Button } from '../../../primitives/button/button';
import { companyRoles, specOf } from '../../account-forms/account-model';
import { personName } from '../../account-forms/account-display';
import type { PersonRole } from '../../account-forms/account-model';
import { PersonForm } from '../../account-forms/forms/person-form';
import type { PersonTarget } from '../../account-forms/forms/person-form';
import { StatementsForm } from '../../account-forms/forms/statements-form';
import { PeopleList } from '../../account-forms/people-list';
import { FocusFirstField } from '../../account-forms/focus-first-field';
import type { MessageKey } from '../../../i18n/catalog';
import type { StepContentProps } from '../step-content-props';
import { StepFooter } from './step-footer';

const ADD_LABELS: Record<Exclude<PersonRole, 'representative'>, MessageKey> = {
  owner: 'onboarding.owners.addOwner',
  director: 'onboarding.owners.addDirector',
  executive: 'onboarding.owners.addExecutive',
};

/**
 * The company's owners, directors and executives: a list to add to, edit and remove from, and
 * the statements that everyone has been added.
 */
export function OwnersStep({ step, account, persons, onSaved, onBack, onSkip }: StepContentProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<PersonTarget | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);
  // Back from a person's form, focus returns to the list it opened from.
  useEffect(() => {
    if (editing === undefined && wasEditing.current) list.current?.querySelector<HTMLElement>('button')?.focus();
    wasEditing.current = editing !== undefined;
  }, [editing]);
  const roles = companyRoles(specOf(account), account.business_type ?? 'company');
  const people = persons.filter((person) => roles.some((role) => person.relationship[role]));
  if (editing) {
    const name = editing.kind === 'person' ? personName(editing.person) : undefined;
    return (
      <FocusFirstField>
        <PersonForm
          account={account}
          target={editing}
          due={step.requirements}
          mode="onboarding"
          label={name}
          onSaved={() => setEditing(undefined)}
          footer={(saving) => (
            <>
              <Button variant="ghost" onClick={() => setEditing(undefined)}>
                {t('common.cancel')}
              </Button>
              <span className="atr-form-footer-spacer" />
              <Button type="submit" variant="primary" loading={saving}>
                {t('onboarding.owners.savePerson')}
              </Button>
            </>
          )}
        />
      </FocusFirstField>
    );
  }
  const missing = (person: Person) => step.requirements.some((name) => name.startsWith(`${person.id}.`));
  return (
    <div className="atr-form-grid" ref={list}>
      <PeopleList
        persons={people}
        needsInformation={missing}
        onEdit={(person) => setEditing({ kind: 'person', person })}
      />
      <div className="atr-button-row">
        {roles.map((role) =>
          role === 'representative' ? null : (
            <Button key={role} onClick={() => setEditing({ kind: 'new', role })}>
              {t(ADD_LABELS[role])}
            </Button>
          ),
        )}
      </div>
      <StatementsForm
        account={account}
        roles={roles}
        due={step.requirements}
        onSaved={onSaved}
        footer={(saving) => <StepFooter saving={saving} onBack={onBack} onSkip={onSkip} />}
      />
    </div>
  );
}
