import express from 'express';
import type { Request, Router } from 'express';
import type { AppContext } from '../../context';
import { ApiError } from '../../http/errors';
import { createFile, MAX_FILE_BYTES } from '../../services/files';

const readRaw = express.raw({ type: () => true, limit: MAX_FILE_BYTES });

/**
 * `POST /files?purpose=identity_document&filename=passport.png`, the body being the file itself.
 * A raw body keeps uploads simple for browsers (upload progress through XMLHttpRequest) and for
 * servers alike; the type is recognised from the content.
 */
export function mountFileUpload(
  router: Router,
  app: AppContext,
  authenticate: (req: Request) => Promise<{ accountId: string | null }>,
): void {
  router.post('/files', async (req, res, next) => {
    const { accountId } = await authenticate(req);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- body-parser middleware, called inline
    readRaw(req, res, (error?: unknown) => {
      if (error) {
        next(
          (error as { type?: string }).type === 'entity.too.large'
            ? new ApiError(413, 'invalid_request_error', 'Files may be at most 10 MB.', {
                code: 'file_too_large',
                beforeRun: true,
              })
            : error,
        );
        return;
      }
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const purpose = typeof req.query['purpose'] === 'string' ? req.query['purpose'] : '';
      const filename = typeof req.query['filename'] === 'string' ? req.query['filename'] : undefined;
      app.db
        .transaction('read committed', (tx) => createFile(tx, app.encryptor, { accountId, purpose, filename, content }))
        .then((file) => res.json(file), next);
    });
  });
}
