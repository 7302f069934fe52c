import { z } from 'zod/mini';
import type { CountrySpec } from '../country-spec';
import { au } from './au';
import { ca } from './ca';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { gb } from './gb';
import { ie } from './ie';
import { it } from './it';
import { nl } from './nl';
import { us } from './us';

/** Every supported country's data, keyed by its ISO 3166-1 alpha-2 code. Add a country here. */
export const COUNTRY_SPECS = {
  US: us,
  CA: ca,
  GB: gb,
  AU: au,
  DE: de,
  FR: fr,
  IE: ie,
  NL: nl,
  ES: es,
  IT: it,
} as const satisfies Record<string, CountrySpec>;

/** A country Atrium can onboard accounts in. */
export type CountryCode = keyof typeof COUNTRY_SPECS;

/** The supported countries, in the registry's order. */
export const SUPPORTED_COUNTRIES = Object.keys(COUNTRY_SPECS) as CountryCode[];

/** Whether `code` is a supported country (exact, upper-case code). */
export function isSupportedCountry(code: string): code is CountryCode {
  return Object.hasOwn(COUNTRY_SPECS, code);
}

/** The data for a supported country. */
export function countrySpec(country: CountryCode): CountrySpec {
  return COUNTRY_SPECS[country];
}

/** A supported country code, as the `country` parameter accepts it. */
export const supportedCountrySchema = z.enum(
  SUPPORTED_COUNTRIES,
  `must be a supported country: ${SUPPORTED_COUNTRIES.join(', ')}`,
);
