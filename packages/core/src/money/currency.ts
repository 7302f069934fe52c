import { z } from 'zod/mini';
import { EXPONENT_GROUPS } from './currency-table';

export { ISO_4217_PUBLISHED } from './currency-table';

/**
 * Minor-unit exponents by lowercase code. The table is generated from the ISO 4217 list that
 * `currency-codes` ships (see currency.test.ts): a compact copy, so a browser bundle does not carry
 * the whole list with its names and countries (about 5 kB gzipped) to check a code.
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries(EXPONENT_GROUPS).flatMap(([digits, codes]) =>
    codes.split(' ').map((code) => [code, Number(digits)] as const),
  ),
);

/** Every currency Atrium accepts, as lowercase ISO 4217 codes (`usd`, `jpy`, `kwd`). */
export const CURRENCIES: readonly string[] = [...EXPONENTS.keys()].sort();

/** Whether `text` is a currency Atrium accepts: a lowercase ISO 4217 code of real money. */
export function isCurrency(text: string): boolean {
  return EXPONENTS.has(text);
}

/**
 * A currency as the API writes it: a lowercase three-letter ISO 4217 code, as Stripe does. Upper
 * case is refused rather than folded, so one currency has one spelling everywhere it is stored.
 */
export const currencySchema = z
  .string()
  .check(
    z.regex(/^[a-z]{3}$/, 'must be a lowercase three-letter ISO 4217 code'),
    z.refine(isCurrency, 'is not a currency Atrium supports'),
  );
export type Currency = z.infer<typeof currencySchema>;

/**
 * How many decimal places the currency's minor unit has (JPY 0, USD 2, KWD 3). An unknown code is
 * a broken invariant here: callers validate currencies at the edge with `currencySchema`.
 */
export function currencyExponent(currency: Currency): number {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) throw new RangeError(`Unknown currency '${currency}'`);
  return exponent;
}

/**
 * The largest amount of one payment, refund, transfer or payout, in minor units, for a currency of
 * two decimals: Stripe's eight-digit limit, 999,999.99.
 */
export const MAX_AMOUNT_MINOR = 99_999_999;

/**
 * The largest amount of one operation in this currency, in minor units. Eight digits of minor
 * units, like Stripe (¥99,999,999 for JPY, 999,999.99 for USD); currencies with more decimals keep
 * the same 999,999 whole units instead of losing a digit per decimal (999,999.999 for KWD), so a
 * three-decimal currency is not capped ten times lower than a two-decimal one.
 */
export function maxAmountMinor(currency: Currency): number {
  const digits = Math.max(8, 6 + currencyExponent(currency));
  return 10 ** digits - 1;
}
