import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DatabaseUnavailableError } from '../store/unavailable';

/** Stripe's error types; the `stripe` SDK picks its error class from these and the status. */
export type ApiErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error';

export interface ApiErrorDetails {
  code?: string;
  param?: string;
  declineCode?: string;
  /** Extra response headers, for example `Retry-After`. */
  headers?: Record<string, string>;
  /**
   * True when the request was refused before it ran (authentication, validation, rate limit).
   * Such answers are never stored against an idempotency key.
   */
  beforeRun?: boolean;
}

/** An expected failure with the HTTP status and the Stripe-shaped body it maps to. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly details: ApiErrorDetails;

  constructor(status: number, type: ApiErrorType, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.details = details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.details.code === undefined ? {} : { code: this.details.code }),
        ...(this.details.param === undefined ? {} : { param: this.details.param }),
        ...(this.details.declineCode === undefined ? {} : { decline_code: this.details.declineCode }),
      },
    };
  }
}

export interface ErrorBody {
  error: { type: ApiErrorType; message: string; code?: string; param?: string; decline_code?: string };
}

export const invalidRequest = (message: string, param?: string, code = 'parameter_invalid') =>
  new ApiError(400, 'invalid_request_error', message, {
    code,
    ...(param === undefined ? {} : { param }),
    beforeRun: true,
  });

export const notFound = (what: string, id: string, param?: string) =>
  new ApiError(404, 'invalid_request_error', `No such ${what}: '${id}'`, {
    code: 'resource_missing',
    ...(param === undefined ? {} : { param }),
  });

/** Answers every path nothing else handled with a Stripe-shaped 404. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(
    new ApiError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${req.baseUrl}${req.path}).`, {
      code: 'resource_missing',
      beforeRun: true,
    }),
  );
};

/** Body-parser and JSON errors carry a status and a type; they are the client's fault. */
function clientErrorFromParser(error: unknown): ApiError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (type === 'entity.too.large') {
    return new ApiError(413, 'invalid_request_error', 'Request body is too large.', {
      code: 'body_too_large',
      beforeRun: true,
    });
  }
  if (type === 'entity.parse.failed') {
    return invalidRequest('Request body is not valid JSON.', undefined, 'body_invalid');
  }
  return invalidRequest('Request body could not be read.', undefined, 'body_invalid');
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

/**
 * A database outage as a 503 `api_error` with `Retry-After` (and `Stripe-Should-Retry`, which the
 * `stripe` SDK obeys). Whether the request took effect may be unknown (see `UnavailableOutcome`),
 * so the answer tells the client to retry with the same idempotency key, which replays the stored
 * answer if it did.
 */
export function serviceUnavailable(): ApiError {
  return new ApiError(
    503,
    'api_error',
    'The service is temporarily unavailable. Retry the request with the same Idempotency-Key: if it took effect, the retry returns its answer.',
    {
      headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS), 'Stripe-Should-Retry': 'true' },
      beforeRun: true,
    },
  );
}

/** The last middleware: every error leaves as `{error: {...}}` JSON; unexpected ones are logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof DatabaseUnavailableError) {
      logger.warn({ requestId: req.requestId, reason: error.reason, outcome: error.outcome }, 'database unavailable');
    }
    const apiError =
      error instanceof ApiError
        ? error
        : error instanceof DatabaseUnavailableError
          ? serviceUnavailable()
          : clientErrorFromParser(error);
    if (apiError) {
      for (const [name, value] of Object.entries(apiError.details.headers ?? {})) res.setHeader(name, value);
      res.status(apiError.status).json(apiError.toBody());
      return;
    }
    logger.error({ err: error, requestId: req.requestId }, 'unhandled error');
    res.status(500).json({
      error: { type: 'api_error', message: 'An unexpected error occurred. The request id identifies it in the logs.' },
    } satisfies ErrorBody);
  };
}
