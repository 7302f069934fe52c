import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxAmountMinor } from './currency';
import { formatMoney } from './format';
import { parseMoneyInput } from './parse';

describe('parseMoneyInput', () => {
  it('reads USD as en-US writes it', () => {
    expect(parseMoneyInput('1,234.56', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoneyInput('1234.5', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 123450 });
    expect(parseMoneyInput('  12 ', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 1200 });
    expect(parseMoneyInput('.5', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 50 });
    expect(parseMoneyInput('$1,234.56', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoneyInput('0', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 0 });
  });

  it('reads EUR as de-DE writes it', () => {
    expect(parseMoneyInput('1.234,56', 'eur', 'de-DE')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoneyInput('1234,56 €', 'eur', 'de-DE')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoneyInput('12.345', 'eur', 'de-DE')).toEqual({ ok: true, amountMinor: 1234500 });
  });

  it('reads EUR as fr-FR writes it, with any kind of space between groups', () => {
    expect(parseMoneyInput('1 234,56', 'eur', 'fr-FR')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoneyInput('1\u202f234,56\u00a0€', 'eur', 'fr-FR')).toEqual({ ok: true, amountMinor: 123456 });
  });

  it('reads JPY, which has no decimals', () => {
    expect(parseMoneyInput('1,234', 'jpy', 'ja-JP')).toEqual({ ok: true, amountMinor: 1234 });
    expect(parseMoneyInput('￥1,234', 'jpy', 'ja-JP')).toEqual({ ok: true, amountMinor: 1234 });
    expect(parseMoneyInput('12.5', 'jpy', 'ja-JP')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('reads KWD with three decimals', () => {
    expect(parseMoneyInput('12.345', 'kwd', 'en-US')).toEqual({ ok: true, amountMinor: 12345 });
    expect(parseMoneyInput('12.3456', 'kwd', 'en-US')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('refuses more decimals than the currency has', () => {
    expect(parseMoneyInput('1.234', 'usd', 'en-US')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseMoneyInput('1,234', 'eur', 'fr-FR')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('refuses what is not a number in the locale', () => {
    for (const text of ['', ' ', 'abc', '１２３', '1.234,56', '1,2', '12,34.5', '1e5', '+5', '1 234', '--5', '.']) {
      expect(parseMoneyInput(text, 'usd', 'en-US')).toEqual({ ok: false, reason: 'not_a_number' });
    }
    expect(parseMoneyInput('1,234.56', 'eur', 'de-DE')).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('refuses negative amounts', () => {
    expect(parseMoneyInput('-5', 'usd', 'en-US')).toEqual({ ok: false, reason: 'negative' });
    expect(parseMoneyInput('−5,00 €', 'eur', 'de-DE')).toEqual({ ok: false, reason: 'negative' });
  });

  it('refuses amounts above the currency maximum', () => {
    expect(parseMoneyInput('999,999.99', 'usd', 'en-US')).toEqual({ ok: true, amountMinor: 99_999_999 });
    expect(parseMoneyInput('1,000,000.00', 'usd', 'en-US')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseMoneyInput('99999999999999999999', 'usd', 'en-US')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('reads back whatever formatMoney writes', () => {
    const cases = fc.constantFrom('usd', 'eur', 'jpy', 'kwd', 'chf', 'inr', 'bhd').chain((currency) =>
      fc.record({
        currency: fc.constant(currency),
        locale: fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', 'es-ES', 'en-IN', 'de-CH', 'it-IT', 'nl-NL'),
        amountMinor: fc.integer({ min: 0, max: maxAmountMinor(currency) }),
      }),
    );
    fc.assert(
      fc.property(cases, ({ currency, locale, amountMinor }) => {
        expect(parseMoneyInput(formatMoney(amountMinor, currency, locale), currency, locale)).toEqual({
          ok: true,
          amountMinor,
        });
      }),
    );
  });
});
