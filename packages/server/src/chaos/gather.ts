import { processingFeeMinor } from '@atrium/core';
import { checkLedger } from '../ledger';
import type { Database } from '../store/db';
import type { Evidence } from './checks';
import { sendOnce } from './client';
import type { Receipt } from './receiver';
import type { CountedTable } from './workload';
import { COUNTED_TABLES } from './workload';

/** Reads what the run left, once it has drained: rows, ledger entries, balances through the API. */
export interface GatherInput {
  db: Database;
  /** Where balances are read through the API, and with which key. */
  api: { index: number; baseUrl: string };
  secretKey: string;
  /** The last event made before the webhook endpoints existed. */
  eventsAfterSeq: number;
  receipts: Receipt[];
  drainStartedMs: number;
  /** Every log line of the instances. */
  logs: Record<string, unknown>[];
}

export async function gatherEvidence(input: GatherInput): Promise<Evidence> {
  const { db } = input;
  const keyed = {} as Evidence['keyed'];
  for (const table of COUNTED_TABLES) keyed[table] = await keyedRows(db, table);
  const [entries, charges, payouts, topups, releases, activations, due, events, deliveries] = await Promise.all([
    db.query<Evidence['entries'][number]>(
      'SELECT source_id AS source, operation::text AS operation, count(*)::bigint AS count FROM ledger_entries GROUP BY 1, 2',
    ),
    db.query<Evidence['charges'][number]>('SELECT id, captured FROM charges'),
    db.query<Evidence['payouts'][number]>(
      `SELECT id, account_id AS account, currency, amount, status, fee, automatic,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM payouts`,
    ),
    db.query<Evidence['topups'][number]>('SELECT id, status FROM topups'),
    db.query<Evidence['releases'][number]>(
      'SELECT source_id AS source, released_at IS NOT NULL AS released, net_minor AS net FROM fund_releases',
    ),
    db.query<Evidence['activations'][number]>(
      `SELECT account_id AS account, data->'object'->>'id' AS capability, count(*)::bigint AS count FROM events
        WHERE type = 'capability.updated' AND data->'object'->>'status' = 'active' GROUP BY 1, 2`,
    ),
    db.query<{ id: string }>('SELECT id FROM accounts WHERE verification_due_at <= atrium_now()'),
    db.query<Evidence['events'][number]>('SELECT id, account_id AS account FROM events WHERE seq > $1', [
      input.eventsAfterSeq,
    ]),
    db.query<Evidence['deliveries'][number]>(
      `SELECT CASE WHEN e.connect THEN 'connect' ELSE 'platform' END AS endpoint, d.event_id AS "eventId",
              d.status, d.attempts
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id`,
    ),
  ]);
  const balances = await apiBalances(input);
  return {
    keyed,
    entries,
    charges,
    payouts,
    topups,
    releases,
    activations,
    verificationsDue: due.map((row) => row.id),
    money: await moneyFlows(db, balances.totals),
    negativeBalances: balances.negative,
    ledgerProblems: await checkLedger(db),
    events,
    deliveries,
    receipts: input.receipts,
    drainStartedMs: input.drainStartedMs,
    serverErrors: unexpectedErrors(input.logs),
  };
}

/** Error lines other than a job meeting an outage (it runs again on the next round). */
function unexpectedErrors(logs: Record<string, unknown>[]): string[] {
  return logs.flatMap((line) => {
    if (typeof line['level'] !== 'number' || line['level'] < 50) return [];
    const error = line['err'] as { type?: string; message?: string; stack?: string } | undefined;
    if (line['msg'] === 'job failed' && error?.type === 'DatabaseUnavailableError') return [];
    const where = error?.stack?.split('\n').slice(0, 4).join(' | ') ?? '';
    return [
      `${String(line['msg'])}${typeof line['job'] === 'string' ? ` (${line['job']})` : ''}: ${error?.message ?? ''} ${where}`,
    ];
  });
}

async function keyedRows(db: Database, table: CountedTable) {
  return db.query<{ id: string; key: string }>(
    `SELECT id, metadata->>'chaos_key' AS key FROM ${table} WHERE metadata ? 'chaos_key'`,
  );
}

/** Money that came in and went out per currency, from the API objects (not the ledger). */
async function moneyFlows(db: Database, balances: Map<string, number>): Promise<Evidence['money']> {
  const flows = new Map<string, { inMinor: number; outMinor: number }>();
  const add = (currency: string, inMinor: number, outMinor: number) => {
    const flow = flows.get(currency) ?? { inMinor: 0, outMinor: 0 };
    flows.set(currency, { inMinor: flow.inMinor + inMinor, outMinor: flow.outMinor + outMinor });
  };
  const captured = await db.query<{ currency: string; amount: number }>(
    'SELECT currency, amount_captured AS amount FROM charges WHERE amount_captured > 0',
  );
  for (const charge of captured)
    add(charge.currency, charge.amount, processingFeeMinor(charge.amount, charge.currency));
  const sums = await db.query<{ currency: string; in_minor: number; out_minor: number }>(
    `SELECT currency, sum(in_minor)::bigint AS in_minor, sum(out_minor)::bigint AS out_minor FROM (
       SELECT currency, amount AS in_minor, 0 AS out_minor FROM topups WHERE status <> 'canceled'
       UNION ALL SELECT currency, 0, amount FROM refunds
       UNION ALL SELECT currency, 0, amount - fee FROM payouts WHERE status = 'paid'
     ) flows GROUP BY currency`,
  );
  for (const sum of sums) add(sum.currency, sum.in_minor, sum.out_minor);
  const currencies = new Set([...flows.keys(), ...balances.keys()]);
  return [...currencies].sort().map((currency) => ({
    currency,
    inMinor: flows.get(currency)?.inMinor ?? 0,
    outMinor: flows.get(currency)?.outMinor ?? 0,
    balancesMinor: balances.get(currency) ?? 0,
  }));
}

interface BalanceBody {
  available: { amount: number; currency: string }[];
  pending: { amount: number; currency: string }[];
  in_transit: { amount: number; currency: string }[];
}

/** Every owner's balance as `GET /v1/balance` shows it, summed per currency. */
async function apiBalances(input: GatherInput) {
  const accounts = await input.db.query<{ id: string }>('SELECT id FROM accounts ORDER BY id');
  const totals = new Map<string, number>();
  const negative: string[] = [];
  for (const owner of [undefined, ...accounts.map((account) => account.id)]) {
    const answer = await sendOnce(input.api, input.secretKey, {
      method: 'GET',
      path: '/v1/balance',
      ...(owner === undefined ? {} : { account: owner }),
    });
    if (answer.status !== 200)
      throw new Error(`GET /v1/balance for ${owner ?? 'the platform'} answered ${answer.status}`);
    const body = answer.body as BalanceBody;
    for (const kind of ['available', 'pending', 'in_transit'] as const) {
      for (const { amount, currency } of body[kind]) {
        totals.set(currency, (totals.get(currency) ?? 0) + amount);
        const mayBeNegative = kind === 'available' || (kind === 'pending' && owner === undefined);
        if (amount < 0 && !mayBeNegative) negative.push(`${owner ?? 'platform'} ${kind} ${currency} is ${amount}`);
      }
    }
  }
  return { totals, negative };
}
