import { chargeSchema, listSchema, refundSchema, transferSchema } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, charge, createSeller, embedded, platform, sessionToken } from '../../services/money/testing';
import { startTestServer } from '../../testing/server';
import type { TestServer } from '../../testing/server';

describe('the component API for payments and transfers', () => {
  let server: TestServer;
  let seller: string;
  let stranger: string;
  let token: string;
  let destinationCharge: string;
  let strangerCharge: string;
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
    stranger = await createSeller(server);
    const paid = { payment_method: 'pm_card_bypassPending' };
    destinationCharge = (await charge(server, { ...paid, amount: 5000, transfer_data: { destination: seller } }))
      .latest_charge as string;
    await charge(server, { ...paid, amount: 7000, payment_method: 'pm_card_mastercard' }, { stripeAccount: seller });
    await charge(server, { ...paid, amount: 3000 }, { stripeAccount: seller });
    await server.stripe.paymentIntents
      .create(
        { amount: 900, currency: 'usd', payment_method: 'pm_card_visa_chargeDeclined', confirm: true },
        { stripeAccount: seller },
      )
      .catch(() => undefined);
    strangerCharge = (await charge(server, { ...paid, transfer_data: { destination: stranger } }))
      .latest_charge as string;
    token = await sessionToken(server, seller, {
      payments: { enabled: true, features: { refund_management: true } },
      transfers_list: { enabled: true, features: { transfer_balance: true } },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const list = async (query: string) => {
    const answer = await embedded(server, token, 'GET', `/charges${query}`);
    expect(answer.status).toBe(200);
    return listSchema(chargeSchema).parse(answer.body).data;
  };

  it("lists the account's direct charges and the destination charges paid to it, filtered and ordered", async () => {
    const all = await list('?limit=100');
    expect(all.map((item) => item.amount)).toEqual([900, 3000, 7000, 5000]);
    expect(all.some((item) => item.id === strangerCharge)).toBe(false);
    expect((await list('?status=failed')).map((item) => item.amount)).toEqual([900]);
    expect((await list('?payment_method_brand=mastercard')).map((item) => item.amount)).toEqual([7000]);
    expect((await list('?order=amount_desc&amount[gte]=3000')).map((item) => item.amount)).toEqual([7000, 5000, 3000]);
    const destination = all.find((item) => item.id === destinationCharge);
    expect(destination?.balance_transaction).toMatch(/^txn_/);
  });

  it('refunds a destination charge from the account’s share and shows the refund on the charge', async () => {
    const before = await balanceOf(server, seller);
    const refund = await embedded(server, token, 'POST', '/refunds', { charge: destinationCharge, amount: 2000 });
    expect(refund.status).toBe(200);
    expect(refundSchema.parse(refund.body).transfer_reversal).toMatch(/^trr_/);
    expect((await balanceOf(server, seller)).available).toBe(before.available - 2000);
    const detail = await embedded(server, token, 'GET', `/charges/${destinationCharge}`);
    const shown = chargeSchema.parse(detail.body);
    expect([shown.amount_refunded, shown.refunds?.data.length]).toEqual([2000, 1]);
    const over = await embedded(server, token, 'POST', '/refunds', { charge: destinationCharge, amount: 3001 });
    expect(over).toMatchObject({ status: 400, body: { error: { code: 'amount_too_large', param: 'amount' } } });
  });

  it("answers 404 for another account's charge and 403 without refund_management", async () => {
    expect((await embedded(server, token, 'GET', `/charges/${strangerCharge}`)).status).toBe(404);
    const strangerBefore = await balanceOf(server, stranger);
    expect((await embedded(server, token, 'POST', '/refunds', { charge: strangerCharge })).status).toBe(404);
    const viewOnly = await sessionToken(server, seller, { payment_details: { enabled: true } });
    expect((await embedded(server, viewOnly, 'GET', `/charges/${destinationCharge}`)).status).toBe(200);
    const refused = await embedded(server, viewOnly, 'POST', '/refunds', { charge: destinationCharge });
    expect(refused.status).toBe(403);
    expect((await embedded(server, viewOnly, 'GET', '/transfers')).status).toBe(403);
    expect(await balanceOf(server, stranger)).toEqual(strangerBefore);
  });

  it('sends money to another account only when the platform allows it, and lists transfers both ways', async () => {
    const request = { destination: stranger, amount: 1000, currency: 'usd', description: 'Split' };
    const disabled = await embedded(server, token, 'POST', '/transfers', request);
    expect(disabled).toMatchObject({ status: 400, body: { error: { code: 'transfers_not_allowed' } } });
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: true });
    const sent = await embedded(server, token, 'POST', '/transfers', request);
    expect(sent.status).toBe(200);
    expect(transferSchema.parse(sent.body)).toMatchObject({ amount: 1000, destination: stranger });
    expect(sent.body['source_account']).toBe(seller);
    const listed = await embedded(server, token, 'GET', '/transfers');
    const transfers = listSchema(transferSchema).parse(listed.body).data;
    // Out: the account-to-account transfer; in: the destination charge's transfer.
    expect(transfers.map((item) => [item.destination, item.source_transaction])).toEqual([
      [stranger, null],
      [seller, destinationCharge],
    ]);
    const unknown = await embedded(server, token, 'POST', '/transfers', { ...request, destination: 'acct_nobody' });
    expect(unknown).toMatchObject({ status: 400, body: { error: { param: 'destination' } } });
    // A page learns nothing of other accounts: an existing one that cannot receive answers as an
    // unknown id does, and a currency refusal names no country or currencies.
    const newcomer = await server.stripe.accounts.create({ type: 'custom', country: 'GB' });
    const inactive = await embedded(server, token, 'POST', '/transfers', { ...request, destination: newcomer.id });
    expect(inactive.body).toEqual({
      error: { ...(unknown.body['error'] as object), message: 'No account with this id can receive transfers.' },
    });
    expect(JSON.stringify(unknown.body)).not.toContain('acct_nobody');
    const euro = await embedded(server, token, 'POST', '/transfers', { ...request, currency: 'eur' });
    expect(euro).toMatchObject({ status: 400, body: { error: { code: 'currency_not_supported', param: 'currency' } } });
    expect(JSON.stringify(euro.body)).not.toMatch(/USD|\(US\)|settles/);
    const noFeature = await sessionToken(server, seller, { transfers_list: { enabled: true } });
    expect((await embedded(server, noFeature, 'POST', '/transfers', request)).status).toBe(403);
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: false });
  });

  it("shows the seller its own payments' metadata but not the platform's", async () => {
    const secret = { order: 'internal-7731', risk: 'manual-review' };
    const paid = { payment_method: 'pm_card_bypassPending', amount: 2500, metadata: secret };
    const platformCharge = (await charge(server, { ...paid, transfer_data: { destination: seller } }))
      .latest_charge as string;
    await server.stripe.refunds.create({ charge: platformCharge, amount: 100, metadata: secret });
    const sellersCharge = (await charge(server, paid, { stripeAccount: seller })).latest_charge as string;
    await charge(server, { payment_method: 'pm_card_bypassPending' }); // funds the platform's transfer
    const transfer = await server.stripe.transfers.create({
      amount: 300,
      currency: 'usd',
      destination: seller,
      metadata: secret,
    });
    await server.stripe.transfers.createReversal(transfer.id, { amount: 100, metadata: secret });
    const { data: charges } = listSchema(chargeSchema).parse(
      (await embedded(server, token, 'GET', '/charges?limit=100')).body,
    );
    expect(charges.find((item) => item.id === sellersCharge)?.metadata).toEqual(secret);
    expect(charges.find((item) => item.id === platformCharge)?.metadata).toEqual({});
    const detail = chargeSchema.parse((await embedded(server, token, 'GET', `/charges/${platformCharge}`)).body);
    expect([detail.metadata, detail.refunds?.data.map((refund) => refund.metadata)]).toEqual([{}, [{}]]);
    const transfers = await embedded(server, token, 'GET', '/transfers?limit=100');
    expect(JSON.stringify(transfers.body)).toContain(transfer.id);
    expect(JSON.stringify(transfers.body)).not.toContain('internal-7731');
    // The platform itself still reads its metadata.
    expect((await server.stripe.charges.retrieve(platformCharge)).metadata).toEqual(secret);
  });

  it('will not refund a payment whose funds the platform took back, at the platform’s expense', async () => {
    const clawedBack = await charge(server, {
      payment_method: 'pm_card_bypassPending',
      amount: 4000,
      transfer_data: { destination: seller },
    });
    const chargeId = clawedBack.latest_charge as string;
    const { transfer } = await server.stripe.charges.retrieve(chargeId);
    await server.stripe.transfers.createReversal(transfer as string, { amount: 3000 });
    const platformBefore = await balanceOf(server);
    const sellerBefore = await balanceOf(server, seller);
    const refused = await embedded(server, token, 'POST', '/refunds', { charge: chargeId });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'charge_not_refundable', param: 'amount' } } });
    // What the transfer still holds can be refunded from the account's share.
    const covered = await embedded(server, token, 'POST', '/refunds', { charge: chargeId, amount: 1000 });
    expect(covered.status).toBe(200);
    expect((await balanceOf(server, seller)).available).toBe(sellerBefore.available - 1000);
    expect((await balanceOf(server)).available).toBe(platformBefore.available);
  });
});
