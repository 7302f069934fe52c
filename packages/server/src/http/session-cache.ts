import type { ComponentGrants } from '@atrium/core';
import type { Database } from '../store/db';

/** The channel migration 0028's triggers announce on when something may have ended a session. */
export const SESSION_CHANGES_CHANNEL = 'atrium_session_changes';

/** A session found valid in the database, as the cache keeps it. */
export interface KnownSession {
  accountId: string;
  components: ComponentGrants;
  /** When the session expires, in milliseconds since the epoch. */
  expiresAt: number;
}

export interface SessionCacheOptions {
  /** How many sessions are kept; the oldest is forgotten first. */
  maxEntries?: number;
  /**
   * How long a kept session is trusted before the database is asked again, in milliseconds. A
   * bound on what a notification lost without the connection noticing could cost.
   */
  maxAgeMs?: number;
  now?: () => number;
}

export interface SessionCache {
  /** The session kept for this token hash, if it is still to be trusted. */
  get(tokenHash: string): KnownSession | undefined;
  /**
   * Call before reading a session from the database; pass what it returns to `remember`. A session
   * read while something changed (or while notifications were not flowing) is not kept.
   */
  ticket(): number | undefined;
  remember(ticket: number | undefined, tokenHash: string, session: KnownSession): void;
  /** Whether notifications flow, so that sessions may be kept. */
  readonly live: boolean;
}

/**
 * Embedded sessions checked in the database, kept in memory so a component's request needs no
 * lookup of its token (one round trip of two for a balance read; bench/results/http.md).
 *
 * What a kept session is worth rests on migration 0028: whatever could end a session (revocation,
 * expiry moved, the account rejected or deleted) makes the database notify every instance when it
 * commits, and each forgets all it kept. Reads race with those commits, so each read takes a
 * ticket (a generation number) before it asks the database and is kept only if no notice arrived
 * meanwhile: a read that saw the old state either finishes before the notice (and is forgotten with
 * the rest) or after it (and is not kept). While the connection that receives notices is down,
 * nothing is kept; it forgets everything when lost. Expiry is checked on this server's clock, and
 * no session is trusted for longer than `maxAgeMs` without asking the database again.
 *
 * On PGlite the notice arrives before the change's statement returns; on PostgreSQL, a moment after
 * its commit, so another instance may accept a session for that moment (milliseconds).
 */
export function createSessionCache(db: Database, options: SessionCacheOptions = {}): SessionCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const now = options.now ?? Date.now;
  const kept = new Map<string, KnownSession & { keptAt: number }>();
  let generation = 0;
  let live = false;
  const forgetAll = () => {
    kept.clear();
    generation += 1;
  };
  db.listen(SESSION_CHANGES_CHANNEL, {
    notify: forgetAll,
    live(up) {
      forgetAll();
      live = up;
    },
  });

  return {
    get(tokenHash) {
      const session = kept.get(tokenHash);
      if (session === undefined) return undefined;
      const at = now();
      if (at >= session.expiresAt || at - session.keptAt >= maxAgeMs) {
        kept.delete(tokenHash);
        return undefined;
      }
      return session;
    },
    ticket: () => (live ? generation : undefined),
    remember(ticket, tokenHash, session) {
      if (!live || ticket !== generation) return;
      if (kept.size >= maxEntries) {
        const oldest = kept.keys().next();
        if (!oldest.done) kept.delete(oldest.value);
      }
      kept.set(tokenHash, { ...session, keptAt: now() });
    },
    get live() {
      return live;
    },
  };
}
