// The load generator of `npm run bench:http`, forked by run.ts into a process of its own so that
// its CPU is not charged to the server under test, as an outside client's would not be. It takes
// one `LoadSpec` over IPC, runs autocannon once, and sends back a `LoadReport`.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';
import type { Request, Result } from 'autocannon';
import { summarize } from '../ledger/stats';

/** One autocannon run. */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers: IncomingHttpHeaders;
  connections: number;
  seconds: number;
  /** Form bodies to cycle through, one per request; none for a GET. */
  bodies?: string[];
  /** Gives every request an `Idempotency-Key` of its own. */
  uniqueKeys?: boolean;
}

/** What one run measured, latencies in milliseconds. */
export interface LoadReport {
  /** autocannon's mean of its per-second samples. */
  requestsPerSecond: number;
  /** Answers received, of any status. */
  answers: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers per status code. */
  statuses: Record<string, number>;
  /** The status and start of the body of the first answer that was not a 2xx. */
  firstRefusal: string | undefined;
  /** From every answer's own response time (autocannon's histogram rounds them to whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  durationSeconds: number;
  /** CPU this load generator used during the run. */
  cpuMicros: number;
}

function requestOf(spec: LoadSpec, onRefusal: (refusal: string) => void): Request {
  const keyPrefix = `bench-${randomUUID()}`;
  let sequence = 0;
  const vary = spec.uniqueKeys === true || spec.bodies !== undefined;
  return {
    method: spec.method,
    path: spec.path,
    headers: spec.headers,
    ...(vary
      ? {
          setupRequest: (request: Request): Request => {
            sequence += 1;
            const body = spec.bodies?.[sequence % spec.bodies.length];
            return {
              ...request,
              ...(body === undefined ? {} : { body }),
              ...(spec.uniqueKeys === true
                ? { headers: { ...request.headers, 'idempotency-key': `${keyPrefix}-${sequence}` } }
                : {}),
            };
          },
        }
      : {}),
    onResponse: (status: number, body: string) => {
      if (status < 200 || status > 299) onRefusal(`${status} ${body.slice(0, 400)}`);
    },
  };
}

async function fire(spec: LoadSpec): Promise<LoadReport> {
  const latencies: number[] = [];
  let firstRefusal: string | undefined;
  const cpuBefore = process.cpuUsage();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.seconds,
        requests: [requestOf(spec, (refusal) => (firstRefusal ??= refusal))],
      },
      (error: unknown, done: Result) => {
        if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        else resolve(done);
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  });
  const cpu = process.cpuUsage(cpuBefore);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0]),
  );
  return {
    requestsPerSecond: result.requests.mean,
    answers: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
    firstRefusal,
    ...summarize(latencies),
    durationSeconds: result.duration,
    cpuMicros: cpu.user + cpu.system,
  };
}

// The parent lets go once it has the report, or went away: either way nothing more is to be sent.
process.once('disconnect', () => process.exit());
process.once('message', (spec: LoadSpec) => {
  fire(spec).then(
    (report) => process.send?.({ report }),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  );
});
