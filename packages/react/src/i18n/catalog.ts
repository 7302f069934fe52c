import { en } from './catalogs/en';

export type MessageKey = keyof typeof en;

/** Plural forms of one message, keyed by `Intl.PluralRules` category; `other` is required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Message = string | PluralMessage;

/** A catalog: a message for every key of the English one. */
export type Catalog = Record<MessageKey, Message>;

/** The languages with a catalog. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * English is bundled; the other catalogs load when a page first asks for their language, so a
 * page carries the words of one language, not five.
 */
const CATALOG_LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  fr: async () => (await import('./catalogs/fr')).fr,
  de: async () => (await import('./catalogs/de')).de,
  es: async () => (await import('./catalogs/es')).es,
  ja: async () => (await import('./catalogs/ja')).ja,
};

const loadedCatalogs = new Map<Language, Catalog>([['en', en]]);

/** The catalog of a language if it has loaded. */
export function loadedCatalog(language: Language): Catalog | undefined {
  return loadedCatalogs.get(language);
}

/** Loads a language's catalog once; later calls answer from memory. */
export async function loadCatalog(language: Language): Promise<Catalog> {
  const known = loadedCatalogs.get(language);
  if (known) return known;
  const catalog = await CATALOG_LOADERS[language as Exclude<Language, 'en'>]();
  loadedCatalogs.set(language, catalog);
  return catalog;
}

export const DEFAULT_LOCALE = 'en';

export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * A message to put into words when it is shown. State keeps this rather than the finished text,
 * so a message shown before the provider's locale changes is said again in the new language.
 */
export interface MessageDescriptor {
  key: MessageKey;
  values?: MessageValues;
}

/**
 * Picks the catalog for a BCP 47 tag by its language (`fr-CA` → French) and keeps the full tag
 * for `Intl`, so a Canadian user gets French words with Canadian number and date conventions.
 * An invalid tag falls back to English; a valid one without a catalog keeps its `Intl`
 * conventions with English words.
 */
export function resolveLocale(requested: string | undefined): { locale: string; language: Language } {
  let locale = DEFAULT_LOCALE;
  try {
    locale = Intl.getCanonicalLocales(requested ?? DEFAULT_LOCALE)[0] ?? DEFAULT_LOCALE;
  } catch {
    locale = DEFAULT_LOCALE;
  }
  const subtag = locale.split('-')[0]?.toLowerCase();
  const language = LANGUAGES.find((candidate) => candidate === subtag) ?? 'en';
  return { locale, language };
}

/**
 * Fills a message's `{name}` placeholders; plural messages pick their form from `values.count`.
 * A placeholder without a value stays as written, which a test for every catalog rules out.
 */
export function formatMessage(message: Message, values: MessageValues | undefined, locale: string): string {
  const template = typeof message === 'string' ? message : pluralForm(message, values?.['count'], locale);
  if (values === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

function pluralForm(message: PluralMessage, count: string | number | undefined, locale: string): string {
  if (typeof count !== 'number') return message.other;
  return message[new Intl.PluralRules(locale).select(count)] ?? message.other;
}
