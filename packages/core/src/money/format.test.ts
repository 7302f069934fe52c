import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimal } from './format';

/** Intl separates with no-break spaces; tests compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('minorToDecimal', () => {
  it('writes exact decimals for every exponent', () => {
    expect(minorToDecimal(123456, 2)).toBe('1234.56');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(7, 3)).toBe('0.007');
    expect(minorToDecimal(1234, 0)).toBe('1234');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
  });
});

describe('formatMoney', () => {
  it('formats USD with two decimals in en-US', () => {
    expect(formatMoney(123456, 'usd', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(-5, 'usd', 'en-US')).toBe('-$0.05');
  });

  it('formats JPY without decimals', () => {
    expect(formatMoney(1234, 'jpy', 'en-US')).toBe('¥1,234');
    expect(formatMoney(1234, 'jpy', 'ja-JP')).toBe('￥1,234');
  });

  it('formats KWD with three decimals', () => {
    expect(plain(formatMoney(1234, 'kwd', 'en-US'))).toBe('KWD 1.234');
  });

  it('formats EUR in German and French styles', () => {
    expect(plain(formatMoney(123456, 'eur', 'de-DE'))).toBe('1.234,56 €');
    expect(plain(formatMoney(123456, 'eur', 'fr-FR'))).toBe('1 234,56 €');
  });

  it('is exact beyond the range where a float would lose cents', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'usd', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});
