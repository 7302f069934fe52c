import { describe, expect, it } from 'vitest';
import { ledgerAccountKey } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { validateEntry } from '../entry';
import { accountTransferEntry, transferEntry, transferReversalEntry } from './transfers';

const table = (entry: JournalEntryDraft) =>
  entry.lines.map((line) => [
    ledgerAccountKey(line.account),
    line.direction,
    line.amountMinor,
    line.type,
    line.sourceId,
  ]);

describe('transferEntry', () => {
  it('moves available funds from the platform to an account', () => {
    const entry = transferEntry({
      transferId: 'tr_1',
      destination: 'acct_a',
      currency: 'usd',
      amountMinor: 9000,
      balance: 'available',
    });
    expect(entry.operation).toBe('transfer');
    expect(table(entry)).toEqual([
      ['platform/available/usd', 'debit', 9000, 'transfer', 'tr_1'],
      ['acct_a/available/usd', 'credit', 9000, 'transfer', 'tr_1'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('moves pending funds when tied to a charge not yet available (JPY)', () => {
    const entry = transferEntry({
      transferId: 'tr_2',
      destination: 'acct_a',
      currency: 'jpy',
      amountMinor: 800,
      balance: 'pending',
    });
    expect(table(entry)).toEqual([
      ['platform/pending/jpy', 'debit', 800, 'transfer', 'tr_2'],
      ['acct_a/pending/jpy', 'credit', 800, 'transfer', 'tr_2'],
    ]);
  });
});

describe('accountTransferEntry', () => {
  it('moves funds between two accounts, the sender paying the fee to the platform (KWD)', () => {
    const entry = accountTransferEntry({
      transferId: 'tr_3',
      from: 'acct_a',
      to: 'acct_b',
      currency: 'kwd',
      amountMinor: 1_500,
      feeMinor: 15,
    });
    expect(table(entry)).toEqual([
      ['acct_a/available/kwd', 'debit', 1_500, 'transfer', 'tr_3'],
      ['acct_b/available/kwd', 'credit', 1_500, 'transfer', 'tr_3'],
      ['acct_a/available/kwd', 'debit', 15, 'transfer_fee', 'tr_3'],
      ['platform/pending/kwd', 'credit', 15, 'transfer_fee', 'tr_3'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('has no fee lines without a fee', () => {
    const entry = accountTransferEntry({
      transferId: 'tr_4',
      from: 'acct_a',
      to: 'acct_b',
      currency: 'usd',
      amountMinor: 1,
      feeMinor: 0,
    });
    expect(entry.lines).toHaveLength(2);
  });

  it('refuses a transfer to the same account', () => {
    expect(() =>
      accountTransferEntry({
        transferId: 'tr_5',
        from: 'acct_a',
        to: 'acct_a',
        currency: 'usd',
        amountMinor: 1,
        feeMinor: 0,
      }),
    ).toThrow(RangeError);
  });
});

describe('transferReversalEntry', () => {
  const transfer = {
    id: 'tr_6',
    from: 'platform' as const,
    to: 'acct_a' as const,
    currency: 'usd',
    amountMinor: 10_000,
    amountReversedMinor: 2_500,
  };

  it('reverses part of a transfer back to the platform', () => {
    const entry = transferReversalEntry({ reversalId: 'trr_6', transfer, amountMinor: 1_000 });
    expect(entry.operation).toBe('transfer_reversal');
    expect(table(entry)).toEqual([
      ['acct_a/available/usd', 'debit', 1_000, 'transfer_refund', 'trr_6'],
      ['platform/available/usd', 'credit', 1_000, 'transfer_refund', 'trr_6'],
    ]);
  });

  it('reverses everything not yet reversed when no amount is given', () => {
    const entry = transferReversalEntry({ reversalId: 'trr_7', transfer });
    expect(entry.lines.map((line) => line.amountMinor)).toEqual([7_500, 7_500]);
  });

  it('reverses an account-to-account transfer back to the sender (JPY)', () => {
    const entry = transferReversalEntry({
      reversalId: 'trr_8',
      transfer: { ...transfer, from: 'acct_b', currency: 'jpy', amountMinor: 500, amountReversedMinor: 0 },
    });
    expect(table(entry)).toEqual([
      ['acct_a/available/jpy', 'debit', 500, 'transfer_refund', 'trr_8'],
      ['acct_b/available/jpy', 'credit', 500, 'transfer_refund', 'trr_8'],
    ]);
  });

  it('refuses to reverse more than is left', () => {
    expect(() => transferReversalEntry({ reversalId: 'trr_9', transfer, amountMinor: 7_501 })).toThrow(RangeError);
    expect(() =>
      transferReversalEntry({ reversalId: 'trr_9', transfer: { ...transfer, amountReversedMinor: 10_000 } }),
    ).toThrow(RangeError);
  });
});
