import type { ComponentGrants } from '@atrium/core';
import type { Request } from 'express';
import { hashSecret } from '../secrets';
import type { Database } from '../store/db';
import { ApiError } from './errors';

export interface PlatformAuth {
  kind: 'platform';
  keyId: string;
  livemode: boolean;
  /** The connected account named in `Stripe-Account`, when the request acts on its behalf. */
  onBehalfOf: string | undefined;
}

export interface EmbeddedAuth {
  kind: 'embedded';
  accountId: string;
  components: ComponentGrants;
  livemode: boolean;
}

export type Auth = PlatformAuth | EmbeddedAuth;

const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,64}$/;

const authError = (message: string, code: string) =>
  new ApiError(401, 'authentication_error', message, { code, beforeRun: true });

/** Reads the secret key from `Authorization: Bearer sk_...` or HTTP Basic with the key as user name. */
export function secretKeyFrom(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value?.trim() || undefined;
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':', 1)[0] || undefined;
  }
  return undefined;
}

/**
 * Authenticates a platform request. Keys are looked up by hash; known hashes are cached in memory
 * because keys are never deleted, so a stale cache can only say "known" for a key that is.
 */
export function createPlatformAuthenticator(db: Database) {
  const known = new Map<string, { id: string; livemode: boolean }>();
  return async (req: Request): Promise<PlatformAuth> => {
    const key = secretKeyFrom(req);
    if (key === undefined) {
      throw authError(
        'You did not provide an API key. Provide it in the Authorization header, as in `Authorization: Bearer YOUR_SECRET_KEY`.',
        'api_key_missing',
      );
    }
    if (key.startsWith('sk_live_')) {
      throw authError(
        'Live mode needs a payment processor adapter, and none is configured on this Atrium server. Use a test key (sk_test_...).',
        'livemode_unavailable',
      );
    }
    const hash = hashSecret(key);
    let row = known.get(hash);
    if (!row) {
      const [found] = await db.query<{ id: string; livemode: boolean }>(
        'SELECT id, livemode FROM api_keys WHERE key_hash = $1',
        [hash],
      );
      if (!found) throw authError(`Invalid API Key provided: ${maskKey(key)}`, 'api_key_invalid');
      row = found;
      known.set(hash, row);
    }
    return { kind: 'platform', keyId: row.id, livemode: row.livemode, onBehalfOf: await connectedAccountFrom(db, req) };
  };
}

async function connectedAccountFrom(db: Database, req: Request): Promise<string | undefined> {
  const header = req.headers['stripe-account'];
  if (header === undefined) return undefined;
  const accountId = Array.isArray(header) ? header[0] : header;
  if (accountId === undefined || !ACCOUNT_ID.test(accountId)) {
    throw new ApiError(
      400,
      'invalid_request_error',
      'The Stripe-Account header must be a connected account id (acct_...).',
      {
        code: 'account_invalid',
        beforeRun: true,
      },
    );
  }
  const [account] = await db.query<{ id: string }>('SELECT id FROM accounts WHERE id = $1 AND NOT deleted', [
    accountId,
  ]);
  if (!account) {
    throw new ApiError(
      403,
      'permission_error',
      `The provided key does not have access to account '${accountId}' (or that account does not exist).`,
      { code: 'account_invalid', beforeRun: true },
    );
  }
  return accountId;
}

/** `sk_test_abc...xyz` → `sk_test_****xyz`: enough to recognise a key in an error, not to use it. */
export function maskKey(key: string): string {
  const prefix = key.startsWith('sk_test_') ? 'sk_test_' : key.slice(0, 3);
  return `${prefix}${'*'.repeat(4)}${key.slice(-4)}`;
}
