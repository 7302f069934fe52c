import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

/**
 * The platform's secret key on the e2e server (playwright.config.ts sets it), so that tests can
 * do what the platform's own server does: move the test clock, or set up a seller whose
 * onboarding is not what the journey is about.
 */
export const E2E_SECRET_KEY = 'sk_test_e2eJourneysAtriumPlatform01';
/** Where the server's log lines of a run go; `e2e/server-logs.spec.ts` reads them after the journeys. */
export const SERVER_LOG_FILE = resolve('test-results/e2e-server.log');

const DAY_SECONDS = 86_400;

async function platformCall<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  body?: Record<string, unknown>,
): Promise<T> {
  const response = await request.fetch(`/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${E2E_SECRET_KEY}` },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  expect(response.ok(), `${method} /v1${path} answered ${response.status()}: ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

/** Moves Atrium's test clock forward; whatever fell due (releases, payouts, checks) has run when it answers. */
export async function advanceClock(request: APIRequestContext, seconds: number): Promise<void> {
  await platformCall(request, 'POST', '/test_helpers/clock/advance', { seconds });
}

/**
 * Moves the test clock forward one day at a time, as time would pass: the jobs run after each
 * day, so a payout made on the first day is in transit and paid on the following ones. One jump
 * over several days would run them once, at its end.
 */
export async function advanceClockDays(request: APIRequestContext, days: number): Promise<void> {
  for (let day = 0; day < days; day += 1) await advanceClock(request, DAY_SECONDS);
}

/** Atrium's current time in test mode, in Unix seconds. */
export async function clockNow(request: APIRequestContext): Promise<number> {
  const clock = await platformCall<{ frozen_time: number }>(request, 'GET', '/test_helpers/clock');
  return clock.frozen_time;
}

interface SellerAccount {
  id: string;
  charges_enabled: boolean;
  payouts_enabled: boolean;
}

/**
 * A verified US individual seller of the demo, made through the platform API with the documented
 * test values (docs/test-values.md), for journeys about what comes after onboarding. The identity
 * checks run on the test clock, so it moves a minute forward.
 */
export async function createVerifiedUsSeller(
  request: APIRequestContext,
  options: { name: string; accountNumber: string; manualPayouts: boolean },
): Promise<string> {
  const created = await platformCall<SellerAccount>(request, 'POST', '/accounts', {
    type: 'custom',
    country: 'US',
    email: 'seller@example.com',
    business_type: 'individual',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    business_profile: {
      name: options.name,
      mcc: '5944',
      url: 'https://accessible.stripe.com',
      product_description: 'Pre-owned watches',
    },
    tos_acceptance: { date: Math.floor(Date.now() / 1000), ip: '203.0.113.10' },
    individual: {
      first_name: 'Riley',
      last_name: 'Jones',
      email: 'riley@example.com',
      phone: '0000000000',
      dob: { day: 1, month: 1, year: 1901 },
      address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94103', country: 'US' },
      id_number: '000000000',
      ssn_last_4: '0000',
    },
    external_account: {
      object: 'bank_account',
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: options.accountNumber,
    },
    settings: { payouts: { schedule: { interval: options.manualPayouts ? 'manual' : 'daily' } } },
    metadata: { demo_role: 'seller', display_name: options.name },
  });
  await advanceClock(request, 60);
  const account = await platformCall<SellerAccount>(request, 'GET', `/accounts/${created.id}`);
  expect(account, 'the seller is verified once the clock has moved').toMatchObject({
    charges_enabled: true,
    payouts_enabled: true,
  });
  return created.id;
}

/** Moves money from the platform's available balance to a seller's, as the platform's server would. */
export async function transferToSeller(
  request: APIRequestContext,
  account: string,
  amountMinor: number,
): Promise<void> {
  await platformCall(request, 'POST', '/transfers', { amount: amountMinor, currency: 'usd', destination: account });
}

/**
 * A buyer's card payment to a seller as a destination charge with the platform's fee, made the
 * way the platform's server makes one (the shop's checkout does the same for its listings).
 */
export async function createDestinationCharge(
  request: APIRequestContext,
  charge: { account: string; amountMinor: number; feeMinor: number; description: string },
): Promise<void> {
  await platformCall(request, 'POST', '/payment_intents', {
    amount: charge.amountMinor,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    application_fee_amount: charge.feeMinor,
    transfer_data: { destination: charge.account },
    description: charge.description,
  });
}
