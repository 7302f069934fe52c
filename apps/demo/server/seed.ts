import type Stripe from 'stripe';

/**
 * The demo's starting data, made once through the platform API (so it also shows the API at
 * work): sellers in several countries and states. Running it again changes nothing.
 */

const now = () => Math.floor(Date.now() / 1000);

const verifiedUsPerson = (first: string, last: string) => ({
  first_name: first,
  last_name: last,
  email: `${first.toLowerCase()}@example.com`,
  phone: '0000000000',
  dob: { day: 1, month: 1, year: 1901 },
  address: { line1: 'address_full_match', city: 'Brooklyn', state: 'NY', postal_code: '11201', country: 'US' },
  ssn_last_4: '0000',
  id_number: '000000000',
});

interface SellerSeed {
  key: string;
  name: string;
  params: Stripe.AccountCreateParams;
  chargeType?: 'direct';
}

const SELLERS: readonly SellerSeed[] = [
  {
    key: 'us-jenny',
    name: 'Jenny’s Vintage Watches',
    params: {
      country: 'US',
      email: 'jenny@example.com',
      business_type: 'individual',
      individual: verifiedUsPerson('Jenny', 'Rosen'),
      external_account: {
        object: 'bank_account',
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: '000123456789',
      },
    },
  },
  {
    key: 'us-marcus',
    name: 'Marcus Horology',
    chargeType: 'direct',
    params: {
      country: 'US',
      email: 'marcus@example.com',
      business_type: 'individual',
      individual: verifiedUsPerson('Marcus', 'Chen'),
      external_account: {
        object: 'bank_account',
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: '000123456789',
      },
    },
  },
  {
    key: 'de-uhrwerk',
    name: 'Uhrwerk GmbH',
    params: {
      country: 'DE',
      email: 'kontakt@uhrwerk.example',
      business_type: 'company',
      company: {
        name: 'Uhrwerk GmbH',
        address: { line1: 'Torstraße 1', city: 'Berlin', postal_code: '10119', country: 'DE' },
      },
    },
  },
  {
    key: 'gb-harrow',
    name: 'Harrow Time',
    params: {
      country: 'GB',
      email: 'hello@harrowtime.example',
      business_type: 'individual',
      individual: {
        first_name: 'Oliver',
        last_name: 'Harrow',
        email: 'oliver@harrowtime.example',
        phone: '+44 20 7946 0000',
        dob: { day: 1, month: 1, year: 1901 },
        address: { line1: 'address_full_match', city: 'London', postal_code: 'EC1A 1BB', country: 'GB' },
      },
      // A bank account whose payouts fail with no_account (see docs/test-values.md).
      external_account: {
        object: 'bank_account',
        country: 'GB',
        currency: 'gbp',
        routing_number: '108800',
        account_number: '00111116',
      },
    },
  },
];

async function existingKeys(stripe: Stripe): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const account of stripe.accounts.list({ limit: 100 })) {
    const key = account.metadata?.['demo_key'];
    if (key) keys.add(key);
  }
  return keys;
}

/** Creates the demo sellers that do not exist yet, then their history once. */
export async function seedDemo(stripe: Stripe): Promise<void> {
  // The sellers' transfers list offers "Send money" (transfer_balance), so the platform allows
  // transfers between connected accounts.
  await stripe.rawRequest('POST', '/v1/platform_settings', { account_transfers_enabled: true });
  await seedSellers(stripe);
  await seedHistory(stripe);
}

async function seedSellers(stripe: Stripe): Promise<void> {
  const existing = await existingKeys(stripe);
  for (const seller of SELLERS) {
    if (existing.has(seller.key)) continue;
    const verified = seller.key !== 'de-uhrwerk';
    await stripe.accounts.create(
      {
        type: 'custom',
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        business_profile: {
          name: seller.name,
          mcc: '5944',
          url: 'https://accessible.stripe.com',
          product_description: 'Pre-owned watches',
        },
        ...(verified ? { tos_acceptance: { date: now(), ip: '203.0.113.10' } } : {}),
        ...seller.params,
        metadata: {
          demo_role: 'seller',
          demo_key: seller.key,
          display_name: seller.name,
          ...(seller.chargeType ? { demo_charge_type: seller.chargeType } : {}),
        },
      },
      { idempotencyKey: `demo-seed-${seller.key}` },
    );
  }
}

const HISTORY_DAYS = 21;
const SALES_PER_DAY = 12;
const CARDS = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_visa_debit', 'pm_card_amex'];

async function advanceClock(stripe: Stripe, seconds: number): Promise<void> {
  await stripe.rawRequest('POST', '/v1/test_helpers/clock/advance', { seconds });
}

/**
 * A few hundred sales over the past three weeks: each day's sales, then the test clock moves a
 * day, so funds are released and paid out on the sellers' schedules as they would have been —
 * including the British seller's payouts, which fail at its bank. It runs once: the history is
 * there when the platform has charges.
 */
async function seedHistory(stripe: Stripe): Promise<void> {
  const existing = await stripe.charges.list({ limit: 1 });
  if (existing.data.length > 0) return;
  // Verification of the seeded sellers completes on the test clock.
  await advanceClock(stripe, 60);
  const sellers: { id: string; key: string; currency: string; direct: boolean }[] = [];
  for await (const account of stripe.accounts.list({ limit: 100 })) {
    const key = account.metadata?.['demo_key'];
    if (key && account.charges_enabled) {
      sellers.push({
        id: account.id,
        key,
        currency: account.default_currency ?? 'usd',
        direct: account.metadata?.['demo_charge_type'] === 'direct',
      });
    }
  }
  if (sellers.length === 0) return;
  let sale = 0;
  for (let day = 0; day < HISTORY_DAYS; day += 1) {
    for (let index = 0; index < SALES_PER_DAY; index += 1) {
      sale += 1;
      const seller = sellers[sale % sellers.length];
      if (!seller) continue;
      const amount = 5_000 + ((sale * 7_919) % 250_000);
      const fee = Math.floor(amount / 10);
      const params = {
        amount,
        currency: seller.currency,
        payment_method: CARDS[sale % CARDS.length] ?? 'pm_card_visa',
        confirm: true,
        description: `Demo sale ${sale}`,
        application_fee_amount: fee,
        metadata: { demo_seed: 'history' },
      };
      const intent = seller.direct
        ? await stripe.paymentIntents.create(params, { stripeAccount: seller.id, idempotencyKey: `demo-sale-${sale}` })
        : await stripe.paymentIntents.create(
            { ...params, transfer_data: { destination: seller.id } },
            { idempotencyKey: `demo-sale-${sale}` },
          );
      if (sale % 17 === 0 && intent.latest_charge && !seller.direct) {
        await stripe.refunds.create(
          {
            charge: typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge.id,
            amount: Math.floor(amount / 2),
            reverse_transfer: true,
            refund_application_fee: true,
          },
          { idempotencyKey: `demo-refund-${sale}` },
        );
      }
    }
    await advanceClock(stripe, 86_400);
  }
}
