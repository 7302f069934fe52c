import { randomInt } from 'node:crypto';
import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import {
  accountTransferEntry,
  connectedAccount,
  ledgerAccountPolicy,
  topupEntry,
  topupSettlementEntry,
  transferEntry,
} from '@atrium/core';
import { openLedgerAccounts, openLedgerFor } from '../../packages/server/src/ledger/accounts';
import { LEDGER_ISOLATION, postEntries, postEntry } from '../../packages/server/src/ledger/post';
import { recordEvent } from '../../packages/server/src/services/events';
import type { Database } from '../../packages/server/src/store/db';
import { runOperation } from '../../packages/server/src/store/operation';
import type { OperationResult } from '../../packages/server/src/store/operation';

/** A benchmark profile: its accounts, and how one call (one operation) is made. */
export interface Profile {
  name: string;
  description: string;
  accounts: number;
  currency: string;
  /** Transfers per call. */
  batch: number;
  /** Whether each transfer also pays a fee to the platform's pending balance (the hot account). */
  fee: boolean;
  /** Balance rows of the platform's pending balance: the design (16) or a single row, to compare. */
  hotShards: number;
}

export const PROFILES: Profile[] = [
  {
    name: 'uniform',
    description: '10,000 accounts, random pairs',
    accounts: 10_000,
    currency: 'usd',
    batch: 1,
    fee: false,
    hotShards: 16,
  },
  {
    name: 'contended',
    description: '10 accounts, random pairs',
    accounts: 10,
    currency: 'jpy',
    batch: 1,
    fee: false,
    hotShards: 16,
  },
  {
    name: 'hot',
    description: 'uniform, plus a fee line to the platform (16 balance rows)',
    accounts: 10_000,
    currency: 'usd',
    batch: 1,
    fee: true,
    hotShards: 16,
  },
  {
    name: 'hot_one_row',
    description: 'hot, with the platform balance in a single row',
    accounts: 10_000,
    currency: 'eur',
    batch: 1,
    fee: true,
    hotShards: 1,
  },
  {
    name: 'batch',
    description: '100 transfers per call, uniform accounts',
    accounts: 10_000,
    currency: 'usd',
    batch: 100,
    fee: false,
    hotShards: 16,
  },
];

const FUNDING_MINOR = 900_000;
const TOPUP_MINOR = 99_000_000;

export function accountId(profile: Profile, index: number): ConnectedAccountId {
  return `acct_${profile.currency}${index}`;
}

/** Opens and funds the profile's accounts: top-ups to the platform, then transfers to each account. */
export async function setUp(db: Database, profile: Profile): Promise<void> {
  const { currency } = profile;
  const policyOf = (ref: Parameters<typeof ledgerAccountPolicy>[0]) => {
    const policy = ledgerAccountPolicy(ref);
    return policy.shardCount > 1 && ref.owner === 'platform' ? { ...policy, shardCount: profile.hotShards } : policy;
  };
  const ids = Array.from({ length: profile.accounts }, (_, index) => accountId(profile, index));
  await db.transaction(LEDGER_ISOLATION, async (tx) => {
    await openLedgerFor(tx, 'platform', currency, { policyOf });
    await openLedgerAccounts(
      tx,
      ids.map((id) => connectedAccount(id, 'available', currency)),
    );
  });
  const topups = Math.ceil((FUNDING_MINOR * profile.accounts) / TOPUP_MINOR);
  const funding: JournalEntryDraft[] = [];
  for (let index = 0; index < topups; index += 1) {
    const topupId = `tu_${currency}${index}`;
    funding.push(topupEntry({ topupId, currency, amountMinor: TOPUP_MINOR }));
    funding.push(topupSettlementEntry({ topupId, currency, amountMinor: TOPUP_MINOR }));
  }
  ids.forEach((destination, index) =>
    funding.push(
      transferEntry({
        transferId: `tr_fund${currency}${index}`,
        destination,
        currency,
        amountMinor: FUNDING_MINOR,
        balance: 'available',
      }),
    ),
  );
  for (let start = 0; start < funding.length; start += 1000) {
    const chunk = funding.slice(start, start + 1000);
    const result = await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, chunk));
    if (!result.ok) throw new Error(`funding failed: ${JSON.stringify(result.error)}`);
  }
}

let sequence = 0;

function randomTransfer(profile: Profile, tag: string): JournalEntryDraft {
  const from = randomInt(profile.accounts);
  const to = (from + 1 + randomInt(profile.accounts - 1)) % profile.accounts;
  sequence += 1;
  return accountTransferEntry({
    transferId: `tr_${tag}${sequence}`,
    from: accountId(profile, from),
    to: accountId(profile, to),
    currency: profile.currency,
    amountMinor: 1 + randomInt(100),
    feeMinor: profile.fee ? 1 : 0,
  });
}

/**
 * One call as the product makes it: one operation with an idempotency key, the postings, and an
 * outbox event (one per call: a batch is one operation). Resolves to the transfers it posted.
 */
export async function call(db: Database, profile: Profile, tag: string): Promise<number> {
  const drafts = Array.from({ length: profile.batch }, () => randomTransfer(profile, tag));
  const first = drafts[0]?.sourceId ?? 'tr_none';
  const outcome = await runOperation(
    db,
    { isolation: LEDGER_ISOLATION, idempotency: { scope: 'platform:bench:', key: `key_${first}`, requestHash: first } },
    async (tx): Promise<OperationResult<{ id: string } | { error: string }>> => {
      const posted = drafts.length === 1 && drafts[0] ? await postEntry(tx, drafts[0]) : await postEntries(tx, drafts);
      if (!posted.ok) return { status: 402, body: { error: posted.error.code } };
      await recordEvent(tx, {
        type: 'transfer.created',
        accountId: undefined,
        object: { id: first, transfers: drafts.length },
      });
      return { status: 200, body: { id: first } };
    },
  );
  if (outcome.kind !== 'done' || outcome.status !== 200) throw new Error(`transfer failed: ${JSON.stringify(outcome)}`);
  return drafts.length;
}
