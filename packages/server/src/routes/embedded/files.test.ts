import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../ids';
import { MAX_ACCOUNT_FILE_BYTES } from '../../services/files';
import { testDatabaseKinds } from '../../store/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';
import { createUploadSlots, UPLOAD_LIMITS, uploadsInProgress } from './files';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const MB = 1024 * 1024;

describe('upload slots', () => {
  it('refuse an owner beyond its own limit with a 429 that says when to retry', () => {
    const slots = createUploadSlots({ perOwner: 2, total: 10 });
    slots.take('account:a');
    slots.take('account:a');
    let refused: unknown;
    try {
      slots.take('account:a');
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      status: 429,
      type: 'rate_limit_error',
      details: { code: 'rate_limit', headers: { 'Retry-After': '1' } },
    });
    expect(() => slots.take('account:b')).not.toThrow();
    expect(slots.inProgress()).toBe(3);
  });

  it('refuse everyone beyond the total, and take again once a slot is given back', () => {
    const slots = createUploadSlots({ perOwner: 2, total: 2 });
    const giveBack = slots.take('account:a');
    slots.take('account:b');
    expect(() => slots.take('account:c')).toThrow(/Too many uploads/);
    giveBack();
    giveBack();
    expect(slots.inProgress()).toBe(1);
    expect(() => slots.take('account:c')).not.toThrow();
  });
});

