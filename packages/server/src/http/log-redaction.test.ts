import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';

describe('logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('never carry keys, client secrets, session tokens or personal data, even when requests fail', async () => {
    const account = await server.stripe.accounts.create({
      type: 'custom',
      country: 'US',
      business_type: 'individual',
      email: 'private.person@example.com',
      individual: {
        first_name: 'Privata',
        last_name: 'Persona',
        id_number: '123456780',
        ssn_last_4: '6780',
        dob: { day: 2, month: 3, year: 1980 },
      },
      external_account: {
        object: 'bank_account',
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: '000765432109',
      } as never,
    });
    const session = await server.stripe.accountSessions.create({
      account: account.id,
      components: { account_onboarding: { enabled: true } },
    });
    const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: session.client_secret }),
    });
    const { token } = (await claim.json()) as { token: string };
    await fetch(`${server.baseUrl}/v1/embedded/account`, { headers: { Authorization: `Bearer ${token}` } });
    await fetch(`${server.baseUrl}/v1/embedded/account?token=${token}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ individual: { id_number: '987654320', dob: { day: 99, month: 1, year: 1 } } }),
    });
    await fetch(`${server.baseUrl}/v1/accounts?key=${server.secretKey}`, {
      headers: { Authorization: `Bearer ${server.secretKey}x` },
    });
    const link = await server.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://platform.example/refresh',
      return_url: 'https://platform.example/return',
    });
    const linkToken = new URL(link.url).pathname.split('/').at(-1) ?? '';
    expect(linkToken.length).toBeGreaterThan(20);
    await fetch(link.url.replace(/^https?:\/\/[^/]+/, server.baseUrl), { redirect: 'manual' });

    const text = server.logs.map((line) => JSON.stringify(line)).join('\n');
    expect(server.logs.length).toBeGreaterThan(5);
    for (const secret of [
      server.secretKey,
      session.client_secret,
      token,
      '123456780',
      '987654320',
      '000765432109',
      'private.person@example.com',
      'Privata',
      linkToken,
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
