import type { AtriumClient } from '@atrium/client';
import { createContext } from 'react';
import type { QueryStore } from '../data/query-store';
import type { I18n } from '../i18n/i18n';
import type { ResolvedAppearance } from '../theme/appearance';

/** What `<AtriumProvider>` gives every component under it. */
export interface AtriumContextValue {
  client: AtriumClient;
  store: QueryStore;
  i18n: I18n;
  appearance: ResolvedAppearance;
}

/** Null outside a provider, so a missing provider is reported instead of silently defaulted. */
export const AtriumContext = createContext<AtriumContextValue | null>(null);
