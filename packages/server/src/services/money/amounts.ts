import { currencyExponent, maxAmountMinor, minorToDecimal } from '@atrium/core';
import { ApiError } from '../../http/errors';

/**
 * Stripe's published minimum charge amounts, in minor units: about 0.50 USD in each currency. A
 * currency not listed takes 0.50 of its own units (50 cents, 500 fils, 1 yen after rounding up).
 */
const MINIMUM_CHARGE_MINOR: Readonly<Record<string, number>> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

/** The smallest charge in a currency, in minor units. */
export function minimumChargeMinor(currency: string): number {
  const listed = MINIMUM_CHARGE_MINOR[currency];
  if (listed !== undefined) return listed;
  return Math.max(1, Math.ceil((50 * 10 ** currencyExponent(currency)) / 100));
}

const display = (minor: number, currency: string) =>
  `${minorToDecimal(minor, currencyExponent(currency))} ${currency.toUpperCase()}`;

/**
 * Checks an amount the API received (already a safe integer) against the currency's bounds: at
 * least `minimum` (1 minor unit unless said) and at most Stripe's eight digits. A 400 naming the
 * parameter otherwise, with Stripe's codes `amount_too_small` and `amount_too_large`. Like any
 * parameter validation it is not kept against an idempotency key, so a corrected retry with the
 * same key runs (Stripe saves results only once an endpoint has begun to execute).
 */
export function checkAmountBounds(amount: number, currency: string, param: string, minimum = 1): void {
  if (amount < minimum) {
    const message =
      minimum === 1
        ? `${param} must be a positive integer of minor units.`
        : `Amount must be at least ${display(minimum, currency)}.`;
    throw new ApiError(400, 'invalid_request_error', message, { code: 'amount_too_small', param, beforeRun: true });
  }
  const maximum = maxAmountMinor(currency);
  if (amount > maximum) {
    throw new ApiError(400, 'invalid_request_error', `Amount must be no more than ${display(maximum, currency)}.`, {
      code: 'amount_too_large',
      param,
      beforeRun: true,
    });
  }
}

/** A 400 for a parameter that names something the request may not use. */
export function refused(message: string, param: string | undefined, code: string): ApiError {
  return new ApiError(400, 'invalid_request_error', message, {
    code,
    ...(param === undefined ? {} : { param }),
  });
}
