import type { ComponentGrants } from '@atrium/core';
import { invalidRequest } from '../http/errors';
import { unixSeconds } from '../http/list';
import { randomBase62 } from '../ids';
import { hashSecret } from '../secrets';
import type { Queryable } from '../store/db';
import { createAccountSession } from './account-sessions';
import type { ComponentsParam } from './account-sessions';
import { loadAccount } from './accounts/rows';

export const ACCOUNT_LINK_TYPES = ['account_onboarding', 'account_update', 'payouts_portal'] as const;
export type AccountLinkType = (typeof ACCOUNT_LINK_TYPES)[number];

/** How long a link may wait to be opened (Stripe: a few minutes), and how long its page lasts. */
export const ACCOUNT_LINK_TTL_SECONDS = 5 * 60;
export const HOSTED_PAGE_TTL_SECONDS = 60 * 60;

/** The components (and features) each hosted page renders. */
const HOSTED_COMPONENTS: Record<AccountLinkType, ComponentsParam> = {
  account_onboarding: { account_onboarding: { enabled: true, features: { external_account_collection: true } } },
  account_update: { account_management: { enabled: true, features: { external_account_collection: true } } },
  payouts_portal: {
    payouts: {
      enabled: true,
      features: {
        external_account_collection: true,
        standard_payouts: true,
        instant_payouts: true,
        edit_payout_schedule: true,
      },
    },
    payouts_list: { enabled: true },
    payout_details: { enabled: true },
  },
};

export async function createAccountLink(
  q: Queryable,
  input: {
    accountId: string;
    type: AccountLinkType;
    refreshUrl: string;
    returnUrl: string;
    collectionOptions: object;
    publicUrl: string;
  },
) {
  const account = await loadAccount(q, input.accountId);
  // A rejected account cannot open a session, so its link would lead nowhere.
  if (account.rejected_reason !== null) {
    throw invalidRequest(
      `Account '${input.accountId}' was rejected; it cannot have an account link.`,
      'account',
      'account_invalid',
    );
  }
  const token = randomBase62(40);
  const [row] = await q.query<{ created_at: Date; expires_at: Date }>(
    `INSERT INTO account_links (token_hash, account_id, type, refresh_url, return_url, collection_options, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now(), now() + make_interval(secs => $7)) RETURNING created_at, expires_at`,
    [
      hashSecret(token),
      input.accountId,
      input.type,
      input.refreshUrl,
      input.returnUrl,
      JSON.stringify(input.collectionOptions),
      ACCOUNT_LINK_TTL_SECONDS,
    ],
  );
  if (!row) throw new Error('INSERT returned no row');
  return {
    object: 'account_link' as const,
    created: unixSeconds(row.created_at),
    expires_at: unixSeconds(row.expires_at),
    url: `${input.publicUrl}/connect/link/${token}`,
  };
}

export interface HostedPage {
  type: AccountLinkType;
  accountId: string;
  clientSecret: string;
  nonce: string;
  returnUrl: string;
  refreshUrl: string;
  collectionOptions: object;
  components: ComponentGrants;
}

/**
 * Opens a link, once: an unknown, used or expired link answers `{ok: false}` with where to send
 * the user (its `refresh_url`, when the link is known). Opening starts a hosted page with its own
 * account session.
 */
export async function openAccountLink(
  q: Queryable,
  token: string,
  sessionTtlSeconds: number,
): Promise<{ ok: true; page: HostedPage } | { ok: false; refreshUrl: string | undefined }> {
  const hash = hashSecret(token);
  const [link] = await q.query<{
    account_id: string;
    type: AccountLinkType;
    refresh_url: string;
    return_url: string;
    collection_options: object;
    fresh: boolean;
  }>(
    `UPDATE account_links SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL
      RETURNING account_id, type, refresh_url, return_url, collection_options, expires_at > now() AS fresh`,
    [hash],
  );
  if (!link) {
    const [known] = await q.query<{ refresh_url: string }>(
      'SELECT refresh_url FROM account_links WHERE token_hash = $1',
      [hash],
    );
    return { ok: false, refreshUrl: known?.refresh_url };
  }
  if (!link.fresh) return { ok: false, refreshUrl: link.refresh_url };
  const nonce = randomBase62(40);
  await q.query(
    `INSERT INTO hosted_pages (nonce_hash, account_id, type, created_at, expires_at)
     VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4))`,
    [hashSecret(nonce), link.account_id, link.type, HOSTED_PAGE_TTL_SECONDS],
  );
  const session = await createAccountSession(q, {
    accountId: link.account_id,
    components: HOSTED_COMPONENTS[link.type],
    ttlSeconds: sessionTtlSeconds,
  });
  return {
    ok: true,
    page: {
      type: link.type,
      accountId: link.account_id,
      clientSecret: session.client_secret,
      nonce,
      returnUrl: link.return_url,
      refreshUrl: link.refresh_url,
      collectionOptions: link.collection_options,
      components: session.components,
    },
  };
}

/** A fresh client secret for a hosted page whose session expired, while the page lasts. */
export async function renewHostedSecret(
  q: Queryable,
  nonce: string,
  sessionTtlSeconds: number,
): Promise<string | undefined> {
  const [page] = await q.query<{ account_id: string; type: AccountLinkType }>(
    'SELECT account_id, type FROM hosted_pages WHERE nonce_hash = $1 AND expires_at > now()',
    [hashSecret(nonce)],
  );
  if (!page) return undefined;
  const session = await createAccountSession(q, {
    accountId: page.account_id,
    components: HOSTED_COMPONENTS[page.type],
    ttlSeconds: sessionTtlSeconds,
  });
  return session.client_secret;
}
