import {
  accountSchema,
  balanceSchema,
  balanceTransactionSchema,
  bankAccountSchema,
  chargeSchema,
  embeddedSessionSchema,
  emptyRequirements,
  payoutSchema,
  refundSchema,
  transferSchema,
} from '@atrium/core';
import type {
  Account,
  ApiList,
  Balance,
  BalanceTransaction,
  BankAccount,
  Charge,
  EmbeddedSession,
  Payout,
  Refund,
  Transfer,
} from '@atrium/core';
import { COMPONENT_FEATURES, COMPONENT_NAMES } from '@atrium/core';

/**
 * Builders for the objects the component API returns. Each fills Stripe's fields with plausible
 * values, applies the overrides, and checks the result against the shared contract, so canned
 * data can never drift from what the BFF really sends.
 */

/** The moment canned data is built around: 2025-06-15 12:00:00 UTC. */
export const FIXTURE_NOW_SECONDS = 1_749_988_800;

const DAY_SECONDS = 86_400;

export const FIXTURE_ACCOUNT = 'acct_1AtriumTestAccount00';

/** A session that grants every component and every feature. */
export function buildSession(overrides: Partial<EmbeddedSession> = {}): EmbeddedSession {
  const components = Object.fromEntries(
    COMPONENT_NAMES.map((name) => [
      name,
      { enabled: true, features: Object.fromEntries(COMPONENT_FEATURES[name].map((feature) => [feature, true])) },
    ]),
  );
  return embeddedSessionSchema.parse({
    object: 'embedded_session',
    token: 'ast_test_token',
    expires_at: FIXTURE_NOW_SECONDS + 3600,
    account: FIXTURE_ACCOUNT,
    components,
    livemode: false,
    ...overrides,
  });
}

export function buildBalance(overrides: Partial<Balance> = {}): Balance {
  return balanceSchema.parse({
    object: 'balance',
    available: [{ amount: 1_234_567, currency: 'usd', source_types: { card: 1_234_567 } }],
    pending: [{ amount: 45_600, currency: 'usd', source_types: { card: 45_600 } }],
    instant_available: [{ amount: 1_000_000, currency: 'usd' }],
    in_transit: [{ amount: 250_000, currency: 'usd' }],
    livemode: false,
    ...overrides,
  });
}

export function buildPayout(overrides: Partial<Payout> = {}): Payout {
  return payoutSchema.parse({
    id: 'po_1TestPayout0000000000000',
    object: 'payout',
    amount: 250_000,
    arrival_date: FIXTURE_NOW_SECONDS + 2 * DAY_SECONDS,
    automatic: true,
    balance_transaction: 'txn_1TestPayoutTxn000000000',
    created: FIXTURE_NOW_SECONDS,
    currency: 'usd',
    description: 'STRIPE PAYOUT',
    destination: 'ba_1TestBankAccount0000000',
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    method: 'standard',
    source_type: 'card',
    statement_descriptor: null,
    status: 'in_transit',
    type: 'bank_account',
    ...overrides,
  });
}

export function buildRefund(overrides: Partial<Refund> = {}): Refund {
  return refundSchema.parse({
    id: 're_1TestRefund000000000000',
    object: 'refund',
    amount: 1_000,
    balance_transaction: 'txn_1TestRefundTxn00000000',
    charge: 'ch_1TestCharge000000000000',
    created: FIXTURE_NOW_SECONDS - DAY_SECONDS,
    currency: 'usd',
    metadata: {},
    payment_intent: 'pi_1TestPaymentIntent00000',
    reason: 'requested_by_customer',
    status: 'succeeded',
    ...overrides,
  });
}

export function buildCharge(overrides: Partial<Charge> = {}): Charge {
  const id = overrides.id ?? 'ch_1TestCharge000000000000';
  return chargeSchema.parse({
    id,
    object: 'charge',
    amount: 12_500,
    amount_captured: 12_500,
    amount_refunded: 0,
    application_fee_amount: 1_250,
    balance_transaction: 'txn_1TestChargeTxn00000000',
    billing_details: {
      address: null,
      email: 'buyer@example.com',
      name: 'Ada Lovelace',
      phone: null,
    },
    captured: true,
    created: FIXTURE_NOW_SECONDS - 2 * DAY_SECONDS,
    currency: 'usd',
    description: 'Chronograph, steel, 1968',
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
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: 'pi_1TestPaymentIntent00000',
    payment_method: 'pm_card_visa',
    payment_method_details: {
      type: 'card',
      card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2030, funding: 'credit', last4: '4242' },
    },
    receipt_email: 'buyer@example.com',
    refunded: false,
    refunds: buildList([], `/v1/charges/${id}/refunds`),
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
    ...overrides,
  });
}

