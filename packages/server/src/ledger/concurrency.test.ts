import { randomInt } from 'node:crypto';
import type { ConnectedAccountId } from '@atrium/core';
import {
  accountTransferEntry,
  connectedAccount,
  ledgerAccountKey,
  platformAccount,
  topupEntry,
  topupSettlementEntry,
  transferEntry,
} from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../services/events';
import { runOperation } from '../store/operation';
import type { OperationOutcome, OperationResult } from '../store/operation';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { checkLedger } from './check';
import { LEDGER_ISOLATION, postEntries, postEntry } from './post';

const ACCOUNTS: ConnectedAccountId[] = ['acct_a', 'acct_b', 'acct_c', 'acct_d', 'acct_e', 'acct_f'];
const WORKERS = 32;
const TRANSFERS = 2_000;
const FUNDING_MINOR = 50_000;

interface TransferRequest {
  key: string;
  transferId: string;
  from: ConnectedAccountId;
  to: ConnectedAccountId;
  amountMinor: number;
  feeMinor: number;
  /** Sent twice at the same moment, as a client retrying on a timeout would. */
  duplicated: boolean;
}

function randomRequest(index: number): TransferRequest {
  const from = ACCOUNTS[randomInt(ACCOUNTS.length)] ?? 'acct_a';
  const others = ACCOUNTS.filter((account) => account !== from);
  return {
    key: `key-${index}`,
    transferId: `tr_${index}`,
    from,
    to: others[randomInt(others.length)] ?? 'acct_b',
    amountMinor: 1 + randomInt(2_000),
    feeMinor: randomInt(3),
    duplicated: index % 10 === 0,
  };
}

/** The product's code path: one operation with its key, the posting, and the outbox event. */
function send(db: TestDatabase, request: TransferRequest): Promise<OperationOutcome<{ id: string; posted: boolean }>> {
  return runOperation(
    db,
    {
      isolation: LEDGER_ISOLATION,
      idempotency: { scope: 'platform:key_1:', key: request.key, requestHash: request.transferId },
    },
    async (tx): Promise<OperationResult<{ id: string; posted: boolean }>> => {
      const posted = await postEntry(tx, accountTransferEntry({ ...request, currency: 'usd' }));
      if (!posted.ok) return { status: 402, body: { id: request.transferId, posted: false } };
      await recordEvent(tx, { type: 'transfer.created', accountId: request.from, object: { id: request.transferId } });
      return { status: 200, body: { id: request.transferId, posted: true } };
    },
  );
}

describe.each((await testDatabaseKinds()).filter((kind) => kind === 'postgres'))(
  'concurrent transfers on %s',
  (kind) => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(kind, { maxConnections: 40 });
      await db.transaction(LEDGER_ISOLATION, async (tx) => {
        await openLedgerFor(tx, 'platform', 'usd');
        for (const account of ACCOUNTS) await openLedgerFor(tx, account, 'usd');
        const total = FUNDING_MINOR * ACCOUNTS.length;
        const funded = await postEntries(tx, [
          topupEntry({ topupId: 'tu_1', currency: 'usd', amountMinor: total }),
          topupSettlementEntry({ topupId: 'tu_1', currency: 'usd', amountMinor: total }),
          ...ACCOUNTS.map((destination, index) =>
            transferEntry({
              transferId: `tr_fund${index}`,
              destination,
              currency: 'usd',
              amountMinor: FUNDING_MINOR,
              balance: 'available',
            }),
          ),
        ]);
        expect(funded.ok).toBe(true);
      });
    });
    afterAll(async () => {
      await db.destroy();
    });

    it('opens the same new accounts from many transactions at once without a refusal', async () => {
      // Two inserts of one account conflict only when both pass PostgreSQL's check for a
      // conflict before either is in the index: a narrow window, so many rounds of eight.
      const rounds = Array.from({ length: 40 }, (_, round) => `acct_new${round}` as ConnectedAccountId);
      const refusals: unknown[] = [];
      for (const owner of rounds) {
        const opened = await Promise.allSettled(
          Array.from({ length: 8 }, () => db.transaction(LEDGER_ISOLATION, (tx) => openLedgerFor(tx, owner, 'eur'))),
        );
        for (const result of opened) if (result.status === 'rejected') refusals.push(result.reason);
      }
      expect(refusals).toEqual([]);
      const rows = await db.query<{ count: number }>(
        `SELECT count(*)::bigint AS count FROM ledger_accounts WHERE owner = ANY($1) AND currency = 'eur'`,
        [rounds],
      );
      expect(rows[0]?.count).toBe(rounds.length * 3);
    });

    it('keeps every invariant with 32 workers, duplicated requests and a hot account', async () => {
      const requests = Array.from({ length: TRANSFERS }, (_, index) => randomRequest(index));
      const outcomes = new Map<string, OperationOutcome<{ id: string; posted: boolean }>[]>();
      let next = 0;
      const worker = async () => {
        for (let request = requests[next++]; request; request = requests[next++]) {
          const sent = request.duplicated ? [send(db, request), send(db, request)] : [send(db, request)];
          outcomes.set(request.key, await Promise.all(sent));
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));

      // Every key took effect exactly once: one posting if its answer says so, none otherwise.
      const entries = await db.query<{ source_id: string; n: number }>(
        `SELECT source_id, count(*) AS n FROM ledger_entries WHERE source_id LIKE 'tr\\_%' AND source_id NOT LIKE 'tr\\_fund%'
        GROUP BY source_id`,
      );
      const posted = new Map(entries.map((row) => [row.source_id, row.n]));
      const expected = new Map<ConnectedAccountId, number>(ACCOUNTS.map((account) => [account, FUNDING_MINOR]));
      let platformFees = 0;
      for (const request of requests) {
        const answers = outcomes.get(request.key) ?? [];
        const done = answers.filter((outcome) => outcome.kind === 'done');
        expect(done).toHaveLength(1);
        expect(
          answers.every(
            (outcome) => outcome.kind === 'done' || outcome.kind === 'key_in_use' || outcome.kind === 'replayed',
          ),
        ).toBe(true);
        const tookEffect = done[0]?.kind === 'done' && done[0].body.posted;
        expect(posted.get(request.transferId) ?? 0, request.key).toBe(tookEffect ? 1 : 0);
        if (tookEffect) {
          expected.set(request.from, (expected.get(request.from) ?? 0) - request.amountMinor - request.feeMinor);
          expected.set(request.to, (expected.get(request.to) ?? 0) + request.amountMinor);
          platformFees += request.feeMinor;
        }
      }
      const balances = await db.query<{ key: string; amount_minor: number; rows_used: number }>(
        `SELECT a.key, sum(b.balance_minor)::bigint AS amount_minor, count(*) FILTER (WHERE b.last_entry_id IS NOT NULL) AS rows_used
         FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id GROUP BY a.key`,
      );
      const byKey = new Map(balances.map((row) => [row.key, row]));
      for (const [account, amount] of expected) {
        expect(byKey.get(ledgerAccountKey(connectedAccount(account, 'available', 'usd')))?.amount_minor).toBe(amount);
      }
      const hot = byKey.get(ledgerAccountKey(platformAccount('pending', 'usd')));
      expect(hot?.amount_minor).toBe(platformFees);
      expect(hot?.rows_used).toBeGreaterThan(1);
      expect(await checkLedger(db)).toEqual([]);
    }, 120_000); // Seconds on a quiet machine; a busy shared one can take several times longer.
  },
);
