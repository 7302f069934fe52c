// `npm run size -w @atrium/react`: builds every public entry of the package (its `exports` map: the
// provider, each component, the testing entry) as a library with React and React DOM left out,
// and reports what each entry costs a page, gzipped: the entry's chunk plus every chunk it imports.
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
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
  },
});

const chunks = new Map(
  (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((item) => item.type === 'chunk')
    .map((chunk) => [chunk.fileName, chunk]),
);

/** The entry chunk and everything it imports statically, each counted once. */
function closure(fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const imported of chunks.get(fileName)?.imports ?? []) if (chunks.has(imported)) closure(imported, seen);
  return seen;
}

const rows = [...chunks.values()]
  .filter((chunk) => chunk.isEntry)
  .map((entry) => {
    const files = [...closure(entry.fileName)].map((name) => chunks.get(name));
    const rawBytes = files.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0);
    const gzipBytes = files.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
    return { entry: entry.name, chunks: files.length, rawBytes, gzipBytes };
  })
  .sort((a, b) => a.entry.localeCompare(b.entry));

const print = (line) => process.stdout.write(`${line}\n`);
if (process.argv.includes('--json')) {
  for (const row of rows) print(JSON.stringify(row));
} else {
  const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`.padStart(10);
  print(`${'entry'.padEnd(24)}${'minified'.padStart(10)}${'gzip'.padStart(10)}  chunks`);
  for (const row of rows) print(`${row.entry.padEnd(24)}${kB(row.rawBytes)}${kB(row.gzipBytes)}  ${row.chunks}`);
  print('React and React DOM are not counted: the host page already has them.');
}
