import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresReachable } from '../store/testing';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';

const postgres = await isPostgresReachable();

/*
 * Concurrent requests with one idempotency key, over HTTP on real PostgreSQL (PGlite runs one
 * request at a time, so it cannot race). One takes effect; the others either see it running
 * (409) or replay its answer.
 */
// Without a PostgreSQL server this file has nothing to race on; store tests say so once.
describe.skipIf(!postgres)('one idempotency key sent many times at once on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(async () => {
    await server.close();
  });

  it('has one effect; every other answer is a 409 conflict or a replay of the same object', async () => {
    const send = () =>
      fetch(`${server.baseUrl}/v1/webhook_endpoints`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${server.secretKey}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Idempotency-Key': 'same-key-at-once',
        },
        body: 'url=https%3A%2F%2Fexample.com%2Fonce&enabled_events[0]=*',
      });
    const answers = await Promise.all(Array.from({ length: 12 }, send));
    const bodies = await Promise.all(
      answers.map(async (answer) => ({
        answer,
        body: (await answer.json()) as { id?: string; error?: { type: string } },
      })),
    );
    const created = bodies.filter(({ answer }) => answer.status === 200);
    const conflicts = bodies.filter(({ answer }) => answer.status === 409);
    expect(created.length + conflicts.length).toBe(answers.length);
    expect(new Set(created.map(({ body }) => body.id)).size).toBe(1);
    expect(created.filter(({ answer }) => answer.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    for (const { body } of conflicts) expect(body.error?.type).toBe('idempotency_error');
    const [row] = await server.db.query<{ n: number }>(
      `SELECT count(*)::bigint AS n FROM webhook_endpoints WHERE url = 'https://example.com/once'`,
    );
    expect(row?.n).toBe(1);
  });
});
