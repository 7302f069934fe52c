import type { ClaimedSession } from './client';

/**
 * Holds the one session every request shares. The first caller starts the claim and later callers
 * wait for the same one; a failed claim is forgotten so the next caller tries again.
 */
export class SessionKeeper {
  readonly #claim: () => Promise<ClaimedSession>;
  #pending: Promise<ClaimedSession> | undefined;
  #current: ClaimedSession | undefined;

  constructor(claim: () => Promise<ClaimedSession>) {
    this.#claim = claim;
  }

  /** The current session, claiming one first if there is none. */
  get(): Promise<ClaimedSession> {
    if (this.#pending !== undefined) return this.#pending;
    const pending = this.#claim().then(
      (session) => {
        this.#current = session;
        return session;
      },
      (error: unknown) => {
        if (this.#pending === pending) this.#pending = undefined;
        throw error;
      },
    );
    this.#pending = pending;
    return pending;
  }

  /**
   * Forgets `stale` after the BFF said it expired. Several requests may report the same stale
   * session; only the first forgets it, the rest then share the claim that replaces it.
   */
  expire(stale: ClaimedSession): void {
    if (this.#current !== stale) return;
    this.#current = undefined;
    this.#pending = undefined;
  }
}
