import { beforeAll, describe, expect, test } from 'vitest';
import { buildEntry, layoutOf, modulesOf, publicEntries } from './bundle';
import type { Chunks, EntryLayout } from './bundle';

/*
 * The onboarding loads each step's form with only what that step needs: these checks fail when a
 * library slips into the first render or into a step that does not use it (the sizes themselves
 * are measured by `npm run bench:size`, not here).
 */

const LIBRARIES = ['react-hook-form', 'libphonenumber-js', 'postcode-validator', 'ibantools'] as const;
type Library = (typeof LIBRARIES)[number];

let chunks: Chunks;
let layout: EntryLayout;

/** The libraries a page holds once it shows `step` (the first render and the step's own code). */
function librariesOfStep(step: string): Library[] {
  const view = [...layout.views].find(([name]) => name.startsWith(`${step}-step-`))?.[1];
  if (!view) throw new Error(`no part loads the ${step} step`);
  const modules = modulesOf(chunks, view);
  return LIBRARIES.filter((library) => modules.some((id) => id.includes(`/node_modules/${library}/`)));
}

describe('the onboarding bundle', () => {
  beforeAll(async () => {
    const path = publicEntries()['account-onboarding'];
    if (!path) throw new Error('@atrium/react exports no account-onboarding entry');
    chunks = await buildEntry('account-onboarding', path);
    layout = layoutOf(chunks);
  }, 120_000);

  test('its first render holds none of the form libraries', () => {
    const modules = modulesOf(chunks, layout.first);
    expect(LIBRARIES.filter((library) => modules.some((id) => id.includes(`/node_modules/${library}/`)))).toEqual([]);
  });

  test.each<[string, Library[]]>([
    ['business-type', ['react-hook-form']],
    ['business-details', ['react-hook-form', 'libphonenumber-js', 'postcode-validator']],
    ['representative', ['react-hook-form', 'libphonenumber-js', 'postcode-validator']],
    ['owners', ['react-hook-form', 'libphonenumber-js', 'postcode-validator']],
    ['bank-account', ['react-hook-form', 'ibantools']],
    ['documents', []],
    ['review', []],
  ])('the %s step loads %j', (step, libraries) => {
    expect(librariesOfStep(step)).toEqual(libraries);
  });

  test('every view is smaller than everything together', () => {
    expect(layout.views.size).toBeGreaterThanOrEqual(7);
    for (const view of layout.views.values()) expect(view.size).toBeLessThan(layout.all.size);
  });
});
