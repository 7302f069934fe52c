import type { EmbeddedSession } from '@atrium/core';
import type { z } from 'zod/mini';
import { AtriumResponseError } from './errors';
import type { QueryParams } from './query';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** A JSON object body, or `FormData` for file uploads. */
export type RequestBody = Readonly<Record<string, unknown>> | FormData;

/** One call to the component API, with `path` relative to `/v1/embedded` (for example `/payouts`). */
export interface AtriumRequest {
  method: HttpMethod;
  path: string;
  query?: QueryParams | undefined;
  body?: RequestBody | undefined;
  /** Reused on every retry of this call; a fresh one is made for each write when absent. */
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** How much of an upload has reached the server. */
export interface UploadProgress {
  loadedBytes: number;
  totalBytes: number;
}

/** One file upload: `POST` with the file itself as the body (`path` relative to `/v1/embedded`). */
export interface AtriumUploadRequest {
  path: string;
  query?: QueryParams | undefined;
  file: Blob;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/**
 * A claimed session as the client holds it: the BFF's answer, and how far the BFF's clock is ahead
 * of this browser's (its `now` less the browser's time when the answer came; 0 when the BFF sent no
 * time). In test mode the test clock can be days ahead.
 */
export interface ClaimedSession extends EmbeddedSession {
  clockOffsetSeconds?: number;
}

/**
 * What a client needs underneath: the session and a way to send one call and get its parsed JSON.
 * The HTTP client implements it; so does the fake client of `@atrium/react/testing`. `upload`
 * is optional: without it a file goes through `send` as the `file` field of a `FormData`, and
 * its progress is reported once, when the answer arrives.
 */
export interface AtriumTransport {
  session(signal?: AbortSignal): Promise<ClaimedSession>;
  send(request: AtriumRequest): Promise<unknown>;
  upload?(request: AtriumUploadRequest): Promise<unknown>;
}

export interface CallOptions {
  query?: QueryParams;
  signal?: AbortSignal;
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Pass the same key again to make a retried user action (a second click) the same request. */
  idempotencyKey?: string;
}

export interface UploadOptions extends WriteOptions {
  query?: QueryParams;
  /** Called as the file goes out, for a progress bar. */
  onProgress?: (progress: UploadProgress) => void;
}

type WithSchema<O, S> = O & { schema: S };

/** The typed client for `/v1/embedded/*`. Give a zod schema to have the answer checked and typed. */
export interface AtriumClient {
  /** The session (claimed on first use): its account and the components and features it grants. */
  session(signal?: AbortSignal): Promise<ClaimedSession>;
  get<S extends z.ZodMiniType>(path: string, options: WithSchema<CallOptions, S>): Promise<z.output<S>>;
  get(path: string, options?: CallOptions): Promise<unknown>;
  post<S extends z.ZodMiniType>(
    path: string,
    body: RequestBody | undefined,
    options: WithSchema<WriteOptions, S>,
  ): Promise<z.output<S>>;
  post(path: string, body?: RequestBody, options?: WriteOptions): Promise<unknown>;
  delete<S extends z.ZodMiniType>(path: string, options: WithSchema<WriteOptions, S>): Promise<z.output<S>>;
  delete(path: string, options?: WriteOptions): Promise<unknown>;
  /** Sends a file as the body of a `POST` (`/files?purpose=identity_document`), reporting progress. */
  upload<S extends z.ZodMiniType>(
    path: string,
    file: Blob,
    options: WithSchema<UploadOptions, S>,
  ): Promise<z.output<S>>;
  upload(path: string, file: Blob, options?: UploadOptions): Promise<unknown>;
}

interface AnyOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  idempotencyKey?: string;
  schema?: z.ZodMiniType;
  onProgress?: (progress: UploadProgress) => void;
}

/** An upload through a transport that has no `upload` of its own: the file as a form field. */
async function uploadThroughSend(transport: AtriumTransport, request: AtriumUploadRequest): Promise<unknown> {
  const form = new FormData();
  form.set('file', request.file);
  const { path, query, idempotencyKey, signal } = request;
  const answer = await transport.send({ method: 'POST', path, query, body: form, idempotencyKey, signal });
  request.onProgress?.({ loadedBytes: request.file.size, totalBytes: request.file.size });
  return answer;
}

/**
 * The problems of an answer that breaks its contract, for the developer who reads the error: each
 * path with zod's message and the issue's code and expectation. The browser's schemas are on
 * zod/mini, which loads no English messages, so the message alone is often just "Invalid input".
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the answer)';
      const expected =
        'expected' in issue
          ? `, expected ${String(issue.expected)}`
          : 'values' in issue
            ? `, expected one of ${issue.values.map(String).join(', ')}`
            : '';
      return `${path}: ${issue.message} (${issue.code}${expected})`;
    })
    .join('; ');
}

/** Builds the typed client over a transport; answers are checked against the schema when one is given. */
export function createAtriumClientFrom(transport: AtriumTransport): AtriumClient {
  const check = (request: { method: string; path: string }, data: unknown, schema: z.ZodMiniType | undefined) => {
    if (schema === undefined) return data;
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    throw new AtriumResponseError(
      `The answer to ${request.method} ${request.path} does not match its contract: ${describeIssues(parsed.error.issues)}`,
      { status: 200, requestId: undefined, cause: parsed.error },
    );
  };
  const call = async (request: AtriumRequest, schema: z.ZodMiniType | undefined): Promise<unknown> =>
    check(request, await transport.send(request), schema);
  const upload = async (request: AtriumUploadRequest, schema: z.ZodMiniType | undefined): Promise<unknown> => {
    const data = transport.upload ? await transport.upload(request) : await uploadThroughSend(transport, request);
    return check({ method: 'POST', path: request.path }, data, schema);
  };
  return {
    session: (signal) => transport.session(signal),
    get: (path: string, options: AnyOptions = {}) =>
      call({ method: 'GET', path, query: options.query, signal: options.signal }, options.schema),
    post: (path: string, body?: RequestBody, options: AnyOptions = {}) =>
      call(
        { method: 'POST', path, body, signal: options.signal, idempotencyKey: options.idempotencyKey },
        options.schema,
      ),
    delete: (path: string, options: AnyOptions = {}) =>
      call({ method: 'DELETE', path, signal: options.signal, idempotencyKey: options.idempotencyKey }, options.schema),
    upload: (path: string, file: Blob, options: AnyOptions = {}) =>
      upload(
        {
          path,
          file,
          query: options.query,
          signal: options.signal,
          idempotencyKey: options.idempotencyKey,
          onProgress: options.onProgress,
        },
        options.schema,
      ),
  };
}
