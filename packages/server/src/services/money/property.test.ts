import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../ledger';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';
import { advance, balanceOf, createSeller, platform } from './testing';

/** One step a platform or its sellers may take; the indexes pick among what exists when it runs. */
type Step =
  | {
      kind: 'charge';
      type: 'separate' | 'destination' | 'direct';
      seller: number;
      amount: number;
      feePercent: number;
      card: string;
      manual: boolean;
    }
  | { kind: 'capture'; pick: number; percent: number }
  | { kind: 'refund'; pick: number; percent: number; reverse: boolean; refundFee: boolean }
  | { kind: 'transfer'; from: number; to: number; percent: number; tied: number | undefined }
  | { kind: 'reversal'; pick: number; percent: number }
  | { kind: 'topup'; amount: number }
  | { kind: 'payout'; seller: number; percent: number; instant: boolean }
  | { kind: 'cancel'; pick: number }
  | { kind: 'advance'; seconds: number };

const SELLERS = 3;
const seller = fc.nat({ max: SELLERS - 1 });
const pick = fc.nat({ max: 1000 });
const percent = fc.integer({ min: 1, max: 100 });

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('charge' as const),
      type: fc.constantFrom('separate' as const, 'destination' as const, 'direct' as const),
      seller,
      amount: fc.integer({ min: 50, max: 50_000 }),
      feePercent: fc.integer({ min: 0, max: 30 }),
      card: fc.constantFrom('pm_card_visa', 'pm_card_bypassPending', 'pm_card_visa_chargeDeclined'),
      manual: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('capture' as const), pick, percent }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick,
      percent,
      reverse: fc.boolean(),
      refundFee: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      from: fc.integer({ min: -1, max: SELLERS - 1 }),
      to: seller,
      percent: fc.integer({ min: 1, max: 120 }),
      tied: fc.option(pick, { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reversal' as const), pick, percent }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('topup' as const), amount: fc.integer({ min: 1, max: 100_000 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('payout' as const),
      seller,
      percent: fc.integer({ min: 1, max: 120 }),
      instant: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      seconds: fc.integer({ min: 60, max: 4 * 24 * 60 * 60 }),
    }),
  },
);

/**
 * Expected refusals are part of the game (a decline, not enough balance); anything else (a 5xx,
 * a 404 for an object that exists) fails the run. Says whether the step went through.
 */
async function tolerate(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) return false;
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400) return false;
    throw error;
  }
}

const percentOf = (amount: number, part: number) => Math.max(1, Math.floor((amount * part) / 100));

