import {
  accountTransferEntry,
  connectedAccount,
  destinationChargeEntry,
  destinationChargeRefundEntry,
  payoutCreatedEntry,
  platformAccount,
  processingFeeMinor,
  releaseEntry,
  systemAccount,
  transferEntry,
} from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { LEDGER_ISOLATION, postEntries, postEntry } from './post';
import { getBalance, getBalances, getLinesBySource } from './read';

describe.each(await testDatabaseKinds())('posting on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await openLedgerFor(tx, 'platform', 'usd');
      await openLedgerFor(tx, 'acct_seller', 'usd');
      await openLedgerFor(tx, 'acct_other', 'usd');
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('posts the worked example and shows the balances it leaves', async () => {
    const entry = destinationChargeEntry({
      chargeId: 'ch_worked',
      account: 'acct_seller',
      currency: 'usd',
      amountMinor: 10_000,
      applicationFee: { id: 'fee_worked', amountMinor: 1000 },
      processingFeeMinor: processingFeeMinor(10_000, 'usd'),
    });
    const result = await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, entry));
    expect(result).toMatchObject({ ok: true, entry: { operation: 'destination_charge', sourceId: 'ch_worked' } });
    expect(await getBalances(db, 'acct_seller')).toEqual([
      { kind: 'available', currency: 'usd', amountMinor: 0 },
      { kind: 'in_transit', currency: 'usd', amountMinor: 0 },
      { kind: 'pending', currency: 'usd', amountMinor: 9000 },
    ]);
    expect(await getBalance(db, platformAccount('pending', 'usd'))).toBe(680);
    expect(await getBalance(db, systemAccount('processor', 'usd'))).toBe(-9680);
  });

  it('finds the lines of a charge and of its application fee by source id', async () => {
    const lines = await getLinesBySource(db, 'ch_worked');
    expect(
      lines.map((line) => [line.account.owner, line.direction, line.amountMinor, line.type, line.sourceId]),
    ).toEqual([
      ['system:processor', 'debit', 10_000, 'charge', 'ch_worked'],
      ['acct_seller', 'credit', 9000, 'payment', 'ch_worked'],
      ['platform', 'credit', 1000, 'application_fee', 'fee_worked'],
      ['platform', 'debit', 320, 'stripe_fee', 'ch_worked'],
      ['system:processor', 'credit', 320, 'stripe_fee', 'ch_worked'],
    ]);
    expect(lines[0]).toMatchObject({ operation: 'destination_charge', entrySourceId: 'ch_worked', lineNo: 1 });
    expect((await getLinesBySource(db, 'fee_worked')).map((line) => line.amountMinor)).toEqual([1000]);
    expect(await getLinesBySource(db, 'ch_none')).toEqual([]);
  });

  it('refuses a payout beyond the available balance with a typed result, and writes nothing', async () => {
    const release = releaseEntry({ owner: 'acct_seller', currency: 'usd', netMinor: 9000, sourceId: 'ch_worked' });
    expect((await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, release))).ok).toBe(true);
    const before = await db.query<{ n: number }>('SELECT count(*) AS n FROM ledger_lines');
    const payout = payoutCreatedEntry({ payoutId: 'po_big', owner: 'acct_seller', currency: 'usd', amountMinor: 9001 });
    const result = await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, payout));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'insufficient_funds',
        entryIndex: 0,
        account: 'acct_seller/available/usd',
        balanceMinor: 9000,
        changeMinor: -9001,
      },
    });
    expect(await db.query('SELECT count(*) AS n FROM ledger_lines')).toEqual(before);
    expect(await getBalance(db, connectedAccount('acct_seller', 'available', 'usd'))).toBe(9000);
  });

  it('lets a refund with a transfer reversal overdraw the seller, then refuses its transfers', async () => {
    const refund = destinationChargeRefundEntry({
      refundId: 're_big',
      account: 'acct_seller',
      currency: 'usd',
      amountMinor: 10_000,
      transferReversal: { id: 'trr_big', amountMinor: 10_000 },
    });
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, refund))).toMatchObject({ ok: true });
    expect(await getBalance(db, connectedAccount('acct_seller', 'available', 'usd'))).toBe(-1000);
    const transfer = accountTransferEntry({
      transferId: 'tr_out',
      from: 'acct_seller',
      to: 'acct_other',
      currency: 'usd',
      amountMinor: 1,
      feeMinor: 0,
    });
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, transfer))).toMatchObject({
      ok: false,
      error: { code: 'insufficient_funds', account: 'acct_seller/available/usd', balanceMinor: -1000 },
    });
  });

  it("refuses a platform transfer beyond the platform's available balance", async () => {
    const transfer = transferEntry({
      transferId: 'tr_platform',
      destination: 'acct_other',
      currency: 'usd',
      amountMinor: 1,
      balance: 'available',
    });
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntry(tx, transfer))).toMatchObject({
      ok: false,
      error: { code: 'insufficient_funds', account: 'platform/available/usd', balanceMinor: 0 },
    });
  });

  it('posts a batch all or nothing', async () => {
    const move = (transferId: string, from: 'acct_seller' | 'acct_other', amountMinor: number) =>
      accountTransferEntry({
        transferId,
        from,
        to: from === 'acct_seller' ? 'acct_other' : 'acct_seller',
        currency: 'usd',
        amountMinor,
        feeMinor: 0,
      });
    const release = releaseEntry({ owner: 'acct_other', currency: 'usd', netMinor: 5, sourceId: 'ch_other' });
    const fund = destinationChargeEntry({
      chargeId: 'ch_other',
      account: 'acct_other',
      currency: 'usd',
      amountMinor: 5,
      processingFeeMinor: 0,
    });
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, [fund, release]))).toMatchObject({
      ok: true,
    });
    const failed = await db.transaction(LEDGER_ISOLATION, (tx) =>
      postEntries(tx, [move('tr_b1', 'acct_other', 3), move('tr_b2', 'acct_other', 3)]),
    );
    expect(failed).toMatchObject({ ok: false, error: { code: 'insufficient_funds', entryIndex: 1, balanceMinor: 2 } });
    expect(await getLinesBySource(db, 'tr_b1')).toEqual([]);
    expect(await getBalance(db, connectedAccount('acct_other', 'available', 'usd'))).toBe(5);
    const posted = await db.transaction(LEDGER_ISOLATION, (tx) =>
      postEntries(tx, [move('tr_b3', 'acct_other', 3), move('tr_b4', 'acct_other', 2)]),
    );
    expect(posted.ok && posted.entries.map((entry) => entry.sourceId)).toEqual(['tr_b3', 'tr_b4']);
    expect(await getBalance(db, connectedAccount('acct_other', 'available', 'usd'))).toBe(0);
  });

  it('spreads a hot account over its balance rows and reads their sum', async () => {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
        WHERE a.key = 'platform/pending/usd'`,
    );
    expect(rows[0]?.n).toBe(16);
    const sum = await db.query<{ total: number }>(
      `SELECT sum(b.balance_minor)::bigint AS total FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
        WHERE a.key = 'platform/pending/usd'`,
    );
    expect(sum[0]?.total).toBe(await getBalance(db, platformAccount('pending', 'usd')));
  });

  it("sends the caller's statements ahead of the posting, and nothing when the drafts are refused in code", async () => {
    await db.query('CREATE TABLE t_before (label text)');
    const note = (label: string) => ({ sql: 'INSERT INTO t_before (label) VALUES ($1)', params: [label] });
    const fund = destinationChargeEntry({
      chargeId: 'ch_before',
      account: 'acct_other',
      currency: 'usd',
      amountMinor: 10,
      processingFeeMinor: 0,
    });
    const posted = await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, [fund], { before: [note('with')] }));
    expect(posted).toMatchObject({ ok: true });
    const unbalanced = { ...fund, sourceId: 'ch_unbalanced', lines: fund.lines.slice(1) };
    const refused = await db.transaction(LEDGER_ISOLATION, (tx) =>
      postEntries(tx, [unbalanced], { before: [note('refused')] }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_entry' } });
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, [], { before: [note('alone')] }))).toEqual({
      ok: true,
      entries: [],
    });
    const labels = await db.query<{ label: string }>('SELECT label FROM t_before ORDER BY label');
    expect(labels.map((row) => row.label)).toEqual(['alone', 'with']);
    expect(await getLinesBySource(db, 'ch_before')).toHaveLength(fund.lines.length);
  });

  it('posts nothing for an empty batch', async () => {
    expect(await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, []))).toEqual({ ok: true, entries: [] });
  });
});
