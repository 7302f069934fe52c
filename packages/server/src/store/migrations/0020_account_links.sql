-- Account links: short-lived, single-use URLs of pages Atrium hosts (onboarding, account update,
-- payouts portal) built from the same components, for platforms that do not embed them.
CREATE TABLE account_links (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  type text NOT NULL CHECK (type IN ('account_onboarding', 'account_update', 'payouts_portal')),
  refresh_url text NOT NULL,
  return_url text NOT NULL,
  collection_options jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK (expires_at > created_at)
);

-- A page opened from a link: it may mint fresh client secrets for its account while it lasts,
-- proving itself with a nonce only the page holds (stored hashed).
CREATE TABLE hosted_pages (
  nonce_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  type text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
