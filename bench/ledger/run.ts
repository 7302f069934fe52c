// `npm run bench:ledger`: transfers per second and latency of the ledger on PostgreSQL, through the
// product's code path, for each profile at 1, 4, 16 and 32 workers. Options:
//   --seconds N       how long each measurement runs (default 5)
//   --profiles a,b    which profiles (default all; see profiles.ts)
//   --workers 1,4     which worker counts (default 1,4,16,32)
//   --steps N         transfers for the per-step CPU breakdown, run after the uniform profile (default 1000; 0 skips it)
//   --write           also put the results into bench/results/ledger.md
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { format, resolveConfig } from 'prettier';
import { checkLedger } from '../../packages/server/src/ledger/check';
import type { Database } from '../../packages/server/src/store/db';
import { migrate } from '../../packages/server/src/store/migrate';
import { openPostgres } from '../../packages/server/src/store/postgres';
import type { Profile } from './profiles';
import { PROFILES, call, setUp } from './profiles';
import { loadAverage, machineDescription, summarize } from './stats';
import { measureSteps } from './steps';

const ADMIN_URL = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS_FILE = new URL('../results/ledger.md', import.meta.url);
const START_MARK = '<!-- bench:ledger:start -->';
const END_MARK = '<!-- bench:ledger:end -->';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const seconds = Number(option('seconds') ?? 5);
const workerCounts = (option('workers') ?? '1,4,16,32').split(',').map(Number);
const profileNames = option('profiles')?.split(',');
const profiles = PROFILES.filter((profile) => !profileNames || profileNames.includes(profile.name));
const stepCount = Number(option('steps') ?? 1000);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * CPU time (microseconds) used so far by each of this database's server processes, when the
 * server is local (read from /proc); undefined when it is not.
 */
async function serverCpuMicros(db: Database, name: string): Promise<Map<number, number> | undefined> {
  const rows = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
  const micros = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      micros.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
    } catch {
      return undefined;
    }
  }
  return micros;
}

/** CPU used between two readings; a process that started in between counts from zero, one that ended is lost. */
function cpuBetween(
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
): number | undefined {
  if (!before || !after) return undefined;
  let total = 0;
  for (const [pid, micros] of after) total += micros - (before.get(pid) ?? 0);
  return total;
}

interface Cell {
  profile: string;
  workers: number;
  transfers: number;
  tps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  nodeMicrosPerTransfer: number;
  serverMicrosPerTransfer: number | undefined;
}

async function measure(db: Database, name: string, profile: Profile, workers: number): Promise<Cell> {
  const latencies: number[] = [];
  let transfers = 0;
  const deadline = performance.now() + seconds * 1000;
  const serverBefore = await serverCpuMicros(db, name);
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const callStarted = performance.now();
        const posted = await call(db, profile, `${profile.name.replace(/_/g, '')}${workers}w${worker}x`);
        transfers += posted;
        latencies.push(performance.now() - callStarted);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const node = process.cpuUsage(nodeBefore);
  const serverAfter = await serverCpuMicros(db, name);
  return {
    profile: profile.name,
    workers,
    transfers,
    tps: Math.round(transfers / elapsedSeconds),
    ...summarize(latencies),
    nodeMicrosPerTransfer: Math.round((node.user + node.system) / transfers),
    serverMicrosPerTransfer: mapDefined(cpuBetween(serverBefore, serverAfter), (micros) =>
      Math.round(micros / transfers),
    ),
  };
}

const fixed = (value: number) => value.toFixed(1);
const mapDefined = <T, U>(value: T | undefined, map: (value: T) => U): U | undefined =>
  value === undefined ? undefined : map(value);
const row = (cell: Cell) =>
  `| ${cell.profile} | ${cell.workers} | ${cell.tps} | ${fixed(cell.p50Ms)} | ${fixed(cell.p99Ms)} | ${fixed(cell.maxMs)} | ${cell.nodeMicrosPerTransfer} | ${cell.serverMicrosPerTransfer ?? 'n/a'} |`;
