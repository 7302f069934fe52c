import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { LANGUAGES } from '../packages/react/src/i18n/catalog';
import { preloadLocale } from '../packages/react/src/i18n/preload';
import { STORY_APPEARANCES } from '../packages/react/src/storybook/appearances';
import type { StoryTheme } from '../packages/react/src/storybook/appearances';
import { embeddedApiHandlers } from '../packages/react/src/storybook/msw-handlers';
import { StoryEnvironment } from '../packages/react/src/storybook/story-environment';

const LOCALE_TITLES: Record<(typeof LANGUAGES)[number], string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  ja: '日本語',
};

/** Applies the theme and locale toolbars to every story; `key` gives each story a fresh session. */
const withAtrium: Decorator = (Story, context) => {
  const theme = (context.globals['theme'] ?? 'light') as StoryTheme;
  const locale = String(context.globals['locale'] ?? 'en');
  return (
    <StoryEnvironment key={context.id} theme={theme in STORY_APPEARANCES ? theme : 'light'} locale={locale}>
      <Story />
    </StoryEnvironment>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Appearance of the components',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'custom', title: 'Custom appearance' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language and formats',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: LANGUAGES.map((language) => ({ value: language, title: LOCALE_TITLES[language] })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withAtrium],
  loaders: [
    mswLoader(),
    async ({ globals }) => {
      // Stories in another language render in it from the first frame, as SSR pages would.
      await preloadLocale(String(globals['locale'] ?? 'en'));
    },
  ],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'fullscreen',
    msw: { handlers: embeddedApiHandlers() },
  },
};

export default preview;
