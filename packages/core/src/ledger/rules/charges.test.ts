import { describe, expect, it } from 'vitest';
import { processingFeeMinor } from '../../money/fees';
import { ledgerAccountKey } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { entryChanges, validateEntry } from '../entry';
import { destinationChargeEntry, directChargeEntry, separateChargeEntry } from './charges';

const table = (entry: JournalEntryDraft) =>
  entry.lines.map((line) => [
    ledgerAccountKey(line.account),
    line.direction,
    line.amountMinor,
    line.type,
    line.sourceId,
  ]);
const changes = (entry: JournalEntryDraft) =>
  Object.fromEntries([...entryChanges(entry)].map(([key, change]) => [key, change.changeMinor]));

describe('destinationChargeEntry', () => {
  it("posts DESIGN.md's worked example: 100.00 USD, a 10.00 fee, 3.20 processing paid by the platform", () => {
    const entry = destinationChargeEntry({
      chargeId: 'ch_1',
      account: 'acct_seller',
      currency: 'usd',
      amountMinor: 10_000,
      applicationFee: { id: 'fee_1', amountMinor: 1000 },
      processingFeeMinor: processingFeeMinor(10_000, 'usd'),
    });
    expect(entry.operation).toBe('destination_charge');
    expect(entry.sourceId).toBe('ch_1');
    expect(table(entry)).toEqual([
      ['system:processor/clearing/usd', 'debit', 10_000, 'charge', 'ch_1'],
      ['acct_seller/pending/usd', 'credit', 9000, 'payment', 'ch_1'],
      ['platform/pending/usd', 'credit', 1000, 'application_fee', 'fee_1'],
      ['platform/pending/usd', 'debit', 320, 'stripe_fee', 'ch_1'],
      ['system:processor/clearing/usd', 'credit', 320, 'stripe_fee', 'ch_1'],
    ]);
    expect(changes(entry)).toEqual({
      'system:processor/clearing/usd': -9680,
      'acct_seller/pending/usd': 9000,
      'platform/pending/usd': 680,
    });
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('leaves the platform short by the processing fee when there is no application fee', () => {
    const entry = destinationChargeEntry({
      chargeId: 'ch_2',
      account: 'acct_seller',
      currency: 'jpy',
      amountMinor: 5000,
      processingFeeMinor: processingFeeMinor(5000, 'jpy'),
    });
    expect(changes(entry)).toEqual({
      'system:processor/clearing/jpy': -4825,
      'acct_seller/pending/jpy': 5000,
      'platform/pending/jpy': -175,
    });
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('gives the seller nothing when the fee is the whole amount', () => {
    const entry = destinationChargeEntry({
      chargeId: 'ch_3',
      account: 'acct_seller',
      currency: 'kwd',
      amountMinor: 10_000,
      applicationFee: { id: 'fee_3', amountMinor: 10_000 },
      processingFeeMinor: 320,
    });
    expect(changes(entry)).toEqual({ 'system:processor/clearing/kwd': -9680, 'platform/pending/kwd': 9680 });
  });

  it('throws on a fee above the amount, a caller bug', () => {
    const input = { chargeId: 'ch_4', account: 'acct_seller' as const, currency: 'usd', amountMinor: 100 };
    expect(() =>
      destinationChargeEntry({ ...input, processingFeeMinor: 0, applicationFee: { id: 'fee_4', amountMinor: 101 } }),
    ).toThrow(RangeError);
    expect(() => destinationChargeEntry({ ...input, processingFeeMinor: 101 })).toThrow(RangeError);
    expect(() => destinationChargeEntry({ ...input, amountMinor: 0, processingFeeMinor: 0 })).toThrow(RangeError);
  });
});

describe('directChargeEntry', () => {
  it('lands on the connected account, which pays the processing fee and the application fee (KWD)', () => {
    const entry = directChargeEntry({
      chargeId: 'ch_5',
      account: 'acct_shop',
      currency: 'kwd',
      amountMinor: 12_345,
      applicationFee: { id: 'fee_5', amountMinor: 1_235 },
      processingFeeMinor: processingFeeMinor(12_345, 'kwd'),
    });
    expect(table(entry)).toEqual([
      ['system:processor/clearing/kwd', 'debit', 12_345, 'charge', 'ch_5'],
      ['acct_shop/pending/kwd', 'credit', 12_345, 'charge', 'ch_5'],
      ['acct_shop/pending/kwd', 'debit', 388, 'stripe_fee', 'ch_5'],
      ['system:processor/clearing/kwd', 'credit', 388, 'stripe_fee', 'ch_5'],
      ['acct_shop/pending/kwd', 'debit', 1_235, 'application_fee', 'fee_5'],
      ['platform/pending/kwd', 'credit', 1_235, 'application_fee', 'fee_5'],
    ]);
    expect(changes(entry)).toEqual({
      'system:processor/clearing/kwd': -11_957,
      'acct_shop/pending/kwd': 10_722,
      'platform/pending/kwd': 1_235,
    });
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('has no application fee lines without a fee (JPY)', () => {
    const entry = directChargeEntry({
      chargeId: 'ch_6',
      account: 'acct_shop',
      currency: 'jpy',
      amountMinor: 1000,
      processingFeeMinor: processingFeeMinor(1000, 'jpy'),
    });
    expect(changes(entry)).toEqual({ 'system:processor/clearing/jpy': -941, 'acct_shop/pending/jpy': 941 });
  });
});

describe('separateChargeEntry', () => {
  it('lands on the platform, which pays the processing fee', () => {
    const entry = separateChargeEntry({
      chargeId: 'ch_7',
      currency: 'usd',
      amountMinor: 2000,
      processingFeeMinor: processingFeeMinor(2000, 'usd'),
    });
    expect(table(entry)).toEqual([
      ['system:processor/clearing/usd', 'debit', 2000, 'charge', 'ch_7'],
      ['platform/pending/usd', 'credit', 2000, 'charge', 'ch_7'],
      ['platform/pending/usd', 'debit', 88, 'stripe_fee', 'ch_7'],
      ['system:processor/clearing/usd', 'credit', 88, 'stripe_fee', 'ch_7'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });
});
