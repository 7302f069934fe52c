import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

const usBank = {
  object: 'bank_account',
  country: 'US',
  currency: 'usd',
  routing_number: '110000000',
  account_number: '000123456789',
} as unknown as string;

/** The tables a refused write could have touched, events (the outbox) and idempotency records included. */
const TABLES = [
  'accounts',
  'persons',
  'external_accounts',
  'webhook_endpoints',
  'account_links',
  'account_sessions',
  'embedded_sessions',
  'events',
  'webhook_deliveries',
  'idempotency_keys',
];

describe('expand[] on accounts, persons, bank accounts, files, events, webhook endpoints, links and sessions', () => {
  let server: TestServer;
  let individual: string;
  let company: string;
  let person: string;
  let bank: string;
  let platformFile: string;
  let event: string;
  let endpoint: string;
  beforeAll(async () => {
    server = await startTestServer();
    platformFile = (
      await server.stripe.files.create({
        purpose: 'identity_document',
        file: { data: PNG, name: 'passport.png', type: 'image/png' },
      })
    ).id;
    individual = (
      await server.stripe.accounts.create({
        type: 'custom',
        country: 'US',
        business_type: 'individual',
        individual: { first_name: 'Jenny', verification: { document: { front: platformFile } } },
        external_account: usBank,
      })
    ).id;
    bank = (await server.stripe.accounts.listExternalAccounts(individual)).data[0]?.id ?? '';
    company = (await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'company' })).id;
    person = (
      await server.stripe.accounts.createPerson(company, {
        first_name: 'Olivia',
        verification: { document: { front: platformFile } },
      })
    ).id;
    endpoint = (await server.stripe.webhookEndpoints.create({ url: 'http://127.0.0.1:9/hook', enabled_events: ['*'] }))
      .id;
    // The account's own events (account.updated, ...) are listed with its Stripe-Account header.
    event = (await server.stripe.events.list({ limit: 1 }, { stripeAccount: individual })).data[0]?.id ?? '';
    expect(event).toMatch(/^evt_/);
  });
  afterAll(async () => {
    await server.close();
  });

  const refusal = (path: string) => ({
    statusCode: 400,
    type: 'StripeInvalidRequestError',
    code: 'parameter_invalid',
    param: 'expand',
    message: `This property cannot be expanded (${path}).`,
  });

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await server.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      result[table] = Number(row?.n);
    }
    return result;
  };

  it('refuses a path the object cannot expand on every read, naming expand', async () => {
    const expand = ['nonsense'];
    const reads: [string, () => Promise<unknown>][] = [
      ['account', () => server.stripe.accounts.retrieve(individual, { expand })],
      ['person', () => server.stripe.accounts.retrievePerson(company, person, { expand })],
      ['bank account', () => server.stripe.accounts.retrieveExternalAccount(individual, bank, { expand })],
      ['file', () => server.stripe.files.retrieve(platformFile, { expand })],
      ['event', () => server.stripe.events.retrieve(event, { expand }, { stripeAccount: individual })],
      ['webhook endpoint', () => server.stripe.webhookEndpoints.retrieve(endpoint, { expand })],
    ];
    for (const [what, read] of reads) {
      expect(await read().catch((error: unknown) => error), what).toMatchObject(refusal('nonsense'));
    }
  });

  it('refuses a path on every list, and one without the data. a list path starts with', async () => {
    const lists: [string, (expand: string[]) => Promise<unknown>][] = [
      ['accounts', (expand) => server.stripe.accounts.list({ expand })],
      ['persons', (expand) => server.stripe.accounts.listPersons(company, { expand })],
      ['bank accounts', (expand) => server.stripe.accounts.listExternalAccounts(individual, { expand })],
      ['files', (expand) => server.stripe.files.list({ expand })],
      ['events', (expand) => server.stripe.events.list({ expand }, { stripeAccount: individual })],
      ['webhook endpoints', (expand) => server.stripe.webhookEndpoints.list({ expand })],
    ];
    for (const [what, list] of lists) {
      expect(await list(['data.nonsense']).catch((error: unknown) => error), what).toMatchObject(
        refusal('data.nonsense'),
      );
      expect(await list(['account']).catch((error: unknown) => error), what).toMatchObject(refusal('account'));
    }
    // An empty page too: the path is refused for what it names, not for what the page holds.
    const none = await server.stripe.accounts
      .listPersons(individual, { expand: ['data.nonsense'] })
      .catch((e: unknown) => e);
    expect(none).toMatchObject(refusal('data.nonsense'));
  });

  it('refuses a path on every write before it changes anything', async () => {
    const expand = ['nonsense'];
    const before = await counts();
    const writes: [string, () => Promise<unknown>][] = [
      ['create account', () => server.stripe.accounts.create({ type: 'custom', country: 'US', expand })],
      ['update account', () => server.stripe.accounts.update(individual, { email: 'changed@example.com', expand })],
      ['reject account', () => server.stripe.accounts.reject(individual, { reason: 'fraud', expand })],
      ['create person', () => server.stripe.accounts.createPerson(company, { first_name: 'Ada', expand })],
      ['update person', () => server.stripe.accounts.updatePerson(company, person, { first_name: 'Ada', expand })],
      [
        'add bank account',
        () => server.stripe.accounts.createExternalAccount(individual, { external_account: usBank, expand }),
      ],
      [
        'update bank account',
        () => server.stripe.accounts.updateExternalAccount(individual, bank, { account_holder_name: 'Ada', expand }),
      ],
      [
        'create webhook endpoint',
        () => server.stripe.webhookEndpoints.create({ url: 'http://127.0.0.1:9/b', enabled_events: ['*'], expand }),
      ],
      ['update webhook endpoint', () => server.stripe.webhookEndpoints.update(endpoint, { disabled: true, expand })],
      [
        'create account link',
        () =>
          server.stripe.accountLinks.create({
            account: individual,
            type: 'account_onboarding',
            refresh_url: 'https://platform.example/reauth',
            return_url: 'https://platform.example/return',
            expand,
          }),
      ],
      [
        'create account session',
        () =>
          server.stripe.accountSessions.create({
            account: individual,
            components: { account_onboarding: { enabled: true } },
            expand,
          }),
      ],
    ];
    for (const [what, write] of writes) {
      const error = await write().catch((caught: unknown) => caught);
      expect(error, what).toMatchObject(refusal('nonsense'));
    }
    expect(await counts()).toEqual(before);
    const account = await server.stripe.accounts.retrieve(individual);
    expect(account.email).toBeNull();
    expect(account.requirements?.disabled_reason ?? '').not.toMatch(/^rejected/);
    expect((await server.stripe.accounts.retrievePerson(company, person)).first_name).toBe('Olivia');
    const stored = (await server.stripe.accounts.retrieveExternalAccount(individual, bank)) as Stripe.BankAccount;
    expect(stored.account_holder_name).not.toBe('Ada');
    expect((await server.stripe.webhookEndpoints.retrieve(endpoint)).status).toBe('enabled');
  });

  it("expands a bank account's account on its reads and writes, for the platform and the account itself", async () => {
    const account = await server.stripe.accounts.retrieve(individual);
    const retrieved = (await server.stripe.accounts.retrieveExternalAccount(individual, bank, {
      expand: ['account'],
    })) as Stripe.BankAccount;
    expect(retrieved.account).toEqual(account);
    const listed = await server.stripe.accounts.listExternalAccounts(individual, { expand: ['data.account'] });
    expect((listed.data[0] as Stripe.BankAccount).account).toEqual(account);
    const updated = (await server.stripe.accounts.updateExternalAccount(
      individual,
      bank,
      { metadata: { note: 'expanded' }, expand: ['account'] },
      { stripeAccount: individual },
    )) as Stripe.BankAccount;
    expect((updated.account as Stripe.Account).id).toBe(individual);
  });

  it("expands a person's and an individual's identity document into the file, which only its owner reads", async () => {
    const file = await server.stripe.files.retrieve(platformFile);
    const expandedPerson = await server.stripe.accounts.retrievePerson(company, person, {
      expand: ['verification.document.front', 'verification.document.back'],
    });
    expect(expandedPerson.verification?.document?.front).toEqual(file);
    expect(expandedPerson.verification?.document?.back).toBeNull();
    const listed = await server.stripe.accounts.listPersons(company, { expand: ['data.verification.document.front'] });
    expect(listed.data[0]?.verification?.document?.front).toEqual(file);

    const expand = ['individual.verification.document.front'];
    const asPlatform = await server.stripe.accounts.retrieve(individual, { expand });
    expect(asPlatform.individual?.verification?.document?.front).toEqual(file);
    // The platform's upload is not the account's to read (GET /v1/files/:id with its header is a 404).
    const asAccount = await server.stripe.accounts.retrieve(individual, { expand }, { stripeAccount: individual });
    expect(asAccount.individual?.verification?.document?.front).toBe(platformFile);
    // A file has no expandable field.
    const deeper = await server.stripe.accounts
      .retrievePerson(company, person, { expand: ['verification.document.front.links'] })
      .catch((error: unknown) => error);
    expect(deeper).toMatchObject(refusal('verification.document.front.links'));
  });

  it("reads a connected account's upload, in expansion as on GET /v1/files/:id, only with its header", async () => {
    const upload = await server.stripe.files.create(
      { purpose: 'identity_document', file: { data: PNG, name: 'licence.png', type: 'image/png' } },
      { stripeAccount: company },
    );
    const named = await server.stripe.accounts.createPerson(company, {
      first_name: 'Ada',
      verification: { document: { front: upload.id } },
    });
    const expand = ['verification.document.front'];

    await expect(server.stripe.files.retrieve(upload.id)).rejects.toMatchObject({ statusCode: 404 });
    const asPlatform = await server.stripe.accounts.retrievePerson(company, named.id, { expand });
    expect(asPlatform.verification?.document?.front).toBe(upload.id);
    const listed = await server.stripe.accounts.listPersons(company, { expand: ['data.verification.document.front'] });
    const listedNamed = listed.data.find((candidate) => candidate.id === named.id);
    expect(listedNamed?.verification?.document?.front).toBe(upload.id);

    const withHeader = { stripeAccount: company };
    const file = await server.stripe.files.retrieve(upload.id, {}, withHeader);
    expect(file).toMatchObject({ id: upload.id, filename: 'licence.png' });
    const asAccount = await server.stripe.accounts.retrievePerson(company, named.id, { expand }, withHeader);
    expect(asAccount.verification?.document?.front).toEqual(file);
  });
});
