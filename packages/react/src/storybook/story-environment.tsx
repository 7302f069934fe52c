import { createAtriumClient } from '@atrium/client';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { AtriumProvider } from '../provider/atrium-provider';
import { AtriumRoot } from '../theme/atrium-root';
import { STORY_APPEARANCES } from './appearances';
import type { StoryTheme } from './appearances';

export interface StoryEnvironmentProps {
  theme: StoryTheme;
  locale: string;
  children: ReactNode;
}

/**
 * What every story renders in: a provider with a real HTTP client, whose requests the Mock
 * Service Worker answers (see `msw-handlers.ts`), the toolbar's appearance and locale, and a
 * themed root. Each story gets its own client, so sessions never leak between stories.
 */
export function StoryEnvironment({ theme, locale, children }: StoryEnvironmentProps) {
  const [client] = useState(() =>
    createAtriumClient({
      baseUrl: '',
      fetchClientSecret: () => Promise.resolve('ascs_storybook_secret'),
      retry: { maxRetries: 0 },
    }),
  );
  return (
    <AtriumProvider client={client} appearance={STORY_APPEARANCES[theme]} locale={locale} timeZone="UTC">
      <AtriumRoot>
        <div style={{ padding: 16 }}>{children}</div>
      </AtriumRoot>
    </AtriumProvider>
  );
}
