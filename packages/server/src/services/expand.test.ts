import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import { charge, createSeller, platform } from './money/testing';

describe('expanding connected accounts through the stripe SDK', () => {
  let server: TestServer;
  let seller: string;
  let other: string;
  let destinationCharge: Stripe.PaymentIntent;
  beforeAll(async () => {
    server = await startTestServer();
    seller = await createSeller(server);
    other = await createSeller(server);
    // A destination charge on behalf of the seller: its transfer leaves the seller money to send on.
    destinationCharge = await charge(server, {
      amount: 8000,
      payment_method: 'pm_card_bypassPending',
      on_behalf_of: seller,
      transfer_data: { destination: seller },
      application_fee_amount: 800,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("expands a charge's and a payment intent's accounts into the account GET /v1/accounts/:id shows", async () => {
    const account = await server.stripe.accounts.retrieve(seller);
    const expanded = await server.stripe.charges.retrieve(destinationCharge.latest_charge as string, {
      expand: ['on_behalf_of', 'destination', 'transfer_data.destination'],
    });
    expect(expanded.on_behalf_of).toEqual(account);
    expect((expanded as unknown as { destination: unknown }).destination).toEqual(account);
    // The hash around an expanded field keeps its other fields.
    expect(expanded.transfer_data).toEqual({ amount: null, destination: account });

    const intent = await server.stripe.paymentIntents.retrieve(destinationCharge.id, {
      expand: ['on_behalf_of', 'transfer_data.destination'],
    });
    expect([intent.on_behalf_of, intent.transfer_data?.destination]).toEqual([account, account]);
  });

  it('expands the destination of each transfer in a list, and the account of each application fee', async () => {
    const account = await server.stripe.accounts.retrieve(seller);
    const transfers = await server.stripe.transfers.list({ destination: seller, expand: ['data.destination'] });
    expect(transfers.data.length).toBeGreaterThan(0);
    for (const transfer of transfers.data) expect(transfer.destination).toEqual(account);
    const transferId = transfers.data[0]?.id ?? '';
    expect((await server.stripe.transfers.retrieve(transferId, { expand: ['destination'] })).destination).toEqual(
      account,
    );

    const chargeId = destinationCharge.latest_charge as string;
    const fees = await server.stripe.applicationFees.list({ charge: chargeId, expand: ['data.account'] });
    expect(fees.data.map((fee) => fee.account)).toEqual([account]);
    const fee = await server.stripe.applicationFees.retrieve(fees.data[0]?.id ?? '', { expand: ['account'] });
    expect(fee.account).toEqual(account);
  });

  it('lets a connected account expand only its own account: another account stays an id', async () => {
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: true });
    const transfer = await server.stripe.transfers.create(
      { amount: 500, currency: 'usd', destination: other, expand: ['destination', 'source_account'] },
      { stripeAccount: seller },
    );
    await platform(server, 'POST', '/platform_settings', { account_transfers_enabled: false });
    const sellerAccount = await server.stripe.accounts.retrieve(seller);
    const otherAccount = await server.stripe.accounts.retrieve(other);
    const sourceOf = (object: Stripe.Transfer) => (object as unknown as { source_account: unknown }).source_account;
    // The sender sees itself and the recipient's id.
    expect([transfer.destination, sourceOf(transfer)]).toEqual([other, sellerAccount]);

    const asRecipient = await server.stripe.transfers.list(
      { limit: 100, expand: ['data.destination', 'data.source_account'] },
      { stripeAccount: other },
    );
    const received = asRecipient.data.find((item) => item.id === transfer.id);
    expect(received && [received.destination, sourceOf(received)]).toEqual([otherAccount, seller]);

    const asPlatform = await server.stripe.transfers.retrieve(transfer.id, {
      expand: ['destination', 'source_account'],
    });
    expect([asPlatform.destination, sourceOf(asPlatform)]).toEqual([otherAccount, sellerAccount]);
  });

  it("expands a payout's bank account and that bank account's account for the account itself", async () => {
    const payout = await server.stripe.payouts.create(
      { amount: 100, currency: 'usd', expand: ['destination.account'] },
      { stripeAccount: seller },
    );
    const bank = payout.destination as Stripe.BankAccount;
    expect(bank.object).toBe('bank_account');
    expect(bank.account).toEqual(await server.stripe.accounts.retrieve(seller));
  });

  it('leaves the id of a deleted account, which GET /v1/accounts/:id no longer shows', async () => {
    const gone = await createSeller(server);
    // On behalf of the account without a transfer: its balance stays zero, so it can be deleted.
    const intent = await charge(server, { amount: 2000, on_behalf_of: gone });
    await server.stripe.accounts.del(gone);
    const expanded = await server.stripe.charges.retrieve(intent.latest_charge as string, {
      expand: ['on_behalf_of'],
    });
    expect(expanded.on_behalf_of).toBe(gone);
  });

  it('expands four levels, not counting the data. of a list, and refuses a fifth naming expand', async () => {
    const account = await server.stripe.accounts.retrieve(seller);
    const chargeId = destinationCharge.latest_charge as string;
    // A destination charge's transfer names the charge as its source, so the chain goes on.
    const listed = await server.stripe.charges.list({
      payment_intent: destinationCharge.id,
      expand: ['data.transfer.source_transaction.transfer.destination'],
    });
    const transfer = listed.data[0]?.transfer as Stripe.Transfer;
    const source = transfer.source_transaction as Stripe.Charge;
    expect(source.id).toBe(chargeId);
    expect((source.transfer as Stripe.Transfer).destination).toEqual(account);

    for (const [path, list] of [
      ['transfer.source_transaction.transfer.source_transaction.on_behalf_of', false],
      ['data.transfer.source_transaction.transfer.source_transaction.on_behalf_of', true],
    ] as const) {
      const error = await (
        list
          ? server.stripe.charges.list({ payment_intent: destinationCharge.id, expand: [path] })
          : server.stripe.charges.retrieve(chargeId, { expand: [path] })
      ).catch((caught: unknown) => caught);
      expect(error, path).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'expand' });
      expect((error as Error).message, path).toContain('cannot expand more than 4 levels of a property');
    }
  });

  it('refuses an unknown path, named as sent, even where the objects leave nothing to expand', async () => {
    const refusal = (path: string) => ({
      statusCode: 400,
      param: 'expand',
      message: `This property cannot be expanded (${path}).`,
    });
    // No charge belongs to the platform's own payment intent with no charge: the page is empty.
    const unconfirmed = await server.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const emptyPage = await server.stripe.charges
      .list({ payment_intent: unconfirmed.id, expand: ['data.nonsense'] })
      .catch((caught: unknown) => caught);
    expect(emptyPage).toMatchObject(refusal('data.nonsense'));
    // A charge on nobody's behalf: its on_behalf_of is null, yet what follows it is still checked.
    const plain = await charge(server, { amount: 1000 });
    const nullField = await server.stripe.charges
      .retrieve(plain.latest_charge as string, { expand: ['on_behalf_of.nonsense'] })
      .catch((caught: unknown) => caught);
    expect(nullField).toMatchObject(refusal('on_behalf_of.nonsense'));
  });

  it('refuses to expand a field of an account that Stripe does not expand, naming expand', async () => {
    const error = await server.stripe.transfers
      .list({ destination: seller, expand: ['data.destination.business_profile'] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'expand' });
  });
});
