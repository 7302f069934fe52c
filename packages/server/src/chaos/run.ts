import { parseArgs } from 'node:util';
import { runBankTest } from './bank';
import { localCluster } from './faults';
import { formatSummary } from './summary';

/**
 * `npm run test:chaos`: the full bank test. 32 clients for 60 seconds over two instances on a
 * fresh database of the PostgreSQL server at `DATABASE_URL` (default: the local one), backends
 * killed at random and the server restarted once, then every check. Exits 1 on any problem.
 *
 *   npm run test:chaos -- --seconds 120 --clients 64
 *   npm run test:chaos -- --no-restart          (leaves the server running; for shared servers)
 *   npm run test:chaos -- --cluster 15/main     (the cluster pg_ctlcluster restarts)
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '32' },
    'no-restart': { type: 'boolean', default: false },
    cluster: { type: 'string' },
  },
});

const seconds = Number(values.seconds);
const clients = Number(values.clients);
if (!Number.isInteger(seconds) || seconds < 5 || !Number.isInteger(clients) || clients < 1) {
  process.stderr.write('--seconds must be a whole number of at least 5 and --clients at least 1\n');
  process.exit(2);
}
const [version, name] = values.cluster?.split('/') ?? [];
const cluster = version !== undefined && name !== undefined ? { version, name } : localCluster();

const report = await runBankTest({
  clients,
  seconds,
  faults: {
    intervalMs: [200, 800],
    maxBackends: 3,
    ...(values['no-restart'] ? {} : { restart: { cluster, afterSeconds: Math.round(seconds * 0.4) } }),
  },
  clock: { stepSeconds: 4 * 60 * 60, everyMs: 250, atOnce: 4 },
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`${formatSummary(report.summary)}\n`);
if (report.problems.length > 0) {
  process.stdout.write(`\n${report.problems.length} problem(s):\n`);
  for (const problem of report.problems) process.stdout.write(`  [${problem.check}] ${problem.message}\n`);
  process.exit(1);
}
process.stdout.write('\nall checks passed\n');
