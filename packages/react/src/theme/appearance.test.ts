import { describe, expect, it } from 'vitest';
import { cssVariableName, resolveAppearance, toCssVariables } from './appearance';
import type { AppearanceVariableName, ResolvedAppearance } from './appearance';

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
    const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const TEXT_PAIRS: [AppearanceVariableName, AppearanceVariableName][] = [
  ['colorText', 'colorBackground'],
  ['colorText', 'offsetBackgroundColor'],
  ['colorSecondaryText', 'colorBackground'],
  ['colorSecondaryText', 'offsetBackgroundColor'],
  ['colorPrimary', 'colorBackground'],
  ['colorDanger', 'colorBackground'],
  ['colorDanger', 'offsetBackgroundColor'],
  ['buttonPrimaryColorText', 'buttonPrimaryColorBackground'],
  ['buttonPrimaryColorText', 'colorDanger'],
  ['buttonSecondaryColorText', 'buttonSecondaryColorBackground'],
  ['badgeNeutralColorText', 'badgeNeutralColorBackground'],
  ['badgeSuccessColorText', 'badgeSuccessColorBackground'],
  ['badgeWarningColorText', 'badgeWarningColorBackground'],
  ['badgeDangerColorText', 'badgeDangerColorBackground'],
  ['badgeInfoColorText', 'badgeInfoColorBackground'],
];

describe('resolveAppearance', () => {
  it.each(['light', 'dark'] as const)('gives the %s theme text at least WCAG AA contrast', (theme) => {
    const resolved: ResolvedAppearance = resolveAppearance({ theme });
    for (const [text, background] of TEXT_PAIRS) {
      expect(contrast(resolved[text], resolved[background]), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('defaults to the light theme', () => {
    expect(resolveAppearance(undefined)).toEqual(resolveAppearance({ theme: 'light' }));
  });

  it('lets variables that derive from a core colour follow it', () => {
    const resolved = resolveAppearance({ variables: { colorPrimary: '#0a7d5a', borderRadius: '0px' } });
    expect(resolved.buttonPrimaryColorBackground).toBe('#0a7d5a');
    expect(resolved.formHighlightColorBorder).toBe('#0a7d5a');
    expect(resolved.buttonBorderRadius).toBe('0px');
    expect(resolved.badgeBorderRadius).toBe('0px');
  });

  it('keeps a derived variable the platform set itself', () => {
    const resolved = resolveAppearance({
      variables: { colorPrimary: '#0a7d5a', buttonPrimaryColorBackground: '#111111' },
    });
    expect(resolved.buttonPrimaryColorBackground).toBe('#111111');
  });

  it('ignores values that could add CSS rules', () => {
    const resolved = resolveAppearance({ variables: { colorText: 'red; } body { display: none' } });
    expect(resolved.colorText).toBe(resolveAppearance(undefined).colorText);
  });

  it('changes only the colours between the themes', () => {
    const light = resolveAppearance({ theme: 'light' });
    const dark = resolveAppearance({ theme: 'dark' });
    expect(dark.fontFamily).toBe(light.fontFamily);
    expect(dark.spacingUnit).toBe(light.spacingUnit);
    expect(dark.colorBackground).not.toBe(light.colorBackground);
  });
});

describe('toCssVariables', () => {
  it('maps every variable to a custom property with the atr prefix', () => {
    const variables = toCssVariables(resolveAppearance({ variables: { fontSizeBase: '16px' } }));
    expect(variables['--atr-font-size-base']).toBe('16px');
    expect(variables['--atr-button-primary-color-background']).toBe('#4f46e5');
    expect(Object.keys(variables).every((name) => /^--atr-[a-z-]+$/.test(name))).toBe(true);
    expect(Object.keys(variables)).not.toContain('--atr-theme');
  });

  it('names variables in kebab case', () => {
    expect(cssVariableName('badgeSuccessColorBackground')).toBe('--atr-badge-success-color-background');
  });
});
