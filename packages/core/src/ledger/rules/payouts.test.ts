import { describe, expect, it } from 'vitest';
import { instantPayoutFeeMinor } from '../../money/fees';
import { ledgerAccountKey } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { validateEntry } from '../entry';
import {
  instantPayoutFeeEntry,
  payoutCanceledEntry,
  payoutCreatedEntry,
  payoutFailedEntry,
  payoutPaidEntry,
} from './payouts';

const table = (entry: JournalEntryDraft) =>
  entry.lines.map((line) => [
    ledgerAccountKey(line.account),
    line.direction,
    line.amountMinor,
    line.type,
    line.sourceId,
  ]);
const payout = { payoutId: 'po_1', owner: 'acct_s' as const, currency: 'usd', amountMinor: 9000 };

describe('payouts', () => {
  it('move available to in transit when created', () => {
    const entry = payoutCreatedEntry(payout);
    expect(entry.operation).toBe('payout');
    expect(table(entry)).toEqual([
      ['acct_s/available/usd', 'debit', 9000, 'payout', 'po_1'],
      ['acct_s/in_transit/usd', 'credit', 9000, 'payout', 'po_1'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('leave the books through payouts clearing when paid', () => {
    expect(table(payoutPaidEntry(payout))).toEqual([
      ['acct_s/in_transit/usd', 'debit', 9000, 'payout_paid', 'po_1'],
      ['system:payouts/clearing/usd', 'credit', 9000, 'payout_paid', 'po_1'],
    ]);
  });

  it('return to available when they fail in transit', () => {
    const entry = payoutFailedEntry({ ...payout, wasPaid: false });
    expect(entry.operation).toBe('payout_failed');
    expect(table(entry)).toEqual([
      ['acct_s/in_transit/usd', 'debit', 9000, 'payout_failure', 'po_1'],
      ['acct_s/available/usd', 'credit', 9000, 'payout_failure', 'po_1'],
    ]);
  });

  it('come back from payouts clearing when they fail after being paid', () => {
    expect(table(payoutFailedEntry({ ...payout, wasPaid: true }))).toEqual([
      ['system:payouts/clearing/usd', 'debit', 9000, 'payout_failure', 'po_1'],
      ['acct_s/available/usd', 'credit', 9000, 'payout_failure', 'po_1'],
    ]);
  });

  it('return to available when canceled', () => {
    const entry = payoutCanceledEntry(payout);
    expect(entry.operation).toBe('payout_canceled');
    expect(table(entry)).toEqual([
      ['acct_s/in_transit/usd', 'debit', 9000, 'payout_cancel', 'po_1'],
      ['acct_s/available/usd', 'credit', 9000, 'payout_cancel', 'po_1'],
    ]);
  });

  it("work for the platform's own balance (JPY)", () => {
    expect(
      table(payoutCreatedEntry({ payoutId: 'po_2', owner: 'platform', currency: 'jpy', amountMinor: 1000 })),
    ).toEqual([
      ['platform/available/jpy', 'debit', 1000, 'payout', 'po_2'],
      ['platform/in_transit/jpy', 'credit', 1000, 'payout', 'po_2'],
    ]);
  });
});

describe('instantPayoutFeeEntry', () => {
  it('charges the account 1% (at least 0.500 KWD) for the platform', () => {
    const feeMinor = instantPayoutFeeMinor(20_000, 'kwd');
    expect(feeMinor).toBe(500);
    const entry = instantPayoutFeeEntry({ payoutId: 'po_3', account: 'acct_s', currency: 'kwd', feeMinor });
    expect(entry.operation).toBe('instant_payout_fee');
    expect(table(entry)).toEqual([
      ['acct_s/available/kwd', 'debit', 500, 'payout_fee', 'po_3'],
      ['platform/pending/kwd', 'credit', 500, 'payout_fee', 'po_3'],
    ]);
  });
});
