// Builds each public entry of @atrium/react (its `exports` map: the provider, each component, the
// testing entry) on its own, as a page that uses only that entry would bundle it, with React and
// React DOM left out, and measures what the entry costs that page, gzipped. (Building all entries
// together would split the code they share into many small chunks, which compress worse than one
// page's bundle does.) The page's own entry may gain exports (`allow-extension`), as an app's
// does, so code shared with the parts loaded on demand stays in the page's first chunk.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Rolldown } from 'vite';

export const REACT_PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/react');

export type Chunks = ReadonlyMap<string, Rolldown.OutputChunk>;

/** The package's public entries by short name: `"."` → `index`, `"./payouts-list"` → `payouts-list`. */
export function publicEntries(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(resolve(REACT_PACKAGE, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  return Object.fromEntries(
    Object.entries(manifest.exports).map(([key, path]) => [
      key === '.' ? 'index' : key.slice(2),
      resolve(REACT_PACKAGE, path),
    ]),
  );
}

/** The chunks of one entry built on its own, minified, by file name. */
export async function buildEntry(name: string, path: string): Promise<Chunks> {
  const output = await build({
    configFile: false,
    root: REACT_PACKAGE,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      write: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: { [name]: path }, formats: ['es'] },
      rollupOptions: {
        external: [/^react($|\/)/, /^react-dom($|\/)/],
        preserveEntrySignatures: 'allow-extension',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return new Map(
    results
      .flatMap((result) => result.output)
      .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
}

/** A chunk that only holds a non-English message catalog: a page loads at most the one of its language. */
const OTHER_LANGUAGE = /\/i18n\/catalogs\/(money\/)?(fr|de|es|ja)\.ts$/;
function isOtherLanguage(chunk: Rolldown.OutputChunk): boolean {
  const modules = Object.keys(chunk.modules);
  return modules.length > 0 && modules.every((id) => OTHER_LANGUAGE.test(id));
}

/**
 * The chunk `fileName` and everything it imports statically, each counted once and none of
 * `loaded` (already in the page); with `lazy`, also what it imports on demand (the onboarding's
 * steps, for example), other languages' catalogs aside.
 */
export function closure(
  chunks: Chunks,
  fileName: string,
  { lazy = false, loaded = new Set<string>() }: { lazy?: boolean; loaded?: ReadonlySet<string> } = {},
): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (seen.has(name) || loaded.has(name) || !chunk || (lazy && isOtherLanguage(chunk))) return;
    seen.add(name);
    for (const imported of [...chunk.imports, ...(lazy ? chunk.dynamicImports : [])]) visit(imported);
  };
  visit(fileName);
  return seen;
}

/** The modules (source paths) the chunks hold. */
export const modulesOf = (chunks: Chunks, names: Iterable<string>): string[] =>
  [...names].flatMap((name) => Object.keys(chunks.get(name)?.modules ?? {}));

export const gzipSize = (chunks: Chunks, names: Iterable<string>): number =>
  [...names].reduce((sum, name) => sum + gzipSync(chunks.get(name)?.code ?? '', { level: 9 }).length, 0);

/** What an entry's page downloads: for its first render, for each view, and for everything. */
export interface EntryLayout {
  /** The chunks of the first render. */
  first: Set<string>;
  /**
   * Each part loaded on demand (a chunk imported dynamically, also from another part: the
   * banner's drawer, then an onboarding step in it), with every chunk a page holds to show it.
   */
  views: Map<string, Set<string>>;
  /** Every chunk, parts included (one language). */
  all: Set<string>;
}

export function layoutOf(chunks: Chunks): EntryLayout {
  const entryChunk = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entryChunk) throw new Error('the build has no entry chunk');
  const first = closure(chunks, entryChunk.fileName);
  const views = new Map<string, Set<string>>();
  // A part's view is the view it is loaded from plus what the part adds.
  const visit = (held: Set<string>, added: Set<string>) => {
    for (const name of [...added].flatMap((file) => chunks.get(file)?.dynamicImports ?? [])) {
      const chunk = chunks.get(name);
      if (views.has(name) || held.has(name) || !chunk || isOtherLanguage(chunk)) continue;
      const part = closure(chunks, name, { loaded: held });
      const view = new Set([...held, ...part]);
      views.set(name, view);
      visit(view, part);
    }
  };
  visit(first, first);
  return { first, views, all: closure(chunks, entryChunk.fileName, { lazy: true }) };
}
