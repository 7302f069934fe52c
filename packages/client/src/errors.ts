import type { ApiErrorType } from '@atrium/core';

/** The base of every error the client throws, so callers can tell Atrium's failures from their own. */
export class AtriumError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AtriumError';
  }
}

/**
 * The BFF answered with an error: Stripe's `{error: {type, code, message, param}}` and its status.
 * `param` names the field at fault in bracket notation, so forms can show the message beside it.
 */
export class AtriumApiError extends AtriumError {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly declineCode: string | undefined;
  /** The `Request-Id` header, which finds the request in the BFF's logs. */
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    type: ApiErrorType;
    message: string;
    code?: string | undefined;
    param?: string | undefined;
    declineCode?: string | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.name = 'AtriumApiError';
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
    this.param = init.param;
    this.declineCode = init.declineCode;
    this.requestId = init.requestId;
  }
}

/** The request never got an answer (offline, DNS, CORS, connection reset), even after retries. */
export class AtriumNetworkError extends AtriumError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AtriumNetworkError';
  }
}

/** The platform's `fetchClientSecret()` failed or gave something that is not a client secret. */
export class AtriumSessionError extends AtriumError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AtriumSessionError';
  }
}

/** A successful answer did not match its contract (not JSON, or refused by the response schema). */
export class AtriumResponseError extends AtriumError {
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(message: string, init: { status: number; requestId: string | undefined; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.name = 'AtriumResponseError';
    this.status = init.status;
    this.requestId = init.requestId;
  }
}
