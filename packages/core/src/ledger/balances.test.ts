import { describe, expect, it } from 'vitest';
import { connectedAccount, ledgerAccountKey, platformAccount, systemAccount } from './accounts';
import { applyEntries, mayEndNegative } from './balances';
import { payoutCreatedEntry } from './rules/payouts';
import { destinationChargeRefundEntry } from './rules/refunds';
import { accountTransferEntry } from './rules/transfers';

const a = ledgerAccountKey(connectedAccount('acct_a', 'available', 'usd'));
const b = ledgerAccountKey(connectedAccount('acct_b', 'available', 'usd'));
const transfer = (amountMinor: number) =>
  accountTransferEntry({ transferId: 'tr_1', from: 'acct_a', to: 'acct_b', currency: 'usd', amountMinor, feeMinor: 0 });

describe('applyEntries', () => {
  it('applies entries in order', () => {
    const result = applyEntries(new Map([[a, 100]]), [transfer(60), transfer(40)]);
    expect(result).toEqual({
      ok: true,
      balances: new Map([
        [a, 0],
        [b, 100],
      ]),
    });
  });

  it('refuses a transfer or payout beyond the available balance, and applies nothing', () => {
    const start = new Map([[a, 100]]);
    expect(applyEntries(start, [transfer(60), transfer(41)])).toEqual({
      ok: false,
      error: { code: 'insufficient_funds', entryIndex: 1, account: a, balanceMinor: 40, changeMinor: -41 },
    });
    const payout = payoutCreatedEntry({ payoutId: 'po_1', owner: 'acct_a', currency: 'usd', amountMinor: 101 });
    expect(applyEntries(start, [payout])).toMatchObject({ ok: false, error: { account: a } });
    expect(start).toEqual(new Map([[a, 100]]));
  });

  it('lets a refund take an available balance below zero, and a later credit raise it while still negative', () => {
    const refund = destinationChargeRefundEntry({
      refundId: 're_1',
      account: 'acct_a',
      currency: 'usd',
      amountMinor: 500,
      transferReversal: { id: 'trr_1', amountMinor: 500 },
    });
    const refunded = applyEntries(new Map([[a, 100]]), [refund]);
    expect(refunded.ok && refunded.balances.get(a)).toBe(-400);
    const back = accountTransferEntry({
      transferId: 'tr_2',
      from: 'acct_b',
      to: 'acct_a',
      currency: 'usd',
      amountMinor: 100,
      feeMinor: 0,
    });
    const credited = applyEntries(
      new Map([
        [a, -400],
        [b, 100],
      ]),
      [back],
    );
    expect(credited.ok && credited.balances.get(a)).toBe(-300);
    expect(applyEntries(new Map([[a, -300]]), [transfer(1)])).toMatchObject({ ok: false });
  });
});

describe('mayEndNegative', () => {
  it('allows negative balances on accounts that allow them, whatever the operation', () => {
    expect(mayEndNegative(systemAccount('processor', 'usd'), 'transfer')).toBe(true);
    expect(mayEndNegative(platformAccount('pending', 'usd'), 'payout')).toBe(true);
  });

  it('allows overdrawing only available balances, only through refunds, reversals, fee refunds and releases', () => {
    const available = connectedAccount('acct_a', 'available', 'usd');
    expect(mayEndNegative(available, 'refund')).toBe(true);
    expect(mayEndNegative(available, 'transfer_reversal')).toBe(true);
    expect(mayEndNegative(available, 'application_fee_refund')).toBe(true);
    expect(mayEndNegative(available, 'release')).toBe(true);
    expect(mayEndNegative(available, 'transfer')).toBe(false);
    expect(mayEndNegative(available, 'payout')).toBe(false);
    expect(mayEndNegative(available, 'instant_payout_fee')).toBe(false);
    expect(mayEndNegative(connectedAccount('acct_a', 'pending', 'usd'), 'refund')).toBe(false);
    expect(mayEndNegative(connectedAccount('acct_a', 'in_transit', 'usd'), 'release')).toBe(false);
  });
});
