import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import Stripe from 'stripe';
import { platformFeeMinor } from './catalog';
import { CONDITIONS, listingFromMetadata, listingMetadata, shopListings } from './listings';
import type { WebhookSecrets } from './webhook-endpoint';

/**
 * The demo platform's own server: what a marketplace would run beside Atrium, written with the
 * official `stripe` package pointed at Atrium. The browser talks to it for everything that needs
 * the secret key (creating sellers and their listings, account sessions, checkouts, admin actions).
 */

/**
 * Components a seller's dashboard may use, and with which features: the platform decides.
 * `transfers_list` is Atrium's own component (account-to-account transfers), unknown to the SDK's
 * types, hence the cast where the session is created.
 */
const SELLER_COMPONENTS: Record<string, { enabled: boolean; features?: Record<string, boolean> }> = {
  account_onboarding: { enabled: true, features: { external_account_collection: true } },
  account_management: { enabled: true, features: { external_account_collection: true } },
  notification_banner: { enabled: true, features: { external_account_collection: true } },
  balances: {
    enabled: true,
    features: {
      instant_payouts: true,
      standard_payouts: true,
      edit_payout_schedule: true,
      external_account_collection: true,
    },
  },
  payouts: {
    enabled: true,
    features: {
      instant_payouts: true,
      standard_payouts: true,
      edit_payout_schedule: true,
      external_account_collection: true,
    },
  },
  payouts_list: { enabled: true },
  payout_details: { enabled: true },
  payments: { enabled: true, features: { refund_management: true } },
  payment_details: { enabled: true, features: { refund_management: true } },
  transfers_list: { enabled: true, features: { transfer_balance: true } },
};

export interface ReceivedWebhook {
  id: string;
  type: string;
  account: string | null;
  receivedAt: number;
  verified: true;
}

export interface DemoApiOptions {
  stripe: Stripe;
  /** The signing secrets of the demo's own webhook endpoints, for verifying what it receives. */
  webhookSecrets: () => WebhookSecrets | undefined;
  received: ReceivedWebhook[];
}

const sellerView = (account: Stripe.Account) => ({
  id: account.id,
  name: account.metadata?.['display_name'] ?? account.business_profile?.name ?? account.id,
  key: account.metadata?.['demo_key'] ?? null,
  country: account.country,
  email: account.email,
  businessType: account.business_type,
  currency: account.default_currency,
  chargesEnabled: account.charges_enabled,
  payoutsEnabled: account.payouts_enabled,
  detailsSubmitted: account.details_submitted,
  currentlyDue: account.requirements?.currently_due ?? [],
  disabledReason: account.requirements?.disabled_reason ?? null,
  chargeType: account.metadata?.['demo_charge_type'] ?? 'destination',
  listing: listingFromMetadata(account.metadata),
});

async function allSellers(stripe: Stripe) {
  const sellers: ReturnType<typeof sellerView>[] = [];
  for await (const account of stripe.accounts.list({ limit: 100 })) {
    if (account.metadata?.['demo_role'] === 'seller') sellers.push(sellerView(account));
  }
  return sellers;
}

/**
 * The newest events the platform can see: its own, and each seller's, listed with the seller's
 * Stripe-Account header, because the platform's own list holds only the platform's events.
 */
async function latestEvents(stripe: Stripe, sellers: readonly { id: string }[], limit: number) {
  const lists = await Promise.all([
    stripe.events.list({ limit }),
    ...sellers.map((seller) => stripe.events.list({ limit }, { stripeAccount: seller.id })),
  ]);
  return lists
    .flatMap((list) => list.data)
    .sort((a, b) => b.created - a.created)
    .slice(0, limit);
}

function asyncRoute(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch(next);
  };
}

function stringField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value.trim() === '') throw new DemoInputError(`${name} is required`);
  return value.trim();
}

function integerField(body: unknown, name: string): number {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new DemoInputError(`${name} must be a positive whole number of minor units`);
  }
  return value;
}

