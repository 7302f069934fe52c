// The server Playwright starts: `npm start` on a fresh, throwaway data dir, so every e2e run
// begins from the same seeded state. With E2E_LOG_FILE set, the server's JSON log lines go to that
// file (for e2e/server-logs.spec.ts, which reads them after the journeys) and everything else,
// such as the start banner Playwright waits for, to stdout.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-e2e-'));
const logFile = process.env['E2E_LOG_FILE'];
const child = spawn(process.execPath, ['scripts/start.mjs'], {
  stdio: ['ignore', logFile ? 'pipe' : 'inherit', 'inherit'],
  env: { ...process.env, ATRIUM_DATA_DIR: dataDir, DATABASE_URL: '' },
});
// `npm test` makes test-results/ first; `npx playwright test` run by hand does not.
if (logFile) mkdirSync(dirname(logFile), { recursive: true });
const log = logFile ? createWriteStream(logFile, { flags: 'w' }) : undefined;
/** Resolves once every line the server printed is in the log file. */
const logWritten = new Promise((resolve) => {
  if (!log || !child.stdout) return resolve(undefined);
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('{')) log.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  });
  lines.on('close', () => log.end(resolve));
});
const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => {
  cleanUp();
  void logWritten.then(() => process.exit(code ?? 0));
});
