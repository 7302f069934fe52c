import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../ledger';
import { advance, balanceOf, charge, createSeller } from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

const DAY = 24 * 60 * 60;

/**
 * Every charge type through the official SDK, with the exact balances of the platform and the
 * seller after the charge, its fees, the release, a refund and a payout. The numbers follow the
 * posting rules (docs/ledger.md and the rule tables in @atrium/core): a 100.00 USD charge pays a
 * processing fee of 2.9% + 0.30 = 3.20.
 */
describe('payment intents and the balances they move', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    expect(await checkLedger(server.db)).toEqual([]);
    await server.close();
  });

  it('splits a destination charge as the design example: seller 90.00, platform 6.80, then refunds and pays out', async () => {
    const seller = await createSeller(server);
    const platformBefore = await balanceOf(server);
    const intent = await charge(server, { application_fee_amount: 1000, transfer_data: { destination: seller } });
    expect(intent.status).toBe('succeeded');
    expect(intent.amount_received).toBe(10_000);

    const captured = await server.stripe.charges.retrieve(intent.latest_charge as string, {
      expand: ['balance_transaction'],
    });
    const txn = captured.balance_transaction as Stripe.BalanceTransaction;
    expect([txn.amount, txn.fee, txn.net, txn.status]).toEqual([10_000, 320, 9680, 'pending']);
    expect(captured.transfer_data).toEqual({ amount: null, destination: seller });
    // Not sent, so not set: the platform stays the settlement merchant, as on Stripe.
    expect([captured.on_behalf_of, intent.on_behalf_of]).toEqual([null, null]);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 9000, available: 0 });
    expect((await balanceOf(server)).pending - platformBefore.pending).toBe(680);

    const fee = await server.stripe.applicationFees.retrieve(captured.application_fee as string);
    expect([fee.amount, fee.account, fee.charge]).toEqual([1000, seller, captured.id]);
    const transfer = await server.stripe.transfers.retrieve(captured.transfer as string);
    expect([transfer.amount, transfer.destination, transfer.source_transaction]).toEqual([10_000, seller, captured.id]);

    await advance(server, 3 * DAY);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 0, available: 9000 });
    const platformReleased = await balanceOf(server);
    expect(platformReleased.available - platformBefore.available).toBe(680);

    const refund = await server.stripe.refunds.create({
      charge: captured.id,
      amount: 5000,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    expect(refund.transfer_reversal).toMatch(/^trr_/);
    // The seller gives back 50.00 and gets back 5.00 of the fee; the platform refunds 50.00,
    // receives the 50.00 reversal and returns the 5.00 fee share.
    expect(await balanceOf(server, seller)).toMatchObject({ available: 4500 });
    expect((await balanceOf(server)).available - platformReleased.available).toBe(-500);
    expect((await server.stripe.applicationFees.retrieve(fee.id)).amount_refunded).toBe(500);
    expect((await server.stripe.transfers.retrieve(transfer.id)).amount_reversed).toBe(5000);

    const payout = await server.stripe.payouts.create({ amount: 4500, currency: 'usd' }, { stripeAccount: seller });
    expect(payout.status).toBe('pending');
    expect(await balanceOf(server, seller)).toMatchObject({ available: 0, in_transit: 4500 });
    await advance(server, 3 * DAY);
    expect((await server.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller })).status).toBe('paid');
    expect(await balanceOf(server, seller)).toMatchObject({ available: 0, pending: 0, in_transit: 0 });
  });

  it('charges a direct charge to the connected account, which pays both fees and may go negative on a refund', async () => {
    const seller = await createSeller(server);
    const platformBefore = await balanceOf(server);
    const intent = await charge(server, { application_fee_amount: 1000 }, { stripeAccount: seller });
    expect(intent.status).toBe('succeeded');
    const captured = await server.stripe.charges.retrieve(
      intent.latest_charge as string,
      { expand: ['balance_transaction'] },
      { stripeAccount: seller },
    );
    const txn = captured.balance_transaction as Stripe.BalanceTransaction;
    expect([txn.amount, txn.fee, txn.net]).toEqual([10_000, 1320, 8680]);
    expect(txn.fee_details.map((detail) => [detail.type, detail.amount])).toEqual([
      ['stripe_fee', 320],
      ['application_fee', 1000],
    ]);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 8680, available: 0 });
    expect((await balanceOf(server)).pending - platformBefore.pending).toBe(1000);

    await advance(server, 3 * DAY);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 0, available: 8680 });

    const refund = await server.stripe.refunds.create(
      { charge: captured.id, refund_application_fee: true, metadata: { ticket: 'T-1', agent: 'ann' } },
      { stripeAccount: seller },
    );
    // Its metadata can change afterwards, by the account that owns it only.
    const relabeled = await server.stripe.refunds.update(
      refund.id,
      { metadata: { ticket: 'T-2', agent: '' } },
      { stripeAccount: seller },
    );
    expect(relabeled.metadata).toEqual({ ticket: 'T-2' });
    const updates = await server.stripe.events.list({ type: 'refund.updated' }, { stripeAccount: seller });
    expect(updates.data.map((event) => (event.data.object as { id: string }).id)).toContain(refund.id);
    const foreign = await server.stripe.refunds.update(refund.id, { metadata: { x: 'y' } }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ statusCode: 404 });
    const amountChange = await server.stripe.refunds
      .update(refund.id, { amount: 1 } as Stripe.RefundUpdateParams, { stripeAccount: seller })
      .catch((e: unknown) => e);
    expect(amountChange).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'amount' });
    // The full 100.00 leaves the account, which gets the 10.00 fee back: 86.80 - 100.00 + 10.00.
    expect(await balanceOf(server, seller)).toMatchObject({ available: -320 });
    const overdrawn = await server.stripe.payouts
      .create({ amount: 100, currency: 'usd' }, { stripeAccount: seller })
      .catch((error: unknown) => error);
    expect(overdrawn).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });

    await charge(server, {}, { stripeAccount: seller });
    await advance(server, 3 * DAY);
    // The next charge's 96.80 covers the 3.20 first.
    expect(await balanceOf(server, seller)).toMatchObject({ available: 9360 });
    await server.stripe.payouts.create({ amount: 9360, currency: 'usd' }, { stripeAccount: seller });
    expect(await balanceOf(server, seller)).toMatchObject({ available: 0, in_transit: 9360 });
    await advance(server, 3 * DAY);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 0, pending: 0, in_transit: 0 });
  });

  it('moves a separate charge to sellers with transfers tied to it, pending until the charge is', async () => {
    const first = await createSeller(server);
    const second = await createSeller(server);
    const platformBefore = await balanceOf(server);
    const intent = await charge(server, { transfer_group: 'ORDER_95' });
    const chargeId = intent.latest_charge as string;
    expect((await balanceOf(server)).pending - platformBefore.pending).toBe(9680);

    const toFirst = await server.stripe.transfers.create({
      amount: 7000,
      currency: 'usd',
      destination: first,
      source_transaction: chargeId,
    });
    const toSecond = await server.stripe.transfers.create({
      amount: 2000,
      currency: 'usd',
      destination: second,
      source_transaction: chargeId,
    });
    expect([toFirst.transfer_group, toSecond.transfer_group]).toEqual(['ORDER_95', 'ORDER_95']);
    expect(await balanceOf(server, first)).toMatchObject({ pending: 7000, available: 0 });
    expect((await balanceOf(server)).pending - platformBefore.pending).toBe(680);

    await advance(server, 3 * DAY);
    expect(await balanceOf(server, first)).toMatchObject({ pending: 0, available: 7000 });
    expect(await balanceOf(server, second)).toMatchObject({ pending: 0, available: 2000 });
    expect((await balanceOf(server)).available - platformBefore.available).toBe(680);

    const reversal = await server.stripe.transfers.createReversal(toFirst.id, { amount: 1000 });
    expect(reversal.amount).toBe(1000);
    expect(await balanceOf(server, first)).toMatchObject({ available: 6000 });
    await server.stripe.refunds.create({ charge: chargeId, amount: 1000 });
    expect((await balanceOf(server)).available - platformBefore.available).toBe(680);
    const payout = await server.stripe.payouts.create({ amount: 6000, currency: 'usd' }, { stripeAccount: first });
    expect(await balanceOf(server, first)).toMatchObject({ available: 0, in_transit: 6000 });
    await advance(server, 3 * DAY);
    expect((await server.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: first })).status).toBe('paid');
    expect(await balanceOf(server, first)).toMatchObject({ available: 0, in_transit: 0 });

    const tooMuch = await server.stripe.transfers
      .create({ amount: 1, currency: 'usd', destination: first, source_transaction: chargeId })
      .catch((error: unknown) => error);
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount' });
    // Refunded beyond what the transfers left: the refusal says nothing is left, not a negative.
    await server.stripe.refunds.create({ charge: chargeId, amount: 500 });
    const nothingLeft = await server.stripe.transfers
      .create({ amount: 1, currency: 'usd', destination: first, source_transaction: chargeId })
      .catch((error: unknown) => error);
    expect(nothingLeft).toMatchObject({
      statusCode: 400,
      message: `The transfers of charge ${chargeId} would exceed what it has left to transfer (0).`,
    });
  });

  it("updates a charge's description, metadata and receipt email, and nothing of its money", async () => {
    const seller = await createSeller(server);
    const intent = await charge(server, { metadata: { order: '6735' }, transfer_data: { destination: seller } });
    const chargeId = intent.latest_charge as string;
    const balancesBefore = [await balanceOf(server), await balanceOf(server, seller)];

    const updated = await server.stripe.charges.update(chargeId, {
      description: 'Watch strap',
      metadata: { order: '', shipment: 'SH-1' },
      receipt_email: 'buyer@example.com',
    });
    expect(updated).toMatchObject({
      id: chargeId,
      amount: 10_000,
      description: 'Watch strap',
      metadata: { shipment: 'SH-1' },
      receipt_email: 'buyer@example.com',
    });
    expect(await server.stripe.charges.retrieve(chargeId)).toMatchObject({ metadata: { shipment: 'SH-1' } });
    expect([await balanceOf(server), await balanceOf(server, seller)]).toEqual(balancesBefore);
    const [event] = (await server.stripe.events.list({ type: 'charge.updated', limit: 1 })).data;
    expect(event?.data.object).toMatchObject({ id: chargeId, description: 'Watch strap' });
    expect(event?.data.previous_attributes).toMatchObject({ description: null, metadata: { order: '6735' } });

    // Bad input changes nothing; a connected account cannot update the platform's charge.
    await expect(server.stripe.charges.update(chargeId, { receipt_email: 'not an email' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'receipt_email',
    });
    await expect(
      server.stripe.charges.update(chargeId, { description: 'Mine now' }, { stripeAccount: seller }),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(await server.stripe.charges.retrieve(chargeId)).toMatchObject({
      description: 'Watch strap',
      receipt_email: 'buyer@example.com',
    });
  });

  it('authorizes with capture_method=manual and captures part, with the fee on what was captured', async () => {
    const seller = await createSeller(server);
    const intent = await charge(server, {
      capture_method: 'manual',
      application_fee_amount: 1000,
      transfer_data: { destination: seller },
    });
    expect([intent.status, intent.amount_capturable]).toEqual(['requires_capture', 10_000]);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 0 });

    const captured = await server.stripe.paymentIntents.capture(intent.id, { amount_to_capture: 6000 });
    expect([captured.status, captured.amount_received, captured.amount_capturable]).toEqual(['succeeded', 6000, 0]);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 5000 });
    const chargeRow = await server.stripe.charges.retrieve(captured.latest_charge as string, {
      expand: ['balance_transaction'],
    });
    expect([chargeRow.amount, chargeRow.amount_captured, chargeRow.captured]).toEqual([10_000, 6000, true]);
    expect((chargeRow.balance_transaction as Stripe.BalanceTransaction).fee).toBe(204);

    const overRefund = await server.stripe.refunds
      .create({ charge: chargeRow.id, amount: 6001 })
      .catch((error: unknown) => error);
    expect(overRefund).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    await server.stripe.refunds.create({ charge: chargeRow.id, amount: 4000 });
    await server.stripe.refunds.create({ charge: chargeRow.id });
    const again = await server.stripe.refunds.create({ charge: chargeRow.id }).catch((error: unknown) => error);
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect((await server.stripe.charges.retrieve(chargeRow.id)).refunded).toBe(true);
    // The list a charge's refunds.url names pages like any other.
    const { refunds } = await server.stripe.charges.retrieve(chargeRow.id, { expand: ['refunds'] });
    const page = await fetch(`${server.baseUrl}${refunds?.url ?? ''}?limit=1`, {
      headers: { Authorization: `Bearer ${server.secretKey}` },
    });
    const body = (await page.json()) as Stripe.ApiList<Stripe.Refund>;
    expect([page.status, body.data.length, body.has_more, body.data[0]?.charge]).toEqual([200, 1, true, chargeRow.id]);
  });

  it('chooses manual capture at confirmation, as Stripe lets a confirm do', async () => {
    const seller = await createSeller(server);
    const intent = await server.stripe.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      transfer_data: { destination: seller },
    });
    const before = await balanceOf(server, seller);
    const confirmed = await server.stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
    });
    expect([confirmed.status, confirmed.capture_method, confirmed.amount_capturable]).toEqual([
      'requires_capture',
      'manual',
      4000,
    ]);
    expect(await balanceOf(server, seller)).toEqual(before);
    const captured = await server.stripe.paymentIntents.capture(intent.id, { amount_to_capture: 3000 });
    expect([captured.status, captured.amount_received]).toEqual(['succeeded', 3000]);
    expect((await balanceOf(server, seller)).pending - before.pending).toBe(3000);
  });

  it("caps a direct charge's application fee at what a smaller capture leaves after the processing fee", async () => {
    const seller = await createSeller(server);
    const intent = await charge(
      server,
      { capture_method: 'manual', application_fee_amount: 9000, payment_method: 'pm_card_bypassPending' },
      { stripeAccount: seller },
    );
    const captured = await server.stripe.paymentIntents.capture(
      intent.id,
      { amount_to_capture: 1000 },
      { stripeAccount: seller },
    );
    expect([captured.status, captured.amount_received]).toEqual(['succeeded', 1000]);
    // 1000 less the processing fee (2.9% + 0.30 = 59) is what the fee may take.
    expect(captured.application_fee_amount).toBe(941);
    expect(await balanceOf(server, seller)).toMatchObject({ available: 0 });
    // A fee the capture names is still checked, not capped.
    const named = await charge(
      server,
      { capture_method: 'manual', application_fee_amount: 500 },
      { stripeAccount: seller },
    );
    const refusal = await server.stripe.paymentIntents
      .capture(named.id, { amount_to_capture: 100, application_fee_amount: 90 }, { stripeAccount: seller })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ statusCode: 400, param: 'application_fee_amount' });
  });

  it('declines with a 402 card_error, records the failed charge and lets the customer try another card', async () => {
    const intent = await server.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    expect(intent.status).toBe('requires_payment_method');
    const declined = await server.stripe.paymentIntents
      .confirm(intent.id, { payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds' })
      .catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });
    const failed = await server.stripe.charges.retrieve((declined as Stripe.errors.StripeCardError).charge ?? '');
    expect([failed.status, failed.paid, failed.failure_code]).toEqual(['failed', false, 'card_declined']);
    const retry = await server.stripe.paymentIntents.retrieve(intent.id);
    expect(retry.status).toBe('requires_payment_method');
    expect(retry.last_payment_error?.decline_code).toBe('insufficient_funds');

    const paid = await server.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_mastercard' });
    expect(paid.status).toBe('succeeded');
    const events = await server.stripe.events.list({ type: 'charge.failed' });
    expect(events.data.some((event) => (event.data.object as { id: string }).id === failed.id)).toBe(true);
  });

  it('makes funds available at once with pm_card_bypassPending', async () => {
    const seller = await createSeller(server);
    await charge(server, {
      payment_method: 'pm_card_bypassPending',
      transfer_data: { destination: seller, amount: 8000 },
    });
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 0, available: 8000 });
  });

  it('changes the amount and the application fee before confirmation, checked as on create', async () => {
    const seller = await createSeller(server);
    const intent = await server.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      application_fee_amount: 1000,
      transfer_data: { destination: seller },
    });
    const refusedUpdate = async (params: Stripe.PaymentIntentUpdateParams, id = intent.id) =>
      server.stripe.paymentIntents.update(id, params).catch((error: unknown) => error);
    expect(await refusedUpdate({ application_fee_amount: 30_000 })).toMatchObject({
      statusCode: 400,
      param: 'application_fee_amount',
    });
    expect(await refusedUpdate({ amount: 500 })).toMatchObject({ statusCode: 400, param: 'application_fee_amount' });
    expect(await refusedUpdate({ amount: 10 })).toMatchObject({ statusCode: 400, param: 'amount' });
    const updated = await server.stripe.paymentIntents.update(intent.id, {
      amount: 20_000,
      application_fee_amount: 1500,
    });
    expect([updated.amount, updated.application_fee_amount, updated.status]).toEqual([
      20_000,
      1500,
      'requires_payment_method',
    ]);
    const confirmed = await server.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    const charged = await server.stripe.charges.retrieve(confirmed.latest_charge as string, {
      expand: ['application_fee'],
    });
    expect([charged.amount, (charged.application_fee as Stripe.ApplicationFee).amount]).toEqual([20_000, 1500]);
    expect(await balanceOf(server, seller)).toMatchObject({ pending: 18_500 });
    expect(await refusedUpdate({ amount: 30_000 })).toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });

    const capped = await server.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      transfer_data: { destination: seller, amount: 8000 },
    });
    expect(await refusedUpdate({ amount: 5000 }, capped.id)).toMatchObject({
      statusCode: 400,
      param: 'transfer_data[amount]',
    });

    // The transfer's amount changes too (not its destination), checked the same way.
    expect(await refusedUpdate({ transfer_data: { amount: 12_000 } }, capped.id)).toMatchObject({
      statusCode: 400,
      param: 'transfer_data[amount]',
    });
    const separate = await server.stripe.paymentIntents.create({ amount: 10_000, currency: 'usd' });
    expect(await refusedUpdate({ transfer_data: { amount: 500 } }, separate.id)).toMatchObject({
      statusCode: 400,
      param: 'transfer_data[amount]',
    });
    const lowered = await server.stripe.paymentIntents.update(capped.id, { transfer_data: { amount: 6000 } });
    expect(lowered.transfer_data).toEqual({ destination: seller, amount: 6000 });
    const before = await balanceOf(server, seller);
    await server.stripe.paymentIntents.confirm(capped.id, { payment_method: 'pm_card_visa' });
    expect((await balanceOf(server, seller)).pending - before.pending).toBe(6000);
    expect(await refusedUpdate({ transfer_data: { amount: 5000 } }, capped.id)).toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
  });

  it('cancels an uncaptured authorization and refuses to capture it afterwards', async () => {
    const intent = await charge(server, { capture_method: 'manual' });
    const canceled = await server.stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect([canceled.status, canceled.cancellation_reason]).toEqual(['canceled', 'abandoned']);
    const late = await server.stripe.paymentIntents.capture(intent.id).catch((error: unknown) => error);
    expect(late).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });

    // As in Stripe, the released hold shows on the charge as refunded, with no refund object:
    // nothing was captured, so there is nothing to refund (and a refund is refused).
    const released = await server.stripe.charges.retrieve(intent.latest_charge as string, { expand: ['refunds'] });
    expect(released).toMatchObject({ captured: false, amount_captured: 0, amount_refunded: 10_000, refunded: true });
    expect(released.refunds?.data).toEqual([]);
    const events = await server.stripe.events.list({ type: 'charge.refunded', limit: 100 });
    expect(events.data.filter((event) => (event.data.object as { id: string }).id === released.id)).toHaveLength(1);
    const refund = await server.stripe.refunds.create({ charge: released.id }).catch((error: unknown) => error);
    expect(refund).toMatchObject({ statusCode: 400 });
  });

  it('cancels an authorization left uncaptured for seven days, and moves no money', async () => {
    const seller = await createSeller(server);
    const sellerBefore = await balanceOf(server, seller);
    const platformBefore = await balanceOf(server);
    const intent = await charge(server, { capture_method: 'manual', transfer_data: { destination: seller } });
    const kept = await charge(server, { capture_method: 'manual', transfer_data: { destination: seller } });
    await server.stripe.paymentIntents.capture(kept.id, { amount_to_capture: 5000 });

    await advance(server, 7 * DAY - 60);
    expect((await server.stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_capture');
    await advance(server, 60);
    const expired = await server.stripe.paymentIntents.retrieve(intent.id);
    expect([expired.status, expired.cancellation_reason, expired.amount_capturable]).toEqual([
      'canceled',
      'automatic',
      0,
    ]);
    const events = await server.stripe.events.list({ type: 'payment_intent.canceled', limit: 100 });
    expect(events.data.filter((event) => (event.data.object as { id: string }).id === intent.id)).toHaveLength(1);
    expect(await server.stripe.charges.retrieve(expired.latest_charge as string)).toMatchObject({
      amount_refunded: 10_000,
      refunded: true,
    });
    // The partly captured charge shows only its refunds: none.
    const partial = await server.stripe.paymentIntents.retrieve(kept.id);
    expect(await server.stripe.charges.retrieve(partial.latest_charge as string)).toMatchObject({
      amount_captured: 5000,
      amount_refunded: 0,
      refunded: false,
    });
    const late = await server.stripe.paymentIntents.capture(intent.id).catch((error: unknown) => error);
    expect(late).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });

    // Only the captured 50.00 of the other intent moved: 50.00 - 1.75 of fees to the seller,
    // released after the seven days.
    expect((await server.stripe.paymentIntents.retrieve(kept.id)).status).toBe('succeeded');
    const seller7 = await balanceOf(server, seller);
    expect(seller7.available + seller7.pending - sellerBefore.available - sellerBefore.pending).toBe(5000);
    const platform7 = await balanceOf(server);
    expect(platform7.available + platform7.pending - platformBefore.available - platformBefore.pending).toBe(-175);
  });
});
