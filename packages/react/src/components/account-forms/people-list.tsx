import type { Person } from '@atrium/core';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../provider/use-atrium';
import { Badge } from '../../primitives/badge/badge';
import { Button } from '../../primitives/button/button';
import { Dialog } from '../../primitives/dialog/dialog';
import { describeError } from '../../primitives/error-state/describe-error';
import { rolesOf } from './account-model';
import { personName } from './account-display';
import type { PersonRole } from './account-model';
import { useAccountSave } from './forms/use-account-save';

export const ROLE_NAMES: Record<PersonRole, MessageKey> = {
  representative: 'fields.role.short.representative',
  owner: 'fields.role.short.owner',
  director: 'fields.role.short.director',
  executive: 'fields.role.short.executive',
};

export interface PeopleListProps {
  persons: readonly Person[];
  /** Whether something is still due for a person. */
  needsInformation: (person: Person) => boolean;
  onEdit: (person: Person) => void;
}

/** A company's people with their roles and whether anything is missing; each can be edited or removed. */
export function PeopleList({ persons, needsInformation, onEdit }: PeopleListProps) {
  const { t } = useI18n();
  const [removing, setRemoving] = useState<Person | undefined>(undefined);
  if (persons.length === 0) return <p className="atr-text-secondary">{t('fields.people.none')}</p>;
  return (
    <>
      <ul className="atr-people">
        {persons.map((person) => {
          const name = personName(person) ?? t('fields.people.unnamed');
          return (
            <li key={person.id} className="atr-person">
              <div className="atr-person-text">
                <p className="atr-person-name">{name}</p>
                <p className="atr-badge-row">
                  {rolesOf(person).map((role) => (
                    <Badge key={role}>{t(ROLE_NAMES[role])}</Badge>
                  ))}
                  {needsInformation(person) && <Badge tone="warning">{t('fields.people.missing')}</Badge>}
                </p>
              </div>
              <div className="atr-person-actions">
                <Button size="sm" onClick={() => onEdit(person)} aria-label={t('fields.people.editNamed', { name })}>
                  {t('fields.people.edit')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setRemoving(person)}
                  aria-label={t('fields.people.removeNamed', { name })}
                >
                  {t('fields.people.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {removing && <RemovePersonDialog person={removing} onClose={() => setRemoving(undefined)} />}
    </>
  );
}

function RemovePersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useI18n();
  const remove = useAccountSave((client, id: string, context) => client.delete(`/persons/${id}`, context));
  const name = personName(person) ?? t('fields.people.unnamed');
  const failure = remove.status === 'error' ? describeError(remove.error) : undefined;
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('fields.people.removeTitle', { name })}
      description={t(
        person.relationship.representative
          ? 'fields.people.removeRepresentativeDescription'
          : 'fields.people.removeDescription',
      )}
      dismissible={remove.status !== 'pending'}
      footer={
        <>
          <Button onClick={onClose} disabled={remove.status === 'pending'}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="danger"
            loading={remove.status === 'pending'}
            onClick={() => {
              void remove.run(person.id).then((outcome) => {
                if (outcome.ok) onClose();
              });
            }}
          >
            {t('fields.people.remove')}
          </Button>
        </>
      }
    >
      {failure && (
        <p className="atr-field-error" role="alert">
          {t(failure.messageKey)}
        </p>
      )}
    </Dialog>
  );
}
