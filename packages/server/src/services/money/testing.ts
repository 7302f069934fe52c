import type Stripe from 'stripe';
import type { TestServer } from '../../testing/server';

/**
 * Fixtures for the money tests: onboarded sellers, the test clock, balances and sessions, all
 * through the public APIs.
 */

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Stripe's test routing number, and account numbers the payout rail pays or fails (docs/test-values.md). */
export const US_BANK = { country: 'US', currency: 'usd', routing_number: '110000000' } as const;
export const PAYS = '000123456789';

export interface SellerOptions {
  country?: 'US' | 'DE';
  /** The bank account's number (or IBAN); a US one that is paid by default. */
  accountNumber?: string;
  /** Leave the transfers capability out, so the seller cannot receive money. */
  transfers?: boolean;
  /** The automatic payout schedule; manual unless said, so balances stay where a test can see them. */
  schedule?: Stripe.AccountCreateParams.Settings.Payouts.Schedule;
}

function individual(country: 'US' | 'DE'): Stripe.AccountCreateParams.Individual {
  const common = {
    first_name: 'Jenny',
    last_name: 'Rosen',
    email: 'jenny@example.com',
    phone: '0000000000',
    dob: { day: 1, month: 1, year: 1901 },
  };
  if (country === 'DE') {
    return { ...common, address: { line1: 'address_full_match', city: 'Berlin', postal_code: '10115', country: 'DE' } };
  }
  return {
    ...common,
    address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94111', country: 'US' },
    ssn_last_4: '0000',
    id_number: '000000000',
  };
}

function bank(country: 'US' | 'DE', accountNumber: string): string {
  const details =
    country === 'DE'
      ? { object: 'bank_account', country: 'DE', currency: 'eur', account_number: accountNumber }
      : { object: 'bank_account', ...US_BANK, account_number: accountNumber };
  return details as unknown as string;
}

/** Moves the test clock forward; every job that became due has run when it returns. */
export async function advance(server: TestServer, seconds: number): Promise<void> {
  const response = await fetch(`${server.baseUrl}/v1/test_helpers/clock/advance`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
  if (response.status !== 200) throw new Error(`advancing the clock answered ${response.status}`);
}

/** The test clock's time in Unix seconds. */
export async function clockTime(server: TestServer): Promise<number> {
  const response = await fetch(`${server.baseUrl}/v1/test_helpers/clock`, {
    headers: { Authorization: `Bearer ${server.secretKey}` },
  });
  return ((await response.json()) as { frozen_time: number }).frozen_time;
}

/**
 * A connected account that can take charges, receive transfers and be paid out (verification
 * runs on the test clock, so the clock moves forward a little).
 */
export async function createSeller(server: TestServer, options: SellerOptions = {}): Promise<string> {
  const country = options.country ?? 'US';
  const capabilities: Stripe.AccountCreateParams.Capabilities = { card_payments: { requested: true } };
  if (options.transfers !== false) capabilities.transfers = { requested: true };
  const account = await server.stripe.accounts.create({
    type: 'custom',
    country,
    business_type: 'individual',
    capabilities,
    individual: individual(country),
    business_profile: { url: 'https://accessible.stripe.com', mcc: '5944' },
    tos_acceptance: { date: nowSeconds(), ip: '203.0.113.7' },
    settings: { payouts: { schedule: options.schedule ?? { interval: 'manual' } } },
    external_account: bank(country, options.accountNumber ?? (country === 'DE' ? 'DE89370400440532013000' : PAYS)),
  });
  await advance(server, 11);
  return account.id;
}

export interface BalanceAmounts {
  available: number;
  pending: number;
  instant_available: number;
  in_transit: number;
}

/** One currency's amounts of the platform's balance, or a connected account's. */
export async function balanceOf(server: TestServer, account?: string, currency = 'usd'): Promise<BalanceAmounts> {
  const balance = (await server.stripe.balance.retrieve(
    {},
    account ? { stripeAccount: account } : {},
  )) as unknown as Record<keyof BalanceAmounts, { amount: number; currency: string }[]>;
  const of = (kind: keyof BalanceAmounts) => balance[kind].find((entry) => entry.currency === currency)?.amount ?? 0;
  return {
    available: of('available'),
    pending: of('pending'),
    instant_available: of('instant_available'),
    in_transit: of('in_transit'),
  };
}

/** A charge paid with `pm_card_visa` (or another test payment method), confirmed at once. */
export async function charge(
  server: TestServer,
  params: Partial<Stripe.PaymentIntentCreateParams>,
  options: Stripe.RequestOptions = {},
): Promise<Stripe.PaymentIntent> {
  return server.stripe.paymentIntents.create(
    { amount: 10_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...params },
    options,
  );
}

/** Claims a component session for the account and returns its token. */
export async function sessionToken(
  server: TestServer,
  account: string,
  components: Record<string, { enabled: boolean; features?: Record<string, boolean> }>,
): Promise<string> {
  const created = await server.stripe.accountSessions.create({ account, components });
  const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_secret: created.client_secret }),
  });
  if (claim.status !== 200) throw new Error(`claiming the session answered ${claim.status}`);
  return ((await claim.json()) as { token: string }).token;
}

/** Calls the component API with a session token. */
export async function embedded(
  server: TestServer,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/v1/embedded${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Calls the platform API directly (for Atrium's own routes the SDK has no method for). */
export async function platform(
  server: TestServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  account?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${server.secretKey}`,
      ...(account ? { 'Stripe-Account': account } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
