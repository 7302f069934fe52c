import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../../packages/server/src/store/db';

/** Linux counts CPU time in /proc in ticks of USER_HZ, 100 a second on every common build. */
const MICROS_PER_TICK = 10_000;

/** CPU used so far, in microseconds; undefined where this machine cannot tell. */
export interface CpuReading {
  /** This process: the BFF and the bare app. */
  processMicros: number;
  /** Busy and total time of all cores (/proc/stat). */
  machine: { busyMicros: number; totalMicros: number } | undefined;
  /** Each server process of the BFF's database, by pid, when PostgreSQL runs on this machine. */
  postgres: Map<number, number> | undefined;
}

/** CPU per answer of one measurement, in microseconds. */
export interface CpuPerAnswer {
  processMicros: number;
  loadMicros: number;
  postgresMicros: number | undefined;
  /** Busy time not charged above: other work on the machine, the kernel's loopback networking, PostgreSQL's background processes. */
  restMicros: number | undefined;
  /** How busy all cores were, in percent. */
  busyPercent: number | undefined;
}

function machineMicros(): CpuReading['machine'] {
  if (!existsSync('/proc/stat')) return undefined;
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  // user nice system idle iowait irq softirq steal
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busyMicros: (total - idle) * MICROS_PER_TICK, totalMicros: total * MICROS_PER_TICK };
}

async function postgresMicros(db: Database): Promise<CpuReading['postgres']> {
  const rows = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const micros = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // After the command name: state is field 0, utime field 11 and stime field 12.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      micros.set(pid, (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK);
    } catch {
      return undefined;
    }
  }
  return micros;
}

export async function readCpu(db: Database): Promise<CpuReading> {
  const usage = process.cpuUsage();
  return { processMicros: usage.user + usage.system, machine: machineMicros(), postgres: await postgresMicros(db) };
}

/** A server process that started in between counts from zero; one that ended is lost. */
function postgresBetween(before: CpuReading['postgres'], after: CpuReading['postgres']): number | undefined {
  if (!before || !after) return undefined;
  let total = 0;
  for (const [pid, micros] of after) total += micros - (before.get(pid) ?? 0);
  return total;
}

export function cpuPerAnswer(before: CpuReading, after: CpuReading, loadMicros: number, answers: number): CpuPerAnswer {
  const per = (micros: number) => Math.round(micros / Math.max(1, answers));
  const processMicros = per(after.processMicros - before.processMicros);
  const postgres = postgresBetween(before.postgres, after.postgres);
  const share: CpuPerAnswer = {
    processMicros,
    loadMicros: per(loadMicros),
    postgresMicros: postgres === undefined ? undefined : per(postgres),
    restMicros: undefined,
    busyPercent: undefined,
  };
  if (before.machine && after.machine) {
    const busy = after.machine.busyMicros - before.machine.busyMicros;
    const charged = after.processMicros - before.processMicros + loadMicros + (postgres ?? 0);
    share.restMicros = per(Math.max(0, busy - charged));
    share.busyPercent = Math.round((100 * busy) / (after.machine.totalMicros - before.machine.totalMicros));
  }
  return share;
}
