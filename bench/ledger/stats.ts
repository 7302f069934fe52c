import { execFileSync } from 'node:child_process';
import { cpus, freemem, totalmem } from 'node:os';

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarize(latenciesMs: number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0 };
}

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
export function loadAverage(): string {
  return command('sh', ['-c', "cut -d' ' -f1-3 /proc/loadavg"]);
}

/** What the numbers were measured on. */
export function machineDescription(postgresVersion: string): string[] {
  return [
    `- date: ${new Date().toISOString()}`,
    `- cores (nproc): ${command('nproc', [])}`,
    `- CPU: ${cpus()[0]?.model ?? 'unknown'}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free (\`free -h\`: ${command('sh', ['-c', 'free -h | awk \'/Mem:/ {print $2" total, "$7" available"}\''])})`,
    `- load average at start: ${loadAverage()}`,
    `- PostgreSQL: ${postgresVersion}`,
    `- Node.js: ${process.version}`,
  ];
}
