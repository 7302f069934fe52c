import { SESSION_ERROR_CODES } from '@atrium/core';
import type { ComponentGrants } from '@atrium/core';
import type { Request } from 'express';
import { hashSecret } from '../secrets';
import type { Database } from '../store/db';
import type { EmbeddedAuth } from './auth';
import { ApiError } from './errors';

const TOKEN_PATTERN = /^ats_[A-Za-z0-9]{40}$/;

const sessionError = (message: string, code: string) =>
  new ApiError(401, 'authentication_error', message, { code, beforeRun: true });

/**
 * Authenticates a component API request by its session token. Only the token's hash is stored.
 * Expiry is measured in real time, not on the test clock: moving test time must not log anyone out.
 * A rejected account's sessions end with the rejection, also one claimed while it was committing
 * (rejecting revokes the sessions it sees; this check covers the rest).
 */
export function createEmbeddedAuthenticator(db: Database) {
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
    const [session] = await db.query<{ account_id: string; components: ComponentGrants; expired: boolean }>(
      `SELECT s.account_id, s.components,
              (s.expires_at <= now() OR s.revoked_at IS NOT NULL OR a.rejected_reason IS NOT NULL) AS expired
         FROM embedded_sessions s JOIN accounts a ON a.id = s.account_id AND NOT a.deleted
        WHERE s.token_hash = $1`,
      [hashSecret(token)],
    );
    if (!session) throw sessionError('The session token is not valid.', SESSION_ERROR_CODES.invalid);
    if (session.expired) {
      throw sessionError(
        'The session has expired; fetch a new client secret to continue.',
        SESSION_ERROR_CODES.expired,
      );
    }
    return { kind: 'embedded', accountId: session.account_id, components: session.components, livemode: false };
  };
}
