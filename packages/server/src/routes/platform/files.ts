import { z } from 'zod';
import { notFound } from '../../http/errors';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { FILE_COLUMNS, FILE_PURPOSES, fileObject } from '../../services/files';
import type { FileRow } from '../../services/files';
import { expandList, expandObject, viewerOf } from '../../services/expand';

const FILE_ID = /^file_[A-Za-z0-9]{1,64}$/;

/** Whose files a caller sees: the connected account's with `Stripe-Account`, else the platform's own. */
const ownerCondition = (onBehalfOf: string | undefined) =>
  onBehalfOf === undefined
    ? { where: ['account_id IS NULL'], values: [] as unknown[] }
    : { where: ['account_id = $1'], values: [onBehalfOf] as unknown[] };

/** Uploads are `POST /v1/files` (routes/embedded/files.ts); these read their metadata, never the content. */
export const fileRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/files',
    params: z.strictObject({ ...listParamsShape, purpose: z.enum(FILE_PURPOSES).optional() }),
    summary: "List uploaded files, newest first, optionally by purpose (the connected account's with Stripe-Account).",
    async handler({ auth, params, q, url }) {
      const owner = ownerCondition(auth.onBehalfOf);
      if (params.purpose !== undefined) {
        owner.values.push(params.purpose);
        owner.where.push(`purpose = $${owner.values.length}`);
      }
      const page = await listPage<FileRow>(q, {
        table: 'files',
        columns: FILE_COLUMNS,
        ...owner,
        limit: params.limit,
        startingAfter: params.starting_after,
        endingBefore: params.ending_before,
        created: params.created,
      });
      const files = await expandList(q, page.rows.map(fileObject), 'file', params.expand, viewerOf(auth));
      return { body: listEnvelope(url, files, page.hasMore) };
    },
  }),
  platformRoute({
    method: 'get',
    path: '/files/:id',
    params: z.strictObject({ expand: expandParam({ list: false }) }),
    summary: "Retrieve an uploaded file's metadata.",
    async handler({ auth, params, path, q }) {
      const id = path['id'] ?? '';
      const owner = ownerCondition(auth.onBehalfOf);
      const [row] = FILE_ID.test(id)
        ? await q.query<FileRow>(
            `SELECT ${FILE_COLUMNS} FROM files WHERE ${owner.where.join(' AND ')} AND id = $${owner.values.length + 1}`,
            [...owner.values, id],
          )
        : [];
      if (!row) throw notFound('file', id);
      return { body: await expandObject(q, fileObject(row), 'file', params.expand, viewerOf(auth)) };
    },
  }),
];
