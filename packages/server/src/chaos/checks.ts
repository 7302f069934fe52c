import { isDeepStrictEqual } from 'node:util';
import { maxAmountMinor } from '@atrium/core';
import type { LedgerProblem } from '../ledger';
import type { ApiRequest, Attempt } from './client';
import { errorCode, isRetryable } from './client';
import type { EndpointName, Receipt } from './receiver';
import type { CountedTable, OperationKind } from './workload';
import { OPERATION_TABLES } from './workload';

/**
 * The bank test's judgement: pure functions over what the clients saw (`OperationRecord`) and
 * what the database and the webhook receiver hold afterwards (`Evidence`). Each returns the
 * problems it finds; an empty list is a pass.
 */

/** One send of an operation, with every attempt until it was answered or given up. */
export interface OperationRecord {
  kind: OperationKind;
  request: ApiRequest;
  attempts: Attempt[];
  /** Sent again with its key: `after` its answer, or `together` with the first send. */
  duplicate: 'none' | 'after' | 'together';
  /** Whether an answer came that the client keeps (not a 503, 409 in use, 429 or lost connection). */
  acknowledged: boolean;
}

export interface Problem {
  check: string;
  message: string;
}

/** What the database, the API and the receiver hold once the run has drained. */
export interface Evidence {
  /** Objects whose metadata carries a request's idempotency key, per table. */
  keyed: Record<CountedTable, { id: string; key: string }[]>;
  /** Ledger entries per source object and operation. */
  entries: { source: string; operation: string; count: number }[];
  charges: { id: string; captured: boolean }[];
  payouts: {
    id: string;
    account: string;
    currency: string;
    amount: number;
    status: string;
    fee: number;
    automatic: boolean;
    day: string;
  }[];
  topups: { id: string; status: string }[];
  releases: { source: string; released: boolean; net: number }[];
  /** `capability.updated` events to `active`, per account and capability. */
  activations: { account: string; capability: string; count: number }[];
  /** Accounts whose verification came due and was never applied. */
  verificationsDue: string[];
  /** Per currency: money in (captured charges, top-ups), out (refunds, processing fees, paid payouts), and the sum of every balance the API shows. */
  money: { currency: string; inMinor: number; outMinor: number; balancesMinor: number }[];
  /** Balances the API shows below zero that may never be (connected accounts' pending and in transit). */
  negativeBalances: string[];
  ledgerProblems: LedgerProblem[];
  /** Events made after the webhook endpoints were, with the connected account they concern. */
  events: { id: string; account: string | null }[];
  deliveries: { endpoint: EndpointName; eventId: string; status: string; attempts: number }[];
  receipts: Receipt[];
  /** When the drain released the claims of deliveries whose outcome a fault lost. */
  drainStartedMs: number;
  /** The BFFs' error log lines: requests that failed unexpectedly, and jobs that failed for another reason than an outage. */
  serverErrors: string[];
}

/**
 * Two deliveries of one event, the first answered 2xx, closer together than this would mean two
 * instances held the claim at once: a claim lasts 60 seconds, less the time a delivery takes.
 */
export const CLAIM_GAP_MS = 50_000;

const MAX_MESSAGES = 10;

/** Collects one check's problems, keeping the first few messages and counting the rest. */
class Findings {
  private readonly messages: string[] = [];
  private more = 0;
  constructor(private readonly check: string) {}
  add(message: string) {
    if (this.messages.length < MAX_MESSAGES) this.messages.push(message);
    else this.more += 1;
  }
  problems(): Problem[] {
    const problems = this.messages.map((message) => ({ check: this.check, message }));
    if (this.more > 0) problems.push({ check: this.check, message: `... and ${this.more} more` });
    return problems;
  }
}

const describe = (record: OperationRecord) =>
  `${record.request.method} ${record.request.path}${record.request.key ? ` (key ${record.request.key})` : ''}`;

/** Every answer is a success, an expected refusal, or a well-formed 503; never another 5xx. */
export function checkAnswers(records: readonly OperationRecord[]): Problem[] {
  const findings = new Findings('answers');
  for (const record of records) {
    for (const attempt of record.attempts) {
      const problem = answerProblem(record, attempt);
      if (problem) findings.add(`${describe(record)}: ${problem}`);
    }
  }
  return findings.problems();
}

function answerProblem(record: OperationRecord, attempt: Attempt): string | undefined {
  if (attempt.status === 503) {
    const body = attempt.body as { error?: { type?: unknown; message?: unknown } } | undefined;
    if (attempt.retryAfter === null) return '503 without Retry-After';
    if (body?.error?.type !== 'api_error' || typeof body.error.message !== 'string') return '503 without an api_error';
    if (/\n\s+at |Error:/.test(JSON.stringify(body))) return '503 with a stack trace';
    return undefined;
  }
  if (attempt.status >= 500) return `answered ${attempt.status}: ${JSON.stringify(attempt.body).slice(0, 300)}`;
  if (errorCode(attempt.body) === 'idempotency_key_reused') return 'the same request was refused as another';
  if (record.request.method === 'GET' && !isRetryable(attempt) && attempt.status !== 200) {
    return `a read answered ${attempt.status}`;
  }
  return undefined;
}

