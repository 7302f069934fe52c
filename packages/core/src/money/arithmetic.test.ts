import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinor, checkAmount, multiplyMinor, subtractMinor, sumMinor } from './arithmetic';

describe('minor-unit arithmetic', () => {
  it('adds, subtracts and multiplies exactly within the safe range', () => {
    expect(addMinor(1999, 1)).toBe(2000);
    expect(subtractMinor(100, 250)).toBe(-150);
    expect(multiplyMinor(-333, 3)).toBe(-999);
    expect(sumMinor([1, 2, 3, -6])).toBe(0);
    expect(sumMinor([])).toBe(0);
  });

  it('throws on overflow instead of rounding', () => {
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => subtractMinor(Number.MIN_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => multiplyMinor(2 ** 30, 2 ** 30)).toThrow(RangeError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1, -1])).toThrow(RangeError);
  });

  it('throws on inputs that are not safe integers', () => {
    expect(() => addMinor(0.1, 0.2)).toThrow(RangeError);
    expect(() => addMinor(Number.NaN, 1)).toThrow(RangeError);
    expect(() => multiplyMinor(10, 1.5)).toThrow(RangeError);
  });

  it('agrees with BigInt arithmetic whenever it answers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
        const exact = BigInt(a) + BigInt(b);
        const safe = exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= BigInt(Number.MIN_SAFE_INTEGER);
        if (safe) expect(BigInt(addMinor(a, b))).toBe(exact);
        else expect(() => addMinor(a, b)).toThrow(RangeError);
      }),
    );
  });
});

describe('checkAmount', () => {
  it('accepts a positive integer up to the currency maximum', () => {
    expect(checkAmount(1, 'usd')).toEqual({ ok: true });
    expect(checkAmount(99_999_999, 'usd')).toEqual({ ok: true });
    expect(checkAmount(999_999_999, 'kwd')).toEqual({ ok: true });
  });

  it('says what is wrong with anything else', () => {
    expect(checkAmount(0, 'usd')).toEqual({ ok: false, problem: 'not_positive' });
    expect(checkAmount(-5, 'usd')).toEqual({ ok: false, problem: 'not_positive' });
    expect(checkAmount(1.5, 'usd')).toEqual({ ok: false, problem: 'not_an_integer' });
    expect(checkAmount('100', 'usd')).toEqual({ ok: false, problem: 'not_an_integer' });
    expect(checkAmount(100_000_000, 'usd')).toEqual({ ok: false, problem: 'too_large' });
    expect(checkAmount(100_000_000, 'jpy')).toEqual({ ok: false, problem: 'too_large' });
    expect(checkAmount(100, 'USD')).toEqual({ ok: false, problem: 'unknown_currency' });
    expect(checkAmount(100, 'xau')).toEqual({ ok: false, problem: 'unknown_currency' });
  });
});
