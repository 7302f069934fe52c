import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { randomBase62 } from '../ids';

declare module 'express-serve-static-core' {
  interface Request {
    /** `req_...`, echoed in the `Request-Id` header and in every log line about this request. */
    requestId: string;
  }
}

/**
 * The path as logged: without its query, and with an account link's token (a one-time bearer
 * credential in the URL) replaced.
 */
export function loggedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  // Anywhere in the path and in any case: Express matches routes case-insensitively, and a
  // doubled slash (`//connect/link/...`) reaches no route but must not log the token either.
  return path.replace(/\/connect\/+link\/+[^/]+/gi, '/connect/link/[redacted]');
}

/** Gives every request an id and logs one line when its response is finished. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.requestId = `req_${randomBase62(14)}`;
    res.setHeader('Request-Id', req.requestId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId: req.requestId,
          method: req.method,
          path: loggedPath(req.originalUrl),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
