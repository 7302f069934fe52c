import { describe, expect, it } from 'vitest';
import { ledgerAccountKey } from '../accounts';
import type { JournalEntryDraft } from '../entry';
import { validateEntry } from '../entry';
import { releaseEntry, topupCanceledEntry, topupEntry, topupSettlementEntry } from './balances';

const table = (entry: JournalEntryDraft) =>
  entry.lines.map((line) => [
    ledgerAccountKey(line.account),
    line.direction,
    line.amountMinor,
    line.type,
    line.sourceId,
  ]);

describe('top-ups', () => {
  it("arrive in the platform's pending balance from the top-ups clearing account", () => {
    const entry = topupEntry({ topupId: 'tu_1', currency: 'usd', amountMinor: 50_000 });
    expect(entry.operation).toBe('topup');
    expect(table(entry)).toEqual([
      ['system:topups/clearing/usd', 'debit', 50_000, 'topup', 'tu_1'],
      ['platform/pending/usd', 'credit', 50_000, 'topup', 'tu_1'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('settle from pending to available (KWD)', () => {
    const entry = topupSettlementEntry({ topupId: 'tu_1', currency: 'kwd', amountMinor: 50_000 });
    expect(entry.operation).toBe('topup_settlement');
    expect(table(entry)).toEqual([
      ['platform/pending/kwd', 'debit', 50_000, 'release', 'tu_1'],
      ['platform/available/kwd', 'credit', 50_000, 'release', 'tu_1'],
    ]);
  });

  it('leave pending for the top-ups clearing account when canceled, undoing the top-up', () => {
    const topup = topupEntry({ topupId: 'tu_1', currency: 'jpy', amountMinor: 7_000 });
    const entry = topupCanceledEntry({ topupId: 'tu_1', currency: 'jpy', amountMinor: 7_000 });
    expect(entry.operation).toBe('topup_canceled');
    expect(table(entry)).toEqual([
      ['platform/pending/jpy', 'debit', 7_000, 'topup_reversal', 'tu_1'],
      ['system:topups/clearing/jpy', 'credit', 7_000, 'topup_reversal', 'tu_1'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
    const net = new Map<string, number>();
    for (const line of [...topup.lines, ...entry.lines]) {
      const key = ledgerAccountKey(line.account);
      net.set(key, (net.get(key) ?? 0) + (line.direction === 'credit' ? line.amountMinor : -line.amountMinor));
    }
    expect([...net.values()]).toEqual([0, 0]);
    expect(() => topupCanceledEntry({ topupId: 'tu_1', currency: 'jpy', amountMinor: 0 })).toThrow();
  });
});

describe('releaseEntry', () => {
  it("moves a seller's share of a charge from pending to available", () => {
    const entry = releaseEntry({ owner: 'acct_s', currency: 'usd', netMinor: 9000, sourceId: 'ch_1' });
    expect(entry.operation).toBe('release');
    expect(table(entry)).toEqual([
      ['acct_s/pending/usd', 'debit', 9000, 'release', 'ch_1'],
      ['acct_s/available/usd', 'credit', 9000, 'release', 'ch_1'],
    ]);
  });

  it('moves a negative platform share the other way (JPY)', () => {
    const entry = releaseEntry({ owner: 'platform', currency: 'jpy', netMinor: -175, sourceId: 'ch_2' });
    expect(table(entry)).toEqual([
      ['platform/available/jpy', 'debit', 175, 'release', 'ch_2'],
      ['platform/pending/jpy', 'credit', 175, 'release', 'ch_2'],
    ]);
    expect(validateEntry(entry)).toEqual({ ok: true });
  });

  it('refuses to release nothing', () => {
    expect(() => releaseEntry({ owner: 'platform', currency: 'usd', netMinor: 0, sourceId: 'ch_3' })).toThrow(
      RangeError,
    );
  });
});
