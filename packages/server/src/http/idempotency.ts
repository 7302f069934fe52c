import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { IdempotencyClaim } from '../store/operation';
import type { EmbeddedAuth, PlatformAuth } from './auth';
import { invalidRequest } from './errors';

const MAX_KEY_LENGTH = 255;

/**
 * The idempotency claim for a write, from its `Idempotency-Key` header. Keys are scoped to who
 * sent them: the secret key and the account acted for, or the embedded session's account.
 */
export function idempotencyClaim(req: Request, auth: PlatformAuth | EmbeddedAuth): IdempotencyClaim | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw invalidRequest(
      `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters without spaces.`,
      undefined,
      'idempotency_key_invalid',
    );
  }
  const scope =
    auth.kind === 'platform' ? `platform:${auth.keyId}:${auth.onBehalfOf ?? ''}` : `embedded:${auth.accountId}`;
  return { scope, key, requestHash: requestHash(req) };
}

/** A hash of the method, path and parameters, with object keys sorted so order does not matter. */
export function requestHash(req: Request): string {
  const canonical = JSON.stringify([req.method, req.originalUrl.split('?')[0], sortKeys(req.body)]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A value with every object's keys in order, so equal values stringify to equal JSON. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
