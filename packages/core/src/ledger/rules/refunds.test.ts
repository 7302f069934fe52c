import { describe, expect, it } from 'vitest';
import { ledgerAccountKey } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { entryChanges, validateEntry } from '../entry';
import {
  applicationFeeRefundEntry,
  destinationChargeRefundEntry,
  directChargeRefundEntry,
  refundShares,
  separateChargeRefundEntry,
} from './refunds';

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

describe('destinationChargeRefundEntry', () => {
  it('has the platform refund alone by default', () => {
    const entry = destinationChargeRefundEntry({
      refundId: 're_1',
      account: 'acct_s',
      currency: 'usd',
      amountMinor: 10_000,
    });
    expect(entry.operation).toBe('refund');
    expect(table(entry)).toEqual([
      ['platform/available/usd', 'debit', 10_000, 'refund', 're_1'],
      ['system:processor/clearing/usd', 'credit', 10_000, 'refund', 're_1'],
    ]);
  });

  it('reverses the transfer and refunds the application fee in full: the seller ends even', () => {
    const entry = destinationChargeRefundEntry({
      refundId: 're_2',
      account: 'acct_s',
      currency: 'usd',
      amountMinor: 10_000,
      transferReversal: { id: 'trr_2', amountMinor: 10_000 },
      applicationFeeRefund: { id: 'fr_2', amountMinor: 1000 },
    });
    expect(table(entry)).toEqual([
      ['platform/available/usd', 'debit', 10_000, 'refund', 're_2'],
      ['system:processor/clearing/usd', 'credit', 10_000, 'refund', 're_2'],
      ['acct_s/available/usd', 'debit', 10_000, 'payment_refund', 'trr_2'],
      ['platform/available/usd', 'credit', 10_000, 'transfer_refund', 'trr_2'],
      ['platform/available/usd', 'debit', 1000, 'application_fee_refund', 'fr_2'],
      ['acct_s/available/usd', 'credit', 1000, 'application_fee_refund', 'fr_2'],
    ]);
    // The seller had 90.00 from the charge and gives back 90.00; the platform loses the 3.20 fee.
    expect(changes(entry)).toEqual({
      'platform/available/usd': -1000,
      'system:processor/clearing/usd': 10_000,
      'acct_s/available/usd': -9000,
    });
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('reverses the transfer without refunding the fee: the seller pays the fee (JPY)', () => {
    const entry = destinationChargeRefundEntry({
      refundId: 're_3',
      account: 'acct_s',
      currency: 'jpy',
      amountMinor: 5000,
      transferReversal: { id: 'trr_3', amountMinor: 5000 },
    });
    expect(changes(entry)).toEqual({
      'platform/available/jpy': 0,
      'system:processor/clearing/jpy': 5000,
      'acct_s/available/jpy': -5000,
    });
  });

  it('refunds a part with proportional shares (KWD)', () => {
    const shares = refundShares({
      chargeAmountMinor: 10_000,
      applicationFeeMinor: 1_001,
      refundMinor: 2_500,
      alreadyRefundedMinor: 0,
    });
    expect(shares).toEqual({ transferReversalMinor: 2_500, applicationFeeRefundMinor: 250 }); // 250.25
    const entry = destinationChargeRefundEntry({
      refundId: 're_4',
      account: 'acct_s',
      currency: 'kwd',
      amountMinor: 2_500,
      transferReversal: { id: 'trr_4', amountMinor: shares.transferReversalMinor },
      applicationFeeRefund: { id: 'fr_4', amountMinor: shares.applicationFeeRefundMinor },
    });
    expect(changes(entry)).toEqual({
      'platform/available/kwd': -250,
      'system:processor/clearing/kwd': 2_500,
      'acct_s/available/kwd': -2_250,
    });
  });
});

describe('refundShares', () => {
  it('returns exactly the whole fee over partial refunds that add up to the charge', () => {
    const parts = [3_333, 3_333, 3_334];
    let refunded = 0;
    let feeBack = 0;
    for (const refundMinor of parts) {
      feeBack += refundShares({
        chargeAmountMinor: 10_000,
        applicationFeeMinor: 1_000,
        refundMinor,
        alreadyRefundedMinor: refunded,
      }).applicationFeeRefundMinor;
      refunded += refundMinor;
    }
    expect(feeBack).toBe(1_000);
  });

  it('refuses refunds beyond the charge', () => {
    expect(() =>
      refundShares({ chargeAmountMinor: 100, applicationFeeMinor: 10, refundMinor: 60, alreadyRefundedMinor: 50 }),
    ).toThrow(RangeError);
  });
});

describe('directChargeRefundEntry', () => {
  it('comes out of the connected account, with part of the fee back from the platform', () => {
    const entry = directChargeRefundEntry({
      refundId: 're_5',
      account: 'acct_shop',
      currency: 'usd',
      amountMinor: 5000,
      applicationFeeRefund: { id: 'fr_5', amountMinor: 500 },
    });
    expect(table(entry)).toEqual([
      ['acct_shop/available/usd', 'debit', 5000, 'refund', 're_5'],
      ['system:processor/clearing/usd', 'credit', 5000, 'refund', 're_5'],
      ['platform/available/usd', 'debit', 500, 'application_fee_refund', 'fr_5'],
      ['acct_shop/available/usd', 'credit', 500, 'application_fee_refund', 'fr_5'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });
});

describe('separateChargeRefundEntry', () => {
  it('comes out of the platform', () => {
    const entry = separateChargeRefundEntry({ refundId: 're_6', currency: 'jpy', amountMinor: 700 });
    expect(table(entry)).toEqual([
      ['platform/available/jpy', 'debit', 700, 'refund', 're_6'],
      ['system:processor/clearing/jpy', 'credit', 700, 'refund', 're_6'],
    ]);
  });
});

describe('applicationFeeRefundEntry', () => {
  it('moves the fee back from the platform to the account', () => {
    const entry = applicationFeeRefundEntry({
      feeRefundId: 'fr_7',
      account: 'acct_shop',
      currency: 'kwd',
      amountMinor: 125,
    });
    expect(entry.operation).toBe('application_fee_refund');
    expect(table(entry)).toEqual([
      ['platform/available/kwd', 'debit', 125, 'application_fee_refund', 'fr_7'],
      ['acct_shop/available/kwd', 'credit', 125, 'application_fee_refund', 'fr_7'],
    ]);
  });
});
