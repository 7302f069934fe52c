import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxAmountMinor } from '../money/currency';
import { instantPayoutFeeMinor, processingFeeMinor } from '../money/fees';
import type { ConnectedAccountId } from './accounts';
import { ledgerAccountPolicy, parseLedgerAccountKey } from './accounts';
import { applyEntries } from './balances';
import type { JournalEntryDraft } from './entry';
import { entryChanges, validateEntry } from './entry';
import { OPERATION_TYPES } from './operations';
import { destinationChargeEntry, directChargeEntry, separateChargeEntry } from './rules/charges';
import { releaseEntry, topupEntry, topupSettlementEntry } from './rules/balances';
import { instantPayoutFeeEntry, payoutCreatedEntry, payoutFailedEntry } from './rules/payouts';
import { destinationChargeRefundEntry, directChargeRefundEntry } from './rules/refunds';
import { accountTransferEntry, transferEntry } from './rules/transfers';

const ACCOUNTS: ConnectedAccountId[] = ['acct_a', 'acct_b', 'acct_c'];

/** A random operation on a few accounts in one currency, as a rule's entry. */
const operation = (currency: string): fc.Arbitrary<JournalEntryDraft> => {
  const amount = fc.integer({ min: 1, max: maxAmountMinor(currency) });
  const small = fc.integer({ min: 1, max: 100_000 });
  const account = fc.constantFrom(...ACCOUNTS);
  const charge = fc
    .tuple(amount, fc.integer({ min: 0, max: 100 }), account)
    .filter(([a]) => processingFeeMinor(a, currency) <= a);
  return fc.oneof(
    charge.map(([amountMinor, feePercent, acct]) =>
      destinationChargeEntry({
        chargeId: 'ch_1',
        account: acct,
        currency,
        amountMinor,
        applicationFee: { id: 'fee_1', amountMinor: Math.floor((amountMinor * feePercent) / 100) },
        processingFeeMinor: processingFeeMinor(amountMinor, currency),
      }),
    ),
    charge.map(([amountMinor, , acct]) =>
      directChargeEntry({
        chargeId: 'ch_2',
        account: acct,
        currency,
        amountMinor,
        processingFeeMinor: processingFeeMinor(amountMinor, currency),
      }),
    ),
    charge.map(([amountMinor]) =>
      separateChargeEntry({
        chargeId: 'ch_3',
        currency,
        amountMinor,
        processingFeeMinor: processingFeeMinor(amountMinor, currency),
      }),
    ),
    fc.tuple(small, account).map(([netMinor, owner]) => releaseEntry({ owner, currency, netMinor, sourceId: 'ch_1' })),
    small.map((amountMinor) => topupEntry({ topupId: 'tu_1', currency, amountMinor })),
    small.map((amountMinor) => topupSettlementEntry({ topupId: 'tu_1', currency, amountMinor })),
    fc
      .tuple(small, account)
      .map(([amountMinor, destination]) =>
        transferEntry({ transferId: 'tr_1', destination, currency, amountMinor, balance: 'available' }),
      ),
    fc
      .tuple(small, account, account, fc.integer({ min: 0, max: 100 }))
      .filter(([, from, to]) => from !== to)
      .map(([amountMinor, from, to, feeMinor]) =>
        accountTransferEntry({ transferId: 'tr_2', from, to, currency, amountMinor, feeMinor }),
      ),
    fc.tuple(small, account).map(([amountMinor, acct]) =>
      destinationChargeRefundEntry({
        refundId: 're_1',
        account: acct,
        currency,
        amountMinor,
        transferReversal: { id: 'trr_1', amountMinor },
      }),
    ),
    fc
      .tuple(small, account)
      .map(([amountMinor, acct]) =>
        directChargeRefundEntry({ refundId: 're_2', account: acct, currency, amountMinor }),
      ),
    fc
      .tuple(small, account)
      .map(([amountMinor, owner]) => payoutCreatedEntry({ payoutId: 'po_1', owner, currency, amountMinor })),
    fc
      .tuple(small, account)
      .map(([amountMinor, owner]) =>
        payoutFailedEntry({ payoutId: 'po_1', owner, currency, amountMinor, wasPaid: false }),
      ),
    fc.tuple(small, account).map(([amountMinor, acct]) =>
      instantPayoutFeeEntry({
        payoutId: 'po_2',
        account: acct,
        currency,
        feeMinor: instantPayoutFeeMinor(amountMinor, currency),
      }),
    ),
  );
};

const sequence = fc
  .constantFrom('usd', 'jpy', 'kwd')
  .chain((currency) => fc.array(operation(currency), { minLength: 1, maxLength: 60 }));

describe('posting rules over random operations', () => {
  it('always write valid entries that sum to zero', () => {
    fc.assert(
      fc.property(sequence, (entries) => {
        for (const entry of entries) {
          expect(validateEntry(entry)).toEqual({ ok: true });
          const net = [...entryChanges(entry).values()].reduce((sum, change) => sum + change.changeMinor, 0);
          expect(net).toBe(0);
        }
      }),
    );
  });

  it('conserve money and never leave a forbidden negative balance', () => {
    fc.assert(
      fc.property(sequence, (entries) => {
        let balances = new Map<string, number>();
        for (const entry of entries) {
          const result = applyEntries(balances, [entry]);
          if (!result.ok) continue;
          for (const [key, { account, changeMinor }] of entryChanges(entry)) {
            const after = result.balances.get(key) ?? 0;
            const allowed =
              ledgerAccountPolicy(account).allowNegative ||
              (account.kind === 'available' && OPERATION_TYPES[entry.operation].mayOverdraw);
            expect(changeMinor >= 0 || after >= 0 || allowed).toBe(true);
          }
          balances = result.balances;
          expect([...balances.values()].reduce((sum, value) => sum + value, 0)).toBe(0);
        }
        for (const [key, value] of balances) {
          const account = parseLedgerAccountKey(key);
          if (account?.kind === 'pending' && !ledgerAccountPolicy(account).allowNegative) {
            expect(value).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });
});
