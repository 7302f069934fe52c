import { loadCatalog, resolveLocale } from './catalog';
import { loadMoneyCatalog } from './catalogs/money';

/**
 * Loads a locale's catalogs ahead of rendering: for server-side rendering (render after it
 * resolves, and the HTML is in the user's language) and for tests. In the browser the provider
 * loads them by itself, showing English words only until they arrive.
 */
export async function preloadLocale(locale: string): Promise<void> {
  const { language } = resolveLocale(locale);
  await Promise.all([loadCatalog(language), loadMoneyCatalog(language)]);
}
