export { createAtriumClient } from './http-client';
export type { AtriumClientOptions } from './http-client';
export { createAtriumClientFrom } from './client';
export type {
  AtriumClient,
  AtriumRequest,
  AtriumTransport,
  AtriumUploadRequest,
  CallOptions,
  ClaimedSession,
  HttpMethod,
  RequestBody,
  UploadOptions,
  UploadProgress,
  WriteOptions,
} from './client';
export { AtriumApiError, AtriumError, AtriumNetworkError, AtriumResponseError, AtriumSessionError } from './errors';
export { encodeQuery } from './query';
export { newIdempotencyKey } from './idempotency-key';
export type { QueryParams, QueryRange, QueryValue } from './query';
export { DEFAULT_RETRY_POLICY } from './retry';
export type { RetryPolicy } from './retry';
