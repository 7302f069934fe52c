import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry';

const policy = { maxRetries: 3, baseDelayMs: 400, maxDelayMs: 10_000 };

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds', () => {
    expect(retryDelayMs(0, '2', policy)).toBe(2_000);
  });

  it('honours Retry-After as an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryDelayMs(0, 'Tue, 01 Jan 2030 00:00:05 GMT', policy, Math.random, now)).toBe(5_000);
  });

  it('treats a Retry-After date in the past as no wait', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryDelayMs(0, 'Mon, 31 Dec 2029 23:59:00 GMT', policy, Math.random, now)).toBe(0);
  });

  it('refuses to wait longer than the policy allows', () => {
    expect(retryDelayMs(0, '60', policy)).toBeUndefined();
  });

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs(0, 'soon', policy, () => 1)).toBe(400);
  });

  it('doubles the backoff per retry, jittered between half and all of it, never past the maximum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
          const delay = retryDelayMs(retry, null, policy, () => r) ?? -1;
          return delay >= Math.floor(step / 2) && delay <= step;
        },
      ),
    );
  });
});
