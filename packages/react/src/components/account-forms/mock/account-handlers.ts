import type { EmbeddedSession } from '@atrium/core';
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { embeddedApiHandlers } from '../../../storybook/msw-handlers';
import type { FakeRoutes } from '../../../testing/routes';
import { sniffDocumentType } from '../document-upload/file-checks';
import type { MockAccountState } from './mock-account';
import { mockAccountApi, mockFileObject } from './mock-account-api';
import type { MockAccountApi, MockAccountApiOptions } from './mock-account-api';

export interface AccountScenarioOptions extends MockAccountApiOptions {
  session?: Partial<EmbeddedSession>;
  /** How long an upload waits for its answer, to see the progress bar. */
  uploadDelayMs?: number;
  /** Delays every component API answer; `'infinite'` keeps a story loading. */
  delayMs?: number | 'infinite';
  /** The first write to this path is answered `session_expired`, as when a session runs out while someone types. */
  expireFirstWriteTo?: string;
  /** The first write to `path` is refused on `param`, as by a server check the browser cannot make. */
  refuseFirstWrite?: { path: string; param: string; message: string };
  /** More handlers, tried before the account's (payouts, failures). */
  extra?: HttpHandler[];
}

/** Handlers for a story, and `reset` for its `beforeEach`, so every run starts from the same account. */
export interface AccountScenario {
  handlers: HttpHandler[];
  reset: () => void;
  /** The account as it is now, for assertions. */
  state: () => MockAccountState;
}

function errorReply(status: number, error: Record<string, string>) {
  return HttpResponse.json({ error }, { status, headers: { 'Request-Id': 'req_storybook' } });
}

/**
 * Mock Service Worker handlers for the account components over an account made by `make`: the
 * account routes (see `mockAccountApi`), file uploads with the BFF's content check, optional
 * failures, and the rest of the component API from the shared canned handlers.
 */
export function accountScenario(make: () => MockAccountState, options: AccountScenarioOptions = {}): AccountScenario {
  let api: MockAccountApi = mockAccountApi(make(), options);
  let expired = false;
  let refused = false;
  let files = 0;
  // The routes stay the same objects for msw; each call goes to the current account.
  const routes: FakeRoutes = Object.fromEntries(
    Object.keys(api.routes).map((key) => [
      key,
      (request: Parameters<FakeRoutes[string]>[0]) => api.routes[key]?.(request),
    ]),
  );
  const failures: HttpHandler[] = [
    http.post('*/v1/embedded/*', ({ request }) => {
      const path = new URL(request.url).pathname.replace(/^.*\/v1\/embedded/, '');
      if (options.expireFirstWriteTo === path && !expired) {
        expired = true;
        return errorReply(401, {
          type: 'authentication_error',
          code: 'session_expired',
          message: 'The session expired.',
        });
      }
      const refusal = options.refuseFirstWrite;
      if (refusal?.path === path && !refused) {
        refused = true;
        return errorReply(400, {
          type: 'invalid_request_error',
          code: 'parameter_invalid',
          message: refusal.message,
          param: refusal.param,
        });
      }
      return undefined;
    }),
  ];
  const upload = http.post('*/v1/embedded/files', async ({ request }) => {
    const content = new Uint8Array(await request.arrayBuffer());
    await delay(options.uploadDelayMs ?? 400);
    if (sniffDocumentType(content.slice(0, 8)) === undefined) {
      return errorReply(400, {
        type: 'invalid_request_error',
        code: 'file_type_unsupported',
        message: 'The file must be a PDF, PNG or JPEG.',
        param: 'file',
      });
    }
    const url = new URL(request.url);
    const nextId = (prefix: string) => `${prefix}_1Story${String((files += 1)).padStart(10, '0')}`;
    const purpose = url.searchParams.get('purpose') ?? 'identity_document';
    return HttpResponse.json(mockFileObject(purpose, url.searchParams.get('filename') ?? '', content.length, nextId));
  });
  return {
    handlers: [
      ...(options.extra ?? []),
      ...failures,
      upload,
      ...embeddedApiHandlers({ routes, session: options.session, delayMs: options.delayMs }),
    ],
    reset: () => {
      api = mockAccountApi(make(), options);
      expired = false;
      refused = false;
    },
    state: () => api.state,
  };
}
