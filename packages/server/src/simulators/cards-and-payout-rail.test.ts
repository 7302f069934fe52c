import { describe, expect, it } from 'vitest';
import { cardOutcome, TEST_PAYMENT_METHOD_IDS } from './cards';
import { payoutOutcome, supportsInstantPayouts } from './payout-rail';

describe('the test card processor', () => {
  it('approves pm_card_visa and lets pm_card_bypassPending skip pending', () => {
    expect(cardOutcome('pm_card_visa')).toMatchObject({
      ok: true,
      bypassPending: false,
      card: { brand: 'visa', last4: '4242' },
    });
    expect(cardOutcome('pm_card_bypassPending')).toMatchObject({ ok: true, bypassPending: true });
  });

  it.each([
    ['pm_card_visa_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
  ])('declines %s with %s / %s', (paymentMethod, code, declineCode) => {
    expect(cardOutcome(paymentMethod)).toMatchObject({ ok: false, code, declineCode });
  });

  it('knows nothing of other payment methods, including inherited property names', () => {
    expect(cardOutcome('pm_card_unknown')).toBeUndefined();
    expect(cardOutcome('constructor')).toBeUndefined();
    expect(TEST_PAYMENT_METHOD_IDS.length).toBeGreaterThanOrEqual(14);
  });
});

describe('the test payout rail', () => {
  it.each([
    ['000123456789', undefined],
    ['000111111116', 'no_account'],
    ['000111111113', 'account_closed'],
    ['000222222227', 'insufficient_funds'],
    ['000333333335', 'debit_not_authorized'],
    ['000444444440', 'invalid_currency'],
    ['DE89370400440000111116', 'no_account'],
  ])('sends a payout to %s: %s', (accountNumber, failure) => {
    const outcome = payoutOutcome(accountNumber);
    if (failure === undefined) expect(outcome).toEqual({ kind: 'paid' });
    else expect(outcome).toMatchObject({ kind: 'failed', code: failure });
  });

  it('refuses instant payouts to 000888888883 only', () => {
    expect(supportsInstantPayouts('000888888883')).toBe(false);
    expect(supportsInstantPayouts('000123456789')).toBe(true);
  });
});
