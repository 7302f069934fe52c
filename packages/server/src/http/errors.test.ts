import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { DatabaseUnavailableError } from '../store/unavailable';
import { requestContext } from './request-context';
import { ApiError, errorHandler } from './errors';

describe('the error handler', () => {
  const logs: Record<string, unknown>[] = [];
  let baseUrl: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const logger = createLogger({
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as never);
          done();
        },
      }),
    });
    const app = express();
    app.use(requestContext(logger));
    app.get('/outage', () => {
      const cause = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      throw new DatabaseUnavailableError(cause, 'unknown');
    });
    app.get('/refused', () => {
      throw new ApiError(400, 'invalid_request_error', 'Bad amount.', { code: 'parameter_invalid', param: 'amount' });
    });
    app.get('/bug', () => {
      throw new TypeError('Cannot read properties of undefined (reading "id")');
    });
    app.use(errorHandler(logger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
  });

  it('answers a database outage with 503, Retry-After and an api_error, and logs a warning without the stack', async () => {
    const response = await fetch(`${baseUrl}/outage`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('stripe-should-retry')).toBe('true');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { type: 'api_error', message: expect.stringContaining('same Idempotency-Key') as string },
    });
    expect(text).not.toMatch(/57P01|administrator|\n {4}at /);
    const warning = logs.find((line) => line['msg'] === 'database unavailable');
    expect(warning).toMatchObject({
      level: 40,
      reason: '57P01',
      outcome: 'unknown',
      requestId: response.headers.get('request-id'),
    });
    expect(JSON.stringify(warning)).not.toContain('stack');
  });

  it('answers an expected refusal with its own status and shape', async () => {
    const response = await fetch(`${baseUrl}/refused`);
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual({
      error: { type: 'invalid_request_error', message: 'Bad amount.', code: 'parameter_invalid', param: 'amount' },
    });
  });

  it('answers any other error with a generic 500 and keeps the details in the log', async () => {
    const response = await fetch(`${baseUrl}/bug`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { type: 'api_error' } });
    expect(text).not.toMatch(/Cannot read|TypeError|\n {4}at /);
    expect(logs.some((line) => line['msg'] === 'unhandled error')).toBe(true);
  });
});