class DemoInputError extends Error {}

export function demoApi(options: DemoApiOptions): Router {
  const { stripe } = options;
  const router = express.Router();

  router.post('/webhooks/:endpoint', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    const secrets = options.webhookSecrets();
    const secret = req.params['endpoint'] === 'connect' ? secrets?.connect : secrets?.platform;
    const signature = req.get('stripe-signature');
    if (!secret || !signature || !Buffer.isBuffer(req.body)) {
      res.status(400).json({ error: { message: 'unsigned webhook' } });
      return;
    }
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(req.body, signature, secret);
    } catch {
      res.status(400).json({ error: { message: 'the webhook signature does not verify' } });
      return;
    }
    options.received.unshift({
      id: event.id,
      type: event.type,
      account: event.account ?? null,
      receivedAt: Date.now(),
      verified: true,
    });
    options.received.length = Math.min(options.received.length, 200);
    res.json({ received: true });
  });

  router.use(express.json({ limit: '64kb' }));

  router.get(
    '/sellers',
    asyncRoute(async (_req, res) => {
      res.json({ sellers: await allSellers(stripe) });
    }),
  );

  router.post(
    '/sellers',
    asyncRoute(async (req, res) => {
      const name = stringField(req.body, 'name');
      const account = await stripe.accounts.create({
        type: 'custom',
        country: stringField(req.body, 'country'),
        email: stringField(req.body, 'email'),
        business_type: stringField(req.body, 'businessType'),
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        business_profile: { name, mcc: '5944', product_description: 'Pre-owned watches' },
        metadata: { demo_role: 'seller', display_name: name },
      });
      res.json({ seller: sellerView(account) });
    }),
  );

  router.post(
    '/sessions',
    asyncRoute(async (req, res) => {
      const session = await stripe.accountSessions.create({
        account: stringField(req.body, 'account'),
        components: SELLER_COMPONENTS,
      });
      res.json({ clientSecret: session.client_secret });
    }),
  );

  router.post(
    '/account_links',
    asyncRoute(async (req, res) => {
      const account = stringField(req.body, 'account');
      const type = stringField(req.body, 'type');
      const origin = `${req.protocol}://${req.get('host') ?? ''}`;
      const link = await stripe.accountLinks.create({
        account,
        type,
        // A link used or expired sends the seller here: the dashboard makes a new one of the same
        // type and goes on to it, as Stripe advises for refresh_url.
        refresh_url: `${origin}/seller/${account}?link=expired&type=${encodeURIComponent(type)}`,
        return_url: `${origin}/seller/${account}?link=done`,
      });
      res.json({ url: link.url });
    }),
  );

  router.get(
    '/listings',
    asyncRoute(async (_req, res) => {
      const listings = shopListings(await allSellers(stripe)).map(({ seller, ...listing }) => ({
        ...listing,
        sellerId: seller.id,
        sellerName: seller.name,
        sellerCountry: seller.country,
      }));
      res.json({ listings });
    }),
  );

  router.post(
    '/listings',
    asyncRoute(async (req, res) => {
      const account = await stripe.accounts.retrieve(stringField(req.body, 'account'));
      if (account.metadata?.['demo_role'] !== 'seller')
        throw new DemoInputError('account is not a seller of this shop');
      const condition = CONDITIONS.find((candidate) => candidate === stringField(req.body, 'condition'));
      if (!condition) throw new DemoInputError(`condition must be one of ${CONDITIONS.join(', ')}`);
      const listing = {
        brand: stringField(req.body, 'brand'),
        model: stringField(req.body, 'model'),
        year: integerField(req.body, 'year'),
        condition,
        priceMinor: integerField(req.body, 'priceMinor'),
      };
      const updated = await stripe.accounts.update(account.id, { metadata: listingMetadata(listing) });
      res.json({ seller: sellerView(updated) });
    }),
  );

  router.post(
    '/checkout',
    asyncRoute(async (req, res) => {
      const id = stringField(req.body, 'listing');
      const listing = shopListings(await allSellers(stripe)).find((candidate) => candidate.id === id);
      if (!listing) throw new DemoInputError('listing is not for sale');
      const { seller } = listing;
      const paymentMethod = stringField(req.body, 'paymentMethod');
      const fee = platformFeeMinor(listing.priceMinor);
      const common = {
        amount: listing.priceMinor,
        currency: listing.currency,
        payment_method: paymentMethod,
        confirm: true,
        description: `${listing.brand} ${listing.model}`,
        metadata: { listing: listing.id },
      };
      const intent =
        seller.chargeType === 'direct'
          ? await stripe.paymentIntents.create({ ...common, application_fee_amount: fee }, { stripeAccount: seller.id })
          : await stripe.paymentIntents.create({
              ...common,
              application_fee_amount: fee,
              transfer_data: { destination: seller.id },
            });
      res.json({
        paymentIntent: { id: intent.id, status: intent.status, amount: intent.amount, currency: intent.currency },
      });
    }),
  );

  router.get(
    '/admin/overview',
    asyncRoute(async (_req, res) => {
      const [sellers, balance, topups] = await Promise.all([
        allSellers(stripe),
        stripe.balance.retrieve(),
        stripe.topups.list({ status: 'pending', limit: 10 }),
      ]);
      res.json({
        sellers,
        balance,
        pendingTopups: topups.data.map((topup) => ({
          id: topup.id,
          amount: topup.amount,
          currency: topup.currency,
          expectedAvailabilityDate: topup.expected_availability_date,
        })),
      });
    }),
  );

  router.get(
    '/admin/events',
    asyncRoute(async (_req, res) => {
      const events = await latestEvents(stripe, await allSellers(stripe), 25);
      res.json({
        events: events.map((event) => ({
          id: event.id,
          type: event.type,
          account: event.account ?? null,
          created: event.created,
        })),
        deliveries: options.received.slice(0, 25),
      });
    }),
  );

  router.post(
    '/admin/topups',
    asyncRoute(async (req, res) => {
      const topup = await stripe.topups.create({
        amount: integerField(req.body, 'amount'),
        currency: stringField(req.body, 'currency'),
        description: 'Demo top-up',
      });
      res.json({ topup: { id: topup.id, status: topup.status, amount: topup.amount, currency: topup.currency } });
    }),
  );

  router.post(
    '/admin/topups/:id/cancel',
    asyncRoute(async (req, res) => {
      const topup = await stripe.topups.cancel(String(req.params['id']));
      res.json({ topup: { id: topup.id, status: topup.status, amount: topup.amount, currency: topup.currency } });
    }),
  );

  router.post(
    '/admin/transfers',
    asyncRoute(async (req, res) => {
      const transfer = await stripe.transfers.create({
        amount: integerField(req.body, 'amount'),
        currency: stringField(req.body, 'currency'),
        destination: stringField(req.body, 'destination'),
        description: 'Demo transfer from the platform',
      });
      res.json({ transfer: { id: transfer.id, amount: transfer.amount, currency: transfer.currency } });
    }),
  );

  router.post(
    '/admin/clock',
    asyncRoute(async (req, res) => {
      const days = integerField(req.body, 'days');
      // Atrium's test clock has no method in the SDK; rawRequest calls it with the same key.
      const clock = (await stripe.rawRequest('POST', '/v1/test_helpers/clock/advance', { seconds: days * 86_400 })) as {
        frozen_time?: number;
      };
      res.json({ frozenTime: clock.frozen_time ?? null });
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof DemoInputError) {
      res.status(400).json({ error: { message: error.message } });
      return;
    }
    if (error instanceof Stripe.errors.StripeError) {
      res
        .status(error.statusCode ?? 500)
        .json({ error: { message: error.message, param: error.param ?? null, code: error.code ?? null } });
      return;
    }
    next(error);
  });

  return router;
}
