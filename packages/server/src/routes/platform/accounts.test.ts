import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance as advanceClock } from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const now = () => Math.floor(Date.now() / 1000);

const verifiedUsIndividual: Stripe.AccountUpdateParams.Individual = {
  first_name: 'Jenny',
  last_name: 'Rosen',
  email: 'jenny@example.com',
  phone: '0000000000',
  dob: { day: 1, month: 1, year: 1901 },
  address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94111', country: 'US' },
  ssn_last_4: '0000',
  id_number: '000000000',
};

const usBank = {
  object: 'bank_account',
  country: 'US',
  currency: 'usd',
  routing_number: '110000000',
  account_number: '000123456789',
} as unknown as string;

describe('connected accounts through the stripe SDK', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const advance = (seconds: number) => advanceClock(server, seconds);

  const newUsIndividual = () =>
    server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      email: 'seller@example.com',
      business_type: 'individual',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    });

  it('creates an account whose requirements list what a US individual must provide', async () => {
    const account = await newUsIndividual();
    expect(account.id).toMatch(/^acct_/);
    expect(account.default_currency).toBe('usd');
    expect(account.charges_enabled).toBe(false);
    expect(account.capabilities).toEqual({ card_payments: 'inactive', transfers: 'inactive' });
    expect(account.requirements?.currently_due).toEqual(
      expect.arrayContaining([
        'individual.first_name',
        'individual.dob.day',
        'individual.ssn_last_4',
        'external_account',
      ]),
    );
    expect(account.settings?.payouts?.schedule).toMatchObject({ interval: 'daily', delay_days: 2 });
  });

  it('verifies an individual with the documented test values after the clock moves', async () => {
    const account = await newUsIndividual();
    const submitted = await server.stripe.accounts.update(account.id, {
      individual: verifiedUsIndividual,
      business_profile: { url: 'https://accessible.stripe.com', mcc: '5944' },
      tos_acceptance: { date: now(), ip: '203.0.113.7' },
      external_account: usBank,
    });
    expect(submitted.requirements?.currently_due).toEqual([]);
    expect(submitted.requirements?.pending_verification).toContain('individual.id_number');
    expect(submitted.individual?.verification?.status).toBe('pending');
    expect(submitted.individual?.id_number_provided).toBe(true);
    expect(JSON.stringify(submitted)).not.toMatch(/"(id_number|ssn_last_4)":/);

    await advance(60);
    const verified = await server.stripe.accounts.retrieve(account.id);
    expect(verified.charges_enabled).toBe(true);
    expect(verified.payouts_enabled).toBe(true);
    expect(verified.details_submitted).toBe(true);
    expect(verified.individual?.verification?.status).toBe('verified');
    const bank = verified.external_accounts?.data[0] as Stripe.BankAccount;
    expect(bank).toMatchObject({ last4: '6789', routing_number: '110000000', default_for_currency: true });
    expect(JSON.stringify(bank)).not.toContain('000123456789');

    const events = await server.stripe.events.list({ type: 'account.updated' }, { stripeAccount: account.id });
    expect(events.data.length).toBeGreaterThan(0);
  });

  it('says in previous_attributes what an update changed, and sends no account.updated when nothing did', async () => {
    const account = await newUsIndividual();
    const updatedEvents = async () =>
      (await server.stripe.events.list({ type: 'account.updated', limit: 100 }, { stripeAccount: account.id })).data;
    await server.stripe.accounts.update(account.id, {
      email: 'old@example.com',
      business_profile: { mcc: '5944', name: 'Old Name' },
    });
    const before = (await updatedEvents()).length;
    await server.stripe.accounts.update(account.id, {
      email: 'new@example.com',
      business_profile: { mcc: '5734' },
      metadata: { tier: 'gold' },
    });
    const [latest] = await updatedEvents();
    expect(latest?.data.previous_attributes).toEqual({
      email: 'old@example.com',
      business_profile: { mcc: '5944' },
      metadata: { tier: null },
    });
    expect((await updatedEvents()).length).toBe(before + 1);
    // The same values again change nothing, so nothing is announced.
    await server.stripe.accounts.update(account.id, { email: 'new@example.com' });
    expect((await updatedEvents()).length).toBe(before + 1);

    const company = await server.stripe.accounts.create({ type: 'custom', country: 'GB', business_type: 'company' });
    const person = await server.stripe.accounts.createPerson(company.id, { first_name: 'Olivia', last_name: 'Lee' });
    await server.stripe.accounts.updatePerson(company.id, person.id, { first_name: 'Livia' });
    const personEvents = await server.stripe.events.list({ type: 'person.updated' }, { stripeAccount: company.id });
    expect(personEvents.data[0]?.data.previous_attributes).toEqual({ first_name: 'Olivia' });
  });

  it('reports a failed identity check as an error on the requirement', async () => {
    const account = await newUsIndividual();
    await server.stripe.accounts.update(account.id, {
      individual: { ...verifiedUsIndividual, id_number: '111111111', ssn_last_4: '1111' },
    });
    await advance(60);
    const failed = await server.stripe.accounts.retrieve(account.id);
    expect(failed.requirements?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requirement: 'individual.id_number', code: 'verification_failed_keyed_identity' }),
      ]),
    );
    expect(failed.charges_enabled).toBe(false);
    expect(failed.individual?.verification).toMatchObject({
      status: 'unverified',
      details_code: 'verification_failed_keyed_identity',
    });

    // A good identity document resolves the failure: the person is verified again.
    await server.stripe.accounts.update(account.id, {
      individual: { verification: { document: { front: 'file_identity_document_success' } } },
    });
    await advance(60);
    const resolved = await server.stripe.accounts.retrieve(account.id);
    expect(resolved.requirements?.errors).toEqual([]);
    expect(resolved.individual?.verification).toMatchObject({ status: 'verified', details: null, details_code: null });
  });

  it('onboards a German company with a representative, an owner and an IBAN', async () => {
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
      },
      business_profile: { url: 'https://uhrwerk.example', mcc: '5944' },
      tos_acceptance: { date: now(), ip: '203.0.113.7' },
      external_account: {
        object: 'bank_account',
        country: 'DE',
        currency: 'eur',
        account_number: 'DE89370400440532013000',
      } as unknown as string,
    });
    expect(account.default_currency).toBe('eur');
    expect(account.requirements?.currently_due?.some((name) => name.startsWith('representative.'))).toBe(true);

    const representative = await server.stripe.accounts.createPerson(account.id, {
      first_name: 'Anna',
      last_name: 'Schmidt',
      email: 'anna@uhrwerk.example',
      phone: '+49 30 123457',
      dob: { day: 1, month: 1, year: 1901 },
      address: { line1: 'address_full_match', city: 'Berlin', postal_code: '10115', country: 'DE' },
      relationship: {
        representative: true,
        executive: true,
        title: 'Geschäftsführerin',
        owner: true,
        percent_ownership: 60,
      },
    });
    expect(representative.id).toMatch(/^person_/);
    await server.stripe.accounts.update(account.id, {
      company: { owners_provided: true, directors_provided: true, executives_provided: true },
    });
    await advance(60);
    const done = await server.stripe.accounts.retrieve(account.id);
    expect(done.requirements?.currently_due).toEqual([]);
    expect(done.charges_enabled).toBe(true);
    const persons = [];
    for await (const person of server.stripe.accounts.listPersons(account.id, { limit: 1 })) persons.push(person.id);
    expect(persons).toEqual([representative.id]);
  });

  it('refuses bad input with a parameter-named 400 and changes nothing', async () => {
    const count = async () =>
      (await server.db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM accounts'))[0]?.n;
    const before = await count();
    const cases: [Stripe.AccountCreateParams, string][] = [
      [{ type: 'custom', country: 'ZZ' }, 'country'],
      [{ type: 'custom', country: 'US', individual: { dob: { day: 31, month: 2, year: 1990 } } }, 'individual[dob]'],
      [
        {
          type: 'custom',
          country: 'US',
          external_account: {
            object: 'bank_account',
            country: 'US',
            currency: 'usd',
            routing_number: '123456789',
            account_number: '1',
          },
        },
        'external_account[routing_number]',
      ],
      [
        {
          type: 'custom',
          country: 'US',
          capabilities: { card_payments: { requested: true }, teleport: { requested: true } } as never,
        },
        'capabilities[teleport]',
      ],
      [{ type: 'custom', country: 'US', email: 'not-an-email' }, 'email'],
      [{ type: 'custom', country: 'US', business_type: 'company', individual: { first_name: 'Ada' } }, 'individual'],
      [{ type: 'custom', country: 'US', business_type: 'individual', company: { name: 'Ada LLC' } }, 'company'],
    ];
    for (const [params, param] of cases) {
      const error = await server.stripe.accounts.create(params).catch((caught: unknown) => caught);
      expect(error, param).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(
        (error as Stripe.errors.StripeError).param?.startsWith(param),
        `${param}: ${(error as Error).message}`,
      ).toBe(true);
    }
    expect(await count()).toBe(before);
  });

  it("answers another account's person or bank account with 404", async () => {
    const first = await newUsIndividual();
    const second = await server.stripe.accounts.create({ type: 'custom', country: 'DE', business_type: 'company' });
    const person = await server.stripe.accounts.createPerson(second.id, { first_name: 'Max' });
    await expect(server.stripe.accounts.retrievePerson(first.id, person.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(server.stripe.accounts.retrieve('acct_doesnotexist')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('keeps one representative: naming another person hands the role over, with person.updated', async () => {
    const company = await server.stripe.accounts.create({ type: 'custom', country: 'DE', business_type: 'company' });
    const anna = await server.stripe.accounts.createPerson(company.id, {
      first_name: 'Anna',
      relationship: { representative: true, owner: true },
    });
    const max = await server.stripe.accounts.createPerson(company.id, {
      first_name: 'Max',
      relationship: { director: true },
    });
    const promoted = await server.stripe.accounts.updatePerson(company.id, max.id, {
      relationship: { representative: true },
    });
    expect(promoted.relationship).toMatchObject({ representative: true, director: true });
    const previous = await server.stripe.accounts.retrievePerson(company.id, anna.id);
    expect(previous.relationship).toMatchObject({ representative: false, owner: true });

    const updates = await server.stripe.events.list({ type: 'person.updated' }, { stripeAccount: company.id });
    const annaUpdate = updates.data.find((event) => (event.data.object as Stripe.Person).id === anna.id);
    expect(annaUpdate?.data.previous_attributes).toEqual({ relationship: { representative: true } });

    // A new person named representative takes the role as well; there is never a second one.
    const lena = await server.stripe.accounts.createPerson(company.id, {
      first_name: 'Lena',
      relationship: { representative: true },
    });
    const representatives = (await server.stripe.accounts.listPersons(company.id, { limit: 10 })).data
      .filter((person) => person.relationship?.representative)
      .map((person) => person.id);
    expect(representatives).toEqual([lena.id]);
    const filtered = await server.stripe.accounts.listPersons(company.id, { relationship: { representative: true } });
    expect(filtered.data.map((person) => person.id)).toEqual([lena.id]);
  });

  it('keeps a default bank account per currency and will not delete the default while others exist', async () => {
    const account = await newUsIndividual();
    const first = (await server.stripe.accounts.createExternalAccount(account.id, {
      external_account: usBank,
    })) as Stripe.BankAccount;
    const second = (await server.stripe.accounts.createExternalAccount(account.id, {
      external_account: { ...(usBank as unknown as object), account_number: '000111111116' } as unknown as string,
    })) as Stripe.BankAccount;
    expect(first.default_for_currency).toBe(true);
    expect(second.default_for_currency).toBe(false);
    await expect(server.stripe.accounts.deleteExternalAccount(account.id, first.id)).rejects.toMatchObject({
      statusCode: 400,
    });
    await server.stripe.accounts.updateExternalAccount(account.id, second.id, { default_for_currency: true });
    const deleted = await server.stripe.accounts.deleteExternalAccount(account.id, first.id);
    expect(deleted.deleted).toBe(true);
    // The last bank account of the account's default currency stays, as on Stripe.
    await expect(server.stripe.accounts.deleteExternalAccount(account.id, second.id)).rejects.toMatchObject({
      statusCode: 400,
      code: 'external_account_default',
    });
  });

  it('tells of the previous default losing its place with account.external_account.updated', async () => {
    const account = await newUsIndividual();
    const bankNumbered = (accountNumber: string) =>
      ({ ...(usBank as unknown as object), account_number: accountNumber }) as unknown as string;
    const updates = async () =>
      (await server.stripe.events.list({ type: 'account.external_account.updated' }, { stripeAccount: account.id }))
        .data;
    const updatesOf = async (bank: Stripe.BankAccount) =>
      (await updates()).filter((event) => (event.data.object as Stripe.BankAccount).id === bank.id);
    const first = (await server.stripe.accounts.createExternalAccount(account.id, {
      external_account: usBank,
    })) as Stripe.BankAccount;
    const second = (await server.stripe.accounts.createExternalAccount(account.id, {
      external_account: bankNumbered('000111111116'),
    })) as Stripe.BankAccount;
    expect(await updates()).toEqual([]);

    // Made the default by an update: the first one's change is an event of its own.
    await server.stripe.accounts.updateExternalAccount(account.id, second.id, { default_for_currency: true });
    const [firstDemoted, ...firstRest] = await updatesOf(first);
    expect(firstRest).toEqual([]);
    expect(firstDemoted?.data.object).toMatchObject({ default_for_currency: false });
    expect(firstDemoted?.data.previous_attributes).toEqual({ default_for_currency: true });
    // Making the default the default again changes nothing, so nothing is told.
    const before = (await updates()).length;
    await server.stripe.accounts.updateExternalAccount(account.id, second.id, { default_for_currency: true });
    expect(await updates()).toHaveLength(before);

    // A new bank account added as the default.
    const third = (await server.stripe.accounts.createExternalAccount(account.id, {
      external_account: bankNumbered('000222222227'),
      default_for_currency: true,
    })) as Stripe.BankAccount;
    expect(third.default_for_currency).toBe(true);
    const secondUpdates = await updatesOf(second);
    expect(secondUpdates.map((event) => event.data.previous_attributes)).toEqual([
      { default_for_currency: true },
      { default_for_currency: false },
    ]);
    expect(secondUpdates[0]?.data.object).toMatchObject({ default_for_currency: false });

    // A bank account given with the account's update becomes the default too.
    await server.stripe.accounts.update(account.id, { external_account: bankNumbered('000333333338') });
    const [thirdDemoted, ...thirdRest] = await updatesOf(third);
    expect(thirdRest).toEqual([]);
    expect(thirdDemoted?.data.object).toMatchObject({ default_for_currency: false });
    expect(thirdDemoted?.data.previous_attributes).toEqual({ default_for_currency: true });
    const defaults = (await server.stripe.accounts.listExternalAccounts(account.id)).data.filter(
      (bank) => (bank as Stripe.BankAccount).default_for_currency,
    );
    expect(defaults).toHaveLength(1);
  });

  it('deletes an account with zero balances and rejects another', async () => {
    const doomed = await newUsIndividual();
    expect((await server.stripe.accounts.del(doomed.id)).deleted).toBe(true);
    await expect(server.stripe.accounts.retrieve(doomed.id)).rejects.toMatchObject({ statusCode: 404 });
    const fraud = await newUsIndividual();
    const rejected = await server.stripe.accounts.reject(fraud.id, { reason: 'fraud' });
    expect(rejected.requirements?.disabled_reason).toBe('rejected.fraud');
    expect(rejected.charges_enabled).toBe(false);
  });

  it('stores identity, tax and bank account numbers only encrypted', async () => {
    const account = await newUsIndividual();
    await server.stripe.accounts.update(account.id, {
      individual: { ...verifiedUsIndividual, id_number: '123-45-6789', ssn_last_4: '6789' },
      external_account: { ...(usBank as unknown as object), account_number: '000987654321' } as unknown as string,
    });
    const company = await server.stripe.accounts.create({
      type: 'custom',
      country: 'DE',
      business_type: 'company',
      company: { name: 'Geheim GmbH', tax_id: '9876543210' },
    });
    await server.stripe.accounts.createPerson(company.id, { first_name: 'Eva', id_number: 'T22000129' });
    const dump = await server.db.query<{ text: string }>(
      `SELECT string_agg(t, ' ') AS text FROM (
         SELECT row_to_json(a)::text AS t FROM accounts a UNION ALL
         SELECT row_to_json(p)::text FROM persons p UNION ALL
         SELECT row_to_json(s)::text FROM sensitive_values s UNION ALL
         SELECT row_to_json(e)::text FROM external_accounts e UNION ALL
         SELECT row_to_json(v)::text FROM events v UNION ALL
         SELECT row_to_json(k)::text FROM idempotency_keys k) t`,
    );
    const text = dump[0]?.text ?? '';
    expect(text).toContain('Geheim GmbH');
    for (const secret of ['123456789', '123-45-6789', '000987654321', '9876543210', 'T22000129']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('keeps answers for replay only sealed: no client secret, link, signing secret or name in the database', async () => {
    const account = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      individual: { first_name: 'Grace', last_name: 'Hopperfield' },
    });
    const create = () =>
      server.stripe.accountSessions.create(
        { account: account.id, components: { payments: { enabled: true } } },
        { idempotencyKey: `session-${account.id}` },
      );
    const session = await create();
    const link = await server.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://shop.example/refresh',
      return_url: 'https://shop.example/return',
    });
    const endpoint = await server.stripe.webhookEndpoints.create({
      url: 'https://hooks.shop.example/atrium',
      enabled_events: ['*'],
    });
    const stored = await server.db.query<{ text: string }>(
      `SELECT string_agg(row_to_json(k)::text, ' ') AS text FROM idempotency_keys k`,
    );
    const text = stored[0]?.text ?? '';
    const secrets = [session.client_secret, link.url.split('/').pop() ?? '', endpoint.secret ?? '', 'Hopperfield'];
    expect(secrets.every((secret) => secret.length > 8)).toBe(true);
    for (const secret of secrets) expect(text).not.toContain(secret);
    // A retry with the key still gets the answer it lost.
    expect((await create()).client_secret).toBe(session.client_secret);
  });
});
