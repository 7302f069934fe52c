import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';
import { advance, balanceOf, charge, createSeller, platform } from './testing';

const TABLES = [
  'payment_intents',
  'charges',
  'application_fees',
  'application_fee_refunds',
  'refunds',
  'transfers',
  'transfer_reversals',
  'topups',
  'payouts',
  'balance_transactions',
  'fund_releases',
  'ledger_entries',
  'events',
];

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
  account?: string;
  status: number;
  param?: string;
  code?: string;
}

describe('bad input to the money routes', () => {
  let server: TestServer;
  let seller: string;
  let other: string;
  let unable: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
    other = await createSeller(server);
    unable = await createSeller(server, { transfers: false });
    await server.stripe.topups.create({ amount: 100_000, currency: 'usd' });
    await advance(server, 24 * 60 * 60);
    const destination = await charge(server, { application_fee_amount: 500, transfer_data: { destination: seller } });
    const direct = await charge(server, { payment_method: 'pm_card_bypassPending' }, { stripeAccount: other });
    const manual = await charge(server, { capture_method: 'manual', transfer_data: { destination: seller } });
    const transfer = await server.stripe.transfers.create({ amount: 5000, currency: 'usd', destination: other });
    const payout = await server.stripe.payouts.create({ amount: 1000, currency: 'usd' }, { stripeAccount: other });
    const destinationCharge = await server.stripe.charges.retrieve(destination.latest_charge as string);
    const otherAccount = await server.stripe.accounts.retrieve(other);
    Object.assign(ids, {
      destinationIntent: destination.id,
      destinationCharge: destinationCharge.id,
      fee: destinationCharge.application_fee as string,
      directIntent: direct.id,
      manualIntent: manual.id,
      directCharge: direct.latest_charge as string,
      transfer: transfer.id,
      payout: payout.id,
      payoutTxn: payout.balance_transaction as string,
      otherBank: otherAccount.external_accounts?.data[0]?.id ?? '',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const snapshot = async () => {
    const counts = await server.db.query<{ name: string; n: number }>(
      TABLES.map((table) => `SELECT '${table}' AS name, count(*)::bigint AS n FROM ${table}`).join(' UNION ALL '),
    );
    const balances = await Promise.all([undefined, seller, other].map((account) => balanceOf(server, account)));
    return { counts, balances };
  };

  const intent = { amount: 1000, currency: 'usd' };
  const cases = (): Case[] => [
    {
      name: 'an unknown parameter',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, colour: 'red' },
      status: 400,
      param: 'colour',
      code: 'parameter_unknown',
    },
    {
      name: 'a receipt email that is not an email address',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, receipt_email: 'notanemail' },
      status: 400,
      param: 'receipt_email',
      code: 'parameter_invalid',
    },
    {
      name: 'an amount of the wrong type',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, amount: 'ten' },
      status: 400,
      param: 'amount',
    },
    {
      name: 'a fractional amount',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, amount: 10.5 },
      status: 400,
      param: 'amount',
    },
    {
      name: 'an amount below the minimum',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, amount: 49 },
      status: 400,
      param: 'amount',
      code: 'amount_too_small',
    },
    {
      name: 'a yen amount below the minimum',
      method: 'POST',
      path: '/payment_intents',
      body: { amount: 49, currency: 'jpy' },
      status: 400,
      code: 'amount_too_small',
    },
    {
      name: 'an amount above the maximum',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, amount: 100_000_000 },
      status: 400,
      code: 'amount_too_large',
    },
    {
      name: 'an upper-case currency',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, currency: 'USD' },
      status: 400,
      param: 'currency',
    },
    {
      name: 'an unknown payment method',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, payment_method: 'pm_card_gold', confirm: true },
      status: 400,
      param: 'payment_method',
    },
    {
      name: 'an application fee above the amount',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, application_fee_amount: 1001, transfer_data: { destination: seller } },
      status: 400,
      param: 'application_fee_amount',
    },
    {
      name: 'an application fee without a connected account',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, application_fee_amount: 100 },
      status: 400,
      param: 'application_fee_amount',
    },
    {
      name: 'a destination that is not connected',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, transfer_data: { destination: 'acct_nobody' } },
      status: 400,
      param: 'transfer_data[destination]',
    },
    {
      name: 'a destination that cannot receive',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, transfer_data: { destination: unable } },
      status: 400,
      code: 'insufficient_capabilities_for_transfer',
    },
    {
      name: 'a currency the destination cannot settle',
      method: 'POST',
      path: '/payment_intents',
      body: { amount: 1000, currency: 'eur', transfer_data: { destination: seller } },
      status: 400,
      code: 'currency_not_supported',
    },
    {
      name: 'a currency a direct charge cannot settle',
      method: 'POST',
      path: '/payment_intents',
      body: { amount: 1000, currency: 'gbp' },
      account: seller,
      status: 400,
      code: 'currency_not_supported',
    },
    {
      name: 'a destination on a direct charge',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, transfer_data: { destination: other } },
      account: seller,
      status: 400,
      param: 'transfer_data',
    },
    {
      name: 'a direct application fee above the amount less fees',
      method: 'POST',
      path: '/payment_intents',
      body: { ...intent, payment_method: 'pm_card_visa', confirm: true, application_fee_amount: 990 },
      account: seller,
      status: 400,
      param: 'application_fee_amount',
    },
    {
      name: 'a malformed payment intent id',
      method: 'POST',
      path: '/payment_intents/pi_!!/confirm',
      body: {},
      status: 404,
    },
    {
      name: "another account's payment intent",
      method: 'POST',
      path: `/payment_intents/${ids['directIntent'] ?? ''}/cancel`,
      body: {},
      account: seller,
      status: 404,
    },
    {
      name: 'a capture amount of the wrong type',
      method: 'POST',
      path: `/payment_intents/${ids['destinationIntent'] ?? ''}/capture`,
      body: { amount_to_capture: 'all' },
      status: 400,
      param: 'amount_to_capture',
    },
    {
      name: 'a negative application fee at capture',
      method: 'POST',
      path: `/payment_intents/${ids['manualIntent'] ?? ''}/capture`,
      body: { application_fee_amount: -100 },
      status: 400,
      param: 'application_fee_amount',
    },
    {
      name: 'a capture above what was authorized',
      method: 'POST',
      path: `/payment_intents/${ids['manualIntent'] ?? ''}/capture`,
      body: { amount_to_capture: 10_001 },
      status: 400,
      param: 'amount_to_capture',
    },
    { name: 'a refund of a malformed charge', method: 'POST', path: '/refunds', body: { charge: 'ch_' }, status: 404 },
    {
      name: "a refund of another account's charge",
      method: 'POST',
      path: '/refunds',
      body: { charge: ids['directCharge'] },
      account: seller,
      status: 404,
    },
    {
      name: 'a refund above the captured amount',
      method: 'POST',
      path: '/refunds',
      body: { charge: ids['destinationCharge'], amount: 10_001 },
      status: 400,
      code: 'amount_too_large',
    },
    {
      name: 'a negative refund',
      method: 'POST',
      path: '/refunds',
      body: { charge: ids['destinationCharge'], amount: -5 },
      status: 400,
      param: 'amount',
    },
    {
      name: 'reverse_transfer on a direct charge',
      method: 'POST',
      path: '/refunds',
      body: { charge: ids['directCharge'], reverse_transfer: true },
      account: other,
      status: 400,
      param: 'reverse_transfer',
    },
    {
      name: 'a transfer amount of the wrong type',
      method: 'POST',
      path: '/transfers',
      body: { amount: [1], currency: 'usd', destination: seller },
      status: 400,
      param: 'amount',
    },
    {
      name: 'a transfer to a malformed account',
      method: 'POST',
      path: '/transfers',
      body: { amount: 100, currency: 'usd', destination: 'acct_' },
      status: 400,
      param: 'destination',
    },
    {
      name: 'a transfer tied to another account’s charge',
      method: 'POST',
      path: '/transfers',
      body: { amount: 100, currency: 'usd', destination: seller, source_transaction: ids['directCharge'] },
      status: 404,
    },
    {
      name: 'a reversal of a malformed transfer',
      method: 'POST',
      path: '/transfers/tr_%20/reversals',
      body: {},
      status: 404,
    },
    {
      name: 'a reversal above the transfer',
      method: 'POST',
      path: `/transfers/${ids['transfer'] ?? ''}/reversals`,
      body: { amount: 5001 },
      status: 400,
      code: 'amount_too_large',
    },
    {
      name: 'a payout method that does not exist',
      method: 'POST',
      path: '/payouts',
      body: { amount: 100, currency: 'usd', method: 'fast' },
      account: seller,
      status: 400,
      param: 'method',
    },
    {
      name: 'a payout of nothing',
      method: 'POST',
      path: '/payouts',
      body: { amount: 0, currency: 'usd' },
      account: other,
      status: 400,
      code: 'amount_too_small',
    },
    {
      name: "a payout to another account's bank account",
      method: 'POST',
      path: '/payouts',
      body: { amount: 100, currency: 'usd', destination: ids['otherBank'] },
      account: seller,
      status: 400,
      param: 'destination',
    },
    {
      name: 'a payout above the balance',
      method: 'POST',
      path: '/payouts',
      body: { amount: 99_999_999, currency: 'usd' },
      account: other,
      status: 400,
      code: 'balance_insufficient',
    },
    {
      name: "a cancel of another account's payout",
      method: 'POST',
      path: `/payouts/${ids['payout'] ?? ''}/cancel`,
      body: {},
      account: seller,
      status: 404,
    },
    {
      name: 'a fee refund above the fee',
      method: 'POST',
      path: `/application_fees/${ids['fee'] ?? ''}/refunds`,
      body: { amount: 501 },
      status: 400,
      code: 'amount_too_large',
    },
    {
      name: 'a fee refund of a malformed fee',
      method: 'POST',
      path: '/application_fees/fee_x!/refunds',
      body: {},
      status: 404,
    },
    {
      name: 'a top-up in an unknown currency',
      method: 'POST',
      path: '/topups',
      body: { amount: 100, currency: 'xxx' },
      status: 400,
      param: 'currency',
    },
    {
      name: 'a top-up amount in words',
      method: 'POST',
      path: '/topups',
      body: { amount: 'a lot', currency: 'usd' },
      status: 400,
      param: 'amount',
    },
    {
      name: 'a negative processing fee',
      method: 'POST',
      path: '/platform_settings',
      body: { processing_fees: { default: { bps: -1, fixed_minor: 30 }, by_currency: {} } },
      status: 400,
    },
    {
      name: "another account's balance transaction",
      method: 'GET',
      path: `/balance_transactions/${ids['payoutTxn'] ?? ''}`,
      account: seller,
      status: 404,
    },
    { name: 'a page size above 100', method: 'GET', path: '/charges?limit=1000', status: 400, param: 'limit' },
    {
      name: 'an expansion that does not exist',
      method: 'GET',
      path: `/charges/${ids['destinationCharge'] ?? ''}?expand[]=customer`,
      status: 400,
      param: 'expand',
    },
    {
      name: 'a transfer expanded five levels deep',
      method: 'POST',
      path: '/transfers',
      body: {
        amount: 100,
        currency: 'usd',
        destination: other,
        expand: ['source_transaction.transfer.source_transaction.transfer.destination'],
      },
      status: 400,
      param: 'expand',
    },
  ];

  it('answers each with a clear 4xx naming the parameter, and changes nothing', async () => {
    const before = await snapshot();
    for (const item of cases()) {
      const answer = await platform(server, item.method, item.path, item.body, item.account);
      expect(answer.status, item.name).toBe(item.status);
      const error = answer.body['error'] as { param?: string; code?: string; message: string };
      expect(error.message, item.name).toBeTruthy();
      if (item.param !== undefined) expect(error.param, item.name).toBe(item.param);
      if (item.code !== undefined) expect(error.code, item.name).toBe(item.code);
    }
    expect(await snapshot()).toEqual(before);
  });
});
