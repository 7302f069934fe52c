import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createLogger, hashSecret, migrate, openDatabase } from '@atrium/server';
import type { Database } from '@atrium/server';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeFor } from './demo';
import { demoApi } from './platform-api';

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

describe('the demo platform’s admin API', () => {
  let db: Database;
  let atrium: { server: Server; url: string };
  let demo: { server: Server; url: string };
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrate(db);
    const secretKey = `sk_test_${randomBytes(16).toString('hex')}`;
    await db.query('INSERT INTO api_keys (id, key_hash, livemode) VALUES ($1, $2, false)', [
      'key_demotest',
      hashSecret(secretKey),
    ]);
    atrium = await listen(
      createApp({ db, logger: createLogger({ level: 'silent' }), version: 'test', encryptionKey: randomBytes(32) }),
    );
    const stripe = stripeFor(atrium.url, secretKey);
    const app = express();
    app.use('/demo/api', demoApi({ stripe, webhookSecrets: () => undefined, received: [] }));
    demo = await listen(app);
  });
  afterAll(async () => {
    for (const { server } of [demo, atrium]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await db.close();
  });

  const post = async (path: string, body: object) => {
    const response = await fetch(`${demo.url}/demo/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, { id: string }>;
  };

  it('lists the latest events of the platform and of its sellers, newest first', async () => {
    const { seller } = await post('/sellers', {
      name: 'Tick Tock',
      country: 'US',
      email: 'seller@example.com',
      businessType: 'individual',
    });
    await post('/admin/topups', { amount: 10_000, currency: 'usd' });
    const response = await fetch(`${demo.url}/demo/api/admin/events`);
    const { events } = (await response.json()) as {
      events: { id: string; type: string; account: string | null; created: number }[];
    };
    expect(events.some((event) => event.type === 'topup.created' && event.account === null)).toBe(true);
    expect(events.some((event) => event.account === seller?.id)).toBe(true);
    const created = events.map((event) => event.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });
});
