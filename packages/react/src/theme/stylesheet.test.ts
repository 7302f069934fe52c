import { describe, expect, it } from 'vitest';
import { STYLESHEET } from './stylesheet';
import { ROOT } from './styles/scope';

/** The selectors of every style rule, with the at-rule (if any) they sit in. */
function styleRules(css: string): { selector: string; atRule: string | undefined }[] {
  const rules: { selector: string; atRule: string | undefined }[] = [];
  const stack: (string | undefined)[] = [];
  let buffer = '';
  for (const character of css) {
    if (character === '{') {
      const prelude = buffer.trim();
      const atRule = stack.find((entry) => entry?.startsWith('@'));
      if (!prelude.startsWith('@') && !atRule?.startsWith('@keyframes')) rules.push({ selector: prelude, atRule });
      stack.push(prelude.startsWith('@') ? prelude : undefined);
      buffer = '';
    } else if (character === '}') {
      stack.pop();
      buffer = '';
    } else if (character === ';' && stack.length > 0) {
      buffer = '';
    } else {
      buffer += character;
    }
  }
  return rules;
}

describe('the stylesheet', () => {
  const rules = styleRules(STYLESHEET);

  it('has rules', () => {
    expect(rules.length).toBeGreaterThan(50);
  });

  it('scopes every selector of every rule under the isolating root selector', () => {
    const unscoped = rules
      .flatMap((rule) => rule.selector.split(/,(?![^(]*\))/).map((selector) => selector.trim()))
      .filter((selector) => !selector.startsWith(ROOT));
    expect(unscoped).toEqual([]);
  });

  it('uses only class names and keyframes with the atr- prefix', () => {
    const classes = [...STYLESHEET.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1] ?? '');
    const keyframes = [...STYLESHEET.matchAll(/@keyframes\s+([\w-]+)/g)].map((match) => match[1] ?? '');
    const animations = [...STYLESHEET.matchAll(/animation:\s*([\w-]+)/g)].map((match) => match[1] ?? '');
    expect(classes.filter((name) => !name.startsWith('atr-'))).toEqual([]);
    expect(keyframes.length).toBeGreaterThan(0);
    expect([...keyframes, ...animations].filter((name) => !name.startsWith('atr-') && name !== 'none')).toEqual([]);
  });

  it('sizes text from the appearance variables, never from the host page’s rem', () => {
    expect(STYLESHEET).not.toMatch(/\d+(\.\d+)?rem\b/);
  });
});
