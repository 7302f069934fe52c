import type { Appearance } from '../theme/appearance';

/** The appearances the Storybook theme toolbar offers. */
export const STORY_APPEARANCES = {
  light: { theme: 'light' },
  dark: { theme: 'dark' },
  custom: {
    theme: 'light',
    variables: {
      fontFamily: 'Georgia, "Times New Roman", serif',
      fontSizeBase: '15px',
      spacingUnit: '9px',
      borderRadius: '0px',
      colorPrimary: '#0b5d43',
      colorBackground: '#fbf8f1',
      offsetBackgroundColor: '#f1ebdd',
      colorText: '#2b1d0e',
      colorSecondaryText: '#5e4b36',
      colorBorder: '#b9a98f',
      colorDanger: '#a4161a',
      buttonSecondaryColorBackground: '#fffdf7',
      badgeSuccessColorBackground: '#d9ecd9',
      badgeSuccessColorText: '#14532d',
    },
  },
} as const satisfies Record<string, Appearance>;

export type StoryTheme = keyof typeof STORY_APPEARANCES;
