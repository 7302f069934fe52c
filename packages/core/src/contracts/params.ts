import { z } from 'zod/mini';

/**
 * Parameter building blocks that accept both what the `stripe` SDK sends (form encoding, where
 * every value is a string) and JSON (real numbers and booleans). The browser sends JSON through the
 * same schemas, so a field is validated identically on both sides.
 */

/** An integer given as a JSON number or as a decimal string without sign tricks, exponent or fraction. */
export const intParam = () =>
  z.union([
    z.number().check(z.int(), z.refine(Number.isSafeInteger, 'must be a safe integer')),
    z
      .pipe(z.string().check(z.regex(/^-?(0|[1-9]\d{0,15})$/, 'must be an integer')), z.transform(Number))
      .check(z.refine(Number.isSafeInteger, 'must be a safe integer')),
  ]);

/** A boolean given as true/false or "true"/"false". */
export const boolParam = () =>
  z.union([
    z.boolean(),
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((value: 'true' | 'false') => value === 'true'),
    ),
  ]);

/**
 * Stripe's metadata: up to 50 keys, keys up to 40 characters, values up to 500 characters. On an
 * update, a key set to "" is removed, and `metadata` itself set to "" removes every key.
 */
export const metadataParam = () =>
  z.union([
    z.literal(''),
    z
      .record(
        z.string().check(
          z.minLength(1),
          z.maxLength(40),
          z.refine((key: string) => key !== '__proto__', 'may not be __proto__'),
        ),
        z.string().check(z.maxLength(500)),
      )
      .check(
        z.refine((record: Record<string, string>) => Object.keys(record).length <= 50, 'may have at most 50 keys'),
      ),
  ]);

/**
 * A list given as a JSON array or in form encoding, where `expand[0]=a&expand[1]=b` arrives as an
 * array and a single `expand[]=a` also as an array.
 */
export const listParam = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.maxLength(100));

/** Converts a zod issue path into Stripe's bracket notation: `individual[address][line1]`. */
export function paramName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map((segment) => String(segment));
  if (head === undefined) return '';
  return head + rest.map((segment) => `[${segment}]`).join('');
}
