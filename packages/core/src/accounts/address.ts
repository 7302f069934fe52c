import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { z } from 'zod/mini';
import type { CountrySpec } from '../requirements/country-spec';
import { countrySpec, isSupportedCountry } from '../requirements/countries';
import type { CountryCode } from '../requirements/countries';
import { isCountryCode } from './country-names';
import { orUnset } from './scalars';
import { textParam } from './text';

/** Options for an address schema. */
export interface AddressOptions {
  /**
   * Require what a finished address needs in its country (line1, city, and the postcode and
   * state where the country has them). API updates are partial and leave this off; a form step
   * that submits a whole address turns it on.
   */
  complete?: boolean;
}

const addressShape = {
  line1: z.optional(textParam(200)),
  line2: z.optional(orUnset(textParam(200), 'must be text, or empty to unset it')),
  city: z.optional(textParam(100)),
  state: z.optional(textParam(100)),
  postal_code: z.optional(textParam(20)),
  country: z.optional(
    z
      .pipe(
        z.string().check(z.maxLength(2, 'must be an ISO 3166-1 alpha-2 country code')),
        z.transform((value: string) => value.toUpperCase()),
      )
      .check(z.refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code')),
  ),
};

type AddressShape = z.infer<z.ZodMiniObject<typeof addressShape>>;

/**
 * A postal address with Stripe's fields. Rules come from the address's own `country`, or from
 * `country` (the account's) when it has none: the postcode is checked with `postcode-validator`,
 * and the state must be one of the country's codes where it has a list (upper-cased on the way).
 */
export function addressParamsSchema(country: CountryCode, options: AddressOptions = {}) {
  return z.pipe(
    z.strictObject(addressShape).check(
      z.superRefine((address: AddressShape, ctx) => {
        for (const issue of addressIssues(address, address.country ?? country, options)) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.field] });
        }
      }),
    ),
    z.transform((address: AddressShape) => normalizeAddress(address, address.country ?? country)),
  );
}
export type AddressParams = z.infer<ReturnType<typeof addressParamsSchema>>;

type AddressField = keyof AddressShape;

function addressIssues(address: AddressShape, country: string, options: AddressOptions) {
  const spec = isSupportedCountry(country) ? countrySpec(country) : null;
  const issues: { field: AddressField; message: string }[] = [];
  if (address.postal_code !== undefined && !isPostalCode(address.postal_code, country)) {
    issues.push({ field: 'postal_code', message: `must be a valid postcode for ${country}` });
  }
  const codes = spec?.states.codes;
  if (address.state !== undefined && codes && !codes.includes(address.state.toUpperCase())) {
    issues.push({ field: 'state', message: `must be a ${country} state or province code such as ${codes[0] ?? ''}` });
  }
  if (options.complete) issues.push(...missingFields(address, spec));
  return issues;
}

function missingFields(address: AddressShape, spec: CountrySpec | null) {
  const required: AddressField[] = ['line1', 'city'];
  if (spec?.postalCode.required) required.push('postal_code');
  if (spec?.states.required) required.push('state');
  return required.filter((field) => address[field] === undefined).map((field) => ({ field, message: 'is required' }));
}

/** Whether `postalCode` is a valid postcode in `country`; countries without a known rule accept any. */
export function isPostalCode(postalCode: string, country: string): boolean {
  if (!postcodeValidatorExistsForCountry(country)) return true;
  return postcodeValidator(postalCode.toUpperCase(), country);
}

function normalizeAddress(address: AddressShape, country: string): AddressShape {
  const spec = isSupportedCountry(country) ? countrySpec(country) : null;
  const normalized = { ...address };
  if (normalized.postal_code !== undefined) normalized.postal_code = normalized.postal_code.toUpperCase();
  if (normalized.state !== undefined && spec?.states.codes) normalized.state = normalized.state.toUpperCase();
  return normalized;
}
