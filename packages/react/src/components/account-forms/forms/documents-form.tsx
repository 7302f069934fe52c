import type { Account, Person, RequirementError } from '@atrium/core';
import { useI18n } from '../../../provider/use-atrium';
import { personName } from '../account-display';
import { DocumentUpload } from '../document-upload/document-upload';
import type { DocumentPurpose } from '../document-upload/document-upload';
import { verificationReason } from '../verification-reasons';
import { useAccountSave } from './use-account-save';

/** One document a requirement asks for, and whose it is. */
export interface DocumentItem {
  requirement: string;
  kind: 'document' | 'additional_document';
  holder:
    { kind: 'individual' } | { kind: 'company' } | { kind: 'person'; person: Person } | { kind: 'role'; role: string };
}

const DOCUMENT = /^([a-z_0-9A-Z]+)\.verification\.(document|additional_document)$/;

/** The documents that requirement names ask for (`individual.verification.document`, `person_1...`). */
export function documentItems(requirements: readonly string[], persons: readonly Person[]): DocumentItem[] {
  return requirements.flatMap((requirement): DocumentItem[] => {
    const match = DOCUMENT.exec(requirement);
    if (!match) return [];
    const [, holder = '', kind = 'document'] = match;
    const item = { requirement, kind: kind as DocumentItem['kind'] };
    if (holder === 'individual') return [{ ...item, holder: { kind: 'individual' } }];
    if (holder === 'company') return [{ ...item, holder: { kind: 'company' } }];
    const person = persons.find((candidate) => candidate.id === holder);
    return [{ ...item, holder: person ? { kind: 'person', person } : { kind: 'role', role: holder } }];
  });
}

function purposeOf(item: DocumentItem): DocumentPurpose {
  if (item.holder.kind === 'company') return 'account_requirement';
  return item.kind === 'document' ? 'identity_document' : 'additional_verification';
}

function providedFor(item: DocumentItem, account: Account): boolean {
  if (item.holder.kind === 'company') return typeof account.company?.verification.document.front === 'string';
  const person =
    item.holder.kind === 'individual'
      ? account.individual
      : item.holder.kind === 'person'
        ? item.holder.person
        : undefined;
  return typeof person?.verification[item.kind].front === 'string';
}

/** The parameters that put a file on the item's holder. */
function attachment(item: DocumentItem, fileId: string): { path: string; body: Record<string, unknown> } {
  const verification = { [item.kind]: { front: fileId } };
  if (item.holder.kind === 'company') return { path: '/account', body: { company: { verification } } };
  if (item.holder.kind === 'person') return { path: `/persons/${item.holder.person.id}`, body: { verification } };
  return { path: '/account', body: { individual: { verification } } };
}

export interface DocumentsFormProps {
  account: Account;
  items: readonly DocumentItem[];
  errors: readonly RequirementError[];
}

/** An upload for each document that is due, with why an earlier one was refused. */
export function DocumentsForm({ account, items, errors }: DocumentsFormProps) {
  const { t } = useI18n();
  return (
    <div className="atr-form-grid">
      {items.map((item) =>
        item.holder.kind === 'role' ? (
          <p key={item.requirement} className="atr-text-secondary">
            {t('fields.document.addPersonFirst')}
          </p>
        ) : (
          <DocumentItemUpload
            key={item.requirement}
            account={account}
            item={item}
            error={errors.find((candidate) => candidate.requirement === item.requirement)}
          />
        ),
      )}
    </div>
  );
}

function titleOf(item: DocumentItem, owner: string | undefined, t: ReturnType<typeof useI18n>['t']): string {
  if (item.holder.kind === 'company') return t('fields.document.company');
  if (item.kind === 'document') {
    return owner === undefined ? t('fields.document.identity') : t('fields.document.identityFor', { name: owner });
  }
  return owner === undefined ? t('fields.document.address') : t('fields.document.addressFor', { name: owner });
}

/** One document's upload, with its own save, so two uploads never cancel each other. */
function DocumentItemUpload({
  account,
  item,
  error,
}: {
  account: Account;
  item: DocumentItem;
  error: RequirementError | undefined;
}) {
  const { t } = useI18n();
  const save = useAccountSave((client, fileId: string, context) => {
    const target = attachment(item, fileId);
    return client.post(target.path, target.body, context);
  });
  const holder =
    item.holder.kind === 'person'
      ? item.holder.person
      : item.holder.kind === 'individual'
        ? account.individual
        : undefined;
  const owner = holder === undefined ? undefined : personName(holder);
  const description =
    item.holder.kind === 'company'
      ? t('fields.document.companyHint')
      : t(item.kind === 'document' ? 'fields.document.identityHint' : 'fields.document.addressHint');
  return (
    <DocumentUpload
      title={titleOf(item, owner, t)}
      description={description}
      purpose={purposeOf(item)}
      provided={providedFor(item, account)}
      failure={error === undefined ? undefined : t(verificationReason(error.code))}
      attach={(fileId) => save.run(fileId)}
    />
  );
}
