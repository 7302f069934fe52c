import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export type EndpointName = 'platform' | 'connect';

/** One webhook delivery as the receiver saw it. */
export interface Receipt {
  endpoint: EndpointName;
  eventId: string;
  receivedMs: number;
  /** The status the receiver answered. */
  answered: number;
  /** Whether `Stripe-Signature` verified with the endpoint's secret. */
  signed: boolean;
}

export interface Receiver {
  url(endpoint: EndpointName): string;
  /** The endpoints' signing secrets, known once they are created. */
  secrets: Partial<Record<EndpointName, string>>;
  receipts: Receipt[];
  close(): Promise<void>;
}

const verifier = new Stripe('sk_test_receiver');

/**
 * Whether the receiver fails the first delivery of an event (answers 500), so the BFF must retry
 * it: about one event in sixteen, chosen by its id so that the choice is stable.
 */
export function failsFirstDelivery(eventId: string): boolean {
  return (createHash('sha256').update(eventId).digest()[0] ?? 0) < 16;
}

/** A local webhook receiver that records every delivery and checks its signature. */
export async function startReceiver(): Promise<Receiver> {
  const receipts: Receipt[] = [];
  const secrets: Receiver['secrets'] = {};
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const endpoint: EndpointName = req.url === '/connect' ? 'connect' : 'platform';
      const payload = Buffer.concat(chunks).toString('utf8');
      const eventId = (JSON.parse(payload) as { id: string }).id;
      const first = !seen.has(`${endpoint}:${eventId}`);
      seen.add(`${endpoint}:${eventId}`);
      const answered = first && failsFirstDelivery(eventId) ? 500 : 200;
      receipts.push({
        endpoint,
        eventId,
        receivedMs: Date.now(),
        answered,
        signed: verify(payload, req, secrets[endpoint]),
      });
      res.writeHead(answered, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (endpoint) => `http://127.0.0.1:${port}/${endpoint}`,
    secrets,
    receipts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function verify(payload: string, req: { headers: Record<string, string | string[] | undefined> }, secret?: string) {
  const header = req.headers['stripe-signature'];
  if (secret === undefined || typeof header !== 'string') return false;
  try {
    verifier.webhooks.constructEvent(payload, header, secret);
    return true;
  } catch {
    return false;
  }
}
