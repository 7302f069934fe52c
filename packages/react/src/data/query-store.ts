/** Where a query stands: no data yet, failed without data, or has data (maybe being refreshed). */
export type QueryStatus = 'loading' | 'error' | 'success';

export interface QueryState<T> {
  status: QueryStatus;
  data: T | undefined;
  /** The last failure; kept beside older data when a refresh fails, cleared by a success. */
  error: unknown;
  isFetching: boolean;
  updatedAtMs: number | undefined;
}

export type QueryLoader<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  state: QueryState<unknown>;
  listeners: Set<() => void>;
  loader: () => QueryLoader<unknown>;
  tags: readonly string[];
  controller: AbortController | undefined;
  inFlight: Promise<void> | undefined;
}

/** The state of a query nobody has started: what server rendering and the first render show. */
export const INITIAL_QUERY_STATE: QueryState<never> = Object.freeze({
  status: 'loading',
  data: undefined,
  error: undefined,
  isFetching: false,
  updatedAtMs: undefined,
});

/**
 * The provider's cache of component API reads, shared by every component under it: two
 * components reading the balance make one request, and an action invalidates what it changed
 * everywhere. A query lives while something subscribes to it; when the last subscriber leaves
 * (the component unmounts) its request is aborted and its data dropped.
 */
export class QueryStore {
  readonly #entries = new Map<string, Entry>();
  readonly #nowMs: () => number;

  constructor(nowMs: () => number = Date.now) {
    this.#nowMs = nowMs;
  }

  snapshot(key: string): QueryState<unknown> {
    return this.#entries.get(key)?.state ?? INITIAL_QUERY_STATE;
  }

  /**
   * Subscribes to a query and loads it if nobody has. `loader` is read when a fetch starts, so
   * it may change between renders without resubscribing. Returns the unsubscribe function.
   */
  subscribe(key: string, listener: () => void, loader: () => QueryLoader<unknown>, tags: readonly string[]) {
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      entry = {
        state: INITIAL_QUERY_STATE,
        listeners: new Set(),
        loader,
        tags,
        controller: undefined,
        inFlight: undefined,
      };
      this.#entries.set(key, entry);
    }
    entry.loader = loader;
    entry.listeners.add(listener);
    if (entry.inFlight === undefined && entry.state.status !== 'success') void this.#fetch(entry);
    const subscribed = entry;
    return () => {
      subscribed.listeners.delete(listener);
      if (subscribed.listeners.size > 0) return;
      subscribed.controller?.abort();
      if (this.#entries.get(key) === subscribed) this.#entries.delete(key);
    };
  }

  /** Loads a query again, replacing a request already under way. */
  refetch(key: string): Promise<void> {
    const entry = this.#entries.get(key);
    return entry === undefined ? Promise.resolve() : this.#fetch(entry);
  }

  /** Refetches every live query carrying one of the tags (all live queries when none are given). */
  async invalidate(tags?: readonly string[]): Promise<void> {
    const matching = [...this.#entries.values()].filter(
      (entry) => tags === undefined || entry.tags.some((tag) => tags.includes(tag)),
    );
    await Promise.all(matching.map((entry) => this.#fetch(entry)));
  }

  /** Refetches live queries older than `maxAgeMs` that are not loading already (used on focus). */
  refetchStale(maxAgeMs: number): void {
    const now = this.#nowMs();
    for (const entry of this.#entries.values()) {
      const age = now - (entry.state.updatedAtMs ?? 0);
      if (entry.inFlight === undefined && age >= maxAgeMs) void this.#fetch(entry);
    }
  }

  #fetch(entry: Entry): Promise<void> {
    entry.controller?.abort();
    const controller = new AbortController();
    entry.controller = controller;
    this.#set(entry, { ...entry.state, isFetching: true });
    const load = entry.loader();
    const run = Promise.resolve()
      .then(() => load(controller.signal))
      .then(
        (data) => {
          if (controller.signal.aborted) return;
          this.#set(entry, {
            status: 'success',
            data,
            error: undefined,
            isFetching: false,
            updatedAtMs: this.#nowMs(),
          });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const status = entry.state.status === 'success' ? 'success' : 'error';
          this.#set(entry, { ...entry.state, status, error, isFetching: false, updatedAtMs: this.#nowMs() });
        },
      )
      .finally(() => {
        if (entry.controller !== controller) return;
        entry.controller = undefined;
        entry.inFlight = undefined;
      });
    entry.inFlight = run;
    return run;
  }

  #set(entry: Entry, state: QueryState<unknown>): void {
    entry.state = state;
    for (const listener of entry.listeners) listener();
  }
}
