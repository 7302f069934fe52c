import { ApiError } from './errors';

export interface RateLimit {
  /** Requests per second refilled. */
  perSecond: number;
  /** How many requests may arrive at once after a quiet spell. */
  burst: number;
}

/**
 * Token buckets keyed by caller (a secret key, an embedded session's account). Each instance keeps
 * its own buckets in memory, so N instances allow N times the rate; the limit protects an
 * instance and the database from one noisy caller rather than enforcing a contract.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxCallers = 10_000;
  return (caller: string): void => {
    const time = now();
    if (buckets.size > maxCallers) forgetIdle(buckets, limit, time);
    const bucket = buckets.get(caller) ?? { tokens: limit.burst, at: time };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((time - bucket.at) / 1000) * limit.perSecond);
    bucket.at = time;
    if (bucket.tokens < 1) {
      buckets.set(caller, bucket);
      const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new ApiError(429, 'rate_limit_error', 'Too many requests hit the API too quickly. Retry after a moment.', {
        code: 'rate_limit',
        headers: { 'Retry-After': String(waitSeconds) },
        beforeRun: true,
      });
    }
    bucket.tokens -= 1;
    buckets.set(caller, bucket);
  };
}

/** Drops callers whose buckets have refilled: they would start full again anyway. */
function forgetIdle(buckets: Map<string, { tokens: number; at: number }>, limit: RateLimit, time: number): void {
  for (const [caller, bucket] of buckets) {
    if (bucket.tokens + ((time - bucket.at) / 1000) * limit.perSecond >= limit.burst) buckets.delete(caller);
  }
}