describe.each(await testDatabaseKinds())('uploads on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  const newAccount = async () =>
    (await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'individual' })).id;
  const sessionFor = async (account: string) => {
    const created = await server.stripe.accountSessions.create({
      account,
      components: { account_onboarding: { enabled: true } },
    });
    const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: created.client_secret }),
    });
    expect(claim.status).toBe(200);
    return ((await claim.json()) as { token: string }).token;
  };
  const upload = (token: string, body: Buffer) =>
    fetch(`${server.baseUrl}/v1/embedded/files?purpose=identity_document&filename=id`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
      body,
    });
  /** An upload whose body stops after its first bytes until `finish` sends the rest. */
  const stalledUpload = (token: string) => {
    let finish = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PNG.subarray(0, 8));
        finish = () => {
          controller.enqueue(PNG.subarray(8));
          controller.close();
        };
      },
    });
    const response = fetch(`${server.baseUrl}/v1/embedded/files?purpose=identity_document`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
      body,
      duplex: 'half',
    });
    return { response, finish: () => finish() };
  };
  const fileCount = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM files'))[0]?.n;
  const sealedContent = async (id: string) => {
    const [row] = await server.db.query<{ sealed: string }>(
      "SELECT encode(content_ciphertext, 'base64') AS sealed FROM files WHERE id = $1",
      [id],
    );
    return server.app.atrium.encryptor.decrypt(Buffer.from(row?.sealed ?? '', 'base64'));
  };

  it('stores a phone-photo-sized upload and it opens back identical', async () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5 * MB - 4)]);
    const response = await upload(await sessionFor(await newAccount()), photo);
    expect(response.status).toBe(200);
    const file = (await response.json()) as { id: string; type: string; size: number };
    expect(file).toMatchObject({ type: 'jpg', size: photo.length });
    expect((await sealedContent(file.id)).equals(photo)).toBe(true);
  });

  it("answers an account's upload beyond its limit in progress with 429 and Retry-After, and others go on", async () => {
    const token = await sessionFor(await newAccount());
    const stalled = Array.from({ length: UPLOAD_LIMITS.perOwner }, () => stalledUpload(token));
    await vi.waitFor(() => expect(uploadsInProgress(server.app.atrium)).toBe(UPLOAD_LIMITS.perOwner));
    const refused = await upload(token, PNG);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(await refused.json()).toEqual({
      error: {
        type: 'rate_limit_error',
        code: 'rate_limit',
        message: 'Too many uploads are in progress for this account. Retry once one has finished.',
      },
    });
    expect((await upload(await sessionFor(await newAccount()), PNG)).status).toBe(200);
    for (const { finish } of stalled) finish();
    expect((await Promise.all(stalled.map(async ({ response }) => (await response).status))).sort()).toEqual([
      200, 200,
    ]);
    expect(uploadsInProgress(server.app.atrium)).toBe(0);
    expect((await upload(token, PNG)).status).toBe(200);
  });

  it('answers any upload beyond the instance limit in progress with 429, the platform included', async () => {
    const owners = UPLOAD_LIMITS.total / UPLOAD_LIMITS.perOwner;
    const tokens = await Promise.all(Array.from({ length: owners }, async () => sessionFor(await newAccount())));
    const stalled = tokens.flatMap((token) =>
      Array.from({ length: UPLOAD_LIMITS.perOwner }, () => stalledUpload(token)),
    );
    await vi.waitFor(() => expect(uploadsInProgress(server.app.atrium)).toBe(UPLOAD_LIMITS.total));
    const refused = await upload(await sessionFor(await newAccount()), PNG);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(((await refused.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
    const form = new FormData();
    form.append('purpose', 'identity_document');
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'id.png');
    const platform = await fetch(`${server.baseUrl}/v1/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secretKey}` },
      body: form,
    });
    expect(platform.status).toBe(429);
    for (const { finish } of stalled) finish();
    expect(new Set(await Promise.all(stalled.map(async ({ response }) => (await response).status)))).toEqual(
      new Set([200]),
    );
    expect((await upload(await sessionFor(await newAccount()), PNG)).status).toBe(200);
  });

  it("refuses an upload past the account's quota with file_quota_exceeded, storing nothing", async () => {
    const account = await newAccount();
    await server.db.query(
      `INSERT INTO files (id, account_id, created_at, purpose, filename, type, size, content_ciphertext)
       VALUES ($1, $2, now(), 'identity_document', NULL, 'pdf', $3, '\\x00')`,
      [newId('file'), account, MAX_ACCOUNT_FILE_BYTES - PNG.length + 1],
    );
    const before = await fileCount();
    const refused = await upload(await sessionFor(account), PNG);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'file_quota_exceeded',
      param: 'file',
    });
    // The platform acting as the account is held to the same quota.
    const viaPlatform = await server.stripe.files
      .create(
        { purpose: 'identity_document', file: { data: PNG, name: 'id.png', type: 'image/png' } },
        { stripeAccount: account },
      )
      .catch((error: unknown) => error);
    expect(viaPlatform).toMatchObject({ statusCode: 400, code: 'file_quota_exceeded' });
    expect(await fileCount()).toBe(before);
  });

  describe.each([
    ['the platform API', '/v1/files'],
    ['the component API', '/v1/embedded/files'],
  ])('a malformed multipart upload to %s', (_name, path) => {
    const send = async (contentType: string, body: string) => {
      const token = path === '/v1/files' ? server.secretKey : await sessionFor(await newAccount());
      return fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
        body,
      });
    };

    it.each([
      ['a body that is not a form', 'multipart/form-data; boundary=zzz', 'garbage'],
      [
        'no boundary',
        'multipart/form-data',
        '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--zzz--',
      ],
      [
        'a form cut short',
        'multipart/form-data; boundary=zzz',
        '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
      ],
    ])('with %s is a 400 file_invalid, stores nothing and logs no error', async (_case, contentType, body) => {
      const before = await fileCount();
      const errorsBefore = server.logs.filter((line) => line['msg'] === 'unhandled error').length;
      const response = await send(contentType, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: unknown }).error).toMatchObject({
        type: 'invalid_request_error',
        code: 'file_invalid',
        param: 'file',
      });
      expect(await fileCount()).toBe(before);
      expect(server.logs.filter((line) => line['msg'] === 'unhandled error').length).toBe(errorsBefore);
    });
  });
});
