import { z } from 'zod';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { personObject } from '../../services/accounts/objects';
import { personWriteParamsSchema } from '../../services/accounts/params';
import { createPerson, deletePerson, loadPerson, updatePerson } from '../../services/accounts/persons';
import { loadAccount } from '../../services/accounts/rows';
import type { PersonRow } from '../../services/accounts/rows';
import type { AppContext } from '../../context';
import { clockNow } from '../../services/clock';
import { expandList, expandObject, viewerOf } from '../../services/expand';

const DOCUMENTED = { country: 'US' as const, nowSeconds: 0 };

async function schemaForAccount({ app, path }: { app: AppContext; path: Record<string, string> }) {
  const account = await loadAccount(app.db, path['account'] ?? '');
  return personWriteParamsSchema({ country: account.country as 'US', nowSeconds: await clockNow(app.db) });
}

export const personRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/accounts/:account/persons',
    params: personWriteParamsSchema(DOCUMENTED),
    paramsFor: schemaForAccount,
    summary: 'Add a person to a company: a representative, owner, director or executive.',
    async handler({ app, auth, params, path, q }) {
      const person = await createPerson(app, q, path['account'] ?? '', params);
      return { body: await expandObject(q, person, 'person', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/accounts/:account/persons',
    params: z.strictObject({
      ...listParamsShape,
      relationship: z
        .strictObject({
          representative: z.enum(['true', 'false']).optional(),
          owner: z.enum(['true', 'false']).optional(),
          director: z.enum(['true', 'false']).optional(),
          executive: z.enum(['true', 'false']).optional(),
        })
        .optional(),
    }),
    summary: "List a company's persons, optionally by relationship.",
    async handler({ auth, params, path, q, url }) {
      const account = await loadAccount(q, path['account'] ?? '');
      const where = ['account_id = $1', 'NOT deleted'];
      const values: unknown[] = [account.id];
      for (const [role, wanted] of Object.entries(params.relationship ?? {})) {
        values.push(role);
        where.push(`coalesce((relationship ->> $${values.length})::boolean, false) = ${wanted === 'true'}`);
      }
      const page = await listPage<PersonRow>(q, {
        table: 'persons',
        where,
        values,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const persons = page.rows.map((row) => personObject(row, account));
      const expanded = await expandList(q, persons, 'person', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, expanded, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/accounts/:account/persons/:id',
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary: 'Retrieve a person.',
    async handler({ auth, params, path, q }) {
      const account = await loadAccount(q, path['account'] ?? '');
      const person = personObject(await loadPerson(q, account.id, path['id'] ?? ''), account);
      return { body: await expandObject(q, person, 'person', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/accounts/:account/persons/:id',
    params: personWriteParamsSchema(DOCUMENTED),
    paramsFor: schemaForAccount,
    summary: 'Update a person.',
    async handler({ app, auth, params, path, q }) {
      const person = await updatePerson(app, q, path['account'] ?? '', path['id'] ?? '', params);
      return { body: await expandObject(q, person, 'person', params.expand, viewerOf(auth)) };
    },
  }),
  platformRoute({
    method: 'delete',
    path: '/accounts/:account/persons/:id',
    params: z.strictObject({}),
    summary: 'Delete a person.',
    async handler({ path, q }) {
      return { body: await deletePerson(q, path['account'] ?? '', path['id'] ?? '') };
    },
  }),
];
