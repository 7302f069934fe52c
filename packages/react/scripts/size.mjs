// `npm run size -w @atrium/react`: builds each public entry of the package (its `exports` map: the
// provider, each component, the testing entry) on its own, as a page that uses only that entry
// would bundle it, with React and React DOM left out, and reports what the entry costs that page,
// gzipped (kB = 1,024 bytes): the entry's chunk plus every chunk it imports, for the first render
// and with the parts it loads on demand. (Building all entries together would split the code they
// share into many small chunks, which compress worse than one page's bundle does.)
// `--json` prints one JSON object per entry instead of the table.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8'));

/** `"."` → `index`, `"./payouts-list"` → `payouts-list`. */
const entries = Object.fromEntries(
  Object.entries(manifest.exports).map(([key, path]) => [
    key === '.' ? 'index' : key.slice(2),
    resolve(packageDir, path),
  ]),
);

/** The chunks of one entry built on its own, by file name. */
async function buildEntry(name, path) {
  const output = await build({
    configFile: false,
    root: packageDir,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      write: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: { [name]: path }, formats: ['es'] },
      rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
    },
  });
  return new Map(
    (Array.isArray(output) ? output : [output])
      .flatMap((result) => result.output)
      .filter((item) => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
}

/** A chunk that only holds a non-English message catalog: a page loads at most the one of its language. */
const OTHER_LANGUAGE = /\/i18n\/catalogs\/(money\/)?(fr|de|es|ja)\.ts$/;
const isOtherLanguage = (chunk) =>
  Object.keys(chunk.modules).length > 0 && Object.keys(chunk.modules).every((id) => OTHER_LANGUAGE.test(id));

/**
 * The entry chunk and everything it imports statically, each counted once; with `lazy`, also what
 * it imports on demand (the onboarding's step forms, for example), other languages' catalogs aside.
 */
function closure(chunks, fileName, lazy, seen = new Set()) {
  const chunk = chunks.get(fileName);
  if (seen.has(fileName) || !chunk || (lazy && isOtherLanguage(chunk))) return seen;
  seen.add(fileName);
  for (const imported of [...chunk.imports, ...(lazy ? chunk.dynamicImports : [])])
    closure(chunks, imported, lazy, seen);
  return seen;
}

const gzipSize = (chunks, names) =>
  [...names].reduce((sum, name) => sum + gzipSync(chunks.get(name).code, { level: 9 }).length, 0);

const rows = [];
for (const [name, path] of Object.entries(entries)) {
  const chunks = await buildEntry(name, path);
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  const first = closure(chunks, entry.fileName, false);
  const all = closure(chunks, entry.fileName, true);
  const rawBytes = [...all].reduce((sum, file) => sum + Buffer.byteLength(chunks.get(file).code), 0);
  rows.push({
    entry: name,
    chunks: all.size,
    rawBytes,
    firstGzipBytes: gzipSize(chunks, first),
    gzipBytes: gzipSize(chunks, all),
  });
}
rows.sort((a, b) => a.entry.localeCompare(b.entry));

const print = (line) => process.stdout.write(`${line}\n`);
if (process.argv.includes('--json')) {
  for (const row of rows) print(JSON.stringify(row));
} else {
  const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`.padStart(12);
  print(
    `${'entry'.padEnd(24)}${'minified'.padStart(12)}${'first gzip'.padStart(12)}${'all gzip'.padStart(12)}  chunks`,
  );
  for (const row of rows) {
    print(`${row.entry.padEnd(24)}${kB(row.rawBytes)}${kB(row.firstGzipBytes)}${kB(row.gzipBytes)}  ${row.chunks}`);
  }
  print('first: what the first render needs; all: with the parts loaded on demand (one language).');
  print('React and React DOM are not counted: the host page already has them.');
}
