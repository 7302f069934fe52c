import type { PersonParams } from '@atrium/core';
import type { AppContext } from '../../context';
import { invalidRequest, notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import type { MetadataUpdate } from '../../http/metadata';
import { newId } from '../../ids';
import type { Queryable } from '../../store/db';
import { clockNow } from '../clock';
import { recordEvent, recordUpdate } from '../events';
import { applyPersonFields, hasValues, mergeHash } from './fields';
import { personObject } from './objects';
import { refreshRequirements } from './requirements';
import { loadAccount } from './rows';
import type { AccountRow, PersonRow, StoredPerson } from './rows';
import { scheduleVerification } from './verification';

type PersonWrite = PersonParams & { metadata?: MetadataUpdate | undefined };

const PERSON_ID = /^person_[A-Za-z0-9]{1,64}$/;

function requireCompany(account: AccountRow): void {
  if (account.business_type === 'individual') {
    throw invalidRequest(
      'Persons belong to companies and non-profits; an individual account keeps its holder in `individual`.',
      undefined,
      'account_invalid',
    );
  }
}

export async function loadPerson(q: Queryable, accountId: string, id: string, options: { lock?: boolean } = {}) {
  if (!PERSON_ID.test(id)) throw notFound('person', id);
  const [row] = await q.query<PersonRow>(
    `SELECT * FROM persons WHERE id = $1 AND account_id = $2 AND NOT deleted${options.lock ? ' FOR UPDATE' : ''}`,
    [id, accountId],
  );
  if (!row) throw notFound('person', id);
  return row;
}

/** Writes a person (new when `existing` is undefined), starts verification, recomputes requirements. */
async function writePerson(
  app: AppContext,
  q: Queryable,
  account: AccountRow,
  existing: PersonRow | undefined,
  params: PersonWrite,
) {
  const { relationship, metadata, ...fields } = params;
  const id = existing?.id ?? newId('person');
  const applied = await applyPersonFields(q, app.encryptor, {
    accountId: account.id,
    country: account.country,
    ownerId: id,
    fieldPrefix: '',
    existing: { ...existing?.data, id },
    params: fields,
  });
  const { id: _id, ...data }: StoredPerson = applied.person;
  const relationshipAfter = mergeHash<Record<string, unknown>>(existing?.relationship, relationship);
  // An account has one representative at a time (a unique index holds it too): naming another
  // person hands the role over, so the previous representative loses it first.
  const handedOver =
    relationshipAfter['representative'] === true && existing?.relationship['representative'] !== true
      ? await q.query<PersonRow>(
          `UPDATE persons SET relationship = relationship || '{"representative": false}'::jsonb
            WHERE account_id = $1 AND id <> $2 AND NOT deleted AND relationship @> '{"representative": true}'::jsonb
           RETURNING *`,
          [account.id, id],
        )
      : [];
  const [row] = await q.query<PersonRow>(
    `INSERT INTO persons (id, account_id, created_at, relationship, data, metadata)
     VALUES ($1, $2, atrium_now(), $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET relationship = EXCLUDED.relationship, data = EXCLUDED.data, metadata = EXCLUDED.metadata
     RETURNING *`,
    [
      id,
      account.id,
      JSON.stringify(relationshipAfter),
      JSON.stringify(data),
      JSON.stringify(mergeMetadata(existing?.metadata ?? {}, metadata)),
    ],
  );
  if (!row) throw new Error('person write returned no row');
  if (hasValues(applied.submitted)) {
    await scheduleVerification(q, account, {
      nowSeconds: await clockNow(q),
      persons: [{ id, values: applied.submitted }],
    });
  }
  const refreshed = await refreshRequirements(q, account.id);
  const written = refreshed.persons.find((candidate) => candidate.id === id) ?? row;
  const object = personObject(written, refreshed.account);
  for (const previous of handedOver) {
    const after = refreshed.persons.find((candidate) => candidate.id === previous.id) ?? previous;
    const before = personObject(
      { ...previous, relationship: { ...previous.relationship, representative: true } },
      account,
    );
    const demoted = personObject(after, refreshed.account);
    await recordUpdate(q, { type: 'person.updated', accountId: account.id, before, object: demoted });
  }
  if (existing) {
    await recordUpdate(q, {
      type: 'person.updated',
      accountId: account.id,
      before: personObject(existing, account),
      object,
    });
  } else {
    await recordEvent(q, { type: 'person.created', accountId: account.id, object });
  }
  return object;
}

export async function createPerson(app: AppContext, q: Queryable, accountId: string, params: PersonWrite) {
  const account = await loadAccount(q, accountId, { lock: true });
  requireCompany(account);
  return writePerson(app, q, account, undefined, params);
}

export async function updatePerson(app: AppContext, q: Queryable, accountId: string, id: string, params: PersonWrite) {
  const account = await loadAccount(q, accountId, { lock: true });
  const existing = await loadPerson(q, accountId, id, { lock: true });
  return writePerson(app, q, account, existing, params);
}

export async function deletePerson(q: Queryable, accountId: string, id: string) {
  const account = await loadAccount(q, accountId, { lock: true });
  const existing = await loadPerson(q, accountId, id, { lock: true });
  await q.query('UPDATE persons SET deleted = true WHERE id = $1', [id]);
  await refreshRequirements(q, accountId);
  await recordEvent(q, { type: 'person.deleted', accountId, object: personObject(existing, account) });
  return { id, object: 'person' as const, deleted: true };
}
