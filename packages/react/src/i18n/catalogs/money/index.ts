import type { Language, Message } from '../../catalog';
import { en } from './en';

/** A message of the balances, payouts, payments and transfers components (`money.*`). */
export type MoneyMessageKey = keyof typeof en;

/** A money catalog: a message for every key of the English one. */
export type MoneyCatalog = Record<MoneyMessageKey, Message>;

/** English is bundled; the other languages load on first use, as the shared catalogs do. */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<MoneyCatalog>> = {
  fr: async () => (await import('./fr')).fr,
  de: async () => (await import('./de')).de,
  es: async () => (await import('./es')).es,
  ja: async () => (await import('./ja')).ja,
};

const loaded = new Map<Language, MoneyCatalog>([['en', en]]);

/** The money components' messages in a language, if they have loaded. */
export function loadedMoneyCatalog(language: Language): MoneyCatalog | undefined {
  return loaded.get(language);
}

/** Loads the money components' messages in a language once. */
export async function loadMoneyCatalog(language: Language): Promise<MoneyCatalog> {
  const known = loaded.get(language);
  if (known) return known;
  const catalog = await LOADERS[language as Exclude<Language, 'en'>]();
  loaded.set(language, catalog);
  return catalog;
}

export { en as moneyEnglish };