export function buildTransfer(overrides: Partial<Transfer> = {}): Transfer {
  const id = overrides.id ?? 'tr_1TestTransfer00000000000';
  return transferSchema.parse({
    id,
    object: 'transfer',
    amount: 40_000,
    amount_reversed: 0,
    balance_transaction: 'txn_1TestTransferTxn000000',
    created: FIXTURE_NOW_SECONDS - 3 * DAY_SECONDS,
    currency: 'usd',
    description: 'Weekly earnings',
    destination: FIXTURE_ACCOUNT,
    destination_payment: 'py_1TestDestinationPayment',
    livemode: false,
    metadata: {},
    reversals: buildList([], `/v1/transfers/${id}/reversals`),
    reversed: false,
    source_account: null,
    source_transaction: null,
    transfer_group: null,
    ...overrides,
  });
}

export function buildBalanceTransaction(overrides: Partial<BalanceTransaction> = {}): BalanceTransaction {
  return balanceTransactionSchema.parse({
    id: 'txn_1TestChargeTxn00000000',
    object: 'balance_transaction',
    amount: 12_500,
    available_on: FIXTURE_NOW_SECONDS,
    created: FIXTURE_NOW_SECONDS - 2 * DAY_SECONDS,
    currency: 'usd',
    description: 'Chronograph, steel, 1968',
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: 12_500,
    reporting_category: 'charge',
    source: 'ch_1TestCharge000000000000',
    status: 'available',
    type: 'charge',
    ...overrides,
  });
}

export function buildBankAccount(overrides: Partial<BankAccount> = {}): BankAccount {
  return bankAccountSchema.parse({
    id: 'ba_1TestBankAccount0000000',
    object: 'bank_account',
    account: FIXTURE_ACCOUNT,
    account_holder_name: 'Watchmaker LLC',
    account_holder_type: 'company',
    available_payout_methods: ['standard', 'instant'],
    bank_name: 'STRIPE TEST BANK',
    country: 'US',
    currency: 'usd',
    default_for_currency: true,
    fingerprint: 'kTestFingerprint',
    last4: '6789',
    metadata: {},
    routing_number: '110000000',
    status: 'verified',
    ...overrides,
  });
}

/**
 * The session's connected account, as `GET /account` answers it: a US company paid out daily with
 * a two-day delay, able to take payments and receive payouts. The canned routes fill its
 * `external_accounts` from the canned bank accounts.
 */
export function buildAccount(overrides: Partial<Account> = {}): Account {
  return accountSchema.parse({
    id: FIXTURE_ACCOUNT,
    object: 'account',
    business_profile: {
      name: 'Watchmaker LLC',
      url: 'https://watchmaker.example',
      mcc: '5944',
      product_description: 'Vintage watches',
      support_email: null,
      support_phone: null,
    },
    business_type: 'company',
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: true,
    country: 'US',
    created: FIXTURE_NOW_SECONDS - 30 * DAY_SECONDS,
    default_currency: 'usd',
    details_submitted: true,
    email: 'seller@watchmaker.example',
    external_accounts: {
      ...buildList([buildBankAccount()], `/v1/accounts/${FIXTURE_ACCOUNT}/external_accounts`),
      total_count: 1,
    },
    future_requirements: emptyRequirements(),
    livemode: false,
    metadata: {},
    payouts_enabled: true,
    requirements: emptyRequirements(),
    settings: {
      payouts: {
        schedule: { interval: 'daily', delay_days: 2 },
        debit_negative_balances: true,
        statement_descriptor: null,
      },
      payments: { statement_descriptor: null },
    },
    tos_acceptance: { date: FIXTURE_NOW_SECONDS - 29 * DAY_SECONDS, ip: '203.0.113.7', user_agent: 'Mozilla/5.0' },
    type: 'custom',
    ...overrides,
  });
}

/**
 * A long payout history, newest first: `count` payouts a few hours apart with varied amounts,
 * mostly paid, some failed and the newest still on their way. The same count always gives the
 * same payouts, so tests and benchmarks can rely on them.
 */
export function buildPayoutHistory(count: number): Payout[] {
  const template = buildPayout({ status: 'paid' });
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647);
  return Array.from({ length: count }, (_, index) => {
    const created = FIXTURE_NOW_SECONDS - index * 6 * 3600;
    const failed = next() % 40 === 0;
    const status = index < 3 ? 'in_transit' : failed ? 'failed' : 'paid';
    return {
      ...template,
      id: `po_1History${String(index).padStart(16, '0')}`,
      amount: 1_000 + (next() % 500_000),
      created,
      arrival_date: created + 2 * DAY_SECONDS,
      status,
      automatic: index % 5 !== 0,
      method: index % 7 === 0 ? 'instant' : 'standard',
      failure_code: status === 'failed' ? 'could_not_process' : null,
      failure_message: status === 'failed' ? 'The bank could not process this payout.' : null,
    };
  });
}

/** Wraps objects in Stripe's list envelope. */
export function buildList<T>(data: T[], url: string, hasMore = false): ApiList<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

