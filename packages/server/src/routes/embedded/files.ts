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

const tooLarge = () =>
  new ApiError(413, 'invalid_request_error', 'Files may be at most 10 MB.', {
    code: 'file_too_large',
    beforeRun: true,
  });

/** A body parser's failure as the API says it: too large is a 413, a malformed upload a 400. */
function uploadError(error: unknown): Error {
  if ((error as { type?: string }).type === 'entity.too.large') return tooLarge();
  if (error instanceof multer.MulterError) {
    return error.code === 'LIMIT_FILE_SIZE'
      ? tooLarge()
      : invalidRequest(`The upload is not one file in a part named 'file' (${error.code}).`, 'file', 'file_invalid');
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs a body parser in line, as a promise. */
function parse(parser: express.RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void parser(req, res, (error?: unknown) => (error ? reject(uploadError(error)) : resolve()));
  });
}

/**
 * `POST /files`, in either of two forms:
 * - multipart/form-data with a `purpose` field and a `file` part, as Stripe's API and its SDKs
 *   send it (`stripe.files.create({ purpose, file: { data, name } })`);
 * - `?purpose=identity_document&filename=passport.png` with the file itself as the body, which
 *   keeps browser uploads simple (upload progress through XMLHttpRequest).
 * The type is recognised from the content either way.
 */
export function mountFileUpload(
  router: Router,
  app: AppContext,
  authenticate: (req: Request) => Promise<{ accountId: string | null }>,
): void {
  router.post('/files', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { accountId } = await authenticate(req);
      let purpose: unknown;
      let filename: string | undefined;
      let content: Buffer;
      if (req.is('multipart/form-data')) {
        await parse(readMultipart, req, res);
        purpose = (req.body as Record<string, unknown> | undefined)?.['purpose'];
        filename = req.file?.originalname;
        content = req.file?.buffer ?? Buffer.alloc(0);
      } else {
        await parse(readRaw, req, res);
        purpose = req.query['purpose'];
        filename = typeof req.query['filename'] === 'string' ? req.query['filename'] : undefined;
        content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      }
      const file = await app.db.transaction('read committed', (tx) =>
        createFile(tx, app.encryptor, {
          accountId,
          purpose: typeof purpose === 'string' ? purpose : '',
          filename,
          content,
        }),
      );
      res.json(file);
    } catch (error) {
      next(error);
    }
  });
}
