import { topupCanceledEntry, topupEntry, topupSettlementEntry } from '@atrium/core';
import { notFound } from '../../http/errors';
import { mergeMetadata } from '../../http/metadata';
import { newId } from '../../ids';
import type { Job } from '../../jobs/runner';
import { postEntries } from '../../ledger';
import type { Database, Queryable, Transaction } from '../../store/db';
import { recordEvent } from '../events';
import { checkAmountBounds, refused } from './amounts';
import { balanceObject } from './balance';
import { insertBalanceTransaction } from './balance-transactions';
import { openBalances, postOrRefuse } from './ledger-io';
import { topupObject } from './objects';
import type { TopupCreateParams } from './params';
import type { TopupRow } from './rows';

/** How long the simulated bank debit behind a top-up takes to settle, on the test clock. */
const TOPUP_SETTLEMENT_SECONDS = 24 * 60 * 60;

const TOPUP_ID = /^tu_[A-Za-z0-9]{1,64}$/;
const BATCH_SIZE = 20;

export async function loadTopup(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<TopupRow> {
  const sql = `SELECT * FROM topups WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`;
  const [row] = TOPUP_ID.test(id) ? await q.query<TopupRow>(sql, [id]) : [];
  if (!row) throw notFound('topup', id);
  return row;
}

/**
 * `POST /v1/topups`: the platform adds money from its bank account. The funds are pending until
 * the simulated bank debit settles (`TOPUP_SETTLEMENT_SECONDS` later), then available.
 */
export async function createTopup(q: Queryable, params: TopupCreateParams) {
  checkAmountBounds(params.amount, params.currency, 'amount');
  const id = newId('tu');
  await openBalances(q, ['platform'], params.currency);
  await postOrRefuse(q, [topupEntry({ topupId: id, currency: params.currency, amountMinor: params.amount })]);
  const [settles] = await q.query<{ at: Date }>('SELECT atrium_now() + make_interval(secs => $1) AS at', [
    TOPUP_SETTLEMENT_SECONDS,
  ]);
  const settlesAt = settles?.at ?? new Date();
  const txn = await insertBalanceTransaction(q, {
    owner: 'platform',
    type: 'topup',
    currency: params.currency,
    amount: params.amount,
    source: id,
    description: params.description ?? null,
    pending: { releaseId: null, availableOn: settlesAt },
  });
  const [row] = await q.query<TopupRow>(
    `INSERT INTO topups (id, created_at, amount, currency, status, description, statement_descriptor, metadata, settles_at,
       balance_transaction_id)
     VALUES ($1, atrium_now(), $2, $3, 'pending', $4, $5, $6, $7, $8) RETURNING *`,
    [
      id,
      params.amount,
      params.currency,
      params.description ?? null,
      params.statement_descriptor ?? null,
      JSON.stringify(mergeMetadata({}, params.metadata)),
      settlesAt,
      txn,
    ],
  );
  if (!row) throw new Error('INSERT INTO topups returned no row');
  const object = topupObject(row);
  await recordEvent(q, { type: 'topup.created', accountId: undefined, object });
  return object;
}

/**
 * `POST /v1/topups/:id/cancel` (the top-up locked by the caller): a top-up whose bank debit has
 * not settled yet is called off. Its funds leave the platform's pending balance; its balance
 * transaction stops being pending, and a `topup_reversal` one of the opposite amount nets it out,
 * both available from now on.
 */
export async function cancelTopup(q: Queryable, topup: TopupRow): Promise<TopupRow> {
  const [clock] = await q.query<{ now: Date }>('SELECT atrium_now() AS now');
  const settled = clock !== undefined && topup.settles_at.getTime() <= clock.now.getTime();
  if (topup.status !== 'pending' || settled) {
    throw refused(
      `Top-up ${topup.id} cannot be canceled: only a pending top-up whose bank debit has not settled can (it is ${settled && topup.status === 'pending' ? 'settling' : topup.status}).`,
      undefined,
      'topup_not_cancelable',
    );
  }
  await postOrRefuse(q, [
    topupCanceledEntry({ topupId: topup.id, currency: topup.currency, amountMinor: topup.amount }),
  ]);
  await q.query(
    `UPDATE balance_transactions SET status = 'available', available_on = atrium_now()
      WHERE type = 'topup' AND source = $1`,
    [topup.id],
  );
  await insertBalanceTransaction(q, {
    owner: 'platform',
    type: 'topup_reversal',
    currency: topup.currency,
    amount: -topup.amount,
    source: topup.id,
    description: topup.description,
  });
  const [row] = await q.query<TopupRow>(
    `UPDATE topups SET status = 'canceled' WHERE id = $1 AND status = 'pending' RETURNING *`,
    [topup.id],
  );
  if (!row) throw new Error(`top-up ${topup.id} changed while it was locked`);
  await recordEvent(q, { type: 'topup.canceled', accountId: undefined, object: topupObject(row) });
  return row;
}

async function settleBatch(tx: Transaction): Promise<number> {
  const rows = await tx.query<TopupRow>(
    `SELECT * FROM topups WHERE status = 'pending' AND settles_at <= atrium_now()
      ORDER BY settles_at, seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [BATCH_SIZE],
  );
  if (rows.length === 0) return 0;
  const posted = await postEntries(
    tx,
    rows.map((row) => topupSettlementEntry({ topupId: row.id, currency: row.currency, amountMinor: row.amount })),
  );
  if (!posted.ok) throw new Error(`The ledger refused a top-up settlement: ${JSON.stringify(posted.error)}`);
  const ids = rows.map((row) => row.id);
  const settled = await tx.query<TopupRow>(
    `UPDATE topups SET status = 'succeeded' WHERE id = ANY($1::text[]) AND status = 'pending' RETURNING *`,
    [ids],
  );
  await tx.query(
    `UPDATE balance_transactions SET status = 'available' WHERE type = 'topup' AND source = ANY($1::text[])`,
    [ids],
  );
  for (const row of settled)
    await recordEvent(tx, { type: 'topup.succeeded', accountId: undefined, object: topupObject(row) });
  await recordEvent(tx, {
    type: 'balance.available',
    accountId: undefined,
    object: await balanceObject(tx, 'platform'),
  });
  return rows.length;
}

/** Top-up settlement: pending top-ups whose bank debit has settled become available, once. */
export function topupSettlementJob(deps: { db: Database }): Job {
  return {
    name: 'topup-settlement',
    runBatch: () => deps.db.transaction('read committed', settleBatch),
  };
}
