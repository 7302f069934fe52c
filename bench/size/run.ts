// `npm run bench:size`: each public entry of @atrium/react built on its own (see bundle.ts) and
// reported gzipped (kB = 1,024 bytes), without React and React DOM, which the host page has, and,
// for the components, without the provider (its own row).
// `--json` prints one JSON object per entry instead of the table.
import { resolve } from 'node:path';
import { buildEntry, gzipSize, layoutOf, publicEntries, REACT_PACKAGE } from './bundle';

const rows = [];
// The provider on its own too: every page has it once, whichever components it shows, and the
// components' figures leave it out (they use only its context).
const entries = { ...publicEntries(), provider: resolve(REACT_PACKAGE, 'src/provider/atrium-provider.tsx') };
for (const [name, path] of Object.entries(entries)) {
  const chunks = await buildEntry(name, path);
  const { first, views, all } = layoutOf(chunks);
  const firstGzipBytes = gzipSize(chunks, first);
  const viewBytes = new Map(
    [...views].map(([part, view]) => [part.replace(/-[\w-]{8}\.js$/, ''), gzipSize(chunks, view)]),
  );
  rows.push({
    entry: name,
    chunks: all.size,
    rawBytes: [...all].reduce((sum, file) => sum + Buffer.byteLength(chunks.get(file)?.code ?? ''), 0),
    firstGzipBytes,
    // The heaviest view: the most a page holds to show one part loaded on demand.
    viewGzipBytes: Math.max(firstGzipBytes, ...viewBytes.values()),
    gzipBytes: gzipSize(chunks, all),
    views: Object.fromEntries(viewBytes),
  });
}
rows.sort((a, b) => a.entry.localeCompare(b.entry));

const print = (line: string) => process.stdout.write(`${line}\n`);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
if (process.argv.includes('--json')) {
  for (const row of rows) print(JSON.stringify(row));
} else {
  const columns = ['minified', 'first', 'one view', 'all'];
  print(`${'entry'.padEnd(22)}${columns.map((column) => column.padStart(11)).join('')}  chunks`);
  for (const row of rows) {
    const cells = [row.rawBytes, row.firstGzipBytes, row.viewGzipBytes, row.gzipBytes].map((bytes) =>
      kB(bytes).padStart(11),
    );
    print(`${row.entry.padEnd(22)}${cells.join('')}  ${row.chunks}`);
  }
  print('first: what the first render needs, gzipped; one view: the most a page holds to show one part');
  print('loaded on demand (an onboarding step, a form); all: every part loaded on demand (one language).');
  for (const row of rows.filter((row) => row.entry !== 'index' && Object.keys(row.views).length > 1)) {
    const views = Object.entries(row.views).map(([part, bytes]) => `${part} ${kB(bytes)}`);
    print(`${row.entry}: ${views.join(', ')}`);
  }
}