/** The attempts whose answers the client kept: the last one of each acknowledged send. */
function acknowledgedAttempts(records: readonly OperationRecord[]): Map<string, Attempt[]> {
  const byKey = new Map<string, Attempt[]>();
  for (const record of records) {
    const key = record.request.key;
    const last = record.attempts.at(-1);
    if (key === undefined || !record.acknowledged || last === undefined) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), last]);
  }
  return byKey;
}

/** Per key: at most one answer that is not a replay, and every replay equal to the stored answer. */
export function checkReplays(records: readonly OperationRecord[]): Problem[] {
  const findings = new Findings('replays');
  for (const [key, answers] of acknowledgedAttempts(records)) {
    const originals = answers.filter((answer) => !answer.replayed);
    if (originals.length > 1) findings.add(`key ${key} ran ${originals.length} times`);
    const [first, ...rest] = answers;
    for (const other of rest) {
      if (first && (other.status !== first.status || !isDeepStrictEqual(other.body, first.body))) {
        findings.add(`key ${key}: a replay answered ${other.status} and a body unlike the stored ${first.status}`);
      }
    }
  }
  return findings.problems();
}

/**
 * Per key: an acknowledged success made exactly one object (the one it answered with), a
 * committed decline one payment intent, a refusal none; an unanswered request at most one.
 */
export function checkEffects(records: readonly OperationRecord[], keyed: Evidence['keyed']): Problem[] {
  const findings = new Findings('exactly once');
  const known = new Set(records.flatMap((record) => record.request.key ?? []));
  const acknowledged = acknowledgedAttempts(records);
  const checked = new Set<string>();
  for (const record of records) {
    const key = record.request.key;
    const table = OPERATION_TABLES[record.kind];
    if (key === undefined || table === undefined || checked.has(key)) continue;
    checked.add(key);
    const ids = keyed[table].filter((row) => row.key === key).map((row) => row.id);
    const answer = acknowledged.get(key)?.[0];
    const expected = answer === undefined ? undefined : answer.status === 200 || answer.status === 402 ? 1 : 0;
    if (expected === undefined && ids.length > 1) findings.add(`unanswered key ${key} made ${ids.length} ${table}`);
    if (expected !== undefined && ids.length !== expected) {
      findings.add(`key ${key} answered ${answer?.status} but made ${ids.length} ${table}`);
    }
    const answeredId = (answer?.body as { id?: unknown } | undefined)?.id;
    if (answer?.status === 200 && ids.length === 1 && ids[0] !== answeredId) {
      findings.add(`key ${key} answered ${String(answeredId)} but made ${ids[0]}`);
    }
  }
  for (const [table, rows] of Object.entries(keyed)) {
    for (const row of rows) if (!known.has(row.key)) findings.add(`${table} ${row.id} carries unknown key ${row.key}`);
  }
  return findings.problems();
}

type EntryCount = (source: string, operation: string) => number;

function entryCounter(entries: Evidence['entries']): EntryCount {
  const counts = new Map(entries.map((entry) => [`${entry.source}/${entry.operation}`, entry.count]));
  return (source, operation) => counts.get(`${source}/${operation}`) ?? 0;
}

/** Every object has exactly the ledger entries its state calls for: nothing posted twice or lost. */
export function checkLedgerEffects(evidence: Evidence): Problem[] {
  const findings = new Findings('ledger effects');
  const count = entryCounter(evidence.entries);
  const expect = (source: string, operation: string, expected: number) => {
    const actual = count(source, operation);
    if (actual !== expected) findings.add(`${source} has ${actual} ${operation} entries, expected ${expected}`);
  };
  for (const charge of evidence.charges) {
    const captures = ['direct_charge', 'destination_charge', 'separate_charge'].reduce(
      (sum, operation) => sum + count(charge.id, operation),
      0,
    );
    if (captures !== (charge.captured ? 1 : 0)) findings.add(`charge ${charge.id} was posted ${captures} times`);
  }
  for (const payout of evidence.payouts) {
    expect(payout.id, 'payout', 1);
    expect(payout.id, 'instant_payout_fee', payout.fee > 0 ? 1 : 0);
    expect(payout.id, 'payout_paid', payout.status === 'paid' ? 1 : 0);
    expect(payout.id, 'payout_failed', payout.status === 'failed' ? 1 : 0);
    expect(payout.id, 'payout_canceled', payout.status === 'canceled' ? 1 : 0);
  }
  for (const topup of evidence.topups) {
    expect(topup.id, 'topup', 1);
    expect(topup.id, 'topup_settlement', topup.status === 'succeeded' ? 1 : 0);
    expect(topup.id, 'topup_canceled', topup.status === 'canceled' ? 1 : 0);
  }
  for (const transfer of evidence.keyed.transfers) expect(transfer.id, 'transfer', 1);
  for (const reversal of evidence.keyed.transfer_reversals) expect(reversal.id, 'transfer_reversal', 1);
  for (const refund of evidence.keyed.refunds) expect(refund.id, 'refund', 1);
  const releases = new Map<string, number>();
  for (const release of evidence.releases) {
    const posted = release.released && release.net !== 0 ? 1 : 0;
    releases.set(release.source, (releases.get(release.source) ?? 0) + posted);
  }
  for (const [source, expected] of releases) expect(source, 'release', expected);
  return findings.problems();
}