const HEADER = [
  '| profile | workers | transfers/s | p50 ms | p99 ms | max ms | Node CPU µs/transfer | PostgreSQL CPU µs/transfer |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

const STEP_HEADER = ['| step | PostgreSQL CPU µs | Node CPU µs |', '| --- | ---: | ---: |'];

/** The per-step breakdown, on its own single-connection pool so every step runs on one server process. */
async function stepBreakdown(url: string, profile: Profile): Promise<string[]> {
  const single = await openPostgres({ connectionString: url, maxConnections: 1 });
  try {
    await measureSteps(single, profile, Math.ceil(stepCount / 5), 'warm');
    return await measureSteps(single, profile, stepCount, 'run');
  } finally {
    await single.close();
  }
}

/** Replaces the results block of bench/results/ledger.md, formatted as the repository formats Markdown. */
async function writeResults(lines: string[]): Promise<void> {
  const block = `${START_MARK}\n${lines.join('\n')}\n${END_MARK}`;
  const current = existsSync(RESULTS_FILE)
    ? readFileSync(RESULTS_FILE, 'utf8')
    : `# Ledger benchmark\n\n${START_MARK}\n${END_MARK}\n`;
  mkdirSync(new URL('.', RESULTS_FILE), { recursive: true });
  const start = current.indexOf(START_MARK);
  const end = current.indexOf(END_MARK);
  const text = `${current.slice(0, start)}${block}${current.slice(end + END_MARK.length)}`;
  const options = await resolveConfig(fileURLToPath(RESULTS_FILE));
  writeFileSync(RESULTS_FILE, await format(text, { ...options, parser: 'markdown' }));
}

async function main(): Promise<void> {
  const name = `atrium_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const maxConnections = Math.max(...workerCounts) + 4;
  const db = await openPostgres({ connectionString: url.toString(), maxConnections });
  try {
    await migrate(db);
    const [version] = await db.query<{ version: string }>('SELECT version()');
    const machine = machineDescription(version?.version ?? 'unknown');
    console.log(machine.join('\n'));
    console.log(`\n${seconds} s per measurement\n\n${HEADER.join('\n')}`);
    const cells: Cell[] = [];
    const checks = new Map<string, string>();
    let steps: string[] = [];
    for (const profile of profiles) {
      await setUp(db, profile);
      for (const workers of workerCounts) {
        const cell = await measure(db, name, profile, workers);
        cells.push(cell);
        console.log(row(cell));
      }
      if (profile.name === 'uniform' && stepCount > 0) steps = await stepBreakdown(url.toString(), profile);
      const problems = await checkLedger(db);
      checks.set(profile.name, problems.length === 0 ? 'ok' : `${problems.length} problems`);
      for (const problem of problems.slice(0, 5)) console.log(`  ${problem.code}: ${problem.message}`);
    }
    const json = cells.map((cell) =>
      JSON.stringify({
        profile: cell.profile,
        workers: cell.workers,
        tps: cell.tps,
        p50_ms: Number(fixed(cell.p50Ms)),
        p99_ms: Number(fixed(cell.p99Ms)),
        check: checks.get(cell.profile) ?? 'not run',
      }),
    );
    if (steps.length > 0) console.log(`\n${STEP_HEADER.join('\n')}\n${steps.join('\n')}`);
    console.log(`\n${json.join('\n')}`);
    if (process.argv.includes('--write')) {
      await writeResults([
        ...machine,
        `- load average at end: ${loadAverage()}`,
        '',
        `${seconds} s per measurement; ledger check after each profile: ${[...checks].map(([profile, check]) => `${profile} ${check}`).join(', ')}.`,
        '',
        ...HEADER,
        ...cells.map(row),
        '',
        ...(steps.length > 0
          ? [
              `Where one transfer's time goes (${stepCount} transfers one at a time, uniform accounts):`,
              '',
              ...STEP_HEADER,
              ...steps,
              '',
            ]
          : []),
        '```',
        ...json,
        '```',
      ]);
    }
  } finally {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
