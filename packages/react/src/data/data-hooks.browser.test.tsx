import { AtriumApiError, AtriumNetworkError } from '@atrium/client';
import { balanceSchema, listSchema, payoutSchema } from '@atrium/core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../testing/atrium-test-provider';
import { createFakeClient } from '../testing/fake-client';
import { buildBalance } from '../testing/fixtures';
import { useAtriumAction } from './use-atrium-action';
import { useAtriumQuery } from './use-atrium-query';

function AvailableBalance() {
  const balance = useAtriumQuery('/balance', { schema: balanceSchema });
  if (balance.status === 'loading') return <p>Loading balance</p>;
  if (balance.status === 'error') return <p>Balance failed</p>;
  return <p>Available: {balance.data?.available[0]?.amount}</p>;
}

function PayoutCount() {
  const payouts = useAtriumQuery('/payouts', { query: { limit: 100 }, schema: listSchema(payoutSchema) });
  return <p>Payouts: {payouts.data?.data.length ?? '…'}</p>;
}

function Withdraw({ amount }: { amount: number }) {
  const withdraw = useAtriumAction(
    (client, input: { amount: number }, { signal, idempotencyKey }) =>
      client.post(
        '/payouts',
        { amount: input.amount, currency: 'usd' },
        { signal, idempotencyKey, schema: payoutSchema },
      ),
    { invalidates: ['payouts', 'balance'] },
  );
  return (
    <>
      <button type="button" onClick={() => void withdraw.run({ amount })}>
        Withdraw
      </button>
      <p>Action: {withdraw.status}</p>
    </>
  );
}

describe('useAtriumQuery in a real browser', () => {
  it('makes one request for every component that reads the same thing', async () => {
    const client = createFakeClient();
    await render(
      <AtriumTestProvider client={client}>
        <AvailableBalance />
        <AvailableBalance />
      </AtriumTestProvider>,
    );

    await expect.element(page.getByText('Available: 1234567').first()).toBeVisible();
    expect(client.requests.filter((request) => request.path === '/balance')).toHaveLength(1);
  });

  it('loads again when the window regains focus', async () => {
    let calls = 0;
    const client = createFakeClient({
      routes: {
        'GET /balance': () => {
          calls += 1;
          return buildBalance({ available: [{ amount: calls * 100, currency: 'usd' }] });
        },
      },
    });
    await render(
      <AtriumTestProvider client={client}>
        <AvailableBalance />
      </AtriumTestProvider>,
    );
    await expect.element(page.getByText('Available: 100')).toBeVisible();

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    window.dispatchEvent(new FocusEvent('focus'));

    await expect.element(page.getByText('Available: 200')).toBeVisible();
    expect(calls).toBe(2);
  });

  it('aborts its request when the component unmounts', async () => {
    const client = createFakeClient({ latencyMs: 10_000 });
    const screen = await render(
      <AtriumTestProvider client={client}>
        <AvailableBalance />
      </AtriumTestProvider>,
    );
    await expect.element(page.getByText('Loading balance')).toBeVisible();
    await vi.waitFor(() => expect(client.requests).toHaveLength(1));

    await screen.unmount();

    expect(client.requests[0]?.signal?.aborted).toBe(true);
  });

  it('shows the error state when the first load fails', async () => {
    const client = createFakeClient({
      routes: {
        'GET /balance': () => Promise.reject(new AtriumApiError({ status: 500, type: 'api_error', message: 'x' })),
      },
    });
    await render(
      <AtriumTestProvider client={client}>
        <AvailableBalance />
      </AtriumTestProvider>,
    );

    await expect.element(page.getByText('Balance failed')).toBeVisible();
  });
});

describe('useAtriumAction in a real browser', () => {
  it('refetches the queries it invalidates after it succeeds', async () => {
    const client = createFakeClient();
    await render(
      <AtriumTestProvider client={client}>
        <PayoutCount />
        <Withdraw amount={5_000} />
      </AtriumTestProvider>,
    );
    await expect.element(page.getByText('Payouts: 4')).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));

    await expect.element(page.getByText('Action: success')).toBeVisible();
    await expect.element(page.getByText('Payouts: 5')).toBeVisible();
  });

  it('reuses the idempotency key when the outcome of a try is unknown, and only then', async () => {
    const keys: (string | undefined)[] = [];
    const failures = [
      new AtriumNetworkError('offline'),
      undefined,
      new AtriumApiError({ status: 400, type: 'invalid_request_error', message: 'No.' }),
    ];
    let attempt = 0;
    const client = createFakeClient({
      routes: {
        'GET /payouts': () => ({ object: 'list', data: [], has_more: false, url: '/v1/payouts' }),
      },
    });
    const send = client.post.bind(client);
    vi.spyOn(client, 'post').mockImplementation(
      (path: string, body?: object, options?: { idempotencyKey?: string }) => {
        keys.push(options?.idempotencyKey);
        const failure = failures[attempt];
        attempt += 1;
        return failure === undefined ? send(path, body as Record<string, unknown>, options) : Promise.reject(failure);
      },
    );
    await render(
      <AtriumTestProvider client={client}>
        <Withdraw amount={5_000} />
      </AtriumTestProvider>,
    );

    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));
    await expect.element(page.getByText('Action: error')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));
    await expect.element(page.getByText('Action: success')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));
    await expect.element(page.getByText('Action: error')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));
    await expect.element(page.getByText('Action: success')).toBeVisible();

    expect(keys).toHaveLength(4);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).not.toBe(keys[2]);
  });
});
