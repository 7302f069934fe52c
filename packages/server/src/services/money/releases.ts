import { releaseEntry } from '@atrium/core';
import type { JournalEntryDraft } from '@atrium/core';
import type { Job } from '../../jobs/runner';
import { postEntries } from '../../ledger';
import type { Database, Queryable, Transaction } from '../../store/db';
import { recordEvent } from '../events';
import { balanceObject } from './balance';
import type { FundReleaseRow, Owner } from './rows';
import { accountIdOf } from './rows';

const BATCH_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When funds that reach an owner's pending balance now become available: midnight UTC of today
 * plus the delay in days, as Stripe dates `available_on`.
 */
export function availableOnAfter(nowSeconds: number, delayDays: number): Date {
  const midnight = Math.floor((nowSeconds * 1000) / DAY_MS) * DAY_MS;
  return new Date(midnight + delayDays * DAY_MS);
}

export interface ReleaseDraft {
  owner: Owner;
  currency: string;
  /** What the source left in the owner's pending balance; may be zero or negative (see `releaseEntry`). */
  netMinor: number;
  sourceId: string;
  availableOn: Date;
}

/** Records money waiting in pending; returns the release's id for its balance transactions. */
export async function createRelease(q: Queryable, draft: ReleaseDraft, options: { released?: boolean } = {}) {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO fund_releases (owner, account_id, currency, net_minor, source_id, available_on, released_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN atrium_now() END) RETURNING id`,
    [
      draft.owner,
      accountIdOf(draft.owner),
      draft.currency,
      draft.netMinor,
      draft.sourceId,
      draft.availableOn,
      options.released ?? false,
    ],
  );
  if (!row) throw new Error('INSERT INTO fund_releases returned no row');
  return row.id;
}

/** The release entry that moves a release's net from pending to available; none for a zero net. */
export function releaseEntryFor(release: Pick<ReleaseDraft, 'owner' | 'currency' | 'netMinor' | 'sourceId'>) {
  if (release.netMinor === 0) return [];
  return [
    releaseEntry({
      owner: release.owner,
      currency: release.currency,
      netMinor: release.netMinor,
      sourceId: release.sourceId,
    }),
  ];
}

/** An owner's release of a source that has not happened yet, locked; undefined once released. */
export async function lockOpenRelease(
  q: Queryable,
  owner: Owner,
  sourceId: string,
): Promise<FundReleaseRow | undefined> {
  const [row] = await q.query<FundReleaseRow>(
    'SELECT * FROM fund_releases WHERE owner = $1 AND source_id = $2 AND released_at IS NULL FOR UPDATE',
    [owner, sourceId],
  );
  return row;
}

/** Changes what a pending release will move (a transfer took part of a pending charge). */
export async function adjustRelease(q: Queryable, releaseId: number, changeMinor: number): Promise<void> {
  await q.query('UPDATE fund_releases SET net_minor = net_minor + $2 WHERE id = $1 AND released_at IS NULL', [
    releaseId,
    changeMinor,
  ]);
}

async function releaseBatch(tx: Transaction): Promise<number> {
  const rows = await tx.query<FundReleaseRow>(
    `SELECT * FROM fund_releases WHERE released_at IS NULL AND available_on <= atrium_now()
      ORDER BY available_on, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [BATCH_SIZE],
  );
  if (rows.length === 0) return 0;
  const drafts: JournalEntryDraft[] = rows.flatMap((row) =>
    releaseEntryFor({ owner: row.owner, currency: row.currency, netMinor: row.net_minor, sourceId: row.source_id }),
  );
  const posted = await postEntries(tx, drafts);
  if (!posted.ok) throw new Error(`The ledger refused a release: ${JSON.stringify(posted.error)}`);
  const ids = rows.map((row) => row.id);
  await tx.query('UPDATE fund_releases SET released_at = atrium_now() WHERE id = ANY($1::bigint[])', [ids]);
  await tx.query(`UPDATE balance_transactions SET status = 'available' WHERE release_id = ANY($1::bigint[])`, [ids]);
  for (const owner of new Set(rows.filter((row) => row.net_minor > 0).map((row) => row.owner))) {
    await recordEvent(tx, {
      type: 'balance.available',
      accountId: accountIdOf(owner) ?? undefined,
      object: await balanceObject(tx, owner),
    });
  }
  return rows.length;
}

/**
 * Fund release: pending money becomes available when its `available_on` passes. Rows are claimed
 * with `FOR UPDATE SKIP LOCKED` and marked released in the same transaction as their entries, so
 * N instances never release one twice.
 */
export function fundReleaseJob(deps: { db: Database }): Job {
  return {
    name: 'fund-release',
    runBatch: () => deps.db.transaction('read committed', releaseBatch),
  };
}
