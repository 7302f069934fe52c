import type { ConnectedAccountId, JournalEntryDraft } from '@atrium/core';
import {
  accountTransferEntry,
  applyEntries,
  destinationChargeEntry,
  destinationChargeRefundEntry,
  directChargeEntry,
  directChargeRefundEntry,
  instantPayoutFeeEntry,
  payoutCanceledEntry,
  payoutCreatedEntry,
  payoutFailedEntry,
  payoutPaidEntry,
  processingFeeMinor,
  releaseEntry,
  separateChargeEntry,
  topupEntry,
  topupSettlementEntry,
  transferEntry,
  transferReversalEntry,
} from '@atrium/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { checkLedger } from './check';
import { LEDGER_ISOLATION, postEntries } from './post';

const CURRENCIES = ['usd', 'jpy', 'kwd'];
const ACCOUNTS: ConnectedAccountId[] = ['acct_a', 'acct_b', 'acct_c'];

/** One random operation of the product, as the entry its posting rule writes. */
function operation(currency: string): fc.Arbitrary<JournalEntryDraft> {
  const amount = fc.integer({ min: 50, max: 20_000 });
  const account = fc.constantFrom(...ACCOUNTS);
  const owner = fc.constantFrom<'platform' | ConnectedAccountId>('platform', ...ACCOUNTS);
  const pair = fc.tuple(account, account).filter(([from, to]) => from !== to);
  const fee = (amountMinor: number) => processingFeeMinor(amountMinor, currency);
  return fc.oneof(
    fc.tuple(amount, account, fc.integer({ min: 0, max: 30 })).map(([amountMinor, acct, feeMinor]) =>
      destinationChargeEntry({
        chargeId: 'ch_d',
        account: acct,
        currency,
        amountMinor,
        applicationFee: { id: 'fee_d', amountMinor: feeMinor },
        processingFeeMinor: fee(amountMinor),
      }),
    ),
    fc.tuple(amount, account).map(([amountMinor, acct]) =>
      directChargeEntry({
        chargeId: 'ch_x',
        account: acct,
        currency,
        amountMinor,
        processingFeeMinor: fee(amountMinor),
      }),
    ),
    amount.map((amountMinor) =>
      separateChargeEntry({ chargeId: 'ch_s', currency, amountMinor, processingFeeMinor: fee(amountMinor) }),
    ),
    fc.tuple(amount, owner, fc.boolean()).map(([amountMinor, who, negative]) =>
      releaseEntry({
        owner: who,
        currency,
        netMinor: negative && who === 'platform' ? -amountMinor : amountMinor,
        sourceId: 'ch_d',
      }),
    ),
    amount.map((amountMinor) => topupEntry({ topupId: 'tu_1', currency, amountMinor })),
    amount.map((amountMinor) => topupSettlementEntry({ topupId: 'tu_1', currency, amountMinor })),
    fc
      .tuple(amount, account)
      .map(([amountMinor, destination]) =>
        transferEntry({ transferId: 'tr_p', destination, currency, amountMinor, balance: 'available' }),
      ),
    fc
      .tuple(amount, pair, fc.integer({ min: 0, max: 20 }))
      .map(([amountMinor, [from, to], feeMinor]) =>
        accountTransferEntry({ transferId: 'tr_a', from, to, currency, amountMinor, feeMinor }),
      ),
    fc.tuple(amount, pair).map(([amountMinor, [from, to]]) =>
      transferReversalEntry({
        reversalId: 'trr_1',
        transfer: { id: 'tr_a', from, to, currency, amountMinor, amountReversedMinor: 0 },
      }),
    ),
    fc.tuple(amount, account, fc.boolean()).map(([amountMinor, acct, reverse]) =>
      destinationChargeRefundEntry({
        refundId: 're_d',
        account: acct,
        currency,
        amountMinor,
        ...(reverse ? { transferReversal: { id: 'trr_d', amountMinor } } : {}),
      }),
    ),
    fc
      .tuple(amount, account)
      .map(([amountMinor, acct]) =>
        directChargeRefundEntry({ refundId: 're_x', account: acct, currency, amountMinor }),
      ),
    fc
      .tuple(amount, owner)
      .map(([amountMinor, who]) => payoutCreatedEntry({ payoutId: 'po_1', owner: who, currency, amountMinor })),
    fc
      .tuple(amount, owner)
      .map(([amountMinor, who]) => payoutPaidEntry({ payoutId: 'po_1', owner: who, currency, amountMinor })),
    fc
      .tuple(amount, owner, fc.boolean())
      .map(([amountMinor, who, wasPaid]) =>
        payoutFailedEntry({ payoutId: 'po_1', owner: who, currency, amountMinor, wasPaid }),
      ),
    fc
      .tuple(amount, owner)
      .map(([amountMinor, who]) => payoutCanceledEntry({ payoutId: 'po_1', owner: who, currency, amountMinor })),
    fc
      .tuple(amount, account)
      .map(([feeMinor, acct]) => instantPayoutFeeEntry({ payoutId: 'po_2', account: acct, currency, feeMinor })),
  );
}

/** A run: one currency, and postings of one to three entries each, all or nothing. */
const scenario = fc
  .constantFrom(...CURRENCIES)
  .chain((currency) =>
    fc.array(fc.array(operation(currency), { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 25 }),
  );

async function storedBalances(db: TestDatabase): Promise<Map<string, number>> {
  const rows = await db.query<{ key: string; amount_minor: number }>(
    `SELECT a.key, sum(b.balance_minor)::bigint AS amount_minor FROM ledger_accounts a
       JOIN ledger_balances b ON b.account_id = a.id GROUP BY a.key`,
  );
  return new Map(rows.map((row) => [row.key, row.amount_minor]));
}

describe.each(await testDatabaseKinds())('random operations through the store on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      for (const currency of CURRENCIES) {
        await openLedgerFor(tx, 'platform', currency);
        for (const account of ACCOUNTS) await openLedgerFor(tx, account, currency);
      }
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('post exactly what the rules in code allow, and keep every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (postings) => {
        let model = await storedBalances(db);
        for (const entries of postings) {
          const expected = applyEntries(model, entries);
          const result = await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, entries));
          if (expected.ok) {
            expect(result.ok).toBe(true);
            model = expected.balances;
          } else {
            expect(result).toEqual({ ok: false, error: expected.error });
          }
        }
        const stored = await storedBalances(db);
        for (const [key, amount] of model) expect(stored.get(key), key).toBe(amount);
        const totals = new Map<string, number>();
        for (const [key, amount] of stored) {
          const currency = key.slice(-3);
          totals.set(currency, (totals.get(currency) ?? 0) + amount);
        }
        expect([...totals.values()].every((total) => total === 0)).toBe(true);
        expect(await checkLedger(db)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
