import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('the component API for accounts', () => {
  let server: TestServer;
  let accountId: string;
  beforeAll(async () => {
    server = await startTestServer('pglite', { allowedOrigins: ['https://shop.example'] });
    const account = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    });
    accountId = account.id;
  });
  afterAll(async () => {
    await server.close();
  });

  const session = async (
    components: Record<string, { enabled: boolean; features?: Record<string, boolean> }>,
    account = accountId,
  ) => {
    const created = await server.stripe.accountSessions.create({ account, components });
    const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: created.client_secret }),
    });
    expect(claim.status).toBe(200);
    return ((await claim.json()) as { token: string }).token;
  };

  const call = (token: string | undefined, method: string, path: string, body?: unknown) =>
    fetch(`${server.baseUrl}/v1/embedded${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('claims a client secret once', async () => {
    const created = await server.stripe.accountSessions.create({
      account: accountId,
      components: { account_onboarding: { enabled: true } },
    });
    expect(created.client_secret).toBeTruthy();
    expect(created.components.account_onboarding.enabled).toBe(true);
    expect(created.components.payouts.enabled).toBe(false);
    const claim = () =>
      fetch(`${server.baseUrl}/v1/embedded/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_secret: created.client_secret }),
      });
    const [first, second] = await Promise.all([claim(), claim()]);
    expect([first.status, second.status].sort()).toEqual([200, 401]);
  });

  it('refuses a session for an unknown component or feature', async () => {
    const unknownComponent = await server.stripe.accountSessions
      .create({ account: accountId, components: { teleporter: { enabled: true } } as never })
      .catch((error: unknown) => error);
    expect(unknownComponent).toMatchObject({ statusCode: 400, param: 'components[teleporter]' });
    const unknownFeature = await server.stripe.accountSessions
      .create({
        account: accountId,
        components: { payouts: { enabled: true, features: { time_travel: true } } } as never,
      })
      .catch((error: unknown) => error);
    expect(unknownFeature).toMatchObject({ statusCode: 400, param: 'components[payouts][features][time_travel]' });
  });

  it('answers 401 without, with a forged or with an expired token', async () => {
    expect((await call(undefined, 'GET', '/account')).status).toBe(401);
    expect((await call('ats_' + 'x'.repeat(40), 'GET', '/account')).status).toBe(401);
    const token = await session({ account_onboarding: { enabled: true } });
    await server.db.query(`UPDATE embedded_sessions SET expires_at = now() - interval '1 second'`);
    const expired = await call(token, 'GET', '/account');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'session_expired' } });
  });

  it('saves onboarding steps and records the terms acceptance itself', async () => {
    const token = await session({
      account_onboarding: { enabled: true, features: { external_account_collection: true } },
    });
    const saved = await call(token, 'POST', '/account', {
      individual: { first_name: 'Jenny', last_name: 'Rosen', dob: { day: 1, month: 1, year: 1901 } },
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { individual: { first_name: string } }).individual.first_name).toBe('Jenny');
    const terms = await call(token, 'POST', '/account', { tos_acceptance: { accepted: true } });
    const account = (await terms.json()) as { tos_acceptance: { date: number; ip: string } };
    expect(account.tos_acceptance.date).toBeGreaterThan(0);
    expect(account.tos_acceptance.ip).toBeTruthy();
    const forged = await call(token, 'POST', '/account', { tos_acceptance: { date: 1, ip: '1.2.3.4' } });
    expect(forged.status).toBe(400);
    const wrongField = await call(token, 'POST', '/account', {
      individual: { dob: { day: 40, month: 1, year: 1990 } },
    });
    expect(wrongField.status).toBe(400);
    expect(await wrongField.json()).toMatchObject({
      error: { param: expect.stringMatching(/^individual\[dob\]/) as string },
    });
  });

  it('refuses actions the session does not grant, even when the page tries', async () => {
    const token = await session({
      account_onboarding: { enabled: true, features: { external_account_collection: false } },
    });
    const bank = {
      object: 'bank_account',
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: '000123456789',
    };
    expect((await call(token, 'POST', '/external_accounts', { external_account: bank })).status).toBe(403);
    expect((await call(token, 'POST', '/account', { external_account: bank })).status).toBe(403);
    const bannerOnly = await session({ payouts_list: { enabled: true } });
    expect((await call(bannerOnly, 'POST', '/account', { email: 'x@example.com' })).status).toBe(403);
  });

  it("tells of the previous default bank account's change when a component moves the default", async () => {
    const account = await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'individual' });
    const token = await session(
      { account_onboarding: { enabled: true, features: { external_account_collection: true } } },
      account.id,
    );
    const bank = (accountNumber: string) => ({
      object: 'bank_account',
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: accountNumber,
    });
    const add = async (body: object) => {
      const response = await call(token, 'POST', '/external_accounts', body);
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    const demotionsOf = async (id: string) =>
      (
        await server.stripe.events.list({ type: 'account.external_account.updated' }, { stripeAccount: account.id })
      ).data.filter(
        (event) =>
          (event.data.object as { id: string }).id === id &&
          (event.data.previous_attributes as { default_for_currency?: boolean }).default_for_currency === true,
      );

    const first = await add({ external_account: bank('000123456789') });
    const second = await add({ external_account: bank('000111111116'), default_for_currency: true });
    const [firstDemoted] = await demotionsOf(first);
    expect(firstDemoted?.data.object).toMatchObject({ default_for_currency: false });
    expect(firstDemoted?.data.previous_attributes).toEqual({ default_for_currency: true });

    expect((await call(token, 'POST', `/external_accounts/${first}`, { default_for_currency: true })).status).toBe(200);
    const [secondDemoted] = await demotionsOf(second);
    expect(secondDemoted?.data.object).toMatchObject({ default_for_currency: false });
    expect(secondDemoted?.data.previous_attributes).toEqual({ default_for_currency: true });
  });

  it("shows a session that cannot edit the account none of its people's details", async () => {
    const seller = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      email: 'ada@lovelace.example',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      individual: {
        first_name: 'Ada',
        last_name: 'Lovelace',
        dob: { day: 10, month: 12, year: 1985 },
        address: { line1: '12 Analytical Row', city: 'Portland', state: 'OR', postal_code: '97201', country: 'US' },
      },
      tos_acceptance: { date: Math.floor(Date.now() / 1000), ip: '203.0.113.7', user_agent: 'Mozilla/5.0 (Ada)' },
      external_account: {
        object: 'bank_account',
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: '000123456789',
        account_holder_name: 'Ada Lovelace',
      } as unknown as string,
    });
    const personal = ['Lovelace', 'Analytical', '1985', 'ada@lovelace.example', '203.0.113.7', 'Mozilla/5.0 (Ada)'];
    const read = async (components: Parameters<typeof session>[0]) => {
      const answer = await call(await session(components, seller.id), 'GET', '/account');
      expect(answer.status).toBe(200);
      return { text: await answer.clone().text(), body: (await answer.json()) as Record<string, unknown> };
    };

    const readers: Parameters<typeof session>[0][] = [
      { payments: { enabled: true }, transfers_list: { enabled: true } },
      { balances: { enabled: true }, payouts: { enabled: true } },
      { payouts_list: { enabled: true }, payout_details: { enabled: true } },
    ];
    for (const components of readers) {
      const { text, body } = await read(components);
      for (const value of personal) expect(text, JSON.stringify(components)).not.toContain(value);
      expect(body).not.toHaveProperty('individual');
      expect(body).toMatchObject({
        id: seller.id,
        country: 'US',
        default_currency: 'usd',
        email: null,
        tos_acceptance: { ip: null, user_agent: null },
        external_accounts: { data: [{ last4: '6789', account_holder_name: null, default_for_currency: true }] },
      });
    }

    const editors: Parameters<typeof session>[0][] = [
      { account_onboarding: { enabled: true } },
      { account_management: { enabled: true } },
      { notification_banner: { enabled: true } },
    ];
    for (const components of editors) {
      const { text, body } = await read(components);
      for (const value of personal) expect(text, JSON.stringify(components)).toContain(value);
      expect(body).toMatchObject({
        individual: { first_name: 'Ada', last_name: 'Lovelace' },
        external_accounts: { data: [{ account_holder_name: 'Ada Lovelace' }] },
      });
    }

    // Nor through another route's expansion, nor by replaying an editor's answer with its key.
    const bankId = (seller.external_accounts?.data[0] as { id: string }).id;
    const payoutPortal = await session(
      { payouts: { enabled: true, features: { external_account_collection: true } } },
      seller.id,
    );
    const editor = await session(
      { account_management: { enabled: true, features: { external_account_collection: true } } },
      seller.id,
    );
    const update = (token: string) =>
      fetch(`${server.baseUrl}/v1/embedded/external_accounts/${bankId}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'bank-1' },
        body: JSON.stringify({ default_for_currency: true, expand: ['account'] }),
      });
    const edited = await update(editor);
    expect(await edited.text()).toContain('Lovelace');
    const replayed = await update(payoutPortal);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const expanded = await call(payoutPortal, 'POST', `/external_accounts/${bankId}`, { expand: ['account'] });
    for (const answer of [replayed, expanded]) {
      const text = await answer.text();
      expect(JSON.parse(text)).toMatchObject({ id: bankId, account: { id: seller.id, email: null } });
      for (const value of personal) expect(text).not.toContain(value);
    }
  });

  it("answers another account's person with 404", async () => {
    const company = await server.stripe.accounts.create({ type: 'custom', country: 'GB', business_type: 'company' });
    const person = await server.stripe.accounts.createPerson(company.id, { first_name: 'Olivia' });
    const token = await session({ account_management: { enabled: true } });
    expect((await call(token, 'GET', `/persons/${person.id}`)).status).toBe(404);
    const theirs = await session({ account_management: { enabled: true } }, company.id);
    expect((await call(theirs, 'GET', `/persons/${person.id}`)).status).toBe(200);
  });

  it('uploads an identity document, recognising its type from its content', async () => {
    const token = await session({ account_onboarding: { enabled: true } });
    const upload = (body: Buffer) =>
      fetch(`${server.baseUrl}/v1/embedded/files?purpose=identity_document&filename=passport.png`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
        body,
      });
    const ok = await upload(PNG);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      object: 'file',
      type: 'png',
      purpose: 'identity_document',
      size: PNG.length,
    });
    expect((await upload(Buffer.from('<script>alert(1)</script>'))).status).toBe(400);
  });

  it("takes as verification documents only this account's uploads, the platform's, or test file ids", async () => {
    const uploadFor = async (token: string, purpose = 'identity_document') => {
      const response = await fetch(`${server.baseUrl}/v1/embedded/files?purpose=${purpose}&filename=id.png`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
        body: PNG,
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    const other = await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'individual' });
    const theirs = await uploadFor(await session({ account_onboarding: { enabled: true } }, other.id));
    const token = await session({ account_onboarding: { enabled: true } });
    const mine = await uploadFor(token);
    const document = (front: string) => ({ individual: { verification: { document: { front } } } });
    for (const front of ['file_bogus123', theirs]) {
      const refused = await call(token, 'POST', '/account', document(front));
      expect(refused.status, front).toBe(400);
      expect(((await refused.json()) as { error: unknown }).error, front).toMatchObject({
        code: 'resource_missing',
        param: 'individual[verification][document][front]',
        message: `No such file upload: '${front}'`,
      });
    }
    const stored = await server.stripe.accounts.retrieve(accountId);
    expect(stored.individual?.verification?.document?.front ?? null).toBeNull();
    expect((await call(token, 'POST', '/account', document(mine))).status).toBe(200);
    expect((await server.stripe.accounts.retrieve(accountId)).individual?.verification?.document?.front).toBe(mine);
    expect((await call(token, 'POST', '/account', document('file_identity_document_success'))).status).toBe(200);

    // A person of a company, through the platform API: the same rule, named without a prefix.
    const company = await server.stripe.accounts.create({ type: 'custom', country: 'GB', business_type: 'company' });
    const person = await server.stripe.accounts
      .createPerson(company.id, { first_name: 'Olivia', verification: { document: { front: mine } } })
      .catch((error: unknown) => error);
    expect(person).toMatchObject({ statusCode: 400, param: 'verification[document][front]' });
  });

  it("takes uploads from the stripe SDK's files.create (multipart), and lists and retrieves them by owner", async () => {
    const file = await server.stripe.files.create(
      { purpose: 'identity_document', file: { data: PNG, name: 'passport.png', type: 'image/png' } },
      { stripeAccount: accountId },
    );
    expect(file).toMatchObject({ object: 'file', purpose: 'identity_document', type: 'png', size: PNG.length });
    expect(file.filename).toBe('passport.png');
    expect((await server.stripe.files.retrieve(file.id, {}, { stripeAccount: accountId })).id).toBe(file.id);
    const listed = await server.stripe.files.list({ purpose: 'identity_document' }, { stripeAccount: accountId });
    expect(listed.data.map((item) => item.id)).toContain(file.id);
    // The platform's own files are another owner's: the account's upload is not among them.
    await expect(server.stripe.files.retrieve(file.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await server.stripe.files.list()).data.map((item) => item.id)).not.toContain(file.id);
    // Usable as the account's identity document at once.
    await server.stripe.accounts.update(accountId, {
      individual: { verification: { document: { front: file.id } } },
    });

    const notAnImage = await server.stripe.files
      .create({ purpose: 'identity_document', file: { data: Buffer.from('hello'), name: 'a.txt', type: 'text/plain' } })
      .catch((error: unknown) => error);
    expect(notAnImage).toMatchObject({ statusCode: 400, code: 'file_type_unsupported' });
    const wrongPart = new FormData();
    wrongPart.append('purpose', 'identity_document');
    wrongPart.append('document', new Blob([PNG], { type: 'image/png' }), 'id.png');
    const refused = await fetch(`${server.baseUrl}/v1/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secretKey}` },
      body: wrongPart,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('file_invalid');
  });

  it('takes expand as the platform API does: four levels at most, and only what the object expands', async () => {
    const company = await server.stripe.accounts.create({ type: 'custom', country: 'US', business_type: 'company' });
    const token = await session({ account_onboarding: { enabled: true } }, company.id);
    const upload = await fetch(`${server.baseUrl}/v1/embedded/files?purpose=identity_document&filename=id.png`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
      body: PNG,
    });
    const file = (await upload.json()) as { id: string };
    const created = await call(token, 'POST', '/persons', {
      first_name: 'Olivia',
      verification: { document: { front: file.id } },
      expand: ['verification.document.front'],
    });
    expect(created.status).toBe(200);
    const person = (await created.json()) as { id: string; verification: { document: { front: unknown } } };
    expect(person.verification.document.front).toEqual(file);

    const expand = (paths: string[]) => paths.map((path) => `expand[]=${encodeURIComponent(path)}`).join('&');
    const listed = await call(token, 'GET', `/persons?${expand(['data.verification.document.front'])}`);
    expect(((await listed.json()) as { data: (typeof person)[] }).data[0]?.verification.document.front).toEqual(file);

    const refused = async (path: string, paths: string[]) => {
      const response = await call(token, 'GET', `${path}?${expand(paths)}`);
      expect(response.status, `${path} ${paths.join()}`).toBe(400);
      return ((await response.json()) as { error: { param: string; message: string } }).error;
    };
    const tooDeep = await refused('/account', ['company.verification.document.front.links']);
    expect(tooDeep).toMatchObject({ param: 'expand' });
    expect(tooDeep.message).toContain('cannot expand more than 4 levels');
    for (const [path, paths] of [
      ['/account', ['nonsense']],
      [`/persons/${person.id}`, ['verification.document.front.links']],
      ['/persons', ['verification.document.front']],
    ] as const) {
      expect(await refused(path, [...paths])).toEqual({
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'expand',
        message: `This property cannot be expanded (${paths[0]}).`,
      });
    }
    expect(
      (
        await refused(
          '/account',
          Array.from({ length: 21 }, () => 'x'),
        )
      ).param,
    ).toBe('expand');
  });

  it('lets only the configured origins call from a browser', async () => {
    const allowed = await fetch(`${server.baseUrl}/v1/embedded/account`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await fetch(`${server.baseUrl}/v1/embedded/account`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
