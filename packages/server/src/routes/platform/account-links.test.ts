import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../secrets';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

describe('account links and hosted pages', () => {
  let server: TestServer;
  let accountId: string;
  beforeAll(async () => {
    const hostedDir = mkdtempSync(join(tmpdir(), 'atrium-hosted-'));
    writeFileSync(
      join(hostedDir, 'index.html'),
      '<!doctype html><html><head><!--atrium-bootstrap--></head><body></body></html>',
    );
    server = await startTestServer('pglite', { hostedDir });
    accountId = (await server.stripe.accounts.create({ type: 'custom', country: 'US' })).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const link = (type: Stripe.AccountLinkCreateParams.Type = 'account_onboarding') =>
    server.stripe.accountLinks.create({
      account: accountId,
      type,
      refresh_url: 'https://platform.example/reauth',
      return_url: 'https://platform.example/return',
    });

  const bootstrapOf = (html: string) => {
    const match = /<script id="atrium-hosted" type="application\/json">(.*?)<\/script>/.exec(html);
    return JSON.parse(match?.[1] ?? '{}') as { clientSecret: string; nonce: string; type: string; returnUrl: string };
  };

  it('opens a hosted page once, with a client secret for its components, then sends visitors to refresh_url', async () => {
    const created = await link();
    expect(created.url).toMatch(new RegExp(`^${server.baseUrl}/connect/link/[A-Za-z0-9]{40}$`));
    // A scanner's HEAD request does not spend the link.
    expect((await fetch(created.url, { method: 'HEAD', redirect: 'manual' })).status).toBe(200);
    const page = await fetch(created.url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const bootstrap = bootstrapOf(await page.text());
    expect(bootstrap).toMatchObject({ type: 'account_onboarding', returnUrl: 'https://platform.example/return' });
    const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: bootstrap.clientSecret }),
    });
    expect(await claim.json()).toMatchObject({
      account: accountId,
      components: { account_onboarding: { enabled: true } },
    });

    const again = await fetch(created.url, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('https://platform.example/reauth');
  });

  it('renews the page’s client secret with its nonce, and only with it', async () => {
    const page = await fetch((await link('payouts_portal')).url);
    const { nonce } = bootstrapOf(await page.text());
    const renew = (value: string) =>
      fetch(`${server.baseUrl}/connect/hosted/secret`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ nonce: value }),
      });
    const renewed = await renew(nonce);
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as { client_secret: string }).client_secret).toMatch(/_secret_/);
    expect((await renew('A'.repeat(40))).status).toBe(401);
  });

  it('sends a stale link to refresh_url and an unknown one to a 404 page', async () => {
    const created = await link();
    const token = created.url.split('/').pop() ?? '';
    await server.db.query(
      `UPDATE account_links SET expires_at = now() - interval '1 second', created_at = now() - interval '10 minutes' WHERE token_hash = $1`,
      [hashSecret(token)],
    );
    const stale = await fetch(created.url, { redirect: 'manual' });
    expect(stale.status).toBe(302);
    expect(stale.headers.get('location')).toBe('https://platform.example/reauth');
    expect((await fetch(`${server.baseUrl}/connect/link/${'B'.repeat(40)}`)).status).toBe(404);
  });

  it('gives a rejected account no link, and a link made before a rejection or deletion a notice page', async () => {
    const account = (await server.stripe.accounts.create({ type: 'custom', country: 'US' })).id;
    const params = {
      account,
      type: 'account_onboarding' as const,
      refresh_url: 'https://platform.example/reauth',
      return_url: 'https://platform.example/return',
    };
    const earlier = await server.stripe.accountLinks.create(params);
    await server.stripe.accounts.reject(account, { reason: 'fraud' });
    const refused = await server.stripe.accountLinks.create(params).catch((error: unknown) => error);
    expect(refused).toMatchObject({ statusCode: 400, code: 'account_invalid', param: 'account' });
    const page = await fetch(earlier.url, { redirect: 'manual' });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<h1>Account closed</h1>');

    const deleted = (await server.stripe.accounts.create({ type: 'custom', country: 'US' })).id;
    const beforeDeletion = await server.stripe.accountLinks.create({ ...params, account: deleted });
    await server.stripe.accounts.del(deleted);
    const gone = await fetch(beforeDeletion.url, { redirect: 'manual' });
    expect([gone.status, gone.headers.get('content-type')]).toEqual([403, 'text/html; charset=utf-8']);
    expect(await gone.text()).toContain('<h1>Account closed</h1>');
  });

  it('refuses return URLs that are not absolute web URLs', async () => {
    const error = await server.stripe.accountLinks
      .create({
        account: accountId,
        type: 'account_onboarding',
        refresh_url: 'javascript:alert(1)',
        return_url: '/relative',
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 400, param: 'refresh_url' });
  });

  it('takes links and sessions from the platform itself, not a request made as a connected account', async () => {
    const other = (await server.stripe.accounts.create({ type: 'custom', country: 'US' })).id;
    const asOther = { stripeAccount: other };
    const made = async () => {
      const [row] = await server.db.query<{ count: number }>(
        'SELECT (SELECT count(*) FROM account_links) + (SELECT count(*) FROM account_sessions) AS count',
      );
      return Number(row?.count);
    };
    const before = await made();
    const link = await server.stripe.accountLinks
      .create(
        {
          account: accountId,
          type: 'account_onboarding',
          refresh_url: 'https://a.example',
          return_url: 'https://a.example',
        },
        asOther,
      )
      .catch((caught: unknown) => caught);
    expect(link).toMatchObject({ statusCode: 400, code: 'platform_account_required' });
    const session = await server.stripe.accountSessions
      .create({ account: accountId, components: { payouts: { enabled: true } } }, asOther)
      .catch((caught: unknown) => caught);
    expect(session).toMatchObject({ statusCode: 400, code: 'platform_account_required' });
    expect(await made()).toBe(before);
    // The platform's own request goes through.
    await server.stripe.accountSessions.create({ account: accountId, components: { payouts: { enabled: true } } });
    expect(await made()).toBe(before + 1);
  });
});
