import { addMinor } from './arithmetic';
import type { Currency } from './currency';
import { currencyExponent } from './currency';

/**
 * A fee of a percentage plus a fixed part: 2.9% + 30 is `{ bps: 290, fixedMinor: 30 }`. Basis
 * points keep the percentage an integer (1 bp = 0.01%).
 */
export interface FeeSchedule {
  bps: number;
  fixedMinor: number;
}

/** Per-currency processing fees, with one schedule for every currency not listed. */
export interface ProcessingFeeConfig {
  default: FeeSchedule;
  byCurrency: Readonly<Partial<Record<Currency, FeeSchedule>>>;
}

/** Stripe's standard card pricing, 2.9% + 30 minor units, for every currency unless configured. */
export const DEFAULT_PROCESSING_FEES: ProcessingFeeConfig = {
  default: { bps: 290, fixedMinor: 30 },
  byCurrency: {},
};

/**
 * An instant payout's fee: a percentage with a minimum. The minimum is in hundredths of the
 * currency's major unit, so one number means 0.50 USD, 0.50 EUR, 0.500 KWD and (rounded) 1 JPY.
 */
export interface InstantPayoutFeeSchedule {
  bps: number;
  minimumHundredths: number;
}

/** 1% with a minimum of 0.50 in the payout's currency. */
export const DEFAULT_INSTANT_PAYOUT_FEE: InstantPayoutFeeSchedule = { bps: 100, minimumHundredths: 50 };

const BPS_PER_WHOLE = 10_000n;

function assertNonNegativeInteger(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer`);
  return BigInt(value);
}

/** `numerator / denominator` rounded half-up (half away from zero; both are non-negative here). */
function divideHalfUp(numerator: bigint, denominator: bigint): number {
  const result = (numerator * 2n + denominator) / (denominator * 2n);
  const value = Number(result);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Result ${result} is outside the safe integer range`);
  return value;
}

/**
 * `bps` basis points of an amount, rounded half-up on the minor unit: 2.9% of 1,050 is 30.45,
 * which rounds to 30; 2.9% of 1,550 is 44.95, which rounds to 45. Computed in BigInt, so no float
 * is ever involved.
 */
export function percentOfMinor(amountMinor: number, bps: number): number {
  const amount = assertNonNegativeInteger(amountMinor, 'Amount');
  return divideHalfUp(amount * assertNonNegativeInteger(bps, 'Basis points'), BPS_PER_WHOLE);
}

/** A fee by schedule: the rounded percentage plus the fixed part. */
export function scheduledFeeMinor(amountMinor: number, schedule: FeeSchedule): number {
  return addMinor(
    percentOfMinor(amountMinor, schedule.bps),
    Number(assertNonNegativeInteger(schedule.fixedMinor, 'Fixed fee')),
  );
}

/**
 * The processor's fee on a charge of `amountMinor`: 2.9% + 30 minor units unless the config says
 * otherwise for the currency. The result can exceed a tiny charge; services enforce a minimum
 * charge amount, as Stripe does, before they post.
 */
export function processingFeeMinor(
  amountMinor: number,
  currency: Currency,
  config: ProcessingFeeConfig = DEFAULT_PROCESSING_FEES,
): number {
  return scheduledFeeMinor(amountMinor, config.byCurrency[currency] ?? config.default);
}

/**
 * The fee for an instant payout of `amountMinor`: the percentage, but never less than the minimum
 * (0.50 in the currency's units by default: 50 cents, 500 fils, and 1 yen after rounding 0.5 up).
 */
export function instantPayoutFeeMinor(
  amountMinor: number,
  currency: Currency,
  schedule: InstantPayoutFeeSchedule = DEFAULT_INSTANT_PAYOUT_FEE,
): number {
  const hundredths = assertNonNegativeInteger(schedule.minimumHundredths, 'Minimum');
  const minimumMinor = divideHalfUp(hundredths * 10n ** BigInt(currencyExponent(currency)), 100n);
  return Math.max(percentOfMinor(amountMinor, schedule.bps), minimumMinor);
}

/**
 * `partMinor / wholeMinor` of `totalMinor`, rounded half-up: the share of an application fee or a
 * transfer that a partial refund gives back (a refund of 25.00 of a 100.00 charge returns 2.50 of
 * a 10.00 fee). Throws unless 0 <= part <= whole and whole > 0.
 */
export function proportionalMinor(totalMinor: number, partMinor: number, wholeMinor: number): number {
  const total = assertNonNegativeInteger(totalMinor, 'Total');
  const part = assertNonNegativeInteger(partMinor, 'Part');
  const whole = assertNonNegativeInteger(wholeMinor, 'Whole');
  if (whole === 0n || part > whole) throw new RangeError('The part must be between 0 and a positive whole');
  return divideHalfUp(total * part, whole);
}
