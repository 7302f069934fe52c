import { createAtriumClient } from '@atrium/client';
import type { AtriumClient } from '@atrium/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { QueryStore } from '../data/query-store';
import { loadCatalog } from '../i18n/catalog';
import type { Catalog, Language } from '../i18n/catalog';
import { createI18n } from '../i18n/i18n';
import { resolveAppearance } from '../theme/appearance';
import type { Appearance } from '../theme/appearance';
import { AtriumContext } from './atrium-context';
import type { AtriumContextValue } from './atrium-context';

interface SharedProps {
  /** Theme and variables; may change at run time. */
  appearance?: Appearance;
  /** A BCP 47 tag (`fr`, `de-CH`, `ja-JP`); may change at run time. English when absent. */
  locale?: string;
  /** The IANA time zone to show dates in; the browser's when absent. */
  timeZone?: string;
  children?: ReactNode;
}

interface ServerProps extends SharedProps {
  /** Asks the platform's server for an account session client secret. */
  fetchClientSecret: () => Promise<string>;
  /** Where the Atrium BFF answers (`https://payments.example.com`, or '' for this page's origin). */
  baseUrl: string;
  client?: never;
}

interface InjectedClientProps extends SharedProps {
  /** A ready client, for tests and stories (see `@atrium/react/testing`). */
  client: AtriumClient;
  fetchClientSecret?: never;
  baseUrl?: never;
}

export type AtriumProviderProps = ServerProps | InjectedClientProps;

/** Once the page is back in view, data older than this is loaded again. */
const FOCUS_REFETCH_AFTER_MS = 1_000;

/**
 * Connects the Atrium components under it to the BFF: one session, one cache of reads, and the
 * appearance and locale they render with. Rendering it touches no browser API, so it is safe in
 * server-side rendering; the session is claimed when the first component asks for data.
 */
export function AtriumProvider(props: AtriumProviderProps) {
  const { appearance, locale, timeZone, children } = props;
  const secretSource = useRef(props.fetchClientSecret);
  useEffect(() => {
    secretSource.current = props.fetchClientSecret;
  });
  const { client: injected, baseUrl } = props;
  // A new client (and with it a new session and an empty cache) only when the BFF changes; the
  // latest fetchClientSecret is read through the ref, so an inline function does not reset it.
  const { client, store } = useMemo(() => {
    const fetchClientSecret = () => {
      const fetchSecret = secretSource.current;
      return fetchSecret === undefined ? Promise.reject(new Error('fetchClientSecret is missing')) : fetchSecret();
    };
    return {
      // The client calls fetchClientSecret only when it claims a session, after render.
      // eslint-disable-next-line react-hooks/refs
      client: injected ?? createAtriumClient({ baseUrl, fetchClientSecret }),
      store: new QueryStore(),
    };
  }, [injected, baseUrl]);
  useRefetchOnFocus(store);
  const [catalogs, setCatalogs] = useState<Partial<Record<Language, Catalog>>>({});
  const i18n = useMemo(() => createI18n(locale, timeZone, catalogs), [locale, timeZone, catalogs]);
  useEffect(() => {
    if (i18n.ready) return;
    let current = true;
    void loadCatalog(i18n.language).then((catalog) => {
      if (current) setCatalogs((known) => ({ ...known, [i18n.language]: catalog }));
    });
    return () => {
      current = false;
    };
  }, [i18n]);
  // Platforms often pass `appearance={{...}}` inline; comparing by content keeps the context
  // value, and with it every component, from changing on each render of the page.
  const appearanceKey = JSON.stringify(appearance ?? {});
  const resolvedAppearance = useMemo(() => resolveAppearance(JSON.parse(appearanceKey) as Appearance), [appearanceKey]);
  const value = useMemo<AtriumContextValue>(
    () => ({ client, store, i18n, appearance: resolvedAppearance }),
    [client, store, i18n, resolvedAppearance],
  );
  return <AtriumContext value={value}>{children}</AtriumContext>;
}

/** Refreshes what the components show when the user comes back to the page. */
function useRefetchOnFocus(store: QueryStore): void {
  useEffect(() => {
    const onFocus = () => {
      if (document.visibilityState === 'visible') store.refetchStale(FOCUS_REFETCH_AFTER_MS);
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [store]);
}
