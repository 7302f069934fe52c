import type { QueryParams, RequestBody } from '@atrium/client';
import {
  instantPayoutFeeMinor,
  isCurrency,
  PAYOUT_INTERVALS,
  payoutScheduleSchema,
  REFUND_REASONS,
} from '@atrium/core';
import type { Balance, Charge, Currency, PayoutSchedule } from '@atrium/core';
import { buildList, buildPayout, buildRefund, buildTransfer, FIXTURE_NOW_SECONDS } from './fixtures';
import type { CannedData } from './fixtures';
import { filterAndOrder, textParam } from './list-params';
import { fakeApiError, pageOf } from './fake-api';
import type { FakeRoutes } from './fake-api';

const DAY_SECONDS = 86_400;

function objectFrom(body: RequestBody | undefined): Record<string, unknown> {
  return body === undefined || body instanceof FormData ? {} : body;
}

/** A positive integer of minor units from the body; undefined only when `optional` and absent. */
function amountFrom(body: RequestBody | undefined, name: string, optional = false): number | undefined {
  const value = objectFrom(body)[name];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw fakeApiError(400, 'parameter_invalid', `${name} must be a positive integer of minor units.`);
  }
  return value;
}

function currencyFrom(body: RequestBody | undefined, fallback: Currency): Currency {
  const value = objectFrom(body)['currency'] ?? fallback;
  if (typeof value !== 'string' || !isCurrency(value))
    throw fakeApiError(400, 'parameter_invalid', 'Invalid currency.');
  return value;
}

function find<T extends { id: string }>(items: readonly T[], id: string | undefined, what: string): T {
  const found = items.find((item) => item.id === id);
  if (found === undefined) throw fakeApiError(404, 'resource_missing', `No such ${what}: '${id ?? ''}'`);
  return found;
}

/** Takes `amount` from one of the balance's arrays, refusing to take more than it holds. */
function debit(balance: Balance, kind: 'available' | 'instant_available', currency: Currency, amount: number): void {
  const entries = balance[kind] ?? [];
  const entry = entries.find((item) => item.currency === currency);
  if (entry === undefined || entry.amount < amount) {
    throw fakeApiError(400, 'balance_insufficient', 'The available balance is too low for this amount.');
  }
  entry.amount -= amount;
}

function credit(entries: Balance['available'] | undefined, currency: Currency, amount: number): void {
  const entry = entries?.find((item) => item.currency === currency);
  if (entry) entry.amount += amount;
  else entries?.push({ amount, currency });
}

function quote(query: QueryParams) {
  const amount = Number(textParam(query, 'amount'));
  const currency = textParam(query, 'currency') ?? 'usd';
  const method = textParam(query, 'method') === 'instant' ? 'instant' : 'standard';
  if (!Number.isSafeInteger(amount) || amount <= 0 || !isCurrency(currency)) {
    throw fakeApiError(400, 'parameter_invalid', 'amount and currency are required.');
  }
  const fee = method === 'instant' ? instantPayoutFeeMinor(amount, currency) : 0;
  const arrival = method === 'instant' ? FIXTURE_NOW_SECONDS : FIXTURE_NOW_SECONDS + 2 * DAY_SECONDS;
  return { object: 'payout_quote', amount, currency, method, fee, net: amount - fee, arrival_date: arrival };
}

function schedule(data: CannedData, body: RequestBody | undefined): PayoutSchedule {
  const params = objectFrom(body);
  const current = data.account.settings.payouts.schedule;
  const parsed = payoutScheduleSchema.safeParse({ delay_days: current.delay_days, ...params });
  if (!parsed.success || !PAYOUT_INTERVALS.includes(parsed.data.interval)) {
    throw fakeApiError(400, 'parameter_invalid', 'Invalid payout schedule.');
  }
  const next = parsed.data;
  data.account = {
    ...data.account,
    settings: { ...data.account.settings, payouts: { ...data.account.settings.payouts, schedule: next } },
  };
  return next;
}

