import { randomBytes } from 'node:crypto';
import type { OperationRecord, Problem } from './checks';
import { judge } from './checks';
import { createScratchDatabase } from './database';
import type { ScratchDatabase } from './database';
import { startFaultInjector } from './faults';
import type { Cluster } from './faults';
import { gatherEvidence } from './gather';
import { createSecretKey, startInstance } from './instance';
import type { Instance } from './instance';
import { startReceiver } from './receiver';
import type { Receiver } from './receiver';
import { summarize } from './summary';
import type { BankSummary } from './summary';
import { Traffic } from './traffic';
import type { ClockPace } from './traffic';
import { World, accountOperation, advanceOperation, topupOperation } from './workload';
import type { Operation } from './workload';

/**
 * The bank test: two BFF instances on one fresh PostgreSQL database, both running jobs; many
 * concurrent clients moving money through the HTTP API, retrying some requests with their
 * idempotency key (some at the same moment) and moving the test clock; a fault injector killing
 * backends at random (and, in the full run, restarting PostgreSQL). Then it drains, reads what is
 * left, and judges it (`checks.ts`).
 */
export interface BankTestOptions {
  clients: number;
  seconds: number;
  faults: {
    intervalMs: [number, number];
    maxBackends: number;
    restart?: { cluster: Cluster; afterSeconds: number };
  };
  /** How the clients move the test clock (see `ClockPace`). */
  clock: ClockPace;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface BankReport {
  summary: BankSummary;
  problems: Problem[];
  /** Every send, with its attempts and answers. */
  records: OperationRecord[];
}

const DAY_SECONDS = 24 * 60 * 60;
/** Time after the run for unanswered requests to finish, with faults stopped. */
const GRACE_MS = 20_000;
const POOL_SIZE = 10;
/** The drain's moves of the clock: long enough for every webhook retry that is due. */
const DRAIN_STEP_SECONDS = 60 * 60;
const JOB_INTERVAL_MS = 200;

interface Deployment {
  database: ScratchDatabase;
  instances: Instance[];
  secretKey: string;
  receiver: Receiver;
}

export async function runBankTest(options: BankTestOptions): Promise<BankReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const database = await createScratchDatabase('atrium_bank');
  const opened: { instances: Instance[]; receiver?: Receiver } = { instances: [] };
  try {
    const encryptionKey = randomBytes(32);
    for (let index = 0; index < 2; index += 1) {
      opened.instances.push(
        await startInstance({
          databaseUrl: database.url,
          maxConnections: POOL_SIZE,
          encryptionKey,
          // The clients are one platform and one key; the per-key limit is not under test here.
          settings: { platformRateLimit: { perSecond: 1_000_000, burst: 1_000_000 } },
          jobIntervalMs: JOB_INTERVAL_MS,
        }),
      );
    }
    opened.receiver = await startReceiver();
    const deployment: Deployment = {
      database,
      instances: opened.instances,
      secretKey: await createSecretKey(opened.instances[0]?.db ?? fail('no instance')),
      receiver: opened.receiver,
    };
    return await exercise(deployment, options, log, started);
  } finally {
    await Promise.all(opened.instances.map((instance) => instance.close()));
    await opened.receiver?.close();
    await database.drop();
  }
}

async function exercise(
  deployment: Deployment,
  options: BankTestOptions,
  log: (line: string) => void,
  started: number,
) {
  const api = deployment.instances[0] ?? fail('no instance');
  const traffic = new Traffic(
    {
      baseUrls: deployment.instances.map((instance) => instance.baseUrl),
      secretKey: deployment.secretKey,
      db: api.db,
    },
    options.clock,
  );
  const world = new World();
  const eventsAfterSeq = await setUp(deployment, traffic, world);
  log(`set up ${world.sellers.length} sellers in ${((Date.now() - started) / 1000).toFixed(1)} s; running`);
  const deadline = Date.now() + options.seconds * 1000;
  traffic.hardDeadlineMs = deadline + GRACE_MS;
  const injector = startFaultInjector({
    database: deployment.database.name,
    intervalMs: options.faults.intervalMs,
    maxBackends: options.faults.maxBackends,
    ...(options.faults.restart
      ? { restart: { cluster: options.faults.restart.cluster, afterMs: options.faults.restart.afterSeconds * 1000 } }
      : {}),
  });
  const clients = Array.from({ length: options.clients }, (_, index) => traffic.runClient(world, index, deadline));
  await sleepUntil(deadline);
  const faults = await injector.stop();
  await Promise.all(clients);
  log(`ran ${traffic.records.length} operations; draining`);
  const drainStartedMs = await drain(deployment, traffic);
  const evidence = await gatherEvidence({
    db: api.db,
    api: { index: 0, baseUrl: api.baseUrl },
    secretKey: deployment.secretKey,
    eventsAfterSeq,
    receipts: deployment.receiver.receipts,
    drainStartedMs,
    logs: deployment.instances.flatMap((instance) => instance.logs),
  });
  const problems = judge(traffic.records, evidence);
  if (options.faults.restart && faults.restarts !== 1) {
    problems.push({ check: 'faults', message: `PostgreSQL was restarted ${faults.restarts} times instead of once` });
  }
  const summary = summarize(traffic.records, evidence, faults, options, (Date.now() - started) / 1000);
  return { summary, problems, records: traffic.records };
}

