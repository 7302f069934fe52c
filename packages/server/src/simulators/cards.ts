/**
 * The test-mode card processor: Stripe's published test payment methods and what each does. This
 * is the edge a user cannot reach here (a card network), so it is an explicit simulator; every
 * value is listed in docs/test-values.md.
 */

export interface TestCard {
  brand: 'visa' | 'mastercard' | 'amex' | 'discover';
  last4: string;
  funding: 'credit' | 'debit' | 'prepaid';
  country: string;
  expMonth: number;
  expYear: number;
}

export type CardOutcome =
  | { ok: true; card: TestCard; bypassPending: boolean }
  | { ok: false; card: TestCard; code: string; declineCode: string | undefined; message: string };

const visa: TestCard = { brand: 'visa', last4: '4242', funding: 'credit', country: 'US', expMonth: 12, expYear: 2034 };

const declined = (card: TestCard, code: string, declineCode: string | undefined, message: string): CardOutcome => ({
  ok: false,
  card,
  code,
  declineCode,
  message,
});

const approved = (card: TestCard, bypassPending = false): CardOutcome => ({ ok: true, card, bypassPending });

const TEST_PAYMENT_METHODS: Record<string, CardOutcome> = {
  pm_card_visa: approved(visa),
  pm_card_mastercard: approved({ ...visa, brand: 'mastercard', last4: '4444' }),
  pm_card_amex: approved({ ...visa, brand: 'amex', last4: '8431' }),
  pm_card_discover: approved({ ...visa, brand: 'discover', last4: '1117' }),
  pm_card_visa_debit: approved({ ...visa, last4: '5556', funding: 'debit' }),
  pm_card_mastercard_prepaid: approved({ ...visa, brand: 'mastercard', last4: '5100', funding: 'prepaid' }),
  pm_card_bypassPending: approved({ ...visa, last4: '0077' }, true),
  pm_card_visa_chargeDeclined: declined(
    { ...visa, last4: '0002' },
    'card_declined',
    'generic_decline',
    'Your card was declined.',
  ),
  pm_card_visa_chargeDeclinedInsufficientFunds: declined(
    { ...visa, last4: '9995' },
    'card_declined',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ),
  pm_card_visa_chargeDeclinedLostCard: declined(
    { ...visa, last4: '9987' },
    'card_declined',
    'lost_card',
    'Your card was declined.',
  ),
  pm_card_visa_chargeDeclinedStolenCard: declined(
    { ...visa, last4: '9979' },
    'card_declined',
    'stolen_card',
    'Your card was declined.',
  ),
  pm_card_chargeDeclinedFraudulent: declined(
    { ...visa, last4: '0019' },
    'card_declined',
    'fraudulent',
    'Your card was declined.',
  ),
  pm_card_chargeDeclinedExpiredCard: declined(
    { ...visa, last4: '0069' },
    'expired_card',
    'expired_card',
    'Your card has expired.',
  ),
  pm_card_chargeDeclinedIncorrectCvc: declined(
    { ...visa, last4: '0127' },
    'incorrect_cvc',
    'incorrect_cvc',
    "Your card's security code is incorrect.",
  ),
  pm_card_chargeDeclinedProcessingError: declined(
    { ...visa, last4: '0119' },
    'processing_error',
    'processing_error',
    'An error occurred while processing your card. Try again in a little bit.',
  ),
};

export const TEST_PAYMENT_METHOD_IDS = Object.keys(TEST_PAYMENT_METHODS);

/** What charging a test payment method does; undefined for a payment method that does not exist. */
export function cardOutcome(paymentMethod: string): CardOutcome | undefined {
  return Object.hasOwn(TEST_PAYMENT_METHODS, paymentMethod) ? TEST_PAYMENT_METHODS[paymentMethod] : undefined;
}
