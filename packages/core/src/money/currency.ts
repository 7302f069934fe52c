import { data as iso4217, publishDate } from 'currency-codes';
import { z } from 'zod/mini';

/**
 * ISO 4217 entries that are not money a payment can be made in: precious metals, bond-market
 * units, units of account, the testing code and "no currency" (ISO lists these without a minor
 * unit, "N.A."), and fund codes (ISO's `IsFund`, for example USN "US Dollar (Next day)").
 */
// prettier-ignore
const NOT_PAYMENT_CURRENCIES = new Set([
  'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX',
  'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW',
]);

/** Minor-unit exponents by lowercase code, from the ISO 4217 list that `currency-codes` ships. */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  iso4217
    .filter((entry) => !NOT_PAYMENT_CURRENCIES.has(entry.code))
    .map((entry) => [entry.code.toLowerCase(), entry.digits]),
);

/** The date of the ISO 4217 list the exponents come from. */
export const ISO_4217_PUBLISHED: string = publishDate;

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
