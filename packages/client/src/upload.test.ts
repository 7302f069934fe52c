import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAtriumClientFrom } from './client';
import type { AtriumRequest, UploadProgress } from './client';
import { AtriumApiError } from './errors';
import { createAtriumClient } from './http-client';

const BASE = 'https://bff.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fileSchema = z.object({ id: z.string(), object: z.literal('file'), size: z.number() });

/** What the fake XMLHttpRequest was sent, and how the test answers it. */
interface SentUpload {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bytes reported through `upload.onprogress` before the answer. */
  progress?: number[];
  /** No answer at all, as when the connection drops. */
  networkError?: boolean;
}

/** Just enough of XMLHttpRequest for the client: it records each request and plays back answers. */
function fakeXhrFactory(answers: FakeAnswer[]) {
  const sent: SentUpload[] = [];
  const aborted: SentUpload[] = [];
  class FakeXhr {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    #request: SentUpload = { method: '', url: '', headers: {}, body: undefined };
    #headers: Record<string, string> = {};
    #timer: ReturnType<typeof setTimeout> | undefined;

    open(method: string, url: string) {
      this.#request = { ...this.#request, method, url };
    }
    setRequestHeader(name: string, value: string) {
      this.#request.headers[name] = value;
    }
    getAllResponseHeaders() {
      return Object.entries(this.#headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
    }
    send(body: unknown) {
      this.#request.body = body;
      sent.push(this.#request);
      const answer = answers.shift() ?? { status: 500 };
      const total = body instanceof Blob ? body.size : 0;
      this.#timer = setTimeout(() => {
        for (const loaded of answer.progress ?? []) {
          this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
        }
        if (answer.networkError) {
          this.onerror?.();
          return;
        }
        this.status = answer.status;
        this.#headers = answer.headers ?? {};
        this.responseText = answer.body === undefined ? '' : JSON.stringify(answer.body);
        this.onload?.();
      }, 5);
    }
    abort() {
      clearTimeout(this.#timer);
      aborted.push(this.#request);
      this.onabort?.();
    }
  }
  return { createXhr: () => new FakeXhr() as unknown as XMLHttpRequest, sent, aborted };
}

function sessionEndpoint() {
  let claims = 0;
  server.use(
    http.post(`${BASE}/v1/embedded/session`, () => {
      claims += 1;
      return HttpResponse.json({
        object: 'embedded_session',
        token: `tok_${claims}`,
        expires_at: 1_900_000_000,
        account: 'acct_1',
        components: { account_onboarding: { enabled: true, features: {} } },
        livemode: false,
      });
    }),
  );
  return { claims: () => claims };
}

const png = () =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], { type: 'image/png' });
const fileAnswer = { id: 'file_123', object: 'file', size: 10, type: 'png', purpose: 'identity_document' };
const fastRetries = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 100 };

function uploadClient(answers: FakeAnswer[]) {
  const xhr = fakeXhrFactory(answers);
  const client = createAtriumClient({
    baseUrl: BASE,
    fetchClientSecret: () => Promise.resolve('secret'),
    createXhr: xhr.createXhr,
    retry: fastRetries,
  });
  return { client, ...xhr };
}

describe('file uploads', () => {
  it('sends the file as the body with the token, its type and a key, and reports progress', async () => {
    sessionEndpoint();
    const { client, sent } = uploadClient([{ status: 200, body: fileAnswer, progress: [4, 10] }]);
    const progress: UploadProgress[] = [];

    const file = await client.upload('/files', png(), {
      query: { purpose: 'identity_document', filename: 'passport.png' },
      schema: fileSchema,
      onProgress: (step) => progress.push(step),
    });

    expect(file.id).toBe('file_123');
    expect(progress).toEqual([
      { loadedBytes: 4, totalBytes: 10 },
      { loadedBytes: 10, totalBytes: 10 },
    ]);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.url).toBe(`${BASE}/v1/embedded/files?purpose=identity_document&filename=passport.png`);
    expect(sent[0]?.headers).toMatchObject({ Authorization: 'Bearer tok_1', 'Content-Type': 'image/png' });
    expect(sent[0]?.headers['Idempotency-Key']).toMatch(/^atrium-[0-9a-f]{32}$/);
    expect(sent[0]?.body).toBeInstanceOf(Blob);
  });

  it('renews an expired session and sends the file again with the same key', async () => {
    const session = sessionEndpoint();
    const expired = { error: { type: 'authentication_error', code: 'session_expired', message: 'Expired.' } };
    const { client, sent } = uploadClient([
      { status: 401, body: expired },
      { status: 200, body: fileAnswer },
    ]);

    await expect(client.upload('/files', png(), { schema: fileSchema })).resolves.toMatchObject({ id: 'file_123' });

    expect(session.claims()).toBe(2);
    expect(sent.map((request) => request.headers['Authorization'])).toEqual(['Bearer tok_1', 'Bearer tok_2']);
    expect(sent[1]?.headers['Idempotency-Key']).toBe(sent[0]?.headers['Idempotency-Key']);
  });

  it('turns a refusal into a typed error with its parameter and request id', async () => {
    sessionEndpoint();
    const refusal = {
      error: {
        type: 'invalid_request_error',
        code: 'file_type_unsupported',
        message: 'The file must be a PDF, PNG or JPEG.',
        param: 'file',
      },
    };
    const { client, sent } = uploadClient([{ status: 400, body: refusal, headers: { 'Request-Id': 'req_7' } }]);

    const error = await client.upload('/files', png()).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(AtriumApiError);
    expect(error).toMatchObject({ status: 400, code: 'file_type_unsupported', param: 'file', requestId: 'req_7' });
    expect(sent).toHaveLength(1);
  });

  it('tries again when the upload got no answer', async () => {
    sessionEndpoint();
    const { client, sent } = uploadClient([
      { status: 0, networkError: true },
      { status: 200, body: fileAnswer },
    ]);

    await expect(client.upload('/files', png(), { schema: fileSchema })).resolves.toMatchObject({ id: 'file_123' });
    expect(sent).toHaveLength(2);
  });

  it('stops the upload when the caller aborts', async () => {
    sessionEndpoint();
    const { client, aborted } = uploadClient([{ status: 200, body: fileAnswer }]);
    const controller = new AbortController();

    const pending = client.upload('/files', png(), { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort(new DOMException('Left the page.', 'AbortError'));

    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'Left the page.' });
    expect(aborted).toHaveLength(1);
  });

  it('refuses a path that is not a plain component API path', async () => {
    const { client, sent } = uploadClient([]);
    await expect(client.upload('/files?purpose=x', png())).rejects.toThrow('Not a component API path');
    expect(sent).toHaveLength(0);
  });
});

describe('uploads through a transport without its own upload', () => {
  it('sends the file as the file field of a form and reports it done when answered', async () => {
    const requests: AtriumRequest[] = [];
    const client = createAtriumClientFrom({
      session: () => Promise.reject(new Error('not needed')),
      send: (request) => {
        requests.push(request);
        return Promise.resolve(fileAnswer);
      },
    });
    const progress: UploadProgress[] = [];

    await client.upload('/files', png(), {
      query: { purpose: 'identity_document' },
      onProgress: (p) => progress.push(p),
    });

    expect(requests[0]).toMatchObject({ method: 'POST', path: '/files', query: { purpose: 'identity_document' } });
    const body = requests[0]?.body;
    expect(body instanceof FormData ? body.get('file') : undefined).toBeInstanceOf(Blob);
    expect(progress).toEqual([{ loadedBytes: 10, totalBytes: 10 }]);
  });
});
