import { useContext } from 'react';
import { AtriumContext } from './atrium-context';
import type { AtriumContextValue } from './atrium-context';

/** The provider's client, cache, locale and appearance; throws when there is no provider. */
export function useAtrium(): AtriumContextValue {
  const value = useContext(AtriumContext);
  if (value === null) {
    throw new Error(
      'Atrium components must render inside <AtriumProvider>. Wrap your app (or this page) in ' +
        '<AtriumProvider fetchClientSecret={...} baseUrl="..."> from @atrium/react.',
    );
  }
  return value;
}

/** The i18n helpers of the provider's locale. */
export function useI18n() {
  return useAtrium().i18n;
}
