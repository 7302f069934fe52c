import type { Charge } from '@atrium/core';
import type { MoneyI18n, MoneyKey } from '../money-tables/use-money-i18n';

/** Card brands as their owners write them; names, so the same in every language. */
export const CARD_BRANDS: Readonly<Record<string, string>> = {
  amex: 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/** The brands the payments list can be filtered by (`payment_method_brand`). */
export const FILTERABLE_BRANDS = ['visa', 'mastercard', 'amex', 'discover'] as const;

/** How a charge was paid, as people recognise it: "Visa ···· 4242". */
export function paymentMethodLabel(charge: Charge, { t }: MoneyI18n): string {
  const card = charge.payment_method_details?.card;
  if (card === undefined) return charge.payment_method_details?.type ?? t('money.paymentMethod.unknown');
  const brand = card.brand === null ? t('money.paymentMethod.card') : (CARD_BRANDS[card.brand] ?? card.brand);
  return card.last4 === null ? brand : t('money.paymentMethod.cardEnding', { brand, last4: card.last4 });
}

/** Who paid: the name on the payment, else the email. */
export function customerLabel(charge: Charge): string | null {
  return charge.billing_details.name ?? charge.billing_details.email ?? charge.receipt_email;
}

/** What can still be refunded, in minor units: what was captured less what was refunded. */
export function refundableAmount(charge: Charge): number {
  return charge.status === 'succeeded' ? Math.max(charge.amount_captured - charge.amount_refunded, 0) : 0;
}

/** Whether the payment was refunded in full, in part, or not at all. */
export function refundState(charge: Charge): 'full' | 'partial' | 'none' {
  if (charge.amount_refunded === 0) return 'none';
  return charge.refunded || charge.amount_refunded >= charge.amount_captured ? 'full' : 'partial';
}

const FAILURES: Readonly<Record<string, MoneyKey>> = {
  card_declined: 'money.chargeFailure.card_declined',
  expired_card: 'money.chargeFailure.expired_card',
  incorrect_cvc: 'money.chargeFailure.incorrect_cvc',
  incorrect_number: 'money.chargeFailure.incorrect_number',
  insufficient_funds: 'money.chargeFailure.insufficient_funds',
  processing_error: 'money.chargeFailure.processing_error',
};

/** Why a payment failed, in the user's words (the decline code when it says more). */
export function chargeFailureKey(charge: Charge): MoneyKey {
  const code = charge.outcome?.reason ?? charge.failure_code;
  return (
    (code === null ? undefined : FAILURES[code]) ?? FAILURES[charge.failure_code ?? ''] ?? 'money.chargeFailure.unknown'
  );
}
