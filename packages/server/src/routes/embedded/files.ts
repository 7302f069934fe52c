import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../../context';
import { ApiError, invalidRequest } from '../../http/errors';
import { createFile, MAX_FILE_BYTES } from '../../services/files';

const readRaw = express.raw({ type: () => true, limit: MAX_FILE_BYTES });

/** Multipart uploads (what the stripe SDK's `files.create` sends): one `file` part, kept in memory. */
const readMultipart = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1024 },
}).single('file');

/**
 * Uploads in progress at once, per instance: for one owner (a connected account, or the platform
 * itself), and in all. Each holds up to 10 MB in memory, and on PGlite every other query waits
 * while one is stored, so a burst of them must not pile up. A slot is taken before the body is
 * read and given back when the upload is answered.
 */
export const UPLOAD_LIMITS = { perOwner: 2, total: 4 } as const;
const UPLOAD_RETRY_AFTER_SECONDS = 1;

const tooLarge = () =>
  new ApiError(413, 'invalid_request_error', 'Files may be at most 10 MB.', {
    code: 'file_too_large',
    beforeRun: true,
  });

const tooManyUploads = (whose: 'owner' | 'total') =>
  new ApiError(
    429,
    'rate_limit_error',
    whose === 'owner'
      ? 'Too many uploads are in progress for this account. Retry once one has finished.'
      : 'Too many uploads are in progress. Retry after a moment.',
    {
      code: 'rate_limit',
      headers: { 'Retry-After': String(UPLOAD_RETRY_AFTER_SECONDS), 'Stripe-Should-Retry': 'true' },
      beforeRun: true,
    },
  );

/** Counts uploads in progress; `take` refuses one beyond `limits` with a 429. */
export function createUploadSlots(limits: { perOwner: number; total: number }) {
  const held = new Map<string, number>();
  let total = 0;
  return {
    /** How many slots are taken. */
    inProgress: (): number => total,
    /** Takes a slot for `owner`, or throws; the returned function gives it back (once). */
    take(owner: string): () => void {
      const owned = held.get(owner) ?? 0;
      if (owned >= limits.perOwner) throw tooManyUploads('owner');
      if (total >= limits.total) throw tooManyUploads('total');
      held.set(owner, owned + 1);
      total += 1;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        const left = (held.get(owner) ?? 0) - 1;
        total -= 1;
        if (left < 0 || total < 0) throw new Error('An upload slot was given back twice');
        if (left === 0) held.delete(owner);
        else held.set(owner, left);
      };
    },
  };
}

/** Runs the works given to it one after another, in the order given, whether each succeeds or not. */
function inTurn() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Per app, shared by the platform's and the components' upload routes: the slots, and the turn in
 * which uploads are stored. On PGlite every query waits while another runs, so uploads are stored
 * one at a time and other requests' queries get their turn between two of them instead of behind
 * all of them. PostgreSQL stores them side by side.
 */
interface UploadState {
  slots: ReturnType<typeof createUploadSlots>;
  store: <T>(work: () => Promise<T>) => Promise<T>;
}
const uploadStateOfApp = new WeakMap<AppContext, UploadState>();

function uploadStateOf(app: AppContext): UploadState {
  let state = uploadStateOfApp.get(app);
  if (!state) {
    state = {
      slots: createUploadSlots(UPLOAD_LIMITS),
      store: app.db.kind === 'pglite' ? inTurn() : (work) => work(),
    };
    uploadStateOfApp.set(app, state);
  }
  return state;
}

/** How many uploads `app` has in progress, on both routes. */
export function uploadsInProgress(app: AppContext): number {
  return uploadStateOfApp.get(app)?.slots.inProgress() ?? 0;
}

/** The raw body parser's failure as the API says it: too large is a 413, the rest its own 4xx. */
function rawError(error: unknown): Error {
  if ((error as { type?: string }).type === 'entity.too.large') return tooLarge();
  return error instanceof Error ? error : new Error(String(error));
}

/** multer's failure as the API says it: too large is a 413, any malformed form a 400. */
function multipartError(error: unknown): Error {
  if (error instanceof multer.MulterError) {
    return error.code === 'LIMIT_FILE_SIZE'
      ? tooLarge()
      : invalidRequest(`The upload is not one file in a part named 'file' (${error.code}).`, 'file', 'file_invalid');
  }
  // busboy's own errors (no boundary, a body that is not a form, a form cut short) are the
  // client's: nothing else fails while a form is read into memory.
  const reason = error instanceof Error ? error.message : String(error);
  return invalidRequest(`The upload is not a valid multipart form (${reason}).`, 'file', 'file_invalid');
}

/** Runs a body parser in line, as a promise, with its failures mapped by `mapError`. */
function parse(
  parser: express.RequestHandler,
  mapError: (error: unknown) => Error,
  req: Request,
  res: Response,
): Promise<void> {
  return new Promise((resolve, reject) => {
    void parser(req, res, (error?: unknown) => (error ? reject(mapError(error)) : resolve()));
  });
}

/** The upload's purpose, file name and content, from either form of the request. */
async function readUpload(req: Request, res: Response) {
  if (req.is('multipart/form-data')) {
    await parse(readMultipart, multipartError, req, res);
    const purpose = (req.body as Record<string, unknown> | undefined)?.['purpose'];
    return { purpose, filename: req.file?.originalname, content: req.file?.buffer ?? Buffer.alloc(0) };
  }
  await parse(readRaw, rawError, req, res);
  return {
    purpose: req.query['purpose'],
    filename: typeof req.query['filename'] === 'string' ? req.query['filename'] : undefined,
    content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

/**
 * `POST /files`, in either of two forms:
 * - multipart/form-data with a `purpose` field and a `file` part, as Stripe's API and its SDKs
 *   send it (`stripe.files.create({ purpose, file: { data, name } })`);
 * - `?purpose=identity_document&filename=passport.png` with the file itself as the body, which
 *   keeps browser uploads simple (upload progress through XMLHttpRequest).
 * The type is recognised from the content either way. Beyond `UPLOAD_LIMITS` uploads in progress
 * the answer is a 429 with `Retry-After`, before the body is read.
 */
export function mountFileUpload(
  router: Router,
  app: AppContext,
  authenticate: (req: Request) => Promise<{ accountId: string | null }>,
): void {
  const { slots, store } = uploadStateOf(app);
  router.post('/files', async (req: Request, res: Response, next: NextFunction) => {
    let giveBack: (() => void) | undefined;
    try {
      const { accountId } = await authenticate(req);
      giveBack = slots.take(accountId === null ? 'platform' : `account:${accountId}`);
      const { purpose, filename, content } = await readUpload(req, res);
      const file = await store(() =>
        app.db.transaction('read committed', (tx) =>
          createFile(tx, app.encryptor, {
            accountId,
            purpose: typeof purpose === 'string' ? purpose : '',
            filename,
            content,
          }),
        ),
      );
      res.json(file);
    } catch (error) {
      next(error);
    } finally {
      giveBack?.();
    }
  });
}