function refund(data: CannedData, body: RequestBody | undefined, id: string) {
  const params = objectFrom(body);
  const charge = find(data.charges, typeof params['charge'] === 'string' ? params['charge'] : undefined, 'charge');
  const refundable = charge.amount_captured - charge.amount_refunded;
  const amount = amountFrom(body, 'amount', true) ?? refundable;
  if (charge.status !== 'succeeded' || refundable === 0) {
    throw fakeApiError(400, 'charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
  }
  if (amount > refundable) {
    throw fakeApiError(400, 'amount_too_large', `Refund amount is greater than the unrefunded amount (${refundable}).`);
  }
  const reason = REFUND_REASONS.find((candidate) => candidate === params['reason']) ?? null;
  const created = buildRefund({
    id,
    charge: charge.id,
    amount,
    currency: charge.currency,
    reason,
    created: FIXTURE_NOW_SECONDS,
  });
  const refunds = charge.refunds?.data ?? [];
  const updated: Charge = {
    ...charge,
    amount_refunded: charge.amount_refunded + amount,
    refunded: charge.amount_refunded + amount === charge.amount_captured,
    refunds: buildList([created, ...refunds], `/v1/charges/${charge.id}/refunds`),
  };
  data.charges = data.charges.map((item) => (item.id === charge.id ? updated : item));
  // A refund is paid from the account's balance, and may take it below zero.
  const available = data.balance.available.find((item) => item.currency === charge.currency);
  if (available) available.amount -= amount;
  return created;
}

/**
 * The money routes of the component API over canned data: the balance, payouts (filtered,
 * ordered, quoted, created), the payout schedule, balance transactions (by payout), charges
 * (filtered by status, date, amount and card brand) with refunds, and transfers in and out.
 * Writes change the data, so a refetch shows them, and refuse what the BFF refuses
 * (`balance_insufficient`, an over-refund).
 */
export function moneyRoutes(data: CannedData, nextId: (prefix: string) => string): FakeRoutes {
  return {
    'GET /balance': () => data.balance,
    'GET /balance_transactions': ({ query }) => {
      const payout = textParam(query, 'payout');
      const included = payout === undefined ? undefined : (data.payoutBalanceTransactions[payout] ?? []);
      const items =
        included === undefined
          ? data.balanceTransactions
          : data.balanceTransactions.filter((txn) => included.includes(txn.id));
      return pageOf(items, query, '/v1/balance_transactions');
    },
    'GET /payouts': ({ query }) => pageOf(filterAndOrder(data.payouts, query), query, '/v1/payouts'),
    'GET /payouts/quote': ({ query }) => quote(query),
    'GET /payouts/:id': ({ params }) => find(data.payouts, params['id'], 'payout'),
    'POST /payouts': ({ body }) => {
      const amount = amountFrom(body, 'amount') ?? 0;
      const currency = currencyFrom(body, data.account.default_currency);
      const method = objectFrom(body)['method'] === 'instant' ? 'instant' : 'standard';
      debit(data.balance, 'available', currency, amount);
      if (method === 'instant') debit(data.balance, 'instant_available', currency, amount);
      credit(data.balance.in_transit, currency, amount);
      const { arrival_date } = quote({ amount, currency, method });
      const payout = buildPayout({
        id: nextId('po'),
        amount,
        currency,
        method,
        arrival_date,
        status: 'pending',
        automatic: false,
      });
      data.payouts.unshift(payout);
      return payout;
    },
    'POST /payout_schedule': ({ body }) => schedule(data, body),
    'GET /charges': ({ query }) => {
      const brand = textParam(query, 'payment_method_brand');
      const charges = data.charges.filter(
        (charge) => brand === undefined || charge.payment_method_details?.card?.brand === brand,
      );
      return pageOf(filterAndOrder(charges, query), query, '/v1/charges');
    },
    'GET /charges/:id': ({ params }) => find(data.charges, params['id'], 'charge'),
    'POST /refunds': ({ body }) => refund(data, body, nextId('re')),
    'GET /transfers': ({ query }) => pageOf(filterAndOrder(data.transfers, query), query, '/v1/transfers'),
    'POST /transfers': ({ body }) => {
      const params = objectFrom(body);
      const destination = params['destination'];
      if (typeof destination !== 'string' || !destination.startsWith('acct_') || destination === data.account.id) {
        throw fakeApiError(400, 'parameter_invalid', 'destination must be another connected account (acct_...).');
      }
      const amount = amountFrom(body, 'amount') ?? 0;
      const currency = currencyFrom(body, data.account.default_currency);
      debit(data.balance, 'available', currency, amount);
      const transfer = buildTransfer({
        id: nextId('tr'),
        amount,
        currency,
        destination,
        description: typeof params['description'] === 'string' ? params['description'] : null,
        source_account: data.account.id,
        created: FIXTURE_NOW_SECONDS,
      });
      data.transfers.unshift(transfer);
      return transfer;
    },
  };
}
