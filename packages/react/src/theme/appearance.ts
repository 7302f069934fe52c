import { DARK_THEME, LIGHT_THEME } from './themes';

/**
 * Appearance variables, named as in Stripe's Connect embedded components so platforms can reuse
 * their settings. Values are CSS values (`'16px'`, `'#635bff'`). Anything left out follows the
 * theme, and the button, form and badge variables follow the core colours they derive from.
 */
export interface AppearanceVariables {
  fontFamily?: string;
  /** The base font size; every other size is relative to it, never to the host page's `rem`. */
  fontSizeBase?: string;
  /** The unit all spacing is a multiple of. */
  spacingUnit?: string;
  borderRadius?: string;
  colorPrimary?: string;
  colorBackground?: string;
  /** Background of secondary surfaces: table headers, cards inside the component. */
  offsetBackgroundColor?: string;
  colorText?: string;
  colorSecondaryText?: string;
  colorBorder?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorFocusRing?: string;
  buttonPrimaryColorBackground?: string;
  buttonPrimaryColorBorder?: string;
  buttonPrimaryColorText?: string;
  buttonSecondaryColorBackground?: string;
  buttonSecondaryColorBorder?: string;
  buttonSecondaryColorText?: string;
  buttonBorderRadius?: string;
  formBackgroundColor?: string;
  formBorderColor?: string;
  /** The border of a focused field. */
  formHighlightColorBorder?: string;
  /** Checkboxes and radios. */
  formAccentColor?: string;
  formBorderRadius?: string;
  badgeNeutralColorBackground?: string;
  badgeNeutralColorText?: string;
  badgeSuccessColorBackground?: string;
  badgeSuccessColorText?: string;
  badgeWarningColorBackground?: string;
  badgeWarningColorText?: string;
  badgeDangerColorBackground?: string;
  badgeDangerColorText?: string;
  badgeInfoColorBackground?: string;
  badgeInfoColorText?: string;
  badgeBorderRadius?: string;
  overlayBackdropColor?: string;
  overlayBorderRadius?: string;
}

export type AppearanceVariableName = keyof AppearanceVariables;

/** A base theme plus variables on top of it. */
export interface Appearance {
  theme?: 'light' | 'dark';
  variables?: AppearanceVariables;
}

/** Every variable with a value: what the stylesheet reads. */
export type ResolvedAppearance = { theme: 'light' | 'dark' } & Required<AppearanceVariables>;

/** Variables that follow another one unless set themselves. */
const DERIVED: Partial<Record<AppearanceVariableName, AppearanceVariableName>> = {
  buttonPrimaryColorBackground: 'colorPrimary',
  buttonPrimaryColorBorder: 'colorPrimary',
  buttonSecondaryColorBackground: 'colorBackground',
  buttonSecondaryColorBorder: 'colorBorder',
  buttonSecondaryColorText: 'colorText',
  buttonBorderRadius: 'borderRadius',
  formBackgroundColor: 'colorBackground',
  formBorderColor: 'colorBorder',
  formHighlightColorBorder: 'colorPrimary',
  formAccentColor: 'colorPrimary',
  formBorderRadius: 'borderRadius',
  badgeBorderRadius: 'borderRadius',
  overlayBorderRadius: 'borderRadius',
  colorFocusRing: 'colorPrimary',
};

// A value ends up inside a style attribute; refusing declaration and rule delimiters keeps a
// value from an untrusted source (a branding setting stored per platform) from adding rules.
const SAFE_VALUE = /^[^;{}<>\\]*$/;

/** Fills in every variable: the theme's, then the platform's, then what derives from those. */
export function resolveAppearance(appearance: Appearance | undefined): ResolvedAppearance {
  const theme = appearance?.theme ?? 'light';
  const given = Object.fromEntries(
    Object.entries(appearance?.variables ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && SAFE_VALUE.test(entry[1]),
    ),
  ) as AppearanceVariables;
  const resolved: Record<string, string> = { ...(theme === 'dark' ? DARK_THEME : LIGHT_THEME), ...given };
  for (const [name, source] of Object.entries(DERIVED)) {
    const value = given[name as AppearanceVariableName] ?? resolved[source];
    if (value !== undefined) resolved[name] = value;
  }
  return { ...(resolved as Required<AppearanceVariables>), theme };
}

/** `colorPrimary` → `--atr-color-primary`. */
export function cssVariableName(name: AppearanceVariableName): `--atr-${string}` {
  return `--atr-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The custom properties the root element carries, for React's `style` prop. */
export function toCssVariables(appearance: ResolvedAppearance): Record<`--atr-${string}`, string> {
  const variables: Record<`--atr-${string}`, string> = {};
  for (const [name, value] of Object.entries(appearance)) {
    if (name !== 'theme') variables[cssVariableName(name as AppearanceVariableName)] = value;
  }
  return variables;
}
