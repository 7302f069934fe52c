import type { ApiRequest } from './client';

/**
 * What the bank test's clients ask for: every kind of money movement through the platform API,
 * drawn at random from what earlier answers created (charges to refund, transfers to reverse,
 * payouts to cancel). Amounts are chosen so that many requests succeed and many are refused.
 */

/** The kinds of operation; each write names the table its object lands in, if it makes one. */
export const OPERATION_TABLES = {
  charge: 'payment_intents',
  capture: undefined,
  refund: 'refunds',
  transfer: 'transfers',
  account_transfer: 'transfers',
  reversal: 'transfer_reversals',
  topup: 'topups',
  payout: 'payouts',
  payout_cancel: undefined,
  topup_cancel: undefined,
  account: 'accounts',
  advance: undefined,
  read: undefined,
  /** Webhook endpoints and platform settings, made before the run. */
  setup: undefined,
} as const;

export type OperationKind = keyof typeof OPERATION_TABLES;
export type CountedTable = NonNullable<(typeof OPERATION_TABLES)[OperationKind]>;
export const COUNTED_TABLES: readonly CountedTable[] = [
  ...new Set(Object.values(OPERATION_TABLES).filter((table) => table !== undefined)),
];

export interface Operation {
  kind: OperationKind;
  request: ApiRequest;
  /** Remembers what a successful answer created, for later operations. */
  onSuccess?: (body: Record<string, unknown>) => void;
}

export type Country = 'US' | 'DE';

export interface Seller {
  id: string;
  country: Country;
  currency: 'usd' | 'eur';
}

type ChargeType = 'separate' | 'destination' | 'direct';

interface KnownCharge {
  id: string;
  type: ChargeType;
  currency: string;
  amount: number;
  /** The connected account of a direct charge, which refunds it. */
  account?: string;
  /** Whether it took an application fee that a refund can give back. */
  fee: boolean;
}

/** What the clients know about: shared by all of them, as one platform's database would be. */
export class World {
  readonly sellers: Seller[] = [];
  readonly charges: KnownCharge[] = [];
  readonly uncaptured: { intent: string; currency: string; amount: number }[] = [];
  readonly transfers: { id: string; currency: string }[] = [];
  readonly pendingPayouts: { id: string; account: string }[] = [];
  readonly pendingTopups: string[] = [];
}

const DECLINING_CARDS = [
  'pm_card_visa_chargeDeclined',
  'pm_card_visa_chargeDeclinedInsufficientFunds',
  'pm_card_chargeDeclinedExpiredCard',
  'pm_card_chargeDeclinedProcessingError',
];
const PAYING_CARDS = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'pm_card_visa_debit'];

type RandomKind = Exclude<OperationKind, 'advance' | 'setup'>;

