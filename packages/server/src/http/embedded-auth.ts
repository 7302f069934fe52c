import { SESSION_ERROR_CODES } from '@atrium/core';
import type { ComponentGrants } from '@atrium/core';
import type { Request } from 'express';
import { hashSecret } from '../secrets';
import type { Database } from '../store/db';
import type { EmbeddedAuth } from './auth';
import { ApiError } from './errors';
import type { SessionCache } from './session-cache';
import { createSessionCache } from './session-cache';

const TOKEN_PATTERN = /^ats_[A-Za-z0-9]{40}$/;

const sessionError = (message: string, code: string) =>
  new ApiError(401, 'authentication_error', message, { code, beforeRun: true });

/**
 * Authenticates a component API request by its session token. Only the token's hash is stored.
 * Expiry is measured in real time, not on the test clock: moving test time must not log anyone out.
 * A rejected account's sessions end with the rejection, also one claimed while it was committing
 * (rejecting revokes the sessions it sees; this check covers the rest). Valid sessions are kept in
 * memory until something could have ended them (`createSessionCache`).
 */
export function createEmbeddedAuthenticator(
  db: Database,
  cache: SessionCache = createSessionCache(db),
): (req: Request) => Promise<EmbeddedAuth> {
  return async (req: Request): Promise<EmbeddedAuth> => {
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ', 2);
    if (scheme?.toLowerCase() !== 'bearer' || token === undefined || token === '') {
      throw sessionError(
        'This request needs a session token: Authorization: Bearer <token>.',
        SESSION_ERROR_CODES.invalid,
      );
    }
    if (!TOKEN_PATTERN.test(token)) throw sessionError('The session token is not valid.', SESSION_ERROR_CODES.invalid);
    const tokenHash = hashSecret(token);
    const known = cache.get(tokenHash);
    if (known) return embeddedAuth(known.accountId, known.components);
    const ticket = cache.ticket();
    const [session] = await db.query<{
      account_id: string;
      components: ComponentGrants;
      expires_at: Date;
      expired: boolean;
    }>(
      `SELECT s.account_id, s.components, s.expires_at,
              (s.expires_at <= now() OR s.revoked_at IS NOT NULL OR a.rejected_reason IS NOT NULL) AS expired
         FROM embedded_sessions s JOIN accounts a ON a.id = s.account_id AND NOT a.deleted
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    if (!session) throw sessionError('The session token is not valid.', SESSION_ERROR_CODES.invalid);
    if (session.expired) {
      throw sessionError(
        'The session has expired; fetch a new client secret to continue.',
        SESSION_ERROR_CODES.expired,
      );
    }
    cache.remember(ticket, tokenHash, {
      accountId: session.account_id,
      components: session.components,
      expiresAt: session.expires_at.getTime(),
    });
    return embeddedAuth(session.account_id, session.components);
  };
}

const embeddedAuth = (accountId: string, components: ComponentGrants): EmbeddedAuth => ({
  kind: 'embedded',
  accountId,
  components,
  livemode: false,
});