describe('money movement, as random sequences through the API', () => {
  let server: TestServer;
  let sellers: string[];
  const charges: { id: string; intent: string; account: string | undefined }[] = [];
  const transfers: string[] = [];
  const payouts: { id: string; account: string }[] = [];
  /** How many steps of each kind went through, so the test cannot pass by refusing everything. */
  const done = new Map<string, number>();
  beforeAll(async () => {
    server = await startTestServer();
    sellers = [
      await createSeller(server),
      await createSeller(server, { schedule: { interval: 'daily' } }),
      await createSeller(server, { accountNumber: '000111111116' }),
    ];
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: true });
    // A known start, so every kind of movement is in the books the invariants are checked on,
    // whatever the random steps manage to do.
    const [first = '', second = '', third = ''] = sellers;
    await server.stripe.topups.create({ amount: 100_000, currency: 'usd' });
    await advance(server, 24 * 60 * 60);
    const paid = await server.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      payment_method: 'pm_card_bypassPending',
      confirm: true,
      application_fee_amount: 1000,
      transfer_data: { destination: first },
    });
    charges.push({ id: paid.latest_charge as string, intent: paid.id, account: undefined });
    await server.stripe.refunds.create({ charge: paid.latest_charge as string, amount: 2500, reverse_transfer: true });
    await server.stripe.transfers.create({ amount: 3000, currency: 'usd', destination: third });
    await server.stripe.transfers.create(
      { amount: 1000, currency: 'usd', destination: second },
      { stripeAccount: first },
    );
    await server.stripe.payouts.create({ amount: 2000, currency: 'usd' }, { stripeAccount: first });
  });
  afterAll(async () => {
    await server.close();
  });

  const at = <T>(items: T[], index: number): T | undefined =>
    items.length === 0 ? undefined : items[index % items.length];
  const account = (index: number) => sellers[index] ?? '';

  async function chargeStep(step: Extract<Step, { kind: 'charge' }>) {
    const fee = Math.floor((step.amount * step.feePercent) / 100);
    const params: Stripe.PaymentIntentCreateParams = {
      amount: step.amount,
      currency: 'usd',
      payment_method: step.card,
      confirm: true,
      capture_method: step.manual ? 'manual' : 'automatic',
      ...(step.type === 'destination'
        ? { transfer_data: { destination: account(step.seller) }, application_fee_amount: fee }
        : {}),
      ...(step.type === 'direct' ? { application_fee_amount: fee } : {}),
    };
    const onAccount = step.type === 'direct' ? account(step.seller) : undefined;
    const intent = await server.stripe.paymentIntents.create(params, onAccount ? { stripeAccount: onAccount } : {});
    charges.push({ id: intent.latest_charge as string, intent: intent.id, account: onAccount });
  }

  async function run(step: Step): Promise<boolean> {
    switch (step.kind) {
      case 'charge':
        return tolerate(chargeStep(step));
      case 'capture': {
        const target = at(charges, step.pick);
        if (!target) return false;
        const options = target.account ? { stripeAccount: target.account } : {};
        const intent = await server.stripe.paymentIntents.retrieve(target.intent, {}, options);
        return tolerate(
          server.stripe.paymentIntents.capture(
            target.intent,
            { amount_to_capture: percentOf(intent.amount, step.percent) },
            options,
          ),
        );
      }
      case 'refund': {
        const target = at(charges, step.pick);
        if (!target) return false;
        const options = target.account ? { stripeAccount: target.account } : {};
        const found = await server.stripe.charges.retrieve(target.id, {}, options);
        const params: Stripe.RefundCreateParams = {
          charge: target.id,
          amount: percentOf(found.amount_captured - found.amount_refunded, step.percent),
          ...(found.transfer_data ? { reverse_transfer: step.reverse } : {}),
          ...(found.application_fee ? { refund_application_fee: step.refundFee } : {}),
        };
        return tolerate(server.stripe.refunds.create(params, options));
      }
      case 'transfer': {
        const tied = step.tied === undefined || step.from >= 0 ? undefined : at(charges, step.tied);
        const { available } = await balanceOf(server, step.from >= 0 ? account(step.from) : undefined);
        const params: Stripe.TransferCreateParams = {
          amount: percentOf(Math.max(available, 100), step.percent),
          currency: 'usd',
          destination: account(step.to),
          ...(tied && tied.account === undefined ? { source_transaction: tied.id } : {}),
        };
        const options = step.from >= 0 ? { stripeAccount: account(step.from) } : {};
        return tolerate(server.stripe.transfers.create(params, options).then((made) => transfers.push(made.id)));
      }
      case 'reversal': {
        const target = at(transfers, step.pick);
        if (!target) return false;
        const transfer = await server.stripe.transfers.retrieve(target);
        const left = transfer.amount - transfer.amount_reversed;
        return tolerate(server.stripe.transfers.createReversal(target, { amount: percentOf(left, step.percent) }));
      }
      case 'topup':
        return tolerate(server.stripe.topups.create({ amount: step.amount, currency: 'usd' }));
      case 'payout': {
        const owner = account(step.seller);
        const { available } = await balanceOf(server, owner);
        const params = {
          amount: percentOf(Math.max(available, 100), step.percent),
          currency: 'usd',
          method: step.instant ? ('instant' as const) : ('standard' as const),
        };
        const made = server.stripe.payouts.create(params, { stripeAccount: owner });
        return tolerate(made.then((payout) => payouts.push({ id: payout.id, account: owner })));
      }
      case 'cancel': {
        const target = at(payouts, step.pick);
        if (!target) return false;
        return tolerate(server.stripe.payouts.cancel(target.id, {}, { stripeAccount: target.account }));
      }
      case 'advance':
        await advance(server, step.seconds);
        return true;
    }
  }

  /** Sums a column over a table, from the database: what came in and went out, object by object. */
  const total = async (sql: string) => (await server.db.query<{ total: number }>(sql))[0]?.total ?? 0;

  async function checkInvariants() {
    expect(await checkLedger(server.db)).toEqual([]);
    const owners = [undefined, ...sellers];
    let held = 0;
    for (const owner of owners) {
      const balance = await balanceOf(server, owner);
      expect(balance.pending, `pending of ${owner ?? 'the platform'}`).toBeGreaterThanOrEqual(owner ? 0 : -Infinity);
      expect(balance.in_transit).toBeGreaterThanOrEqual(0);
      held += balance.available + balance.pending + balance.in_transit;
      // Balance transactions say the same as the ledger: pending ones sum to pending, available ones to available.
      const sums = { pending: 0, available: 0 };
      for await (const txn of server.stripe.balanceTransactions.list(
        { limit: 100 },
        owner ? { stripeAccount: owner } : {},
      )) {
        sums[txn.status as 'pending' | 'available'] += txn.net;
      }
      expect(sums, `transactions of ${owner ?? 'the platform'}`).toEqual({
        pending: balance.pending,
        available: balance.available,
      });
    }
    const cameIn =
      (await total('SELECT coalesce(sum(amount_captured), 0)::bigint AS total FROM charges')) +
      (await total('SELECT coalesce(sum(amount), 0)::bigint AS total FROM topups'));
    const wentOut =
      (await total('SELECT coalesce(sum(amount), 0)::bigint AS total FROM refunds')) +
      (await total('SELECT coalesce(sum(processing_fee), 0)::bigint AS total FROM charges')) +
      (await total(`SELECT coalesce(sum(amount - fee), 0)::bigint AS total FROM payouts WHERE status = 'paid'`));
    expect(cameIn - wentOut).toBe(held);
  }

  it('conserves money, keeps forbidden balances non-negative, and passes the ledger check', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 8, maxLength: 20 }), async (steps) => {
        for (const step of steps) {
          if (await run(step)) done.set(step.kind, (done.get(step.kind) ?? 0) + 1);
        }
        await checkInvariants();
      }),
      { numRuns: 8, endOnFailure: true },
    );
    expect(done.get('charge'), 'charges that went through').toBeGreaterThan(0);
  }, 120_000);
});
