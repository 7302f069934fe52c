import { COUNTRY_CODES } from './country-codes';

/*
 * Country names come from the runtime's own CLDR data (`Intl.DisplayNames`), in whatever language
 * the user reads: nothing to bundle or load, and every locale the browser knows. Which codes are
 * countries is not left to the runtime (its region list also holds areas such as `EU` and `419`,
 * and varies with its ICU version): `COUNTRY_CODES` is generated from i18n-iso-countries' list.
 */

const CODES: ReadonlySet<string> = new Set(COUNTRY_CODES.split(' '));

/** Whether `code` is an ISO 3166-1 alpha-2 country code (upper case). */
export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}

const displayNames = new Map<string, Intl.DisplayNames | undefined>();

/** The runtime's region names for `locale`, falling back to English; undefined for a bad tag. */
function regionNames(locale: string): Intl.DisplayNames | undefined {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale.replaceAll('_', '-'), 'en'], { type: 'region', fallback: 'none' });
    } catch {
      // A malformed language tag: the caller falls back to English.
      names = undefined;
    }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale);
}

/** The country's name in `locale` (`Royaume-Uni` for GB in French), or the code if unknown. */
export function countryName(code: string, locale: string): string {
  if (!isCountryCode(code)) return code;
  return (regionNames(locale) ?? regionNames('en'))?.of(code) ?? code;
}

/** Options for a country picker: `codes` with their names in `locale`, sorted for that locale. */
export function countryOptions(codes: readonly string[], locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(regionNames(locale) === undefined ? 'en' : locale.replaceAll('_', '-'));
  return codes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((left, right) => collator.compare(left.name, right.name));
}
