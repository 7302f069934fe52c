import { z } from 'zod/mini';
import { currencySchema as moneyCurrencySchema } from '../../money/currency';

/**
 * Field building blocks shared by the object schemas. They describe what the API answers, so they
 * are exact about money (integers of minor units) and lenient about nothing else.
 */

/** An amount in minor units: an integer within JavaScript's safe range (it may be negative). */
export const amountSchema = z.number().check(z.int(), z.refine(Number.isSafeInteger, 'must be a safe integer'));

/** A lowercase ISO 4217 code of a currency Atrium supports (`usd`, `jpy`), as Stripe writes them. */
export const currencySchema = moneyCurrencySchema;

/** A two-letter ISO 3166-1 country code in upper case. */
export const countrySchema = z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'));

/** A point in time as Unix seconds. */
export const unixSecondsSchema = z.number().check(z.int(), z.nonnegative());

/** Stripe's metadata: string keys and string values. */
export const metadataSchema = z.record(z.string(), z.string());

/** An object id with Stripe's type prefix, for example `objectId('po')` for `po_...`. */
export const objectId = (prefix: string) => z.string().check(z.startsWith(`${prefix}_`, `must start with ${prefix}_`));

/** A postal address as the API answers it: every field present, null when not given. */
export const addressSchema = z.object({
  line1: z.nullable(z.string()),
  line2: z.nullable(z.string()),
  city: z.nullable(z.string()),
  state: z.nullable(z.string()),
  postal_code: z.nullable(z.string()),
  country: z.nullable(z.string()),
});