/** Webhook endpoints, account transfers, sellers and the platform's funds, before any fault. */
async function setUp(deployment: Deployment, traffic: Traffic, world: World): Promise<number> {
  const { receiver } = deployment;
  for (const endpoint of ['platform', 'connect'] as const) {
    const created = await traffic.require({
      kind: 'setup',
      request: {
        method: 'POST',
        path: '/v1/webhook_endpoints',
        key: `setup-endpoint-${endpoint}`,
        body: { url: receiver.url(endpoint), enabled_events: ['*'], connect: endpoint === 'connect' },
      },
    });
    receiver.secrets[endpoint] = String(created['secret']);
  }
  const [db] = deployment.instances;
  const [seq] = await (db?.db ?? fail('no instance')).query<{ seq: number }>(
    'SELECT coalesce(max(seq), 0)::bigint AS seq FROM events',
  );
  await traffic.require({
    kind: 'setup',
    request: {
      method: 'POST',
      path: '/v1/platform_settings',
      key: 'setup-settings',
      body: { account_transfers_enabled: true },
    },
  });
  const sellers: Operation[] = [
    accountOperation(world, 'US', 'daily', 'setup-us-1'),
    accountOperation(world, 'US', 'daily', 'setup-us-2'),
    accountOperation(world, 'US', 'daily', 'setup-us-failing', { failingBank: true }),
    accountOperation(world, 'US', 'manual', 'setup-us-3'),
    accountOperation(world, 'US', 'manual', 'setup-us-4'),
    accountOperation(world, 'DE', 'daily', 'setup-de-1'),
    accountOperation(world, 'DE', 'manual', 'setup-de-2'),
    accountOperation(world, 'DE', 'manual', 'setup-de-3'),
    topupOperation('usd', 5_000_000, 'setup-topup-usd'),
    topupOperation('eur', 3_000_000, 'setup-topup-eur'),
  ];
  await Promise.all(sellers.map((operation) => traffic.require(operation)));
  // Verification and top-up settlement both follow the clock.
  await traffic.require({
    kind: 'advance',
    request: {
      method: 'POST',
      path: '/v1/test_helpers/clock/advance',
      key: 'setup-clock',
      body: { seconds: DAY_SECONDS },
    },
  });
  return seq?.seq ?? 0;
}

/**
 * Lets everything under way finish: stops the job runners, releases the claims of webhook
 * deliveries whose outcome a fault lost (as their 60-second claims lapsing would), then moves the
 * clock until every delivery has arrived. Returns when the claims were released.
 */
async function drain(deployment: Deployment, traffic: Traffic): Promise<number> {
  await Promise.all(deployment.instances.map((instance) => instance.app.atrium.jobs.stop()));
  const db = deployment.instances[0]?.db ?? fail('no instance');
  const drainStartedMs = Date.now();
  await db.query(`UPDATE webhook_deliveries SET locked_until = NULL WHERE status = 'pending'`);
  for (let round = 0; round < 30; round += 1) {
    await traffic.require(advanceOperation(`drain-${round}`, DRAIN_STEP_SECONDS));
    const [pending] = await db.query<{ count: number }>(
      `SELECT count(*)::bigint AS count FROM webhook_deliveries WHERE status = 'pending'`,
    );
    if (pending?.count === 0) break;
  }
  return drainStartedMs;
}

async function sleepUntil(deadline: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
}

function fail(message: string): never {
  throw new Error(message);
}
