import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express from 'express';
import type { Express } from 'express';
import Stripe from 'stripe';
import { demoApi } from './platform-api';
import type { ReceivedWebhook } from './platform-api';
import type { WebhookSecrets } from './webhook-endpoint';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** What the demo keeps between its mount and its start-up work. */
export interface DemoState {
  stripe: Stripe | undefined;
  webhookSecrets: WebhookSecrets | undefined;
  received: ReceivedWebhook[];
}

/** The official SDK pointed at this Atrium server, as the demo platform's server uses it. */
export function stripeFor(baseUrl: string, secretKey: string): Stripe {
  const url = new URL(baseUrl);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
  });
}

/**
 * Mounts the demo on the Atrium app: its platform server under `/demo/api`, its browser bundle,
 * and, for every other path, the page itself (the demo routes in the browser).
 */
export function mountDemo(app: Express, state: DemoState, context: { secretKey: string; baseUrl: string }): void {
  if (!existsSync(DIST)) {
    throw new Error('The demo has not been built: run `npm start` (it builds it first).');
  }
  state.stripe = stripeFor(context.baseUrl, context.secretKey);
  app.use(
    '/demo/api',
    demoApi({ stripe: state.stripe, webhookSecrets: () => state.webhookSecrets, received: state.received }),
  );
  // The demo's bundles, gzipped for the browsers that ask (all do).
  app.use(compression(), express.static(DIST, { index: false, maxAge: '1h' }));
  // A path with a file extension is a file, not one of the demo's routes: one that is not in the
  // build (a browser's `/favicon.ico`, an old bundle's name) is a 404, not the page.
  app.get('/{*splat}', (req, res, next) => {
    if (extname(req.path) !== '') {
      next();
      return;
    }
    res.sendFile('index.html', { root: DIST, maxAge: 0 });
  });
}
