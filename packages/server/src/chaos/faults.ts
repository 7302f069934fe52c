import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { adminQuery } from './database';

const run = promisify(execFile);

export interface FaultOptions {
  /** The database whose backends are killed; no other database is touched. */
  database: string;
  /** A kill every this many milliseconds, drawn uniformly from the range. */
  intervalMs: [number, number];
  /** Backends killed at most at once. */
  maxBackends: number;
  /** Restarts the PostgreSQL cluster once, this long after the start. */
  restart?: { cluster: Cluster; afterMs: number };
}

/** A PostgreSQL cluster as `pg_ctlcluster` names it. */
export interface Cluster {
  version: string;
  name: string;
}

export interface FaultSummary {
  /** Backends killed with `pg_terminate_backend`. */
  kills: number;
  /** Kill rounds that could not reach the server (during a restart). */
  missed: number;
  restarts: number;
  /** How long each restart command took. */
  restartMs: number[];
}

export interface FaultInjector {
  /** Stops injecting and waits for a kill or restart under way. */
  stop(): Promise<FaultSummary>;
}

/** The local cluster `pg_ctlcluster` restarts: the first version under /etc/postgresql, cluster `main`. */
export function localCluster(): Cluster {
  const version = readdirSync('/etc/postgresql').sort()[0];
  if (version === undefined) throw new Error('No PostgreSQL cluster under /etc/postgresql');
  return { version, name: 'main' };
}

/**
 * Kills backends of one database at random moments from an admin connection, as an operator or
 * a failing network would, and optionally restarts the whole server once.
 */
export function startFaultInjector(options: FaultOptions): FaultInjector {
  const summary: FaultSummary = { kills: 0, missed: 0, restarts: 0, restartMs: [] };
  // Set by `stop()` while the loops sleep, so read through an object that narrowing leaves alone.
  const state = { stopped: false };
  const kills = (async () => {
    for (;;) {
      const [min, max] = options.intervalMs;
      await sleep(min + Math.random() * (max - min));
      if (state.stopped) break;
      await killSome(options, summary);
    }
  })();
  const restart = options.restart ? restartLater(options.restart, summary, () => state.stopped) : Promise.resolve();
  return {
    async stop() {
      state.stopped = true;
      await Promise.all([kills, restart]);
      return summary;
    },
  };
}

async function killSome(options: FaultOptions, summary: FaultSummary): Promise<void> {
  try {
    const rows = await adminQuery<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() ORDER BY random() LIMIT $2`,
      [options.database, 1 + Math.floor(Math.random() * options.maxBackends)],
    );
    summary.kills += rows.filter((row) => row.killed).length;
  } catch {
    summary.missed += 1;
  }
}

async function restartLater(
  restart: NonNullable<FaultOptions['restart']>,
  summary: FaultSummary,
  stopped: () => boolean,
): Promise<void> {
  const due = Date.now() + restart.afterMs;
  while (!stopped() && Date.now() < due) await sleep(Math.min(100, due - Date.now()));
  if (stopped()) return;
  const started = Date.now();
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', restart.cluster.version, restart.cluster.name, 'restart']);
  summary.restarts += 1;
  summary.restartMs.push(Date.now() - started);
}
