import { formatMessage, loadedCatalog, resolveLocale } from './catalog';
import { en } from './catalogs/en';
import type { Catalog, Language, MessageKey, MessageValues } from './catalog';
import { formatDate, formatMoney, formatRelativeTime } from './format';
import type { DateStyle } from './format';

/** Everything a component needs to speak the user's language. */
export interface I18n {
  /** The BCP 47 tag `Intl` formats with, for example `fr-CA`. */
  locale: string;
  /** The catalog asked for. */
  language: Language;
  /** False while that catalog loads; the words are English until it has. */
  ready: boolean;
  /** The IANA time zone dates are shown in; undefined means the browser's own. */
  timeZone: string | undefined;
  t: (key: MessageKey, values?: MessageValues) => string;
  /** Whether `text` is a message key (forms keep keys, not words, in their errors). */
  has: (text: string) => text is MessageKey;
  formatMoney: (amountMinor: number, currency: string) => string;
  formatDate: (unixSeconds: number, style?: DateStyle) => string;
  formatRelativeTime: (unixSeconds: number, nowMs: number) => string;
}

/** Builds the i18n helpers for a requested locale (see `resolveLocale` for the fallbacks). */
export function createI18n(
  requested: string | undefined,
  timeZone?: string,
  /** Catalogs the caller has loaded; otherwise those loaded so far in this page. */
  catalogs: Partial<Record<Language, Catalog>> = {},
): I18n {
  const { locale, language } = resolveLocale(requested);
  const loaded = catalogs[language] ?? loadedCatalog(language);
  const catalog = loaded ?? en;
  return {
    locale,
    language,
    ready: loaded !== undefined,
    timeZone,
    t: (key, values) => formatMessage(catalog[key], values, locale),
    has: (text): text is MessageKey => Object.hasOwn(en, text),
    formatMoney: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
    formatDate: (unixSeconds, style = 'date') => formatDate(unixSeconds, style, locale, timeZone),
    formatRelativeTime: (unixSeconds, nowMs) => formatRelativeTime(unixSeconds, nowMs, locale),
  };
}
