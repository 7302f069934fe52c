import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { testDatabaseKinds } from '../store/testing';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import { createFile, MAX_ACCOUNT_FILE_BYTES, MAX_FILE_BYTES } from './files';

const MB = 1024 * 1024;
const pdf = (sizeBytes: number) => Buffer.concat([Buffer.from('%PDF-'), randomBytes(sizeBytes - 5)]);

describe.each(await testDatabaseKinds())('createFile on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  const newAccount = async () =>
    (await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'individual' })).id;
  const upload = (accountId: string | null, content: Buffer) =>
    server.db.transaction('read committed', (tx) =>
      createFile(tx, server.app.atrium.encryptor, {
        accountId,
        purpose: 'identity_document',
        filename: 'id.pdf',
        content,
      }),
    );
  // Read as base64: PGlite parses a bytea column one byte at a time in JavaScript.
  const sealedContent = async (id: string) => {
    const [row] = await server.db.query<{ sealed: string }>(
      "SELECT encode(content_ciphertext, 'base64') AS sealed FROM files WHERE id = $1",
      [id],
    );
    if (!row) throw new Error(`No file ${id}`);
    return Buffer.from(row.sealed, 'base64');
  };
  /** Makes the account hold `sizeBytes` of uploads without sending them. */
  const storedAlready = (accountId: string, sizeBytes: number) =>
    server.db.query(
      `INSERT INTO files (id, account_id, created_at, purpose, filename, type, size, content_ciphertext)
       VALUES ($1, $2, now(), 'identity_document', NULL, 'pdf', $3, '\\x00')`,
      [newId('file'), accountId, sizeBytes],
    );

  it('stores the largest file sealed, and it opens back to the same bytes', async () => {
    const content = pdf(MAX_FILE_BYTES);
    const file = await upload(await newAccount(), content);
    expect(file).toMatchObject({ object: 'file', type: 'pdf', size: MAX_FILE_BYTES });
    const sealed = await sealedContent(file.id);
    expect(sealed.includes(content.subarray(0, 64))).toBe(false);
    expect(server.app.atrium.encryptor.decrypt(sealed).equals(content)).toBe(true);
  });

  it('stores a few bytes, and they open back the same', async () => {
    const content = Buffer.from('%PDF-1.7\n');
    const file = await upload(null, content);
    expect(server.app.atrium.encryptor.decrypt(await sealedContent(file.id)).equals(content)).toBe(true);
  });

  it('refuses an upload that would take an account past its quota with file_quota_exceeded, storing nothing', async () => {
    const accountId = await newAccount();
    await storedAlready(accountId, MAX_ACCOUNT_FILE_BYTES - MB);
    const refused = await upload(accountId, pdf(MB + 1)).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      details: { code: 'file_quota_exceeded', param: 'file' },
    });
    const [count] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int8 AS n FROM files WHERE account_id = $1',
      [accountId],
    );
    expect(count?.n).toBe(1);
    // What is left of the quota can still be used, to the byte.
    expect((await upload(accountId, pdf(MB))).size).toBe(MB);
  });

  it("counts neither another account's uploads nor the platform's against an account's quota", async () => {
    const full = await newAccount();
    await storedAlready(full, MAX_ACCOUNT_FILE_BYTES);
    await expect(upload(full, pdf(1024))).rejects.toMatchObject({ details: { code: 'file_quota_exceeded' } });
    expect((await upload(await newAccount(), pdf(1024))).size).toBe(1024);
    expect((await upload(null, pdf(1024))).size).toBe(1024);
  });

  it('lets only one of two concurrent uploads through when the quota has room for one', async () => {
    const accountId = await newAccount();
    await storedAlready(accountId, MAX_ACCOUNT_FILE_BYTES - 3 * MB);
    const outcomes = await Promise.allSettled([upload(accountId, pdf(2 * MB)), upload(accountId, pdf(2 * MB))]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ details: { code: 'file_quota_exceeded' } });
  });
});
