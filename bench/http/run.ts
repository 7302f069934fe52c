// `npm run bench:http`: the BFF end to end over HTTP, with autocannon, against a bare Express route
// measured in the same run. Three measurements, one after the other, each after a warm-up:
//   bare       `GET /bare` on a tiny Express app of its own in this process: the floor
//   transfers  `POST /v1/transfers` of 100 USD cents to the connected accounts in turn, each with
//              its own Idempotency-Key, as a platform's server sends them
//   balance    `GET /v1/embedded/balance` with an embedded session's token, as a component does
// The BFF runs in this process on a fresh PostgreSQL database; autocannon runs in a child process
// (load.ts). Options:
//   --seconds N       how long each measurement runs (default 10)
//   --warmup N        seconds of warm-up before each (default 3)
//   --connections N   autocannon's connections (default 32)
//   --destinations N  connected accounts the transfers go to in turn (default 32, one per connection:
//                     a platform pays many sellers; with fewer, transfers to one seller wait for
//                     each other on that seller's balance row, as they would on a real platform)
//   --pairs N         then N more runs of bare and balance in turn, --pair-seconds each (default 3
//                     and 4): the balance target is judged on the median of the ratios of each pair
//                     and of the main run, as the bare route's own rate moves ±30% between runs here
//   --write           also put the results into bench/results/http.md
//   --profile         also write a V8 CPU profile of this process (the servers) during each measured run
//                     to bench/results/raw/http-<measure>.cpuprofile; profiling slows the server down
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { checkLedger, ledgerCounts } from '../../packages/server/src/ledger';
import { loadAverage, machineDescription } from '../ledger/stats';
import type { CpuPerAnswer } from './cpu';
import { cpuPerAnswer, readCpu } from './cpu';
import type { LoadReport, LoadSpec } from './load';
import type { Deployment } from './setup';
import { ORIGIN, POOL_SIZE, RATE_LIMIT, Resources, deploy } from './setup';

const RESULTS_FILE = new URL('../results/http.md', import.meta.url);
const PROFILE_DIR = new URL('../results/raw/', import.meta.url);
const START_MARK = '<!-- bench:http:start -->';
const END_MARK = '<!-- bench:http:end -->';
const TRANSFER_MINOR = 100;
/** The platform is funded for this many transfers a second, warm-ups included: far above what two cores do. */
const FUNDED_TRANSFERS_PER_SECOND = 20_000;
const TARGETS = { transfersPerSecond: 1_500, transfersP99Ms: 50, shareOfBare: 0.4 };

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}
const seconds = option('seconds', 10);
const warmupSeconds = option('warmup', 3);
const connections = option('connections', 32);
const destinationCount = option('destinations', 32);
const profiling = process.argv.includes('--profile');
// `--pairs 0` skips them, so this one may be zero.
const pairCount = process.argv[process.argv.indexOf('--pairs') + 1] === '0' ? 0 : option('pairs', 3);
const pairSeconds = option('pair-seconds', 4);

type MeasureName = 'bare' | 'transfers' | 'balance';

interface Measurement {
  name: MeasureName;
  label: string;
  warmup: LoadReport;
  report: LoadReport;
  cpu: CpuPerAnswer;
}

/** Runs `work` under the V8 sampling profiler when `--profile` is given, and writes the profile. */
async function profiled<T>(name: MeasureName, work: () => Promise<T>): Promise<T> {
  if (!profiling) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(new URL(`http-${name}.cpuprofile`, PROFILE_DIR), JSON.stringify(profile));
  }
}

/** Forks load.ts for one autocannon run and waits for its report. */
function runLoad(spec: LoadSpec): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)));
    let settled = false;
    child.once('message', (message: { report?: LoadReport; error?: string }) => {
      settled = true;
      child.disconnect();
      if (message.report) resolve(message.report);
      else reject(new Error(`load generator: ${message.error ?? 'no report'}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code} before reporting`));
    });
    child.send(spec);
  });
}

async function measure(
  deployment: Deployment,
  name: MeasureName,
  label: string,
  spec: Omit<LoadSpec, 'seconds' | 'connections'>,
): Promise<Measurement> {
  const warmup = await runLoad({ ...spec, connections, seconds: warmupSeconds });
  const before = await readCpu(deployment.instance.db);
  const report = await profiled(name, () => runLoad({ ...spec, connections, seconds }));
  const after = await readCpu(deployment.instance.db);
  return { name, label, warmup, report, cpu: cpuPerAnswer(before, after, report.cpuMicros, report.answers) };
}

