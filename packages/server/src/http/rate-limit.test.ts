import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { createRateLimiter } from './rate-limit';

describe('the rate limiter', () => {
  it('lets a burst through, then refuses with 429 and Retry-After, then refills over time', () => {
    let now = 0;
    const check = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    check('key_a');
    check('key_a');
    check('key_a');
    let refused: unknown;
    try {
      check('key_a');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).details.headers?.['Retry-After']).toBe('1');
    expect((refused as ApiError).details.beforeRun).toBe(true);
    now += 500;
    expect(() => {
      check('key_a');
    }).not.toThrow();
  });

  it('keeps callers apart', () => {
    const check = createRateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    check('key_a');
    expect(() => {
      check('key_b');
    }).not.toThrow();
    expect(() => {
      check('key_a');
    }).toThrow(ApiError);
  });
});
