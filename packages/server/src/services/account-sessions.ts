import { COMPONENT_FEATURES, COMPONENT_NAMES, SESSION_ERROR_CODES } from '@atrium/core';
import type { ComponentGrants, ComponentName, EmbeddedSession } from '@atrium/core';
import { ApiError, invalidRequest, notFound } from '../http/errors';
import { newId, randomBase62 } from '../ids';
import { hashSecret } from '../secrets';
import { clockNow } from './clock';
import type { Queryable } from '../store/db';

export interface ComponentsParam {
  [name: string]: { enabled: boolean; features?: Record<string, boolean> | undefined } | undefined;
}

/**
 * Normalises the requested components: every known component appears, enabled or not, with every
 * feature it has set to true or false, as Stripe's AccountSession object shows them. Unknown
 * components or features are errors naming the parameter.
 */
export function normaliseComponents(requested: ComponentsParam): ComponentGrants {
  for (const [name, grant] of Object.entries(requested)) {
    if (!(name in COMPONENT_FEATURES)) {
      throw invalidRequest(`Unknown component '${name}'.`, `components[${name}]`, 'parameter_unknown');
    }
    const known: readonly string[] = COMPONENT_FEATURES[name as ComponentName];
    for (const feature of Object.keys(grant?.features ?? {})) {
      if (!known.includes(feature)) {
        throw invalidRequest(
          `Component '${name}' has no feature '${feature}'.`,
          `components[${name}][features][${feature}]`,
          'parameter_unknown',
        );
      }
    }
  }
  if (!Object.values(requested).some((grant) => grant?.enabled)) {
    throw invalidRequest('Enable at least one component.', 'components');
  }
  const grants: ComponentGrants = {};
  for (const name of COMPONENT_NAMES) {
    const grant = requested[name];
    grants[name] = {
      enabled: grant?.enabled ?? false,
      features: Object.fromEntries(
        COMPONENT_FEATURES[name].map((feature) => [feature, grant?.features?.[feature] ?? false]),
      ),
    };
  }
  return grants;
}

export async function createAccountSession(
  q: Queryable,
  input: { accountId: string; components: ComponentsParam; ttlSeconds: number },
) {
  const [account] = await q.query<{ id: string; rejected_reason: string | null }>(
    'SELECT id, rejected_reason FROM accounts WHERE id = $1 AND NOT deleted',
    [input.accountId],
  );
  if (!account) throw notFound('account', input.accountId, 'account');
  if (account.rejected_reason !== null) {
    throw invalidRequest(
      `Account '${input.accountId}' was rejected; it cannot open a session.`,
      'account',
      'account_invalid',
    );
  }
  const components = normaliseComponents(input.components);
  const id = newId('accs');
  const clientSecret = `${id}_secret_${randomBase62(32)}`;
  const [row] = await q.query<{ expires_at: number }>(
    `INSERT INTO account_sessions (id, account_id, secret_hash, components, created_at, expires_at)
     VALUES ($1, $2, $3, $4, now(), now() + make_interval(secs => $5))
     RETURNING extract(epoch FROM expires_at)::bigint AS expires_at`,
    [id, input.accountId, hashSecret(clientSecret), JSON.stringify(components), input.ttlSeconds],
  );
  return {
    object: 'account_session' as const,
    account: input.accountId,
    client_secret: clientSecret,
    expires_at: row?.expires_at ?? 0,
    livemode: false,
    components,
  };
}

/**
 * Exchanges a client secret for a session token, once. The secret is burnt by the same UPDATE that
 * checks it, so two claims of one secret cannot both succeed.
 */
export async function claimAccountSession(q: Queryable, clientSecret: string): Promise<EmbeddedSession> {
  const [session] = await q.query<{ id: string; account_id: string; components: ComponentGrants; expires_at: number }>(
    `UPDATE account_sessions s SET claimed_at = now()
       FROM accounts a
      WHERE s.secret_hash = $1 AND s.claimed_at IS NULL AND s.expires_at > now()
        AND a.id = s.account_id AND NOT a.deleted AND a.rejected_reason IS NULL
      RETURNING s.id, s.account_id, s.components, extract(epoch FROM s.expires_at)::bigint AS expires_at`,
    [hashSecret(clientSecret)],
  );
  if (!session) {
    throw new ApiError(401, 'authentication_error', 'The client secret is invalid, expired or already used.', {
      code: SESSION_ERROR_CODES.secretInvalid,
    });
  }
  const token = `ats_${randomBase62(40)}`;
  await q.query(
    `INSERT INTO embedded_sessions (token_hash, account_session_id, account_id, components, created_at, expires_at)
     VALUES ($1, $2, $3, $4, now(), to_timestamp($5))`,
    [hashSecret(token), session.id, session.account_id, JSON.stringify(session.components), session.expires_at],
  );
  return {
    object: 'embedded_session',
    token,
    expires_at: session.expires_at,
    account: session.account_id,
    components: session.components,
    livemode: false,
    now: await clockNow(q),
  };
}
