import type { Account, Person } from '@atrium/core';
import { useI18n } from '../../provider/use-atrium';
import { Button } from '../../primitives/button/button';
import { companyRoles, specOf } from '../account-forms/account-model';
import { personName } from '../account-forms/account-display';
import type { PersonRole } from '../account-forms/account-model';
import { formatAddress } from '../account-forms/format-address';
import type { PersonTarget } from '../account-forms/forms/person-form';
import { PeopleList } from '../account-forms/people-list';
import type { MessageKey } from '../../i18n/catalog';
import { LazyPersonForm } from './lazy-forms';
import { SectionCard } from './section-card';
import type { SectionProps } from './section-props';
import { SummaryList } from './summary-list';
import { useSectionEditor } from './use-section-editor';

const ADD_LABELS: Record<PersonRole, MessageKey> = {
  representative: 'management.people.addRepresentative',
  owner: 'onboarding.owners.addOwner',
  director: 'onboarding.owners.addDirector',
  executive: 'onboarding.owners.addExecutive',
};

function dobText(person: { dob: { day: number | null; month: number | null; year: number | null } }, locale: string) {
  const { day, month, year } = person.dob;
  if (day === null || month === null || year === null) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

function IndividualSummary({ account }: { account: Account }) {
  const { t, locale } = useI18n();
  const person = account.individual;
  return (
    <SummaryList
      rows={[
        [t('management.field.name'), person ? personName(person) : undefined],
        [t('fields.person.email'), person?.email ?? undefined],
        [t('fields.person.phone'), person?.phone ?? undefined],
        [t('fields.person.dob'), person ? dobText(person, locale) : undefined],
        [t('fields.person.address'), formatAddress(person?.address, locale)],
        [
          t('management.field.identity'),
          person?.ssn_last_4_provided || person?.id_number_provided ? t('management.value.provided') : undefined,
        ],
      ]}
    />
  );
}

/** The people of the account: an individual's own details, or a company's representative, owners, directors and executives. */
export function PeopleSection({ account, persons, onOpen }: SectionProps) {
  const { t } = useI18n();
  const editor = useSectionEditor<PersonTarget>(onOpen);
  const isIndividual = account.business_type === 'individual';
  const roles: PersonRole[] = isIndividual
    ? []
    : ['representative', ...companyRoles(specOf(account), account.business_type ?? 'company')];
  const hasRepresentative = persons.some((person) => person.relationship.representative);
  const due = account.requirements.currently_due;
  const form = editor.open && (
    <LazyPersonForm
      account={account}
      target={editor.open}
      due={due}
      mode="management"
      label={editor.open.kind === 'person' ? personName(editor.open.person) : undefined}
      onSaved={editor.saved}
      footer={(saving) => (
        <>
          <Button onClick={editor.close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" loading={saving}>
            {t('management.save')}
          </Button>
        </>
      )}
    />
  );
  const missing = (person: Person) => due.some((name) => name.startsWith(`${person.id}.`));
  return (
    <SectionCard
      id="atr-management-people"
      title={t(isIndividual ? 'onboarding.step.personal' : 'management.section.people')}
      editing={isIndividual ? editor.open !== undefined : editor.open === undefined ? undefined : true}
      onEdit={() => editor.start({ kind: 'individual' })}
      status={editor.status}
      editor={form}
    >
      {isIndividual ? (
        <IndividualSummary account={account} />
      ) : (
        <div className="atr-form-grid">
          <PeopleList
            persons={persons}
            needsInformation={missing}
            onEdit={(person) => editor.start({ kind: 'person', person })}
          />
          <div className="atr-button-row">
            {roles
              .filter((role) => role !== 'representative' || !hasRepresentative)
              .map((role) => (
                <Button key={role} onClick={() => editor.start({ kind: 'new', role })}>
                  {t(ADD_LABELS[role])}
                </Button>
              ))}
          </div>
        </div>
      )}
    </SectionCard>
  );
}