const WEIGHTS: [RandomKind, number][] = [
  ['charge', 28],
  ['capture', 4],
  ['refund', 10],
  ['transfer', 12],
  ['account_transfer', 8],
  ['reversal', 6],
  ['topup', 3],
  ['topup_cancel', 1],
  ['payout', 12],
  ['payout_cancel', 3],
  ['account', 1],
  ['read', 8],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

export const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const take = <T>(items: T[]): T | undefined => items.splice(Math.floor(Math.random() * items.length), 1)[0];

/** A random operation; `key` is its idempotency key, also kept in the object's metadata. */
export function nextOperation(world: World, key: string): Operation {
  let roll = Math.random() * TOTAL_WEIGHT;
  const kind = WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'read';
  return build(kind, world, key) ?? chargeOperation(world, key);
}

function build(kind: RandomKind, world: World, key: string): Operation | undefined {
  switch (kind) {
    case 'charge':
      return chargeOperation(world, key);
    case 'capture':
      return captureOperation(world, key);
    case 'refund':
      return refundOperation(world, key);
    case 'transfer':
      return transferOperation(world, key);
    case 'account_transfer':
      return accountTransferOperation(world, key);
    case 'reversal':
      return reversalOperation(world, key);
    case 'topup':
      return topupOperation(Math.random() < 0.5 ? 'usd' : 'eur', randomInt(50_000, 500_000), key, world);
    case 'topup_cancel':
      return topupCancelOperation(world, key);
    case 'payout':
      return payoutOperation(world, key);
    case 'payout_cancel':
      return payoutCancelOperation(world, key);
    case 'account':
      return accountOperation(world, Math.random() < 0.7 ? 'US' : 'DE', Math.random() < 0.5 ? 'daily' : 'manual', key);
    case 'read':
      return readOperation(world);
  }
}

function rememberCharge(world: World, type: ChargeType, account: string | undefined) {
  return (body: Record<string, unknown>) => {
    const charge = body['latest_charge'];
    if (typeof charge !== 'string') return;
    const currency = String(body['currency']);
    const amount = Number(body['amount']);
    const fee = typeof body['application_fee_amount'] === 'number' && body['application_fee_amount'] > 0;
    if (body['status'] === 'succeeded') {
      world.charges.push({ id: charge, type, currency, amount, fee, ...(account === undefined ? {} : { account }) });
    } else if (body['status'] === 'requires_capture') {
      world.uncaptured.push({ intent: String(body['id']), currency, amount });
    }
  };
}

function chargeOperation(world: World, key: string): Operation {
  const seller = pick(world.sellers);
  const currency = seller?.currency ?? 'usd';
  const amount = randomInt(1_000, 20_000);
  const body: Record<string, unknown> = { amount, currency, confirm: true, metadata: { chaos_key: key } };
  const variant = seller === undefined ? 'separate' : pick(['separate', 'destination', 'direct', 'manual', 'declined']);
  body['payment_method'] = pick(PAYING_CARDS);
  if (variant === 'declined') body['payment_method'] = pick(DECLINING_CARDS);
  if (Math.random() < 0.1 && variant !== 'declined') body['payment_method'] = 'pm_card_bypassPending';
  if (seller !== undefined && (variant === 'destination' || variant === 'manual' || variant === 'declined')) {
    if (Math.random() < 0.5) {
      body['transfer_data'] = { destination: seller.id };
      body['application_fee_amount'] = Math.floor(amount / 10);
    } else {
      body['transfer_data'] = { destination: seller.id, amount: Math.floor((amount * 8) / 10) };
    }
  }
  if (variant === 'manual') body['capture_method'] = 'manual';
  if (variant === 'direct' && seller !== undefined) {
    body['application_fee_amount'] = Math.floor(amount / 20);
    return {
      kind: 'charge',
      request: { method: 'POST', path: '/v1/payment_intents', body, account: seller.id, key },
      onSuccess: rememberCharge(world, 'direct', seller.id),
    };
  }
  const type: ChargeType = body['transfer_data'] === undefined ? 'separate' : 'destination';
  return {
    kind: 'charge',
    request: { method: 'POST', path: '/v1/payment_intents', body, key },
    onSuccess: rememberCharge(world, type, undefined),
  };
}

function captureOperation(world: World, key: string): Operation | undefined {
  const intent = take(world.uncaptured);
  if (intent === undefined) return undefined;
  const body = Math.random() < 0.5 ? { amount_to_capture: Math.floor((intent.amount * 7) / 10) } : {};
  return {
    kind: 'capture',
    request: { method: 'POST', path: `/v1/payment_intents/${intent.intent}/capture`, body, key },
    onSuccess: rememberCharge(world, 'destination', undefined),
  };
}

function refundOperation(world: World, key: string): Operation | undefined {
  const charge = pick(world.charges);
  if (charge === undefined) return undefined;
  const body: Record<string, unknown> = { charge: charge.id, metadata: { chaos_key: key } };
  if (Math.random() < 0.6) body['amount'] = randomInt(100, Math.max(100, Math.floor(charge.amount / 2)));
  if (charge.type === 'destination') body['reverse_transfer'] = Math.random() < 0.5;
  if (charge.fee) body['refund_application_fee'] = Math.random() < 0.5;
  return {
    kind: 'refund',
    request: {
      method: 'POST',
      path: '/v1/refunds',
      body,
      key,
      ...(charge.account === undefined ? {} : { account: charge.account }),
    },
  };
}

function rememberTransfer(world: World) {
  return (body: Record<string, unknown>) => {
    world.transfers.push({ id: String(body['id']), currency: String(body['currency']) });
  };
}

function transferOperation(world: World, key: string): Operation | undefined {
  const seller = pick(world.sellers);
  if (seller === undefined) return undefined;
  const body: Record<string, unknown> = {
    amount: randomInt(500, 5_000),
    currency: seller.currency,
    destination: seller.id,
    metadata: { chaos_key: key },
  };
  const funding = pick(
    world.charges.filter((charge) => charge.type === 'separate' && charge.currency === seller.currency),
  );
  if (funding !== undefined && Math.random() < 0.3) body['source_transaction'] = funding.id;
  return {
    kind: 'transfer',
    request: { method: 'POST', path: '/v1/transfers', body, key },
    onSuccess: rememberTransfer(world),
  };
}

function accountTransferOperation(world: World, key: string): Operation | undefined {
  const sender = pick(world.sellers);
  const recipient = pick(world.sellers.filter((seller) => seller !== sender && seller.currency === sender?.currency));
  if (sender === undefined || recipient === undefined) return undefined;
  return {
    kind: 'account_transfer',
    request: {
      method: 'POST',
      path: '/v1/transfers',
      body: {
        amount: randomInt(100, 3_000),
        currency: sender.currency,
        destination: recipient.id,
        metadata: { chaos_key: key },
      },
      account: sender.id,
      key,
    },
    onSuccess: rememberTransfer(world),
  };
}

function reversalOperation(world: World, key: string): Operation | undefined {
  const transfer = pick(world.transfers);
  if (transfer === undefined) return undefined;
  const body: Record<string, unknown> = { metadata: { chaos_key: key } };
  if (Math.random() < 0.7) body['amount'] = randomInt(50, 1_500);
  return { kind: 'reversal', request: { method: 'POST', path: `/v1/transfers/${transfer.id}/reversals`, body, key } };
}

/** A top-up of the platform's balance from its (simulated) bank account. */
/** A top-up; with `world`, one that a later operation may cancel while it is pending. */
export function topupOperation(currency: 'usd' | 'eur', amount: number, key: string, world?: World): Operation {
  return {
    kind: 'topup',
    request: { method: 'POST', path: '/v1/topups', body: { amount, currency, metadata: { chaos_key: key } }, key },
    onSuccess: (body) => {
      if (world !== undefined && body['status'] === 'pending') world.pendingTopups.push(String(body['id']));
    },
  };
}

function topupCancelOperation(world: World, key: string): Operation | undefined {
  const topup = take(world.pendingTopups);
  if (topup === undefined) return undefined;
  return { kind: 'topup_cancel', request: { method: 'POST', path: `/v1/topups/${topup}/cancel`, body: {}, key } };
}

function payoutOperation(world: World, key: string): Operation | undefined {
  const seller = pick(world.sellers);
  if (seller === undefined) return undefined;
  const method = Math.random() < 0.3 ? 'instant' : 'standard';
  return {
    kind: 'payout',
    request: {
      method: 'POST',
      path: '/v1/payouts',
      body: { amount: randomInt(100, 5_000), currency: seller.currency, method, metadata: { chaos_key: key } },
      account: seller.id,
      key,
    },
    onSuccess: (body) => {
      if (body['status'] === 'pending' && method === 'standard') {
        world.pendingPayouts.push({ id: String(body['id']), account: seller.id });
      }
    },
  };
}

function payoutCancelOperation(world: World, key: string): Operation | undefined {
  const payout = take(world.pendingPayouts);
  if (payout === undefined) return undefined;
  return {
    kind: 'payout_cancel',
    request: { method: 'POST', path: `/v1/payouts/${payout.id}/cancel`, body: {}, account: payout.account, key },
  };
}

function readOperation(world: World): Operation {
  const seller = Math.random() < 0.5 ? pick(world.sellers) : undefined;
  return {
    kind: 'read',
    request: { method: 'GET', path: '/v1/balance', ...(seller === undefined ? {} : { account: seller.id }) },
  };
}

/** Moves the test clock: releases, automatic payouts, the payout rail and verification follow. */
export function advanceOperation(key: string, seconds: number): Operation {
  return {
    kind: 'advance',
    request: { method: 'POST', path: '/v1/test_helpers/clock/advance', body: { seconds }, key },
  };
}

/** Bank account numbers: US ones the payout rail pays or fails (no_account), and a German IBAN it pays. */
const BANK_NUMBERS = { US: { pays: '000123456789', fails: '000111111116' }, DE: { pays: 'DE89370400440532013000' } };

/**
 * A connected account that can take charges, receive transfers and be paid out once its
 * verification has run on the test clock; its bank account pays, or with `failingBank` fails.
 */
export function accountOperation(
  world: World,
  country: Country,
  interval: 'daily' | 'manual',
  key: string,
  options: { failingBank?: boolean } = {},
): Operation {
  const common = {
    first_name: 'Jenny',
    last_name: 'Rosen',
    email: 'jenny@example.com',
    phone: '0000000000',
    dob: { day: 1, month: 1, year: 1901 },
  };
  const individual =
    country === 'DE'
      ? { ...common, address: { line1: 'address_full_match', city: 'Berlin', postal_code: '10115', country: 'DE' } }
      : {
          ...common,
          address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94111', country },
          ssn_last_4: '0000',
          id_number: '000000000',
        };
  const bank =
    country === 'DE'
      ? { object: 'bank_account', country, currency: 'eur', account_number: BANK_NUMBERS.DE.pays }
      : {
          object: 'bank_account',
          country,
          currency: 'usd',
          routing_number: '110000000',
          account_number: options.failingBank ? BANK_NUMBERS.US.fails : BANK_NUMBERS.US.pays,
        };
  const currency = country === 'DE' ? 'eur' : 'usd';
  return {
    kind: 'account',
    request: {
      method: 'POST',
      path: '/v1/accounts',
      key,
      body: {
        type: 'custom',
        country,
        business_type: 'individual',
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        individual,
        business_profile: { url: 'https://accessible.stripe.com', mcc: '5944' },
        tos_acceptance: { date: Math.floor(Date.now() / 1000), ip: '203.0.113.7' },
        settings: { payouts: { schedule: { interval } } },
        external_account: bank,
        metadata: { chaos_key: key },
      },
    },
    onSuccess: (body) => {
      world.sellers.push({ id: String(body['id']), country, currency });
    },
  };
}
