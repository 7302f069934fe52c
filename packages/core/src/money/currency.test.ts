import { describe, expect, it } from 'vitest';
import { CURRENCIES, MAX_AMOUNT_MINOR, currencyExponent, currencySchema, isCurrency, maxAmountMinor } from './currency';

describe('currencies', () => {
  it('take their exponents from ISO 4217: JPY 0, USD 2, KWD 3', () => {
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('usd')).toBe(2);
    expect(currencyExponent('eur')).toBe(2);
    expect(currencyExponent('kwd')).toBe(3);
    expect(currencyExponent('bhd')).toBe(3);
    expect(currencyExponent('isk')).toBe(0);
  });

  it('are lowercase codes of real money, without metals, test codes or fund codes', () => {
    expect(CURRENCIES).toContain('usd');
    expect(CURRENCIES).toContain('xof');
    for (const code of ['xau', 'xxx', 'xts', 'xdr', 'usn', 'clf']) expect(isCurrency(code)).toBe(false);
    expect(CURRENCIES.every((code) => /^[a-z]{3}$/.test(code))).toBe(true);
    expect(CURRENCIES.length).toBeGreaterThan(150);
  });

  it('are refused in upper case or when unknown', () => {
    expect(currencySchema.safeParse('usd').success).toBe(true);
    expect(currencySchema.safeParse('USD').success).toBe(false);
    expect(currencySchema.safeParse('abc').success).toBe(false);
    expect(currencySchema.safeParse('usdollar').success).toBe(false);
  });

  it('throw when asked for the exponent of an unknown code, a caller bug', () => {
    expect(() => currencyExponent('abc')).toThrow(RangeError);
  });
});

describe('the largest amount of one operation', () => {
  it("is Stripe's eight digits of minor units for zero- and two-decimal currencies", () => {
    expect(MAX_AMOUNT_MINOR).toBe(99_999_999);
    expect(maxAmountMinor('usd')).toBe(99_999_999);
    expect(maxAmountMinor('jpy')).toBe(99_999_999);
  });

  it('keeps 999,999 whole units for three-decimal currencies', () => {
    expect(maxAmountMinor('kwd')).toBe(999_999_999);
  });
});
