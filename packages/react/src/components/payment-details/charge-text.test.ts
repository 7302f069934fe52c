import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { buildCharge } from '../../testing/fixtures';
import { createMoneyI18n } from '../money-tables/use-money-i18n';
import { chargeFailureKey, customerLabel, paymentMethodLabel, refundableAmount, refundState } from './charge-text';

const i18n = createMoneyI18n(createI18n('en', 'UTC'));

describe('charge texts', () => {
  it('names the card by brand and last four digits', () => {
    expect(paymentMethodLabel(buildCharge(), i18n)).toBe('Visa ···· 4242');
    const unknownBrand = buildCharge({
      payment_method_details: {
        type: 'card',
        card: { brand: 'cartes_bancaires', country: 'FR', exp_month: 1, exp_year: 2030, funding: 'debit', last4: null },
      },
    });
    expect(paymentMethodLabel(unknownBrand, i18n)).toBe('cartes_bancaires');
  });

  it('names the customer by name, else by email', () => {
    expect(customerLabel(buildCharge())).toBe('Ada Lovelace');
    const anonymous = buildCharge({
      billing_details: { address: null, email: 'a@example.com', name: null, phone: null },
    });
    expect(customerLabel(anonymous)).toBe('a@example.com');
  });

  it('refunds at most what was captured and not yet refunded, and nothing of a failed payment', () => {
    expect(refundableAmount(buildCharge({ amount_captured: 10_000, amount_refunded: 2_500 }))).toBe(7_500);
    expect(refundableAmount(buildCharge({ status: 'failed', amount_captured: 0 }))).toBe(0);
  });

  it('tells a full refund from a partial one', () => {
    expect(refundState(buildCharge())).toBe('none');
    expect(refundState(buildCharge({ amount_refunded: 100 }))).toBe('partial');
    expect(refundState(buildCharge({ amount_refunded: 12_500, refunded: true }))).toBe('full');
  });

  it('explains a decline by its reason when there is one, else by the failure code', () => {
    expect(chargeFailureKey(buildCharge({ status: 'failed', failure_code: 'card_declined', outcome: null }))).toBe(
      'money.chargeFailure.card_declined',
    );
    const insufficient = buildCharge({
      status: 'failed',
      failure_code: 'card_declined',
      outcome: {
        network_status: 'declined_by_network',
        reason: 'insufficient_funds',
        seller_message: null,
        type: 'issuer_declined',
      },
    });
    expect(chargeFailureKey(insufficient)).toBe('money.chargeFailure.insufficient_funds');
    expect(chargeFailureKey(buildCharge({ status: 'failed', failure_code: 'new_code', outcome: null }))).toBe(
      'money.chargeFailure.unknown',
    );
  });
});
