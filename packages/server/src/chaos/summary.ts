import type { Evidence, OperationRecord } from './checks';
import { errorCode } from './client';
import type { FaultSummary } from './faults';

/** What a bank test run did, for its printout. */
export interface BankSummary {
  clients: number;
  /** The whole run: setting up, traffic, draining and checking. */
  seconds: number;
  trafficSeconds: number;
  /** Sends of an operation (a duplicate is a send of its own). */
  operations: number;
  /** HTTP exchanges, retries included. */
  requests: number;
  acknowledged: number;
  succeeded: number;
  /** Acknowledged refusals: 4xx answers and 402 declines. */
  refused: number;
  unavailable: number;
  keyInUse: number;
  rateLimited: number;
  connectionErrors: number;
  /** Answers with `Idempotent-Replayed: true`. */
  replays: number;
  /** Sends given up unanswered. */
  abandoned: number;
  duplicates: number;
  /** Per kind of operation: sends, outcomes, and the latency of its HTTP exchanges. */
  byKind: Record<string, { sent: number; succeeded: number; refused: number; p50Ms: number; p99Ms: number }>;
  /** The most frequent refusal codes. */
  refusals: Record<string, number>;
  faults: FaultSummary;
  clock: { advances: number; hours: number };
  objects: {
    charges: number;
    transfers: number;
    refunds: number;
    payouts: number;
    automaticPayouts: number;
    releases: number;
  };
  webhooks: { deliveries: number; receipts: number; failedAnswers: number; redeliveries: number };
}

export function summarize(
  records: readonly OperationRecord[],
  evidence: Evidence,
  faults: FaultSummary,
  options: { clients: number; seconds: number; clock: { stepSeconds: number } },
  seconds: number,
): BankSummary {
  const attempts = records.flatMap((record) => record.attempts);
  const finals = records.flatMap((record) => (record.acknowledged ? (record.attempts.at(-1) ?? []) : []));
  const byKind: BankSummary['byKind'] = {};
  const refusals: Record<string, number> = {};
  const latencies = new Map<string, number[]>();
  for (const record of records) {
    const kind = (byKind[record.kind] ??= { sent: 0, succeeded: 0, refused: 0, p50Ms: 0, p99Ms: 0 });
    kind.sent += 1;
    latencies.set(record.kind, [
      ...(latencies.get(record.kind) ?? []),
      ...record.attempts.map((attempt) => attempt.ms),
    ]);
    const last = record.attempts.at(-1);
    if (!record.acknowledged || last === undefined) continue;
    if (last.status === 200) kind.succeeded += 1;
    else {
      kind.refused += 1;
      const code = `${last.status} ${errorCode(last.body) ?? 'no code'}`;
      refusals[code] = (refusals[code] ?? 0) + 1;
    }
  }
  for (const [kind, values] of latencies) {
    const sorted = values.sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
    Object.assign(byKind[kind] ?? {}, { p50Ms: at(0.5), p99Ms: at(0.99) });
  }
  const advances = records.filter(
    (record) => record.kind === 'advance' && record.acknowledged && !record.request.key?.startsWith('drain-'),
  ).length;
  const receipts = evidence.receipts;
  const seen = new Set<string>();
  let redeliveries = 0;
  for (const receipt of receipts) {
    const id = `${receipt.endpoint}:${receipt.eventId}`;
    if (seen.has(id)) redeliveries += 1;
    seen.add(id);
  }
  return {
    clients: options.clients,
    seconds: Math.round(seconds * 10) / 10,
    trafficSeconds: options.seconds,
    operations: records.length,
    requests: attempts.length,
    acknowledged: finals.length,
    succeeded: finals.filter((attempt) => attempt.status === 200).length,
    refused: finals.filter((attempt) => attempt.status !== 200).length,
    unavailable: attempts.filter((attempt) => attempt.status === 503).length,
    keyInUse: attempts.filter((attempt) => attempt.status === 409).length,
    rateLimited: attempts.filter((attempt) => attempt.status === 429).length,
    connectionErrors: attempts.filter((attempt) => attempt.status === 0).length,
    replays: attempts.filter((attempt) => attempt.replayed).length,
    abandoned: records.filter((record) => !record.acknowledged).length,
    duplicates: records.filter((record) => record.duplicate !== 'none').length,
    byKind,
    refusals: Object.fromEntries(
      Object.entries(refusals)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 12),
    ),
    faults,
    clock: { advances, hours: (advances * options.clock.stepSeconds) / 3600 },
    objects: {
      charges: evidence.charges.length,
      transfers: evidence.keyed.transfers.length,
      refunds: evidence.keyed.refunds.length,
      payouts: evidence.payouts.length,
      automaticPayouts: evidence.payouts.filter((payout) => payout.automatic).length,
      releases: evidence.releases.filter((release) => release.released).length,
    },
    webhooks: {
      deliveries: evidence.deliveries.length,
      receipts: receipts.length,
      failedAnswers: receipts.filter((receipt) => receipt.answered >= 300).length,
      redeliveries,
    },
  };
}

/** The summary as a few lines of text. */
export function formatSummary(summary: BankSummary): string {
  const kinds = Object.entries(summary.byKind)
    .map(
      ([kind, counts]) =>
        `${kind} ${counts.sent} (${counts.succeeded} ok, ${counts.refused} refused, p50 ${counts.p50Ms} ms, p99 ${counts.p99Ms} ms)`,
    )
    .join(', ');
  const restarts =
    summary.faults.restarts > 0
      ? `, ${summary.faults.restarts} restart(s) taking ${summary.faults.restartMs.join(', ')} ms`
      : '';
  return [
    `bank test: ${summary.clients} clients, ${summary.trafficSeconds} s of traffic, ${summary.seconds} s in all`,
    `requests ${summary.requests} for ${summary.operations} operations: acknowledged ${summary.acknowledged} (${summary.succeeded} succeeded, ${summary.refused} refused), 503s ${summary.unavailable}, 409s in use ${summary.keyInUse}, 429s ${summary.rateLimited}, connection errors ${summary.connectionErrors}, replays ${summary.replays}, duplicates sent ${summary.duplicates}, given up ${summary.abandoned}`,
    `by kind: ${kinds}`,
    `refusals: ${Object.entries(summary.refusals)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ')}`,
    `faults: ${summary.faults.kills} backends killed (${summary.faults.missed} rounds missed the server)${restarts}`,
    `clock: ${summary.clock.advances} advances, ${summary.clock.hours} hours`,
    `objects: ${summary.objects.charges} charges, ${summary.objects.transfers} transfers, ${summary.objects.refunds} refunds, ${summary.objects.payouts} payouts (${summary.objects.automaticPayouts} automatic), ${summary.objects.releases} fund releases`,
    `webhooks: ${summary.webhooks.deliveries} deliveries, ${summary.webhooks.receipts} received, ${summary.webhooks.failedAnswers} answered 500 on purpose, ${summary.webhooks.redeliveries} delivered again`,
  ].join('\n');
}
