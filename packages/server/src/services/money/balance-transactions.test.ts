import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing';
import type { TestDatabase } from '../../store/testing';
import { insertBalanceTransactions } from './balance-transactions';
import type { BalanceTransactionRow } from './rows';

describe.each(await testDatabaseKinds())('insertBalanceTransactions on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('records every draft in one statement, in the given order, with each column of its own', async () => {
    const availableOn = new Date('2031-05-04T00:00:00Z');
    const ids = await db.transaction('read committed', (tx) =>
      insertBalanceTransactions(tx, [
        {
          owner: 'platform',
          type: 'topup',
          currency: 'eur',
          amount: 5000,
          source: 'tu_1',
          pending: { releaseId: null, availableOn },
        },
        {
          owner: 'platform',
          type: 'transfer',
          currency: 'jpy',
          amount: -1200,
          fee: 30,
          feeDetails: [{ amount: 30, currency: 'jpy', description: 'Atrium fee', type: 'stripe_fee' }],
          source: 'tr_1',
          description: 'Transfer to acct_x',
        },
      ]),
    );
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const rows = await db.query<BalanceTransactionRow & { seq: number }>(
      'SELECT * FROM balance_transactions WHERE id = ANY($1::text[]) ORDER BY seq',
      [ids],
    );
    expect(rows.map((row) => row.id)).toEqual(ids);
    const [topup, transfer] = rows;
    expect(topup).toMatchObject({
      account_id: null,
      amount: 5000,
      fee: 0,
      net: 5000,
      currency: 'eur',
      type: 'topup',
      reporting_category: 'topup',
      status: 'pending',
      source: 'tu_1',
      description: null,
      fee_details: [],
      release_id: null,
      payout_id: null,
    });
    expect(new Date(topup?.available_on ?? 0).toISOString()).toBe(availableOn.toISOString());
    expect(transfer).toMatchObject({
      amount: -1200,
      fee: 30,
      net: -1230,
      currency: 'jpy',
      type: 'transfer',
      reporting_category: 'transfer',
      status: 'available',
      description: 'Transfer to acct_x',
      fee_details: [{ amount: 30, currency: 'jpy', description: 'Atrium fee', type: 'stripe_fee' }],
    });
    expect(new Date(transfer?.available_on ?? 0).getTime()).toBe(new Date(transfer?.created_at ?? 1).getTime());
  });

  it('records nothing when one draft breaks a rule of the table', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM balance_transactions');
    await expect(
      db.transaction('read committed', (tx) =>
        insertBalanceTransactions(tx, [
          { owner: 'platform', type: 'transfer', currency: 'usd', amount: 100, source: 'tr_2' },
          { owner: 'platform', type: 'transfer', currency: 'US DOLLARS', amount: -100, source: 'tr_2' },
        ]),
      ),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await db.query('SELECT count(*)::int AS n FROM balance_transactions')).toEqual(before);
  });
});
