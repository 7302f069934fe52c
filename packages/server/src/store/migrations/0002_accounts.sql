-- Connected accounts, their people, bank accounts and files, and the sessions that let a browser
-- act for one account. Objects are stored close to their Stripe shape (jsonb for nested hashes);
-- identity numbers, bank account numbers and documents are stored only encrypted.

CREATE TABLE accounts (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'acct\_%'),
  created_at timestamptz NOT NULL,
  livemode boolean NOT NULL DEFAULT false,
  type text NOT NULL CHECK (type IN ('custom', 'express', 'standard')),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  default_currency text NOT NULL CHECK (default_currency ~ '^[a-z]{3}$'),
  email text,
  business_type text CHECK (business_type IN ('individual', 'company', 'non_profit')),
  requested_capabilities text[] NOT NULL DEFAULT '{}',
  business_profile jsonb NOT NULL DEFAULT '{}',
  individual jsonb,
  company jsonb,
  tos_acceptance jsonb NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}',
  -- Verification outcomes per requirement name: {"individual.id_number": {"status": "verified"}}.
  verification jsonb NOT NULL DEFAULT '{}',
  -- The requirements engine's last answer, kept so reads and lists need no recomputation.
  requirements jsonb NOT NULL DEFAULT '{}',
  future_requirements jsonb NOT NULL DEFAULT '{}',
  capability_statuses jsonb NOT NULL DEFAULT '{}',
  charges_enabled boolean NOT NULL DEFAULT false,
  payouts_enabled boolean NOT NULL DEFAULT false,
  details_submitted boolean NOT NULL DEFAULT false,
  rejected_reason text,
  deleted boolean NOT NULL DEFAULT false
);

-- Encrypted sensitive values: identity numbers, tax ids. `field` is the requirement name, for
-- example `individual.id_number` or `person_abc.id_number`.
CREATE TABLE sensitive_values (
  owner_id text NOT NULL,
  field text NOT NULL,
  ciphertext bytea NOT NULL,
  last4 text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (owner_id, field)
);

CREATE TABLE persons (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'person\_%'),
  account_id text NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  relationship jsonb NOT NULL DEFAULT '{}',
  data jsonb NOT NULL DEFAULT '{}',
  verification jsonb NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}',
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX persons_account ON persons (account_id, seq);

CREATE TABLE external_accounts (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'ba\_%'),
  account_id text NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  country text NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  routing_number text,
  last4 text NOT NULL,
  fingerprint text NOT NULL,
  account_number_ciphertext bytea NOT NULL,
  account_holder_name text,
  account_holder_type text CHECK (account_holder_type IN ('individual', 'company')),
  bank_name text,
  default_for_currency boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'validated', 'verified', 'verification_failed', 'errored')),
  metadata jsonb NOT NULL DEFAULT '{}',
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX external_accounts_account ON external_accounts (account_id, seq);
-- At most one default bank account per account and currency.
CREATE UNIQUE INDEX external_accounts_one_default
  ON external_accounts (account_id, currency) WHERE default_for_currency AND NOT deleted;

CREATE TABLE files (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'file\_%'),
  account_id text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  purpose text NOT NULL,
  filename text,
  type text NOT NULL,
  size bigint NOT NULL CHECK (size > 0),
  content_ciphertext bytea NOT NULL
);

-- Created by the platform's server; the browser claims the secret once for a session token.
CREATE TABLE account_sessions (
  id text PRIMARY KEY CHECK (id LIKE 'accs\_%'),
  account_id text NOT NULL REFERENCES accounts (id),
  secret_hash text NOT NULL UNIQUE,
  components jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  claimed_at timestamptz,
  CHECK (expires_at > created_at)
);

CREATE TABLE embedded_sessions (
  token_hash text PRIMARY KEY,
  account_session_id text NOT NULL REFERENCES account_sessions (id),
  account_id text NOT NULL REFERENCES accounts (id),
  components jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX embedded_sessions_account ON embedded_sessions (account_id);
