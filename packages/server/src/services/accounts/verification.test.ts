import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance as advanceClock } from '../money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

// Test-mode verification against the documented test values (docs/test-values.md): results
// land `VERIFICATION_DELAY_SECONDS` after submission on the test clock, except those Stripe
// applies at once (id number 222222222, tax id 222..., dob 1902-01-01).

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;

const usIndividual: Stripe.AccountUpdateParams.Individual = {
  first_name: 'Jenny',
  last_name: 'Rosen',
  email: 'jenny@example.com',
  phone: '0000000000',
  dob: { day: 1, month: 1, year: 1901 },
  address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94111', country: 'US' },
  ssn_last_4: '0000',
  id_number: '000000000',
};

const bank = (country: string, currency: string, account_number: string, routing_number?: string) =>
  ({ object: 'bank_account', country, currency, account_number, routing_number }) as unknown as string;

const germanPerson = {
  last_name: 'Schmidt',
  email: 'person@uhrwerk.example',
  phone: '+49 30 123457',
  dob: { day: 1, month: 1, year: 1901 },
  address: { line1: 'address_full_match', city: 'Berlin', postal_code: '10115', country: 'DE' },
};

describe('test-mode verification', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const advance = (seconds: number) => advanceClock(server, seconds);

  const usAccount = (params: Partial<Stripe.AccountCreateParams> = {}) =>
    server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      business_profile: { url: 'https://accessible.stripe.com', mcc: '5944' },
      tos_acceptance: { date: now(), ip: '203.0.113.7' },
      external_account: bank('US', 'usd', '000123456789', '110000000'),
      ...params,
    });

  /** A German company with a complete representative (Anna), active once its checks land. */
  const germanCompany = async () => {
    const account = await server.stripe.accounts.create({
      type: 'custom',
      country: 'DE',
      business_type: 'company',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      company: {
        name: 'Uhrwerk GmbH',
        tax_id: '0000000000',
        phone: '+49 30 123456',
        address: { line1: 'address_full_match', city: 'Berlin', postal_code: '10115', country: 'DE' },
        owners_provided: true,
        directors_provided: true,
        executives_provided: true,
      },
      business_profile: { url: 'https://uhrwerk.example', mcc: '5944' },
      tos_acceptance: { date: now(), ip: '203.0.113.7' },
      external_account: bank('DE', 'eur', 'DE89370400440532013000'),
    });
    const document = { verification: { document: { front: 'file_identity_document_success' } } };
    await server.stripe.accounts.createPerson(account.id, {
      ...germanPerson,
      ...document,
      first_name: 'Anna',
      relationship: { representative: true, executive: true, title: 'Geschäftsführerin' },
    });
    return account;
  };

  it("applies a check's result to the value it checked: a newer value's result replaces one still waiting", async () => {
    const { ssn_last_4: _last4, ...individual } = usIndividual;
    const account = await usAccount({ individual: { ...individual, id_number: '111111111' } });
    expect(account.requirements?.pending_verification).toContain('individual.id_number');
    // 222222222 verifies at once; the failure of 111111111, due in 10 seconds, no longer applies.
    const corrected = await server.stripe.accounts.update(account.id, { individual: { id_number: '222222222' } });
    expect(corrected.requirements?.pending_verification).not.toContain('individual.id_number');
    await advance(60);
    const after = await server.stripe.accounts.retrieve(account.id);
    expect(after.requirements?.errors).toEqual([]);
    expect(after.requirements?.currently_due).toEqual([]);
    expect(after.charges_enabled).toBe(true);

    const company = await usAccount({
      business_type: 'company',
      company: { name: 'Tick Tock LLC', tax_id: '111111111' },
    });
    await server.stripe.accounts.update(company.id, { company: { tax_id: '222222222' } });
    await advance(60);
    const checked = await server.stripe.accounts.retrieve(company.id);
    expect(checked.requirements?.errors).toEqual([]);
    expect(checked.requirements?.currently_due).not.toContain('company.verification.document');
  });

  it('lists an account only for a date of birth still on file', async () => {
    const account = await usAccount({ individual: { ...usIndividual, dob: { day: 1, month: 1, year: 1900 } } });
    await server.stripe.accounts.update(account.id, { individual: { dob: { day: 1, month: 1, year: 1901 } } });
    await advance(60);
    const corrected = await server.stripe.accounts.retrieve(account.id);
    expect(corrected.requirements?.disabled_reason).toBeNull();
    expect(corrected.charges_enabled).toBe(true);

    const listed = await usAccount({ individual: usIndividual });
    await server.stripe.accounts.update(listed.id, { individual: { dob: { day: 1, month: 1, year: 1900 } } });
    await advance(60);
    expect((await server.stripe.accounts.retrieve(listed.id)).requirements?.disabled_reason).toBe('listed');
  });

  it('keeps an active account able to charge and pay out while a changed detail is checked again', async () => {
    const account = await usAccount({ individual: usIndividual });
    await advance(60);
    expect((await server.stripe.accounts.retrieve(account.id)).charges_enabled).toBe(true);
    const changed = await server.stripe.accounts.update(account.id, {
      business_profile: { url: 'https://watches.example.com' },
      individual: { phone: '+1 415 555 0100', id_number: '000000000' },
    });
    expect(changed.requirements?.pending_verification).toEqual(
      expect.arrayContaining(['business_profile.url', 'individual.id_number', 'individual.phone']),
    );
    expect([changed.charges_enabled, changed.payouts_enabled, changed.capabilities]).toEqual([
      true,
      true,
      { card_payments: 'active', transfers: 'active' },
    ]);
    expect(changed.requirements?.disabled_reason).toBeNull();

    // A re-check that fails still takes effect when its result lands.
    await server.stripe.accounts.update(account.id, { business_profile: { url: 'https://inaccessible.stripe.com' } });
    await advance(60);
    const failed = await server.stripe.accounts.retrieve(account.id);
    expect(failed.requirements?.errors).toEqual([
      expect.objectContaining({ requirement: 'business_profile.url', code: 'invalid_url_website_inaccessible' }),
    ]);
  });

  it("sends capability.updated with Stripe's Capability object: its status and its share of the requirements", async () => {
    const fresh = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    });
    const capabilityEvents = async (account: string) =>
      (await server.stripe.events.list({ type: 'capability.updated', limit: 100 }, { stripeAccount: account })).data;
    const created = await capabilityEvents(fresh.id);
    const card = created.find((event) => (event.data.object as Stripe.Capability).id === 'card_payments');
    const transfers = created.find((event) => (event.data.object as Stripe.Capability).id === 'transfers');
    expect(card?.data.previous_attributes).toEqual({ status: 'unrequested' });
    const cardObject = card?.data.object as Stripe.Capability;
    expect(cardObject).toMatchObject({ object: 'capability', account: fresh.id, requested: true, status: 'inactive' });
    expect(cardObject.requirements?.currently_due).toContain('business_profile.mcc');
    expect(cardObject.requirements?.disabled_reason).toBe('requirements.fields_needed');
    expect(cardObject.requested_at).toBe(fresh.created);
    const transfersObject = transfers?.data.object as Stripe.Capability;
    expect(transfersObject.requirements?.currently_due).toContain('individual.first_name');
    expect(transfersObject.requirements?.currently_due).not.toContain('business_profile.mcc');

    await server.stripe.accounts.update(fresh.id, {
      individual: usIndividual,
      business_profile: { url: 'https://accessible.stripe.com', mcc: '5944' },
      tos_acceptance: { date: now(), ip: '203.0.113.7' },
      external_account: bank('US', 'usd', '000123456789', '110000000'),
    });
    await advance(60);
    const [active] = await capabilityEvents(fresh.id);
    expect(active?.data.object).toMatchObject({
      status: 'active',
      requirements: { currently_due: [], past_due: [], errors: [], disabled_reason: null },
      future_requirements: { currently_due: [] },
    });
  });

  it('takes a full US identity number as the last four digits of the SSN, and shows the individual its requirements', async () => {
    const { ssn_last_4: _left, ...withoutLast4 } = usIndividual;
    const account = await usAccount({ individual: withoutLast4 });
    expect(account.requirements?.currently_due).not.toContain('individual.ssn_last_4');
    expect(account.individual?.ssn_last_4_provided).toBe(true);
    // `individual` is a Person with its own slice of the requirements, as on Stripe.
    expect(account.individual?.requirements?.pending_verification).toContain('id_number');
    expect(account.individual?.requirements?.currently_due).toEqual([]);
    const partial = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      capabilities: { transfers: { requested: true } },
      individual: { first_name: 'Jenny' },
    });
    expect(partial.individual?.requirements?.currently_due).toContain('last_name');
    expect(partial.individual?.requirements?.currently_due).not.toContain('first_name');
    expect(partial.requirements?.currently_due).toContain('external_account');
    expect(partial.individual?.requirements?.currently_due).not.toContain('external_account');
    const german = await server.stripe.accounts.create({
      type: 'custom',
      country: 'DE',
      business_type: 'individual',
      individual: { id_number: '000000000' },
    });
    expect(german.individual?.ssn_last_4_provided).toBe(false);
  });

  it('keeps details_submitted once onboarding was submitted, when a new gap opens', async () => {
    const account = await germanCompany();
    await advance(60);
    expect((await server.stripe.accounts.retrieve(account.id)).details_submitted).toBe(true);
    // Handing the representative role to someone who gave nothing yet opens new requirements.
    const carla = await server.stripe.accounts.createPerson(account.id, {
      first_name: 'Carla',
      relationship: { representative: true },
    });
    const after = await server.stripe.accounts.retrieve(account.id);
    expect(after.requirements?.currently_due).toContain(`${carla.id}.last_name`);
    expect(after.details_submitted).toBe(true);
  });

  it("counts a person's later requirements from when the person was added, not from the account's creation", async () => {
    const account = await germanCompany();
    await advance(50 * DAY);
    expect((await server.stripe.accounts.retrieve(account.id)).charges_enabled).toBe(true);

    // A new representative who gave everything due now: what is due of them later is not past due.
    const newcomer = await server.stripe.accounts.createPerson(account.id, {
      ...germanPerson,
      first_name: 'Bernd',
      relationship: { representative: true, executive: true, title: 'CFO' },
    });
    const later = newcomer.requirements?.eventually_due ?? [];
    expect(later.length).toBeGreaterThan(0);
    expect(newcomer.requirements?.past_due).toEqual([]);
    expect(newcomer.requirements?.currently_due).toEqual([]);
    await advance(60);
    const withNewcomer = await server.stripe.accounts.retrieve(account.id);
    expect([withNewcomer.charges_enabled, withNewcomer.requirements?.disabled_reason]).toEqual([true, null]);

    // The newcomer's later requirements come due on the same schedule as an account's, from their arrival.
    await advance(45 * DAY);
    const overdue = await server.stripe.accounts.retrieve(account.id);
    expect(overdue.requirements?.past_due).toEqual(later.map((name) => `${newcomer.id}.${name}`));
    expect(overdue.requirements?.disabled_reason).toBe('requirements.past_due');
  });
});