type Spec = Omit<LoadSpec, 'seconds' | 'connections'>;

const bareSpec = (deployment: Deployment): Spec => ({
  url: deployment.bareUrl,
  method: 'GET',
  path: '/bare',
  headers: {},
});

const balanceSpec = (deployment: Deployment): Spec => ({
  url: deployment.instance.baseUrl,
  method: 'GET',
  path: '/v1/embedded/balance',
  headers: { authorization: `Bearer ${deployment.sessionToken}`, origin: ORIGIN },
});

async function measureAll(deployment: Deployment): Promise<Measurement[]> {
  const bare = await measure(deployment, 'bare', 'bare Express `GET /bare`', bareSpec(deployment));
  console.log(row(bare, bare));
  const transfers = await measure(deployment, 'transfers', '`POST /v1/transfers`', {
    url: deployment.instance.baseUrl,
    method: 'POST',
    path: '/v1/transfers',
    headers: {
      authorization: `Bearer ${deployment.secretKey}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    bodies: deployment.destinations.map(
      (destination) => `amount=${TRANSFER_MINOR}&currency=usd&destination=${destination}`,
    ),
    uniqueKeys: true,
  });
  console.log(row(transfers, bare));
  const balance = await measure(deployment, 'balance', 'embedded `GET /v1/embedded/balance`', balanceSpec(deployment));
  console.log(row(balance, bare));
  return [bare, transfers, balance];
}

/** Requests per second of the bare route and of the balance read, run one after the other. */
interface Pair {
  bare: number;
  balance: number;
}

/** `--pairs` more runs of bare and balance in turn, so the balance's share is judged on more than one bare run. */
async function measurePairs(deployment: Deployment): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let index = 0; index < pairCount; index += 1) {
    const bare = await runLoad({ ...bareSpec(deployment), connections, seconds: pairSeconds });
    const balance = await runLoad({ ...balanceSpec(deployment), connections, seconds: pairSeconds });
    pairs.push({ bare: bare.requestsPerSecond, balance: balance.requestsPerSecond });
  }
  return pairs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** The balance's share of bare in the main run and in each pair, and their median. */
function balanceShares(measurements: Measurement[], pairs: readonly Pair[]): { shares: number[]; median: number } {
  const [bare, , balance] = measurements;
  if (!bare || !balance) throw new Error('three measurements expected');
  const shares = [share(balance, bare), ...pairs.map((pair) => pair.balance / pair.bare)];
  return { shares, median: median(shares) };
}

function pairLines(pairs: readonly Pair[], shares: number[]): string[] {
  if (pairs.length === 0) return [];
  const runs = pairs.map(
    (pair, index) => `${grouped(pair.bare)} → ${grouped(pair.balance)}/s (${percent(shares[index + 1] ?? 0)})`,
  );
  return [
    `Bare and balance again in turn, ${pairSeconds} s each (bare → balance): ${runs.join('; ')}. The balance's share of bare, main run and pairs: median ${percent(median(shares))}, ${percent(Math.min(...shares))}–${percent(Math.max(...shares))}.`,
  ];
}

const fixed = (value: number) => value.toFixed(1);
const share = (measurement: Measurement, bare: Measurement) =>
  measurement.report.requestsPerSecond / bare.report.requestsPerSecond;
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const grouped = (value: number) => Math.round(value).toLocaleString('en-US');

const HEADER = [
  '| measure | requests/s | of bare | p50 ms | p99 ms | max ms | non-2xx | errors | CPU µs per request: this process | autocannon | PostgreSQL | rest of machine | machine busy |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const orNa = (value: number | undefined, unit = '') => (value === undefined ? 'n/a' : `${value}${unit}`);
function row(measurement: Measurement, bare: Measurement): string {
  const { report, cpu } = measurement;
  const cells = [
    measurement.label,
    grouped(report.requestsPerSecond),
    percent(share(measurement, bare)),
    fixed(report.p50Ms),
    fixed(report.p99Ms),
    fixed(report.maxMs),
    report.non2xx,
    report.errors,
    cpu.processMicros,
    cpu.loadMicros,
    orNa(cpu.postgresMicros),
    orNa(cpu.restMicros),
    orNa(cpu.busyPercent, '%'),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Each target of the issue with what this run measured, and whether it was met. */
function targetRows(
  measurements: Measurement[],
  balanceShare: { shares: number[]; median: number },
  ledger: string,
): string[] {
  const [bare, transfers, balance] = measurements;
  if (!bare || !transfers || !balance) throw new Error('three measurements expected');
  const shareRange =
    balanceShare.shares.length > 1
      ? `median of ${balanceShare.shares.length} runs in turn with bare (${balanceShare.shares.map(percent).join(', ')}); main run `
      : '';
  const met = (ok: boolean) => (ok ? 'yes' : 'no');
  const refusals = measurements.map((m) => `${m.name} ${m.report.non2xx + m.report.errors}`).join(', ');
  return [
    '| target | measured | met |',
    '| --- | --- | --- |',
    `| transfers ≥ ${grouped(TARGETS.transfersPerSecond)}/s | ${grouped(transfers.report.requestsPerSecond)}/s | ${met(transfers.report.requestsPerSecond >= TARGETS.transfersPerSecond)} |`,
    `| transfers p99 ≤ ${TARGETS.transfersP99Ms} ms | ${fixed(transfers.report.p99Ms)} ms | ${met(transfers.report.p99Ms <= TARGETS.transfersP99Ms)} |`,
    `| transfers ≥ ${percent(TARGETS.shareOfBare)} of bare | ${percent(share(transfers, bare))} (${grouped(transfers.report.requestsPerSecond)} of ${grouped(bare.report.requestsPerSecond)}/s) | ${met(share(transfers, bare) >= TARGETS.shareOfBare)} |`,
    `| embedded balance ≥ ${percent(TARGETS.shareOfBare)} of bare | ${percent(balanceShare.median)}: ${shareRange}${grouped(balance.report.requestsPerSecond)} of ${grouped(bare.report.requestsPerSecond)}/s | ${met(balanceShare.median >= TARGETS.shareOfBare)} |`,
    `| no answer but a 2xx, no connection error | ${refusals} | ${met(measurements.every((m) => m.report.non2xx + m.report.errors === 0))} |`,
    `| the ledger check after the run | ${ledger} | ${met(ledger.startsWith('ok'))} |`,
  ];
}

function jsonLine(measurement: Measurement, bare: Measurement): string {
  return JSON.stringify({
    measure: measurement.name,
    connections,
    seconds,
    rps: Math.round(measurement.report.requestsPerSecond),
    p50_ms: Number(fixed(measurement.report.p50Ms)),
    p99_ms: Number(fixed(measurement.report.p99Ms)),
    non2xx: measurement.report.non2xx,
    errors: measurement.report.errors,
    ratio_to_bare: Number(share(measurement, bare).toFixed(3)),
  });
}

/** The ledger check of `npm run ledger:check`, on the whole scratch database. */
async function ledgerStatus(deployment: Deployment): Promise<string> {
  const problems = await checkLedger(deployment.instance.db);
  for (const problem of problems.slice(0, 5)) console.log(`  ${problem.code}: ${problem.message}`);
  const counts = await ledgerCounts(deployment.instance.db);
  const summary = `${counts.accounts} accounts, ${grouped(counts.entries)} entries, ${grouped(counts.lines)} lines`;
  return problems.length === 0 ? `ok (${summary})` : `${problems.length} problems (${summary})`;
}

/**
 * The transfers the database holds against the 2xx answers autocannon counted (warm-up and run):
 * as many, plus at most the requests still in flight when each of the two runs stopped.
 */
async function transfersStatus(deployment: Deployment, transfers: Measurement): Promise<string> {
  const answered = [transfers.warmup, transfers.report].reduce((sum, r) => sum + r.answers - r.non2xx, 0);
  const [row] = await deployment.instance.db.query<{ count: number }>('SELECT count(*)::int AS count FROM transfers');
  const stored = row?.count ?? 0;
  const consistent = stored >= answered && stored <= answered + 2 * connections;
  const inFlight = `up to ${2 * connections} more can be requests in flight when autocannon stopped`;
  return `${grouped(stored)} transfers stored for ${grouped(answered)} 2xx answers in the warm-up and the run (${inFlight})${consistent ? '' : ': MISMATCH'}`;
}

function settingLines(deployment: Deployment): string[] {
  return [
    `- ${connections} connections, ${seconds} s per measurement after ${warmupSeconds} s of warm-up; autocannon 9 in a child process of its own (\`bench/http/load.ts\`), so its CPU is not the server's`,
    `- BFF: \`createApp\` listening in this process (\`startInstance\`), a pool of ${POOL_SIZE} connections, request logs at info level written to /dev/null, background jobs stopped`,
    `- rate limits (per secret key and per embedded session) set to ${grouped(RATE_LIMIT)}/s with a burst of ${grouped(RATE_LIMIT)}, so the limiter never refuses (its bookkeeping still runs on every request)`,
    `- bare: \`GET /bare\` on a tiny Express app of its own, in this process, answering \`{"object":"bare","ok":true}\` with no middleware`,
    `- transfers: form-encoded \`amount=${TRANSFER_MINOR}&currency=usd&destination=…\` to ${deployment.destinations.length} connected accounts in turn, each request with its own \`Idempotency-Key\`; the platform funded for ${grouped(FUNDED_TRANSFERS_PER_SECOND)} transfers/s`,
    `- balance: an account session granting \`balances\`, its client secret claimed at \`POST /v1/embedded/session\`; the token as Bearer and \`Origin: ${ORIGIN}\` (allowed by the CORS settings) on every read`,
    ...(profiling
      ? ['- profiled (`--profile`): the V8 sampling profiler ran in this process, slowing the servers']
      : []),
  ];
}

/** Replaces the results block of bench/results/http.md, formatted as the repository formats Markdown. */
async function writeResults(lines: string[]): Promise<void> {
  const block = `${START_MARK}\n${lines.join('\n')}\n${END_MARK}`;
  const current = existsSync(RESULTS_FILE)
    ? readFileSync(RESULTS_FILE, 'utf8')
    : `# HTTP benchmark\n\n${START_MARK}\n${END_MARK}\n`;
  const start = current.indexOf(START_MARK);
  const end = current.indexOf(END_MARK);
  if (start < 0 || end < start)
    throw new Error(`${fileURLToPath(RESULTS_FILE)} has no ${START_MARK} … ${END_MARK} block`);
  const text = `${current.slice(0, start)}${block}${current.slice(end + END_MARK.length)}`;
  const options = await resolveConfig(fileURLToPath(RESULTS_FILE));
  writeFileSync(RESULTS_FILE, await format(text, { ...options, parser: 'markdown' }));
}

function printRefusals(measurements: Measurement[]): void {
  for (const { name, report } of measurements) {
    if (report.non2xx + report.errors === 0) continue;
    console.log(`\n${name}: statuses ${JSON.stringify(report.statuses)}, ${report.errors} connection errors`);
    if (report.firstRefusal !== undefined) console.log(`  first refusal: ${report.firstRefusal}`);
  }
}

async function main(): Promise<void> {
  const resources = new Resources();
  process.once('SIGINT', () => {
    void resources.closeAll().finally(() => process.exit(130));
  });
  try {
    const deployment = await deploy(resources, {
      destinationCount,
      fundedMinor: TRANSFER_MINOR * FUNDED_TRANSFERS_PER_SECOND * (warmupSeconds + seconds),
    });
    const [version] = await deployment.instance.db.query<{ version: string }>('SELECT version()');
    const machine = machineDescription(version?.version ?? 'unknown');
    const setting = settingLines(deployment);
    console.log(`${machine.join('\n')}\n${setting.join('\n')}\n\n${HEADER.join('\n')}`);
    const measurements = await measureAll(deployment);
    const [bare, transfers] = measurements;
    if (!bare || !transfers) throw new Error('three measurements expected');
    printRefusals(measurements);
    const pairs = await measurePairs(deployment);
    const balanceShare = balanceShares(measurements, pairs);
    const paired = pairLines(pairs, balanceShare.shares);
    const ledger = await ledgerStatus(deployment);
    const stored = await transfersStatus(deployment, transfers);
    const loadAtEnd = `- load average at end: ${loadAverage()}`;
    const targets = targetRows(measurements, balanceShare, ledger);
    const json = measurements.map((measurement) => jsonLine(measurement, bare));
    console.log(
      `\n${paired.map((line) => `${line}\n`).join('')}ledger check: ${ledger}\n${stored}\n${loadAtEnd}\n\nAgainst the issue's targets:\n\n${targets.join('\n')}`,
    );
    console.log(`\n${json.join('\n')}`);
    if (process.argv.includes('--write')) {
      await writeResults([
        ...machine,
        loadAtEnd,
        ...setting,
        '',
        ...HEADER,
        ...measurements.map((measurement) => row(measurement, bare)),
        '',
        ...paired.flatMap((line) => [line, '']),
        `Ledger check after the run: ${ledger}. ${stored}.`,
        '',
        "Against the issue's targets:",
        '',
        ...targets,
        '',
        '```',
        ...json,
        '```',
      ]);
    }
  } finally {
    await resources.closeAll();
  }
}

await main();
