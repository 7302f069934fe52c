import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceSchema } from './balance';
import { balanceTransactionSchema } from './balance-transaction';
import { bankAccountSchema } from './bank-account';
import { chargeSchema } from './charge';
import { errorBodySchema } from './error';
import { listSchema } from './list';
import { payoutSchema } from './payout';
import { payoutQuoteSchema } from './payout-quote';
import { refundSchema } from './refund';
import { transferSchema } from './transfer';

// Examples follow Stripe's API reference for each object, so the schemas accept what Stripe sends.
const payout = {
  id: 'po_1OaFDbEcg9tTZuTgNYmX0PKB',
  object: 'payout',
  amount: 1100,
  arrival_date: 1680652800,
  automatic: false,
  balance_transaction: 'txn_1H2H3I4J5K6L7M8N9O0P',
  created: 1680648691,
  currency: 'usd',
  description: null,
  destination: 'ba_1MtIhL2eZvKYlo2CAElKwKu2',
  failure_balance_transaction: null,
  failure_code: null,
  failure_message: null,
  livemode: false,
  metadata: {},
  method: 'standard',
  original_payout: null,
  reconciliation_status: 'not_applicable',
  reversed_by: null,
  source_type: 'card',
  statement_descriptor: null,
  status: 'pending',
  type: 'bank_account',
};

const refund = {
  id: 're_1Nispe2eZvKYlo2Cd31jOCgZ',
  object: 'refund',
  amount: 1000,
  balance_transaction: 'txn_1Nispe2eZvKYlo2CYezqFhEx',
  charge: 'ch_1NirD82eZvKYlo2CIvbtLWuY',
  created: 1692942318,
  currency: 'usd',
  destination_details: { card: { reference_status: 'pending', type: 'refund' }, type: 'card' },
  metadata: {},
  payment_intent: 'pi_1GszsK2eZvKYlo2CfhZyoZLp',
  reason: null,
  receipt_number: null,
  source_transfer_reversal: null,
  status: 'succeeded',
  transfer_reversal: null,
};

const charge = {
  id: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
  object: 'charge',
  amount: 1099,
  amount_captured: 1099,
  amount_refunded: 1000,
  application: null,
  application_fee: null,
  application_fee_amount: null,
  balance_transaction: 'txn_3MmlLrLkdIwHu7ix0uke3Ezy',
  billing_details: {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: null,
    name: null,
    phone: null,
  },
  calculated_statement_descriptor: 'Stripe',
  captured: true,
  created: 1679090539,
  currency: 'usd',
  customer: null,
  description: null,
  disputed: false,
  failure_code: null,
  failure_message: null,
  livemode: false,
  metadata: {},
  on_behalf_of: null,
  outcome: {
    network_status: 'approved_by_network',
    reason: null,
    risk_level: 'normal',
    risk_score: 32,
    seller_message: 'Payment complete.',
    type: 'authorized',
  },
  paid: true,
  payment_intent: null,
  payment_method: 'card_1MmlLrLkdIwHu7ixIJwEWSNR',
  payment_method_details: {
    card: { brand: 'visa', country: 'US', exp_month: 3, exp_year: 2024, funding: 'credit', last4: '4242' },
    type: 'card',
  },
  receipt_email: null,
  refunded: false,
  refunds: { object: 'list', data: [refund], has_more: false, url: '/v1/charges/ch_3MmlLrLkdIwHu7ix0snN0B15/refunds' },
  status: 'succeeded',
  transfer_data: null,
  transfer_group: null,
};

const transfer = {
  id: 'tr_1MiN3gLkdIwHu7ixNCZvFdgA',
  object: 'transfer',
  amount: 400,
  amount_reversed: 0,
  balance_transaction: 'txn_1MiN3gLkdIwHu7ixxapQrznl',
  created: 1678043844,
  currency: 'usd',
  description: null,
  destination: 'acct_1MTfjCQ9PRzxEwkZ',
  destination_payment: 'py_1MiN3gQ9PRzxEwkZWTPGNq9o',
  livemode: false,
  metadata: {},
  reversals: { object: 'list', data: [], has_more: false, url: '/v1/transfers/tr_1MiN3gLkdIwHu7ixNCZvFdgA/reversals' },
  reversed: false,
  source_transaction: null,
  source_type: 'card',
  transfer_group: 'ORDER_95',
};

const balanceTransaction = {
  id: 'txn_1MiN3gLkdIwHu7ixxapQrznl',
  object: 'balance_transaction',
  amount: -400,
  available_on: 1678043844,
  created: 1678043844,
  currency: 'usd',
  description: null,
  exchange_rate: null,
  fee: 0,
  fee_details: [],
  net: -400,
  reporting_category: 'transfer',
  source: 'tr_1MiN3gLkdIwHu7ixNCZvFdgA',
  status: 'available',
  type: 'transfer',
};

const bankAccount = {
  id: 'ba_1MvoIJ2eZvKYlo2CO9f0MabO',
  object: 'bank_account',
  account: 'acct_1032D82eZvKYlo2C',
  account_holder_name: 'Jane Austen',
  account_holder_type: 'company',
  account_type: null,
  bank_name: 'STRIPE TEST BANK',
  country: 'US',
  currency: 'usd',
  default_for_currency: false,
  fingerprint: '1JWtPxqbdX5Gamtc',
  last4: '6789',
  metadata: {},
  routing_number: '110000000',
  status: 'new',
};

