import en from 'i18n-iso-countries/langs/en.json';

/*
 * Localized country names from i18n-iso-countries' locale files. Only the locale data is used, not
 * the library's registry: its code tables and name-matching helpers cost about 7 kB gzipped in
 * the browser and Atrium needs neither (every ISO 3166-1 code is a key of each locale file).
 */

/** The locales Atrium ships country names for. */
export const COUNTRY_NAME_LOCALES = ['en', 'fr', 'de', 'es', 'ja'] as const;
export type CountryNameLocale = (typeof COUNTRY_NAME_LOCALES)[number];

type Names = Readonly<Record<string, string | readonly string[] | undefined>>;

// English is bundled; the other four are loaded on demand, each as its own small chunk, so a
// page pays only for the language it shows.
const LOADERS: Record<Exclude<CountryNameLocale, 'en'>, () => Promise<{ default: { countries: Names } }>> = {
  fr: () => import('i18n-iso-countries/langs/fr.json'),
  de: () => import('i18n-iso-countries/langs/de.json'),
  es: () => import('i18n-iso-countries/langs/es.json'),
  ja: () => import('i18n-iso-countries/langs/ja.json'),
};

const ENGLISH: Names = en.countries;
const loaded = new Map<CountryNameLocale, Names>([['en', ENGLISH]]);

/** The locale to use for `locale` (`fr-CA` uses `fr`); English when Atrium has no names for it. */
export function countryNameLocale(locale: string): CountryNameLocale {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return COUNTRY_NAME_LOCALES.find((candidate) => candidate === language) ?? 'en';
}

/**
 * Loads the country names of `locale` (once); call it before showing names in that language.
 * Resolves to the locale that will be used.
 */
export async function loadCountryNames(locale: string): Promise<CountryNameLocale> {
  const chosen = countryNameLocale(locale);
  if (chosen !== 'en' && !loaded.has(chosen)) loaded.set(chosen, (await LOADERS[chosen]()).default.countries);
  return chosen;
}

/** Whether `code` is an ISO 3166-1 alpha-2 country code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && Object.hasOwn(ENGLISH, code);
}

/**
 * The country's name in `locale` (`Royaume-Uni` for GB in French), or the code if unknown. Until
 * `loadCountryNames(locale)` has resolved, names are English.
 */
export function countryName(code: string, locale: string): string {
  if (!isCountryCode(code)) return code;
  const names = loaded.get(countryNameLocale(locale)) ?? ENGLISH;
  // A locale file lists the official name first, then common aliases.
  const entry = names[code] ?? ENGLISH[code];
  return (typeof entry === 'string' ? entry : entry?.[0]) ?? code;
}

/** Options for a country picker: `codes` with their names in `locale`, sorted for that locale. */
export function countryOptions(codes: readonly string[], locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(countryNameLocale(locale));
  return codes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((left, right) => collator.compare(left.name, right.name));
}
