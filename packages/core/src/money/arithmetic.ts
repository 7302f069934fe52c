import { isCurrency, maxAmountMinor } from './currency';

/**
 * Arithmetic on integer minor units. Every result must be a safe integer; anything else means a
 * bug upstream (a float, an unchecked sum), so it throws instead of rounding money silently.
 */

function assertSafe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} ${value} is not a safe integer of minor units`);
  return value;
}

/** `a + b` in minor units; throws if an input or the result is not a safe integer. */
export function addMinor(a: number, b: number): number {
  return assertSafe(assertSafe(a, 'Amount') + assertSafe(b, 'Amount'), 'Sum');
}

/** `a - b` in minor units; throws if an input or the result is not a safe integer. */
export function subtractMinor(a: number, b: number): number {
  return assertSafe(assertSafe(a, 'Amount') - assertSafe(b, 'Amount'), 'Difference');
}

/** `amount * factor` for an integer factor; throws if an input or the result is not a safe integer. */
export function multiplyMinor(amountMinor: number, factor: number): number {
  return assertSafe(assertSafe(amountMinor, 'Amount') * assertSafe(factor, 'Factor'), 'Product');
}

/** The sum of many amounts in minor units; throws as soon as a partial sum leaves the safe range. */
export function sumMinor(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => addMinor(total, amount), 0);
}

/** Why an amount given to the API is refused. */
export type AmountProblem = 'unknown_currency' | 'not_an_integer' | 'not_positive' | 'too_large';

export type AmountCheck = { ok: true } | { ok: false; problem: AmountProblem };

/**
 * Checks an amount of one operation as the API receives it: a positive integer of minor units of
 * a known currency, at most `maxAmountMinor(currency)`.
 */
export function checkAmount(amountMinor: unknown, currency: string): AmountCheck {
  if (!isCurrency(currency)) return { ok: false, problem: 'unknown_currency' };
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor)) {
    return { ok: false, problem: 'not_an_integer' };
  }
  if (amountMinor <= 0) return { ok: false, problem: 'not_positive' };
  if (amountMinor > maxAmountMinor(currency)) return { ok: false, problem: 'too_large' };
  return { ok: true };
}
