import { describe, expect, it } from 'vitest';
import { QueryStore } from './query-store';

/** A loader whose calls the test resolves or fails by hand. */
function controlledLoader<T>() {
  const calls: { signal: AbortSignal; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const loader = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { loader: () => loader, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('QueryStore', () => {
  it('loads once for every subscriber of a key and shares the data', async () => {
    const store = new QueryStore();
    const { loader, calls } = controlledLoader<string>();
    store.subscribe('GET /balance', () => undefined, loader, ['balance']);
    store.subscribe('GET /balance', () => undefined, loader, ['balance']);
    await settle();

    expect(calls).toHaveLength(1);
    expect(store.snapshot('GET /balance')).toMatchObject({ status: 'loading', isFetching: true });
    calls[0]?.resolve('100 USD');
    await settle();
    expect(store.snapshot('GET /balance')).toMatchObject({ status: 'success', data: '100 USD', isFetching: false });
  });

  it('aborts the request and forgets the data when the last subscriber leaves', async () => {
    const store = new QueryStore();
    const { loader, calls } = controlledLoader<string>();
    const first = store.subscribe('GET /payouts', () => undefined, loader, ['payouts']);
    const second = store.subscribe('GET /payouts', () => undefined, loader, ['payouts']);
    await settle();

    first();
    expect(calls[0]?.signal.aborted).toBe(false);
    second();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(store.snapshot('GET /payouts').status).toBe('loading');
  });

  it('tells subscribers when the state changes', async () => {
    const store = new QueryStore();
    const { loader, calls } = controlledLoader<number>();
    let notified = 0;
    store.subscribe('GET /balance', () => (notified += 1), loader, []);
    await settle();
    calls[0]?.resolve(1);
    await settle();

    expect(notified).toBe(2);
  });

  it('refetches only live queries with a matching tag on invalidate', async () => {
    const store = new QueryStore();
    const payouts = controlledLoader<string>();
    const charges = controlledLoader<string>();
    store.subscribe('GET /payouts', () => undefined, payouts.loader, ['payouts', 'balance']);
    store.subscribe('GET /charges', () => undefined, charges.loader, ['charges']);
    await settle();
    payouts.calls[0]?.resolve('p1');
    charges.calls[0]?.resolve('c1');
    await settle();

    const done = store.invalidate(['balance']);
    await settle();
    expect(payouts.calls).toHaveLength(2);
    expect(charges.calls).toHaveLength(1);
    expect(store.snapshot('GET /payouts')).toMatchObject({ status: 'success', data: 'p1', isFetching: true });
    payouts.calls[1]?.resolve('p2');
    await done;
    expect(store.snapshot('GET /payouts').data).toBe('p2');
  });

  it('keeps the older data beside the error when a refresh fails', async () => {
    const store = new QueryStore();
    const { loader, calls } = controlledLoader<string>();
    store.subscribe('GET /balance', () => undefined, loader, []);
    await settle();
    calls[0]?.resolve('old');
    await settle();

    const refetched = store.refetch('GET /balance');
    await settle();
    calls[1]?.reject(new Error('offline'));
    await refetched;

    expect(store.snapshot('GET /balance')).toMatchObject({ status: 'success', data: 'old' });
    expect(store.snapshot('GET /balance').error).toBeInstanceOf(Error);
  });

  it('reports an error status when the first load fails', async () => {
    const store = new QueryStore();
    const { loader, calls } = controlledLoader<string>();
    store.subscribe('GET /balance', () => undefined, loader, []);
    await settle();
    calls[0]?.reject(new Error('offline'));
    await settle();

    expect(store.snapshot('GET /balance')).toMatchObject({ status: 'error', data: undefined, isFetching: false });
  });

  it('ignores the answer of a request that a newer one replaced', async () => {
    const store = new QueryStore();
    const { loader, calls } = controlledLoader<string>();
    store.subscribe('GET /balance', () => undefined, loader, []);
    await settle();
    void store.refetch('GET /balance');
    await settle();

    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.resolve('stale');
    calls[1]?.resolve('fresh');
    await settle();
    expect(store.snapshot('GET /balance').data).toBe('fresh');
  });

  it('refetches on focus only what is older than the given age and not already loading', async () => {
    let now = 1_000;
    const store = new QueryStore(() => now);
    const fresh = controlledLoader<string>();
    const old = controlledLoader<string>();
    store.subscribe('old', () => undefined, old.loader, []);
    await settle();
    old.calls[0]?.resolve('a');
    await settle();
    now = 5_000;
    store.subscribe('fresh', () => undefined, fresh.loader, []);
    await settle();
    fresh.calls[0]?.resolve('b');
    await settle();

    now = 5_500;
    store.refetchStale(1_000);
    store.refetchStale(1_000);
    await settle();
    expect(old.calls).toHaveLength(2);
    expect(fresh.calls).toHaveLength(1);
  });
});