/** The data the canned routes serve; override any part of it. */
export interface CannedData {
  session: EmbeddedSession;
  /** Served by `GET /account`, with `bankAccounts` as its external accounts. */
  account: Account;
  balance: Balance;
  payouts: Payout[];
  charges: Charge[];
  transfers: Transfer[];
  balanceTransactions: BalanceTransaction[];
  bankAccounts: BankAccount[];
  /** The balance transactions each payout paid out, by payout id (`GET /balance_transactions?payout=`). */
  payoutBalanceTransactions: Record<string, string[]>;
}

/** A seller's account a week into trading: money available and pending, a few of everything. */
export function cannedData(): CannedData {
  const ago = (days: number) => FIXTURE_NOW_SECONDS - days * DAY_SECONDS;
  const refunded = buildRefund({
    id: 're_1TestRefundPartial00000',
    charge: 'ch_1TestChargeRefunded0000',
    amount: 5_000,
  });
  return {
    session: buildSession(),
    account: buildAccount(),
    balance: buildBalance(),
    payouts: [
      buildPayout({ id: 'po_1TestPayoutInTransit00000' }),
      buildPayout({
        id: 'po_1TestPayoutPaid0000000000',
        status: 'paid',
        created: ago(7),
        arrival_date: ago(5),
        amount: 180_000,
      }),
      buildPayout({
        id: 'po_1TestPayoutFailed00000000',
        status: 'failed',
        created: ago(14),
        arrival_date: ago(12),
        amount: 95_000,
        failure_code: 'account_closed',
        failure_message: 'The bank account has been closed.',
        failure_balance_transaction: 'txn_1TestPayoutFailure0000',
      }),
      buildPayout({
        id: 'po_1TestPayoutInstant0000000',
        method: 'instant',
        created: ago(1),
        arrival_date: ago(1),
        amount: 20_000,
        status: 'paid',
        automatic: false,
      }),
    ],
    charges: [
      buildCharge(),
      buildCharge({
        id: 'ch_1TestChargeRefunded0000',
        amount: 30_000,
        amount_captured: 30_000,
        amount_refunded: 5_000,
        description: 'Diver, bronze, 2021',
        created: ago(4),
        refunds: buildList([refunded], '/v1/charges/ch_1TestChargeRefunded0000/refunds'),
      }),
      buildCharge({
        id: 'ch_1TestChargeFailed000000',
        status: 'failed',
        paid: false,
        captured: false,
        amount_captured: 0,
        failure_code: 'card_declined',
        failure_message: 'Your card was declined.',
        outcome: null,
        created: ago(5),
      }),
    ],
    transfers: [
      buildTransfer(),
      buildTransfer({
        id: 'tr_1TestTransferFromPeer0000',
        amount: 15_000,
        description: 'Strap supplies, shared order',
        created: ago(2),
        source_account: 'acct_1PeerWorkshop0000000',
      }),
      buildTransfer({
        id: 'tr_1TestTransferToPeer000000',
        amount: 7_500,
        description: 'Repair subcontract',
        created: ago(6),
        destination: 'acct_1PeerWorkshop0000000',
        destination_payment: 'py_1TestPeerPayment0000000',
        source_account: FIXTURE_ACCOUNT,
      }),
    ],
    balanceTransactions: [
      buildBalanceTransaction({ fee: 1_250, net: 11_250, fee_details: [applicationFee(1_250)] }),
      buildBalanceTransaction({
        id: 'txn_1TestPayoutTxn000000000',
        amount: -250_000,
        net: -250_000,
        type: 'payout',
        reporting_category: 'payout',
        source: 'po_1TestPayoutInTransit00000',
        description: 'STRIPE PAYOUT',
      }),
      buildBalanceTransaction({
        id: 'txn_1TestPayoutFailed000000',
        amount: -95_000,
        net: -95_000,
        type: 'payout',
        reporting_category: 'payout',
        source: 'po_1TestPayoutFailed00000000',
        description: 'STRIPE PAYOUT',
        created: ago(14),
        available_on: ago(14),
      }),
      buildBalanceTransaction({
        id: 'txn_1TestPayoutFailure0000',
        amount: 95_000,
        net: 95_000,
        type: 'payout_failure',
        reporting_category: 'payout_reversal',
        source: 'po_1TestPayoutFailed00000000',
        description: 'Payout failed: the bank account has been closed',
        created: ago(12),
        available_on: ago(12),
      }),
    ],
    bankAccounts: [buildBankAccount()],
    payoutBalanceTransactions: {
      po_1TestPayoutInTransit00000: ['txn_1TestChargeTxn00000000', 'txn_1TestPayoutTxn000000000'],
      po_1TestPayoutFailed00000000: ['txn_1TestPayoutFailed000000', 'txn_1TestPayoutFailure0000'],
    },
  };
}

function applicationFee(amount: number) {
  return {
    amount,
    application: 'ca_1AtriumPlatform',
    currency: 'usd',
    description: 'Platform fee',
    type: 'application_fee' as const,
  };
}
