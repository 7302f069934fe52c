import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument, MAX_DOCUMENT_BYTES, sniffDocumentType } from './file-checks';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_HEAD = Array.from(new TextEncoder().encode('%PDF-1.7'));
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];

describe('checkDocument', () => {
  it.each([
    ['a PNG', PNG_HEAD, 'png'],
    ['a PDF', PDF_HEAD, 'pdf'],
    ['a JPEG', JPEG_HEAD, 'jpg'],
  ])('accepts %s by its content', async (_name, head, type) => {
    await expect(checkDocument(new Blob([new Uint8Array([...head, 1, 2, 3])]))).resolves.toEqual({ ok: true, type });
  });

  it('refuses a file whose content is not a document, whatever its declared type', async () => {
    const fake = new Blob(['GIF89a, dressed up as a PNG'], { type: 'image/png' });
    await expect(checkDocument(fake)).resolves.toEqual({ ok: false, problem: 'unsupported_type' });
  });

  it('refuses an empty file', async () => {
    await expect(checkDocument(new Blob([]))).resolves.toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses a file over 10 MB before reading it, and takes one of exactly 10 MB', async () => {
    const exactly = new Uint8Array(MAX_DOCUMENT_BYTES);
    exactly.set(PNG_HEAD);
    await expect(checkDocument(new Blob([exactly]))).resolves.toMatchObject({ ok: true });
    await expect(checkDocument(new Blob([exactly, new Uint8Array(1)]))).resolves.toEqual({
      ok: false,
      problem: 'too_large',
    });
  });

  it('never takes bytes that start like none of the three formats', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (head) => {
        const looksLikeOne = [PNG_HEAD, PDF_HEAD.slice(0, 5), JPEG_HEAD.slice(0, 3)].some((prefix) =>
          prefix.every((byte, index) => head[index] === byte),
        );
        expect(sniffDocumentType(head) !== undefined).toBe(looksLikeOne);
      }),
    );
  });
});