const balance = {
  object: 'balance',
  available: [{ amount: 666670, currency: 'usd', source_types: { card: 666670 } }],
  connect_reserved: [{ amount: 0, currency: 'usd' }],
  livemode: false,
  pending: [{ amount: 61414, currency: 'usd', source_types: { card: 61414 } }],
};

describe('object schemas', () => {
  it.each([
    ['payout', payoutSchema, payout],
    ['refund', refundSchema, refund],
    ['charge', chargeSchema, charge],
    ['transfer', transferSchema, transfer],
    ['balance transaction', balanceTransactionSchema, balanceTransaction],
    ['bank account', bankAccountSchema, bankAccount],
    ['balance', balanceSchema, balance],
  ] as const)("accept Stripe's documented %s", (_name, schema, example) => {
    expect(schema.safeParse(example).success).toBe(true);
  });

  it('keep the nested refunds of a charge typed', () => {
    const parsed = chargeSchema.parse(charge);
    expect(parsed.refunds?.data[0]?.amount).toBe(1000);
  });

  it('accept a negative available balance, which refunds can cause', () => {
    const negative = { ...balance, available: [{ amount: -2500, currency: 'eur' }] };
    expect(balanceSchema.parse(negative).available[0]?.amount).toBe(-2500);
  });

  it.each([
    ['a fractional amount', { amount: 10.5 }],
    ['an amount beyond the safe integer range', { amount: 2 ** 53 }],
    ['an amount given as a string', { amount: '1100' }],
    ['an upper-case currency', { currency: 'USD' }],
    ['a currency that is not ISO 4217 money', { currency: 'xau' }],
    ['an unknown status', { status: 'lost' }],
    ['another object type', { object: 'transfer' }],
    ['an id without the payout prefix', { id: 'tr_123' }],
  ])('refuse a payout with %s', (_name, change) => {
    expect(payoutSchema.safeParse({ ...payout, ...change }).success).toBe(false);
  });

  it('refuse a bank account that reveals more than the last four digits', () => {
    expect(bankAccountSchema.safeParse({ ...bankAccount, last4: '000123456789' }).success).toBe(false);
  });

  it('accept every safe integer amount and refuse every other number', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (amount) => payoutSchema.safeParse({ ...payout, amount }).success));
    fc.assert(
      fc.property(
        fc.double().filter((value) => !Number.isSafeInteger(value)),
        (amount) => !payoutSchema.safeParse({ ...payout, amount }).success,
      ),
    );
  });
});

describe('list envelope', () => {
  const payouts = listSchema(payoutSchema);

  it('accepts a page of valid objects', () => {
    const page = { object: 'list', data: [payout, payout], has_more: true, url: '/v1/embedded/payouts' };
    expect(payouts.parse(page).data).toHaveLength(2);
  });

  it('refuses a page where one object is invalid', () => {
    const page = { object: 'list', data: [payout, { ...payout, amount: 1.5 }], has_more: false, url: '/v1/payouts' };
    expect(payouts.safeParse(page).success).toBe(false);
  });

  it('refuses a page without has_more', () => {
    expect(payouts.safeParse({ object: 'list', data: [], url: '/v1/payouts' }).success).toBe(false);
  });
});

describe('error body', () => {
  it("accepts Stripe's error shape", () => {
    const body = {
      error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'Bad.', param: 'amount' },
    };
    expect(errorBodySchema.parse(body).error.param).toBe('amount');
  });

  it('refuses an unknown error type', () => {
    expect(errorBodySchema.safeParse({ error: { type: 'oops', message: 'Bad.' } }).success).toBe(false);
  });
});

describe('Atrium extensions', () => {
  it('accept a balance with money in transit per currency', () => {
    const withTransit = { ...balance, in_transit: [{ amount: 250_000, currency: 'usd' }] };
    expect(balanceSchema.parse(withTransit).in_transit?.[0]?.amount).toBe(250_000);
  });

  it('accept a transfer from another connected account and one from the platform', () => {
    expect(transferSchema.parse({ ...transfer, source_account: 'acct_1Sender' }).source_account).toBe('acct_1Sender');
    expect(transferSchema.parse({ ...transfer, source_account: null }).source_account).toBeNull();
  });

  const quote = {
    object: 'payout_quote',
    amount: 10_000,
    currency: 'usd',
    method: 'instant',
    fee: 100,
    net: 9_900,
    arrival_date: 1680652800,
  };

  it('accept a payout quote whose net is the amount less the fee', () => {
    expect(payoutQuoteSchema.parse(quote)).toEqual(quote);
  });

  it('refuse a payout quote whose net does not add up, or with an unknown method', () => {
    expect(payoutQuoteSchema.safeParse({ ...quote, net: 9_950 }).success).toBe(false);
    expect(payoutQuoteSchema.safeParse({ ...quote, method: 'express' }).success).toBe(false);
  });

  it('accept a quote for every fee up to the amount, with the net it implies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), (amount, fee) => {
        const net = amount - fee;
        return payoutQuoteSchema.safeParse({ ...quote, amount, fee, net }).success;
      }),
    );
  });
});
