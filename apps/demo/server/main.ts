import { runMain } from '@atrium/server';
import { mountDemo } from './demo';
import type { DemoState } from './demo';
import { seedDemo } from './seed';
import { ensureWebhookEndpoints } from './webhook-endpoint';

/*
 * The main job: Atrium and the demo marketplace on one port. The demo is a development setting,
 * so its webhook endpoints may point at this machine.
 */
const state: DemoState = { stripe: undefined, webhookSecrets: undefined, received: [] };
let dataDir = '.atrium';

await runMain({
  configure: (config) => {
    dataDir = config.dataDir;
    return { ...config, allowPrivateWebhookUrls: true };
  },
  extend: (app, context) => {
    mountDemo(app, state, context);
  },
  afterStart: async (running) => {
    if (!state.stripe) throw new Error('the demo was not mounted');
    state.webhookSecrets = await ensureWebhookEndpoints(state.stripe, running.baseUrl, dataDir);
    await seedDemo(state.stripe);
  },
  banner: (baseUrl) => [
    `  Demo:         ${baseUrl}/`,
    `  Seller:       ${baseUrl}/seller`,
    `  Admin:        ${baseUrl}/admin`,
    `  API docs:     ${baseUrl}/docs/api`,
  ],
});
