import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { CountryCode as PhoneCountry, MetadataJson } from 'libphonenumber-js/core';
import { z } from 'zod/mini';
import { PHONE_METADATA } from './phone-metadata';

/** Stripe's test-mode phone number: accepted as is, and it passes verification in test mode. */
export const TEST_PHONE_NUMBER = '0000000000';

let metadata: MetadataJson | undefined;

// Parsed on first use: the bundled metadata is a JSON string because JSON.parse is faster than
// evaluating the same object literal, and nothing is parsed until a phone number is checked.
function phoneMetadata(): MetadataJson {
  metadata ??= JSON.parse(PHONE_METADATA) as MetadataJson;
  return metadata;
}

/**
 * A phone number in E.164 form (`+14155552671`), or null when it is not a valid number. National
 * numbers are read in `country`'s format. Atrium bundles libphonenumber's metadata only for the
 * calling codes of its supported countries (see docs/requirements.md), so an international number
 * with any other calling code is checked for E.164's shape only.
 */
export function normalizePhone(value: string, country: string): string | null {
  if (value === TEST_PHONE_NUMBER) return value;
  // libphonenumber would pick a number out of surrounding text; a phone field holds only the number.
  if (!/^\+?[\d\s\-.()]+$/.test(value)) return null;
  const compact = value.replace(/[\s\-.()]/g, '');
  if (compact.length > 20) return null;
  if (/^\+[1-9]\d{6,14}$/.test(compact) && !hasKnownCallingCode(compact)) return compact;
  const defaultCountry = country in phoneMetadata().countries ? (country as PhoneCountry) : undefined;
  const parsed = parsePhoneNumberFromString(value, { defaultCountry }, phoneMetadata());
  return parsed?.isValid() ? parsed.number : null;
}

function hasKnownCallingCode(e164: string): boolean {
  const callingCodes = phoneMetadata().country_calling_codes;
  return [1, 2, 3].some((length) => e164.slice(1, 1 + length) in callingCodes);
}

/** A phone number, normalized to E.164; national numbers are read in `country`'s format. */
export const phoneParam = (country: string) =>
  z.pipe(
    z.string().check(z.maxLength(40, 'must be a valid phone number')),
    z.transform((value: string, ctx) => {
      const normalized = normalizePhone(value.trim(), country);
      if (normalized !== null) return normalized;
      // A mini transform's context has no `addIssue`: the issue goes on the payload itself.
      ctx.issues.push({ code: 'custom', message: 'must be a valid phone number', input: value });
      return z.NEVER;
    }),
  );
