import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../ledger';
import { testDatabaseKinds } from '../../store/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';
import { advance, balanceOf, charge, createSeller, platform } from './testing';

const DAY = 24 * 60 * 60;

/** Splits settled results into the successes and the refusals' codes; anything else is a failure. */
function outcomes(results: PromiseSettledResult<unknown>[]) {
  const refusals = results.flatMap((result) => {
    if (result.status === 'fulfilled') return [];
    const error: unknown = result.reason;
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    return [error.code];
  });
  return { succeeded: results.length - refusals.length, refusals };
}

describe.each(await testDatabaseKinds())('concurrent money movement on %s', (kind) => {
  let server: TestServer;
  let seller: string;
  let other: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    seller = await createSeller(server);
    other = await createSeller(server);
    await server.stripe.topups.create({ amount: 100_000, currency: 'usd' });
    await advance(server, DAY);
    await server.stripe.transfers.create({ amount: 10_000, currency: 'usd', destination: seller });
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: true });
  });
  afterAll(async () => {
    expect(await checkLedger(server.db)).toEqual([]);
    await server.close();
  });

  it('lets only the payouts and transfers that fit succeed, and none overdraws', async () => {
    const otherBefore = await balanceOf(server, other);
    const asSeller = { stripeAccount: seller };
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => server.stripe.payouts.create({ amount: 3000, currency: 'usd' }, asSeller)),
      ...Array.from({ length: 5 }, () =>
        server.stripe.transfers.create({ amount: 3000, currency: 'usd', destination: other }, asSeller),
      ),
    ]);
    const { succeeded, refusals } = outcomes(results);
    expect(succeeded).toBe(3);
    expect(refusals).toEqual(Array.from({ length: 7 }, () => 'balance_insufficient'));
    const after = await balanceOf(server, seller);
    const received = (await balanceOf(server, other)).available - otherBefore.available;
    expect(after.available).toBe(1000);
    expect(after.in_transit + received).toBe(9000);
  });

  it("lets only the platform's transfers that fit its available balance succeed", async () => {
    const { available } = await balanceOf(server);
    // Four of these fit and a fifth does not, whatever the balance is.
    const amount = Math.floor((available * 2) / 9) + 1;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        server.stripe.transfers.create({
          amount,
          currency: 'usd',
          destination: index % 2 === 0 ? seller : other,
        }),
      ),
    );
    const { succeeded, refusals } = outcomes(results);
    expect(succeeded).toBe(4);
    expect(refusals.every((code) => code === 'balance_insufficient')).toBe(true);
    const left = (await balanceOf(server)).available;
    expect(left).toBe(available - 4 * amount);
    expect(left).toBeGreaterThanOrEqual(0);
  });

  it('releases funds, pays out on schedule and moves payouts once, however many job runners race', async () => {
    const daily = await createSeller(server, { schedule: { interval: 'daily' } });
    for (let index = 0; index < 6; index += 1) {
      await charge(server, { amount: 5000, transfer_data: { destination: daily } });
    }
    await server.stripe.payouts.create({ amount: 1000, currency: 'usd' }, { stripeAccount: seller });
    // Move the clock without running jobs, then let four runners find the same due work.
    await server.db.query('UPDATE test_clock SET offset_seconds = offset_seconds + $1', [4 * DAY]);
    const jobs = server.app.atrium.jobs;
    await Promise.all([jobs.runDue(), jobs.runDue(), jobs.runDue(), jobs.runDue()]);
    expect(server.logs.filter((line) => line['msg'] === 'job failed')).toEqual([]);
    const twice = await server.db.query(
      `SELECT source_id, operation, count(*) FROM ledger_entries
        WHERE operation IN ('payout_paid', 'payout_failed') GROUP BY source_id, operation HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const [releases] = await server.db.query<{ entries: number; released: number }>(
      `SELECT (SELECT count(*) FROM ledger_entries WHERE operation = 'release')::bigint AS entries,
              (SELECT count(*) FROM fund_releases WHERE released_at IS NOT NULL AND net_minor <> 0)::bigint AS released`,
    );
    expect(releases?.entries).toBe(releases?.released);
    const automatic = await server.stripe.payouts.list({}, { stripeAccount: daily });
    expect(automatic.data.map((payout) => [payout.automatic, payout.amount])).toEqual([[true, 30_000]]);
    expect(await balanceOf(server, daily)).toMatchObject({ available: 0, pending: 0 });
  });

  it('never refunds more than was captured, however many refunds race', async () => {
    const intent = await charge(server, { amount: 10_000 });
    const chargeId = intent.latest_charge as string;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => server.stripe.refunds.create({ charge: chargeId, amount: 4000 })),
    );
    const { succeeded, refusals } = outcomes(results);
    expect(succeeded).toBe(2);
    expect(refusals.every((code) => code === 'amount_too_large')).toBe(true);
    expect((await server.stripe.charges.retrieve(chargeId)).amount_refunded).toBe(8000);
  });
});
