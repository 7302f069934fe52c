import { useState } from 'react';
import type { ReactNode } from 'react';
import { AtriumProvider } from '../provider/atrium-provider';
import type { Appearance } from '../theme/appearance';
import { createFakeClient } from './fake-client';
import type { FakeAtriumClient, FakeClientOptions } from './fake-client';

export interface AtriumTestProviderProps extends FakeClientOptions {
  /** A client made with `createFakeClient`, to inspect its `requests`; one is made otherwise. */
  client?: FakeAtriumClient;
  locale?: string;
  /** Defaults to UTC, so dates render the same on every machine. */
  timeZone?: string;
  appearance?: Appearance;
  children?: ReactNode;
}

/**
 * `<AtriumProvider>` over a fake client with canned data, for a platform's own tests of pages
 * that embed Atrium components: no server, no network, deterministic dates.
 */
export function AtriumTestProvider({
  client,
  locale = 'en',
  timeZone = 'UTC',
  appearance,
  children,
  ...fakeOptions
}: AtriumTestProviderProps) {
  const [fake] = useState(() => client ?? createFakeClient(fakeOptions));
  return (
    <AtriumProvider client={fake} locale={locale} timeZone={timeZone} appearance={appearance}>
      {children}
    </AtriumProvider>
  );
}
