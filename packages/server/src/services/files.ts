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

/**
 * Stored upload bytes a connected account may hold: ten files at the largest size, or a few dozen
 * phone photos, far more than onboarding asks for. Files are never deleted, so it bounds what one
 * account (or whoever holds one of its component sessions) can make the database keep. The
 * platform's own uploads are not counted: only its secret key makes them.
 */
export const MAX_ACCOUNT_FILE_BYTES = 100 * 1024 * 1024;

/**
 * The advisory lock class that serialises one account's uploads while its quota is checked. Two
 * keys, so it never meets the single-key locks (the migrations') or the ledger's class (1970).
 */
const FILE_QUOTA_LOCK_CLASS = 1971;

/** Stores an uploaded file, sealed; its content is never served back, only its metadata. */
export async function createFile(
  q: Queryable,
  encryptor: Encryptor,
  input: { accountId: string | null; purpose: string; filename: string | undefined; content: Buffer },
) {
  const { type, filename } = checkUpload(input);
  if (input.accountId !== null) await checkQuota(q, input.accountId, input.content.length);
  const sealed = encryptor.encrypt(input.content);
  // The sealed bytes go as base64 text that the database decodes. A Buffer parameter would be
  // turned into hex by PGlite's bytea serializer one byte at a time in JavaScript: seconds of a
  // blocked event loop and hundreds of MB for a 10 MB file, while every other query waited behind
  // its lock. Node encodes base64 and PostgreSQL decodes it natively, on both drivers.
  const [row] = await q.query<FileRow>(
    `INSERT INTO files (id, account_id, created_at, purpose, filename, type, size, content_ciphertext)
     VALUES ($1, $2, atrium_now(), $3, $4, $5, $6, decode($7, 'base64')) RETURNING ${FILE_COLUMNS}`,
    [newId('file'), input.accountId, input.purpose, filename, type, input.content.length, sealed.toString('base64')],
  );
  if (!row) throw new Error('INSERT returned no row');
  if (row.size !== input.content.length) throw new Error('The stored size differs from the upload');
  return fileObject(row);
}

/** The upload's type and cleaned file name, or the invalid request it is. */
function checkUpload(input: { purpose: string; filename: string | undefined; content: Buffer }) {
  if (!(FILE_PURPOSES as readonly string[]).includes(input.purpose)) {
    throw invalidRequest(`purpose must be one of ${FILE_PURPOSES.join(', ')}.`, 'purpose');
  }
  if (input.content.length === 0) throw invalidRequest('The file is empty.', 'file', 'file_empty');
  if (input.content.length > MAX_FILE_BYTES) throw new RangeError('The upload is larger than the body parsers allow');
  const type = sniffFileType(input.content);
  if (!type) throw invalidRequest('The file must be a PDF, PNG or JPEG.', 'file', 'file_type_unsupported');
  const filename = input.filename?.replace(/[^\p{L}\p{N}._ -]/gu, '').slice(0, 200) || null;
  return { type, filename };
}

/**
 * Refuses an upload that would take the account past `MAX_ACCOUNT_FILE_BYTES`. The account's
 * advisory lock, held until the transaction ends, makes its concurrent uploads (on any instance)
 * check one after another, each seeing the ones before it.
 */
async function checkQuota(q: Queryable, accountId: string, sizeBytes: number): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [FILE_QUOTA_LOCK_CLASS, accountId]);
  const [stored] = await q.query<{ bytes: number }>(
    'SELECT coalesce(sum(size), 0)::int8 AS bytes FROM files WHERE account_id = $1',
    [accountId],
  );
  if (!stored) throw new Error('SELECT sum returned no row');
  if (stored.bytes + sizeBytes > MAX_ACCOUNT_FILE_BYTES) {
    throw invalidRequest(
      `This account's uploads may take at most ${MAX_ACCOUNT_FILE_BYTES / (1024 * 1024)} MB; ` +
        `${stored.bytes} bytes are stored and the file has ${sizeBytes}.`,
      'file',
      'file_quota_exceeded',
    );
  }
}
