import type { Currency } from './currency';
import { currencyExponent } from './currency';

/**
 * Writes minor units as an exact decimal string: `minorToDecimal(-123456, 2)` is `"-1234.56"`.
 * `Intl.NumberFormat` formats such strings exactly, so no amount passes through a float.
 */
export function minorToDecimal(amountMinor: number, exponent: number): `${number}` {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Amount ${amountMinor} is not a safe integer`);
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${sign}${whole}${exponent > 0 ? `.${fraction}` : ''}` as `${number}`;
}

const FORMATTER_CACHE_LIMIT = 200;
const formatters = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and currency: building one costs far more than using it. */
function currencyFormatter(currency: Currency, locale: string): Intl.NumberFormat {
  const cacheKey = `${locale}\u0001${currency}`;
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    const exponent = currencyExponent(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/**
 * An amount for people to read, in the locale's style, with exactly the currency's ISO 4217
 * decimals: `formatMoney(123456, 'eur', 'de-DE')` is `"1.234,56 €"`, `formatMoney(1234, 'jpy',
 * 'en-US')` is `"¥1,234"`, `formatMoney(1234, 'kwd', 'en-US')` is `"KWD 1.234"`.
 */
export function formatMoney(amountMinor: number, currency: Currency, locale: string): string {
  return currencyFormatter(currency, locale).format(minorToDecimal(amountMinor, currencyExponent(currency)));
}
