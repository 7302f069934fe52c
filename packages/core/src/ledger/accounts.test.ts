import { describe, expect, it } from 'vitest';
import {
  connectedAccount,
  isValidLedgerAccount,
  ledgerAccountKey,
  ledgerAccountPolicy,
  parseLedgerAccountKey,
  platformAccount,
  systemAccount,
} from './accounts';

describe('ledger account keys', () => {
  it('read owner, kind and currency', () => {
    expect(ledgerAccountKey(connectedAccount('acct_1A', 'available', 'usd'))).toBe('acct_1A/available/usd');
    expect(ledgerAccountKey(platformAccount('pending', 'eur'))).toBe('platform/pending/eur');
    expect(ledgerAccountKey(systemAccount('processor', 'jpy'))).toBe('system:processor/clearing/jpy');
  });

  it('parse back into the same account', () => {
    for (const ref of [
      connectedAccount('acct_1A', 'in_transit', 'kwd'),
      platformAccount('available', 'usd'),
      systemAccount('payouts', 'eur'),
    ]) {
      expect(parseLedgerAccountKey(ledgerAccountKey(ref))).toEqual(ref);
    }
  });

  it('refuse accounts that cannot exist', () => {
    for (const key of [
      'acct_/available/usd',
      'acct_1A/clearing/usd',
      'platform/clearing/usd',
      'system:processor/available/usd',
      'system:bank/clearing/usd',
      'platform/savings/usd',
      'platform/available/USD',
      'platform/available/xau',
      'platform/available',
      'platform/available/usd/extra',
      'cus_1/available/usd',
    ]) {
      expect(parseLedgerAccountKey(key)).toBeUndefined();
    }
    expect(isValidLedgerAccount({ owner: 'acct_a-b', kind: 'available', currency: 'usd' })).toBe(false);
  });
});

describe('ledgerAccountPolicy', () => {
  it("lets clearing accounts and the platform's pending balance go negative, split over rows", () => {
    expect(ledgerAccountPolicy(systemAccount('processor', 'usd'))).toEqual({ allowNegative: true, shardCount: 16 });
    expect(ledgerAccountPolicy(platformAccount('pending', 'usd'))).toEqual({ allowNegative: true, shardCount: 16 });
  });

  it("keeps the platform's available balance non-negative, split over rows", () => {
    expect(ledgerAccountPolicy(platformAccount('available', 'usd'))).toEqual({ allowNegative: false, shardCount: 8 });
  });

  it('keeps every other balance non-negative in one row', () => {
    expect(ledgerAccountPolicy(connectedAccount('acct_1', 'pending', 'usd'))).toEqual({
      allowNegative: false,
      shardCount: 1,
    });
    expect(ledgerAccountPolicy(connectedAccount('acct_1', 'available', 'usd'))).toEqual({
      allowNegative: false,
      shardCount: 1,
    });
  });
});
