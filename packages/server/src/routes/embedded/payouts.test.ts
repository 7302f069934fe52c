import { balanceSchema, balanceTransactionSchema, listSchema, payoutSchema } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  advance,
  balanceOf,
  charge,
  clockTime,
  createSeller,
  embedded,
  sessionToken,
} from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const ALL_PAYOUT_FEATURES = {
  payouts: {
    enabled: true,
    features: { standard_payouts: true, instant_payouts: true, edit_payout_schedule: true },
  },
};

describe('the component API for balances and payouts', () => {
  let server: TestServer;
  let seller: string;
  let stranger: string;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
    stranger = await createSeller(server);
    for (const account of [seller, stranger]) {
      await charge(server, {
        amount: 100_000,
        payment_method: 'pm_card_bypassPending',
        transfer_data: { destination: account },
      });
    }
    token = await sessionToken(server, seller, ALL_PAYOUT_FEATURES);
  });
  afterAll(async () => {
    await server.close();
  });

  it("shows the session account's balance with in_transit, in the shape the components parse", async () => {
    const answer = await embedded(server, token, 'GET', '/balance');
    expect(answer.status).toBe(200);
    const balance = balanceSchema.parse(answer.body);
    expect(balance.available).toEqual([{ amount: 100_000, currency: 'usd' }]);
    expect(balance.instant_available).toEqual([{ amount: 100_000, currency: 'usd' }]);
    expect(answer.body['in_transit']).toEqual([{ amount: 0, currency: 'usd' }]);
  });

  it('tells browsers and proxies not to keep the answers, component and platform alike', async () => {
    const component = await fetch(`${server.baseUrl}/v1/embedded/account`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect([component.status, component.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const platformAnswer = await fetch(`${server.baseUrl}/v1/balance`, {
      headers: { Authorization: `Bearer ${server.secretKey}` },
    });
    expect([platformAnswer.status, platformAnswer.headers.get('cache-control')]).toEqual([200, 'no-store']);
    // Nothing is kept, so nothing is revalidated: no ETag is worked out for an answer.
    expect([component.headers.get('etag'), platformAnswer.headers.get('etag')]).toEqual([null, null]);
  });

  it("tells the browser the time on the BFF's clock when a session is claimed, test clock included", async () => {
    await advance(server, 2 * 24 * 3600);
    const created = await server.stripe.accountSessions.create({ account: seller, components: ALL_PAYOUT_FEATURES });
    const claim = await fetch(`${server.baseUrl}/v1/embedded/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: created.client_secret }),
    });
    const { now } = (await claim.json()) as { now: number };
    expect(Math.abs(now - (await clockTime(server)))).toBeLessThan(5);
    expect(now - Date.now() / 1000).toBeGreaterThan(2 * 24 * 3600 - 5);
  });

  it('quotes a withdrawal before it is made: the instant fee and what reaches the bank', async () => {
    const instant = await embedded(server, token, 'GET', '/payouts/quote?amount=20000&currency=usd&method=instant');
    expect(instant.status).toBe(200);
    expect(instant.body).toMatchObject({ amount: 20_000, currency: 'usd', method: 'instant', fee: 200, net: 19_800 });
    const standard = await embedded(server, token, 'GET', '/payouts/quote?amount=20000&currency=usd&method=standard');
    expect(standard.body).toMatchObject({ fee: 0, net: 20_000 });
    expect(standard.body['arrival_date']).toBeGreaterThan(instant.body['arrival_date'] as number);
    const tooMuch = await embedded(server, token, 'GET', '/payouts/quote?amount=100001&currency=usd&method=standard');
    expect(tooMuch).toMatchObject({ status: 400, body: { error: { code: 'balance_insufficient' } } });
  });

  it('withdraws once per idempotency key', async () => {
    const request = () =>
      fetch(`${server.baseUrl}/v1/embedded/payouts`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'withdraw-1',
        },
        body: JSON.stringify({ amount: 5000, currency: 'usd', method: 'standard' }),
      });
    const first = await request();
    const second = await request();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [payoutSchema.parse(await first.json()), payoutSchema.parse(await second.json())];
    expect(b.id).toBe(a.id);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 95_000, in_transit: 5000 });

    // A session without the method's feature gets no replay of another session's payout.
    const viewer = await sessionToken(server, seller, { payouts: { enabled: true } });
    const replay = await fetch(`${server.baseUrl}/v1/embedded/payouts`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${viewer}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'withdraw-1',
      },
      body: JSON.stringify({ amount: 5000, currency: 'usd', method: 'standard' }),
    });
    expect(replay.status).toBe(403);
    expect(replay.headers.get('idempotent-replayed')).toBeNull();
  });

  it('pages payouts in each order with cursors, and filters them', async () => {
    for (const amount of [300, 100, 300, 200, 50]) {
      const made = await embedded(server, token, 'POST', '/payouts', { amount, currency: 'usd', method: 'standard' });
      expect(made.status).toBe(200);
    }
    const walk = async (order: string) => {
      const seen: { id: string; amount: number; created: number }[] = [];
      let cursor = '';
      for (;;) {
        const page = await embedded(server, token, 'GET', `/payouts?order=${order}&limit=2${cursor}`);
        const list = listSchema(payoutSchema).parse(page.body);
        seen.push(...list.data);
        if (!list.has_more) return seen;
        cursor = `&starting_after=${list.data.at(-1)?.id ?? ''}`;
      }
    };
    const byAmount = await walk('amount_asc');
    expect(byAmount.map((payout) => payout.amount)).toEqual([50, 100, 200, 300, 300, 5000]);
    expect(new Set(byAmount.map((payout) => payout.id)).size).toBe(6);
    expect((await walk('amount_desc')).map((payout) => payout.amount)).toEqual([5000, 300, 300, 200, 100, 50]);
    const newest = await walk('created_desc');
    expect(newest.map((payout) => payout.id)).toEqual((await walk('created_asc')).map((payout) => payout.id).reverse());

    const back = await embedded(
      server,
      token,
      'GET',
      `/payouts?order=amount_asc&limit=2&ending_before=${byAmount[3]?.id ?? ''}`,
    );
    expect((back.body['data'] as { amount: number }[]).map((payout) => payout.amount)).toEqual([100, 200]);
    const filtered = await embedded(server, token, 'GET', '/payouts?amount[gte]=200&amount[lte]=300&status=pending');
    expect((filtered.body['data'] as { amount: number }[]).map((payout) => payout.amount).sort()).toEqual([
      200, 300, 300,
    ]);
  });

  it("lists one payout's balance transactions and answers 404 for another account's payout", async () => {
    const [payout] = (await embedded(server, token, 'GET', '/payouts?limit=1')).body['data'] as { id: string }[];
    const own = await embedded(server, token, 'GET', `/balance_transactions?payout=${payout?.id ?? ''}`);
    const transactions = listSchema(balanceTransactionSchema).parse(own.body).data;
    expect(transactions.map((item) => [item.type, item.source])).toEqual([['payout', payout?.id]]);

    const theirs = await server.stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: stranger });
    expect((await embedded(server, token, 'GET', `/payouts/${theirs.id}`)).status).toBe(404);
    expect((await embedded(server, token, 'GET', `/balance_transactions?payout=${theirs.id}`)).status).toBe(404);
    expect((await embedded(server, token, 'GET', `/payouts?starting_after=${theirs.id}`)).status).toBe(400);
    expect((await embedded(server, token, 'GET', '/payouts/po_malformed!')).status).toBe(404);
  });

  it('changes the payout schedule, within the country minimum', async () => {
    const weekly = await embedded(server, token, 'POST', '/payout_schedule', {
      interval: 'weekly',
      weekly_anchor: 'friday',
      delay_days: 4,
    });
    expect(weekly).toMatchObject({ status: 200, body: { interval: 'weekly', weekly_anchor: 'friday', delay_days: 4 } });
    expect((await server.stripe.accounts.retrieve(seller)).settings?.payouts?.schedule).toMatchObject({
      interval: 'weekly',
      weekly_anchor: 'friday',
      delay_days: 4,
    });
    const mixed = await embedded(server, token, 'POST', '/payout_schedule', { interval: 'weekly', monthly_anchor: 3 });
    expect(mixed).toMatchObject({ status: 400, body: { error: { param: 'monthly_anchor' } } });
    const tooShort = await embedded(server, token, 'POST', '/payout_schedule', { interval: 'daily', delay_days: 1 });
    expect(tooShort).toMatchObject({ status: 400, body: { error: { param: 'delay_days' } } });
    const unknown = await embedded(server, token, 'POST', '/payout_schedule', { interval: 'hourly' });
    expect(unknown).toMatchObject({ status: 400, body: { error: { param: 'interval' } } });
    await embedded(server, token, 'POST', '/payout_schedule', { interval: 'manual' });
  });

  it('sends account.updated with only the schedule fields that changed, and none when nothing did', async () => {
    await embedded(server, token, 'POST', '/payout_schedule', { interval: 'manual' });
    const before = (await server.stripe.events.list({ type: 'account.updated', limit: 100 }, { stripeAccount: seller }))
      .data[0]?.id;
    await embedded(server, token, 'POST', '/payout_schedule', { interval: 'weekly', weekly_anchor: 'tuesday' });
    await embedded(server, token, 'POST', '/payout_schedule', { interval: 'weekly', weekly_anchor: 'tuesday' });
    const updates = await server.stripe.events.list(
      { type: 'account.updated', limit: 100, ...(before === undefined ? {} : { ending_before: before }) },
      { stripeAccount: seller },
    );
    expect(updates.data.map((event) => event.data.previous_attributes)).toEqual([
      { settings: { payouts: { schedule: { interval: 'manual', weekly_anchor: null } } } },
    ]);
    await embedded(server, token, 'POST', '/payout_schedule', { interval: 'manual' });
  });

  it('answers 403 without the component or the feature a route needs', async () => {
    const paymentsOnly = await sessionToken(server, seller, { payments: { enabled: true } });
    expect((await embedded(server, paymentsOnly, 'GET', '/balance')).status).toBe(403);
    expect((await embedded(server, paymentsOnly, 'GET', '/payouts')).status).toBe(403);
    const readOnly = await sessionToken(server, seller, { payouts: { enabled: true } });
    expect((await embedded(server, readOnly, 'GET', '/payouts')).status).toBe(200);
    const before = await balanceOf(server, seller);
    const withdraw = await embedded(server, readOnly, 'POST', '/payouts', {
      amount: 100,
      currency: 'usd',
      method: 'standard',
    });
    expect(withdraw).toMatchObject({ status: 403, body: { error: { code: 'component_not_granted' } } });
    const quote = await embedded(server, readOnly, 'GET', '/payouts/quote?amount=100&currency=usd&method=instant');
    expect(quote.status).toBe(403);
    expect((await embedded(server, readOnly, 'POST', '/payout_schedule', { interval: 'daily' })).status).toBe(403);
    const standardOnly = await sessionToken(server, seller, {
      balances: { enabled: true, features: { standard_payouts: true } },
    });
    const instant = await embedded(server, standardOnly, 'POST', '/payouts', {
      amount: 100,
      currency: 'usd',
      method: 'instant',
    });
    expect(instant.status).toBe(403);
    expect(await balanceOf(server, seller)).toEqual(before);
  });

  it('pays out on schedule after the clock moves, and the list shows it as automatic', async () => {
    await embedded(server, token, 'POST', '/payout_schedule', { interval: 'daily' });
    await advance(server, 24 * 60 * 60);
    const latest = await embedded(server, token, 'GET', '/payouts?limit=1');
    expect((latest.body['data'] as { automatic: boolean }[])[0]?.automatic).toBe(true);
    expect((await balanceOf(server, seller)).available).toBe(0);
  });

  it("ends a rejected account's sessions, also one its rejection did not revoke", async () => {
    const account = await createSeller(server);
    const session = await sessionToken(server, account, ALL_PAYOUT_FEATURES);
    expect((await embedded(server, session, 'GET', '/balance')).status).toBe(200);
    // As when a session is claimed while the rejection commits: rejected, but not revoked.
    await server.db.query("UPDATE accounts SET rejected_reason = 'fraud' WHERE id = $1", [account]);
    expect(await embedded(server, session, 'GET', '/balance')).toMatchObject({
      status: 401,
      body: { error: { code: 'session_expired' } },
    });
  });
});
