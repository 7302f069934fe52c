import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Stripe from 'stripe';

export interface WebhookSecrets {
  platform: string;
  connect: string;
}

/**
 * The demo listens to its own webhooks, as a platform would: one endpoint for the platform's
 * events and one Connect endpoint for its sellers', each with its own path and signing secret.
 * Secrets are shown only at creation, so the demo keeps them in the data dir; when the endpoints
 * are gone (a new database), it makes new ones.
 */
export async function ensureWebhookEndpoints(
  stripe: Stripe,
  baseUrl: string,
  dataDir: string,
): Promise<WebhookSecrets> {
  const file = join(dataDir, 'demo-webhooks.json');
  const saved = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as {
    ids?: string[];
    secrets?: WebhookSecrets;
  };
  if (saved.ids && saved.secrets) {
    const found = await Promise.all(
      saved.ids.map((id) =>
        stripe.webhookEndpoints.retrieve(id).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (found.every(Boolean)) return saved.secrets;
  }
  const platform = await stripe.webhookEndpoints.create({
    url: `${baseUrl}/demo/api/webhooks/platform`,
    enabled_events: ['*'],
    description: 'Demo platform events',
  });
  const connect = await stripe.webhookEndpoints.create({
    url: `${baseUrl}/demo/api/webhooks/connect`,
    enabled_events: ['*'],
    connect: true,
    description: 'Demo sellers’ events',
  });
  const secrets = { platform: platform.secret ?? '', connect: connect.secret ?? '' };
  await writeFile(file, JSON.stringify({ ids: [platform.id, connect.id], secrets }), { mode: 0o600 });
  return secrets;
}
