import { z } from 'zod';
import { notFound } from '../../http/errors';
import { expandParam } from '../../http/expand-param';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { FILE_COLUMNS, FILE_PURPOSES, fileObject, loadReadableFile, readableFiles } from '../../services/files';
import type { FileRow } from '../../services/files';
import { expandList, expandObject, viewerOf } from '../../services/expand';

/** Uploads are `POST /v1/files` (routes/embedded/files.ts); these read their metadata, never the content. */
export const fileRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/files',
    params: z.strictObject({ ...listParamsShape, purpose: z.enum(FILE_PURPOSES).optional() }),
    summary: "List uploaded files, newest first, optionally by purpose (the connected account's with Stripe-Account).",
    async handler({ auth, params, q, url }) {
      const owner = readableFiles(viewerOf(auth));
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
      const viewer = viewerOf(auth);
      const row = await loadReadableFile(q, viewer, id);
      if (!row) throw notFound('file', id);
      return { body: await expandObject(q, fileObject(row), 'file', params.expand, viewer) };
    },
  }),
];
