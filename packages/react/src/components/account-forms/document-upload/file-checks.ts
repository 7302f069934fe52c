/** The largest document the BFF takes (as Stripe's identity document limit). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What the file picker offers; the content is checked anyway, names and types can lie. */
export const DOCUMENT_ACCEPT = 'image/png,image/jpeg,application/pdf,.png,.jpg,.jpeg,.pdf';

export type FileProblem = 'empty' | 'too_large' | 'unsupported_type';

export type FileCheck = { ok: true; type: 'pdf' | 'png' | 'jpg' } | { ok: false; problem: FileProblem };

/** The type of a file by its first bytes, as the BFF recognises it: PDF, PNG or JPEG. */
export function sniffDocumentType(head: Uint8Array): 'pdf' | 'png' | 'jpg' | undefined {
  const starts = (bytes: readonly number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  return undefined;
}

/**
 * Checks a document before it is sent: not empty, at most 10 MB, and a PDF, PNG or JPEG by its
 * content, so the user learns at once instead of after a long upload.
 */
export async function checkDocument(file: Blob): Promise<FileCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'too_large' };
  const type = sniffDocumentType(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  return type === undefined ? { ok: false, problem: 'unsupported_type' } : { ok: true, type };
}