/**
 * No automatic payout ran twice in a day (one run pays a balance above the largest single payout
 * in several, all of the largest amount but the last), no verification was applied twice, none was
 * left undone.
 */
export function checkJobs(evidence: Evidence): Problem[] {
  const findings = new Findings('jobs once');
  const automatic = new Map<string, number[]>();
  for (const payout of evidence.payouts.filter((each) => each.automatic)) {
    const day = `${payout.account} ${payout.currency} ${payout.day}`;
    automatic.set(day, [...(automatic.get(day) ?? []), payout.amount]);
  }
  for (const [day, amounts] of automatic) {
    const largest = maxAmountMinor(day.split(' ')[1] ?? '');
    const full = amounts.filter((amount) => amount === largest).length;
    if (amounts.length > 1 && full < amounts.length - 1) {
      findings.add(`${amounts.length} automatic payouts for ${day}`);
    }
  }
  for (const activation of evidence.activations) {
    if (activation.count > 1) {
      findings.add(`${activation.account}'s ${activation.capability} became active ${activation.count} times`);
    }
  }
  for (const account of evidence.verificationsDue) findings.add(`${account}'s verification came due and never ran`);
  return findings.problems();
}

/** Per currency, money in less money out is what all balances hold; no forbidden negative balance. */
export function checkMoney(evidence: Evidence): Problem[] {
  const findings = new Findings('money');
  for (const { currency, inMinor, outMinor, balancesMinor } of evidence.money) {
    if (inMinor - outMinor !== balancesMinor) {
      findings.add(
        `${currency}: in ${inMinor} - out ${outMinor} = ${inMinor - outMinor}, balances hold ${balancesMinor}`,
      );
    }
  }
  for (const negative of evidence.negativeBalances) findings.add(negative);
  for (const problem of evidence.ledgerProblems) findings.add(`checkLedger: ${problem.code}: ${problem.message}`);
  return findings.problems();
}

/**
 * Webhooks: every event has its delivery, every delivery arrived, signed, at least once, and an
 * event arrived again only after a failed answer, a lapsed claim, or the drain's release of claims.
 */
export function checkWebhooks(evidence: Evidence): Problem[] {
  const findings = new Findings('webhooks');
  const endpointOf = (account: string | null): EndpointName => (account === null ? 'platform' : 'connect');
  const deliveries = new Set(evidence.deliveries.map((each) => `${each.endpoint}:${each.eventId}`));
  for (const event of evidence.events) {
    if (!deliveries.has(`${endpointOf(event.account)}:${event.id}`)) findings.add(`event ${event.id} has no delivery`);
  }
  const receipts = new Map<string, Receipt[]>();
  for (const receipt of evidence.receipts) {
    const id = `${receipt.endpoint}:${receipt.eventId}`;
    if (!receipt.signed) findings.add(`${id} arrived with a signature that does not verify`);
    receipts.set(id, [...(receipts.get(id) ?? []), receipt]);
  }
  for (const delivery of evidence.deliveries) {
    const id = `${delivery.endpoint}:${delivery.eventId}`;
    if (delivery.status !== 'succeeded')
      findings.add(`${id} is ${delivery.status} after ${delivery.attempts} attempts`);
    if (!receipts.has(id)) findings.add(`${id} never arrived`);
  }
  for (const [id, arrivals] of receipts) {
    if (!deliveries.has(id)) findings.add(`${id} arrived without a delivery`);
    const sorted = [...arrivals].sort((a, b) => a.receivedMs - b.receivedMs);
    for (const [index, later] of sorted.entries()) {
      const earlier = sorted[index - 1];
      if (earlier === undefined || earlier.answered >= 300 || later.receivedMs >= evidence.drainStartedMs) continue;
      if (later.receivedMs - earlier.receivedMs < CLAIM_GAP_MS) {
        findings.add(`${id} arrived twice ${later.receivedMs - earlier.receivedMs} ms apart after a 2xx answer`);
      }
    }
  }
  return findings.problems();
}

/** The BFFs logged no unexpected error: every failure under faults was an outage. */
export function checkServerErrors(evidence: Evidence): Problem[] {
  const findings = new Findings('server errors');
  for (const line of evidence.serverErrors) findings.add(line);
  return findings.problems();
}

/** Every check, in order. */
export function judge(records: readonly OperationRecord[], evidence: Evidence): Problem[] {
  return [
    ...checkAnswers(records),
    ...checkServerErrors(evidence),
    ...checkReplays(records),
    ...checkEffects(records, evidence.keyed),
    ...checkLedgerEffects(evidence),
    ...checkJobs(evidence),
    ...checkMoney(evidence),
    ...checkWebhooks(evidence),
  ];
}
