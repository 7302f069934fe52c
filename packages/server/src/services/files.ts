import type { Encryptor } from '../crypto';
import { invalidRequest } from '../http/errors';
import { unixSeconds } from '../http/list';
import { newId } from '../ids';
import type { Queryable } from '../store/db';
import type { Owner } from './money/rows';

/** The largest file Atrium takes, as Stripe's identity document limit. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_PURPOSES = [
  'identity_document',
  'additional_verification',
  'business_icon',
  'account_requirement',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Recognises a file by its first bytes, never by the name or the declared type alone. */
export function sniffFileType(content: Buffer): 'pdf' | 'png' | 'jpg' | undefined {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'jpg';
  return undefined;
}

export interface FileRow {
  id: string;
  account_id: string | null;
  created_at: Date;
  purpose: FilePurpose;
  filename: string | null;
  type: string;
  size: number;
}

/** The columns a file's metadata needs; the sealed content is never read back. */
export const FILE_COLUMNS = 'id, account_id, created_at, purpose, filename, type, size';

const FILE_ID = /^file_[A-Za-z0-9]{1,64}$/;

/**
 * The files `viewer` may read, as SQL conditions over the files table and their values from `$1`.
 * As on Stripe, a file belongs to the account that uploaded it: the platform reads its own
 * uploads, and a connected account's only while acting as that account (its `Stripe-Account`
 * header, or one of its component sessions). `GET /v1/files`, `GET /v1/files/:id` and the
 * expansion of an identity document all read through here, so they never disagree.
 */
export function readableFiles(viewer: Owner): { where: string[]; values: unknown[] } {
  return viewer === 'platform'
    ? { where: ['account_id IS NULL'], values: [] }
    : { where: ['account_id = $1'], values: [viewer] };
}

/** A file's metadata when `viewer` may read it (see `readableFiles`); undefined otherwise. */
export async function loadReadableFile(q: Queryable, viewer: Owner, id: unknown): Promise<FileRow | undefined> {
  if (typeof id !== 'string' || !FILE_ID.test(id)) return undefined;
  const readable = readableFiles(viewer);
  const [row] = await q.query<FileRow>(
    `SELECT ${FILE_COLUMNS} FROM files WHERE ${readable.where.join(' AND ')} AND id = $${readable.values.length + 1}`,
    [...readable.values, id],
  );
  return row;
}

export function fileObject(row: FileRow) {
  return {
    id: row.id,
    object: 'file' as const,
    created: unixSeconds(row.created_at),
    expires_at: null,
    filename: row.filename,
    purpose: row.purpose,
    size: row.size,
    title: null,
    type: row.type,
    url: null,
  };
}

/** Stores an uploaded file, sealed; its content is never served back, only its metadata. */
export async function createFile(
  q: Queryable,
  encryptor: Encryptor,
  input: { accountId: string | null; purpose: string; filename: string | undefined; content: Buffer },
) {
  if (!(FILE_PURPOSES as readonly string[]).includes(input.purpose)) {
    throw invalidRequest(`purpose must be one of ${FILE_PURPOSES.join(', ')}.`, 'purpose');
  }
  if (input.content.length === 0) throw invalidRequest('The file is empty.', 'file', 'file_empty');
  const type = sniffFileType(input.content);
  if (!type) throw invalidRequest('The file must be a PDF, PNG or JPEG.', 'file', 'file_type_unsupported');
  const filename = input.filename?.replace(/[^\p{L}\p{N}._ -]/gu, '').slice(0, 200) || null;
  const [row] = await q.query<FileRow>(
    `INSERT INTO files (id, account_id, created_at, purpose, filename, type, size, content_ciphertext)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6, $7) RETURNING ${FILE_COLUMNS}`,
    [
      newId('file'),
      input.accountId,
      input.purpose,
      filename,
      type,
      input.content.length,
      encryptor.encrypt(input.content),
    ],
  );
  if (!row) throw new Error('INSERT returned no row');
  return fileObject(row);
}
