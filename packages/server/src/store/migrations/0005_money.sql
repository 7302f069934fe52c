-- Money movement: payment intents and charges, application fees, refunds, transfers and their
-- reversals, top-ups, payouts, balance transactions, fund releases and platform settings. Each
-- object's money moves through ledger entries (0003); these tables hold the objects as the API
-- shows them. `account_id` NULL means the platform's own object. docs/money.md describes them.

-- Platform-wide settings that have no Stripe equivalent (`/v1/platform_settings`).
CREATE TABLE platform_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  -- Whether connected accounts may transfer to one another (Whop-style account-to-account).
  account_transfers_enabled boolean NOT NULL DEFAULT false,
  -- The currency the platform's balance is shown in before it holds any money.
  default_currency text NOT NULL DEFAULT 'usd' CHECK (default_currency ~ '^[a-z]{3}$'),
  -- Days before the platform's own share of a charge (and its instant payout fees) is available.
  payout_delay_days integer NOT NULL DEFAULT 2 CHECK (payout_delay_days BETWEEN 0 AND 30),
  -- Processing fees per currency: {"default": {"bps": 290, "fixed_minor": 30}, "by_currency": {...}}.
  processing_fees jsonb NOT NULL DEFAULT '{"default": {"bps": 290, "fixed_minor": 30}, "by_currency": {}}',
  -- Instant payout fee: {"bps": 100, "minimum_hundredths": 50} is 1%, at least 0.50 in the currency.
  instant_payout_fee jsonb NOT NULL DEFAULT '{"bps": 100, "minimum_hundredths": 50}'
);
INSERT INTO platform_settings (singleton) VALUES (true);

CREATE TABLE payment_intents (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'pi\_%'),
  -- The connected account a direct charge is made on; NULL for the platform's own.
  account_id text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  status text NOT NULL CHECK (status IN ('requires_payment_method', 'requires_confirmation', 'requires_action',
    'processing', 'requires_capture', 'canceled', 'succeeded')),
  capture_method text NOT NULL CHECK (capture_method IN ('automatic', 'automatic_async', 'manual')),
  payment_method text,
  description text,
  statement_descriptor text,
  receipt_email text,
  metadata jsonb NOT NULL DEFAULT '{}',
  application_fee_amount bigint CHECK (application_fee_amount >= 0 AND application_fee_amount <= amount),
  transfer_destination text REFERENCES accounts (id),
  transfer_amount bigint CHECK (transfer_amount > 0 AND transfer_amount <= amount),
  on_behalf_of text REFERENCES accounts (id),
  transfer_group text,
  amount_capturable bigint NOT NULL DEFAULT 0 CHECK (amount_capturable >= 0 AND amount_capturable <= amount),
  amount_received bigint NOT NULL DEFAULT 0 CHECK (amount_received >= 0 AND amount_received <= amount),
  latest_charge text,
  last_payment_error jsonb,
  canceled_at timestamptz,
  cancellation_reason text,
  -- A destination charge takes either an application fee or a transfer amount, as on Stripe.
  CHECK (application_fee_amount IS NULL OR transfer_amount IS NULL),
  CHECK (transfer_amount IS NULL OR transfer_destination IS NOT NULL),
  -- A direct charge is the connected account's own: it has no destination.
  CHECK (account_id IS NULL OR transfer_destination IS NULL)
);
CREATE INDEX payment_intents_account ON payment_intents (account_id, seq);

CREATE TABLE charges (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'ch\_%'),
  -- The connected account of a direct charge; NULL for destination and separate charges.
  account_id text REFERENCES accounts (id),
  payment_intent_id text NOT NULL REFERENCES payment_intents (id),
  created_at timestamptz NOT NULL,
  charge_type text NOT NULL CHECK (charge_type IN ('direct', 'destination', 'separate')),
  amount bigint NOT NULL CHECK (amount > 0),
  amount_captured bigint NOT NULL DEFAULT 0 CHECK (amount_captured >= 0 AND amount_captured <= amount),
  -- The sum of the charge's refunds: never more than was captured.
  amount_refunded bigint NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0 AND amount_refunded <= amount_captured),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  status text NOT NULL CHECK (status IN ('succeeded', 'pending', 'failed')),
  captured boolean NOT NULL DEFAULT false,
  paid boolean NOT NULL DEFAULT false,
  payment_method text NOT NULL,
  payment_method_details jsonb NOT NULL,
  failure_code text,
  failure_message text,
  outcome jsonb NOT NULL,
  -- Destination charges: the seller and, with transfer_data[amount], what it receives.
  destination text REFERENCES accounts (id),
  transfer_amount bigint CHECK (transfer_amount > 0),
  on_behalf_of text REFERENCES accounts (id),
  transfer_group text,
  transfer_id text,
  application_fee_id text,
  application_fee_amount bigint CHECK (application_fee_amount >= 0),
  -- The processor's fee on the captured amount, paid by whoever Stripe charges for the type.
  processing_fee bigint NOT NULL DEFAULT 0 CHECK (processing_fee >= 0 AND processing_fee <= amount),
  balance_transaction_id text,
  description text,
  statement_descriptor text,
  receipt_email text,
  metadata jsonb NOT NULL DEFAULT '{}',
  billing_details jsonb NOT NULL DEFAULT '{}',
  CHECK ((charge_type = 'direct') = (account_id IS NOT NULL)),
  CHECK ((charge_type = 'destination') = (destination IS NOT NULL)),
  CHECK (captured OR amount_captured = 0)
);
CREATE INDEX charges_account ON charges (account_id, seq);
CREATE INDEX charges_destination ON charges (destination, seq);
CREATE INDEX charges_payment_intent ON charges (payment_intent_id);
CREATE INDEX charges_transfer_group ON charges (transfer_group) WHERE transfer_group IS NOT NULL;

CREATE TABLE application_fees (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'fee\_%'),
  -- The connected account the fee was taken from.
  account_id text NOT NULL REFERENCES accounts (id),
  charge_id text NOT NULL UNIQUE REFERENCES charges (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  amount_refunded bigint NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0 AND amount_refunded <= amount),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  balance_transaction_id text
);
CREATE INDEX application_fees_account ON application_fees (account_id, seq);

CREATE TABLE application_fee_refunds (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'fr\_%'),
  fee_id text NOT NULL REFERENCES application_fees (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  balance_transaction_id text
);
CREATE INDEX application_fee_refunds_fee ON application_fee_refunds (fee_id, seq);

CREATE TABLE transfers (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'tr\_%'),
  -- The account the money leaves: NULL for the platform, a connected account for
  -- account-to-account transfers.
  source_account_id text REFERENCES accounts (id),
  destination_account_id text NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  amount_reversed bigint NOT NULL DEFAULT 0 CHECK (amount_reversed >= 0 AND amount_reversed <= amount),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  description text,
  metadata jsonb NOT NULL DEFAULT '{}',
  -- The charge that funds it: a destination charge's own transfer, or Stripe's source_transaction.
  source_transaction text REFERENCES charges (id),
  transfer_group text,
  balance_transaction_id text,
  CHECK (source_account_id IS DISTINCT FROM destination_account_id),
  CHECK (source_account_id IS NULL OR source_transaction IS NULL)
);
CREATE INDEX transfers_destination ON transfers (destination_account_id, seq);
CREATE INDEX transfers_source ON transfers (source_account_id, seq);
CREATE INDEX transfers_source_transaction ON transfers (source_transaction) WHERE source_transaction IS NOT NULL;

CREATE TABLE transfer_reversals (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'trr\_%'),
  transfer_id text NOT NULL REFERENCES transfers (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  -- The refund that reversed it (`reverse_transfer`), if one did.
  refund_id text,
  balance_transaction_id text
);
CREATE INDEX transfer_reversals_transfer ON transfer_reversals (transfer_id, seq);

CREATE TABLE refunds (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 're\_%'),
  account_id text REFERENCES accounts (id),
  charge_id text NOT NULL REFERENCES charges (id),
  payment_intent_id text NOT NULL REFERENCES payment_intents (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
  reason text CHECK (reason IN ('duplicate', 'fraudulent', 'requested_by_customer')),
  metadata jsonb NOT NULL DEFAULT '{}',
  transfer_reversal_id text REFERENCES transfer_reversals (id),
  fee_refund_id text REFERENCES application_fee_refunds (id),
  balance_transaction_id text
);
CREATE INDEX refunds_charge ON refunds (charge_id, seq);
CREATE INDEX refunds_account ON refunds (account_id, seq);

CREATE TABLE topups (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'tu\_%'),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled', 'reversed')),
  description text,
  statement_descriptor text,
  metadata jsonb NOT NULL DEFAULT '{}',
  -- When the simulated bank debit settles and the funds become available.
  settles_at timestamptz NOT NULL,
  balance_transaction_id text
);
CREATE INDEX topups_settling ON topups (settles_at) WHERE status = 'pending';

CREATE TABLE payouts (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'po\_%'),
  account_id text NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  -- What leaves the balance; the bank receives `amount - fee`.
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  status text NOT NULL CHECK (status IN ('pending', 'in_transit', 'paid', 'failed', 'canceled')),
  method text NOT NULL CHECK (method IN ('standard', 'instant')),
  destination text NOT NULL REFERENCES external_accounts (id),
  automatic boolean NOT NULL DEFAULT false,
  -- The instant payout fee, posted to the platform.
  fee bigint NOT NULL DEFAULT 0 CHECK (fee >= 0 AND fee < amount),
  arrival_date timestamptz NOT NULL,
  -- When the simulated rail moves the payout on: to in_transit, then to paid or failed.
  next_transition_at timestamptz,
  -- What the rail will do with it, decided from the bank account number when the payout is made
  -- (the only moment the number is opened): {"kind": "paid"} or {"kind": "failed", "code", "message"}.
  rail_outcome jsonb NOT NULL,
  failure_code text,
  failure_message text,
  description text,
  statement_descriptor text,
  metadata jsonb NOT NULL DEFAULT '{}',
  balance_transaction_id text,
  failure_balance_transaction_id text,
  CHECK ((status IN ('pending', 'in_transit')) = (next_transition_at IS NOT NULL))
);
CREATE INDEX payouts_account ON payouts (account_id, seq);
CREATE INDEX payouts_account_amount ON payouts (account_id, amount, seq);
CREATE INDEX payouts_account_created ON payouts (account_id, created_at, seq);
CREATE INDEX payouts_moving ON payouts (next_transition_at) WHERE next_transition_at IS NOT NULL;

-- Money that waits in an owner's pending balance until `available_on`: the net an operation left
-- there (a charge's share, a transfer tied to a pending charge, an instant payout fee). The
-- release job posts one release entry per row when it is due and marks the row and its balance
-- transactions available, once (the `released_at` guard). The net of a row always equals the sum
-- of the nets of its balance transactions.
CREATE TABLE fund_releases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- 'platform' or a connected account id; `account_id` is the same, NULL for the platform.
  owner text NOT NULL CHECK (owner = 'platform' OR owner ~ '^acct_[A-Za-z0-9]{1,64}$'),
  account_id text REFERENCES accounts (id),
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  net_minor bigint NOT NULL,
  source_id text NOT NULL,
  available_on timestamptz NOT NULL,
  released_at timestamptz,
  UNIQUE (owner, source_id),
  CHECK ((owner = 'platform') = (account_id IS NULL)),
  CHECK (account_id IS NULL OR account_id = owner)
);
CREATE INDEX fund_releases_due ON fund_releases (available_on) WHERE released_at IS NULL;
CREATE INDEX fund_releases_account_due ON fund_releases (account_id, available_on) WHERE released_at IS NULL;

-- Stripe's balance transactions: how each object moved one owner's balance, pending until its
-- release (or top-up settlement), then available.
CREATE TABLE balance_transactions (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'txn\_%'),
  account_id text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  amount bigint NOT NULL,
  fee bigint NOT NULL DEFAULT 0,
  net bigint NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
  type text NOT NULL CHECK (type IN ('charge', 'payment', 'application_fee', 'application_fee_refund', 'refund',
    'payment_refund', 'transfer', 'transfer_refund', 'topup', 'payout', 'payout_cancel', 'payout_failure')),
  reporting_category text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'available')),
  available_on timestamptz NOT NULL,
  source text NOT NULL,
  description text,
  fee_details jsonb NOT NULL DEFAULT '[]',
  -- The fund release that makes it available; NULL for transactions available at once and top-ups.
  release_id bigint REFERENCES fund_releases (id),
  -- The payout it was paid out in (Stripe's `payout` filter): the payout's own transactions, and
  -- for automatic payouts every available transaction the payout swept.
  payout_id text,
  CHECK (net = amount - fee),
  CHECK (status = 'available' OR release_id IS NOT NULL OR type = 'topup')
);
CREATE INDEX balance_transactions_account ON balance_transactions (account_id, seq);
CREATE INDEX balance_transactions_release ON balance_transactions (release_id) WHERE release_id IS NOT NULL;
CREATE INDEX balance_transactions_source ON balance_transactions (source);
CREATE INDEX balance_transactions_payout ON balance_transactions (payout_id) WHERE payout_id IS NOT NULL;
CREATE INDEX balance_transactions_unswept ON balance_transactions (account_id, currency)
  WHERE status = 'available' AND payout_id IS NULL;

-- Automatic payouts: the last UTC day each account's schedule was looked at, so the job acts once
-- per day and account however many instances run it. A row is added when money first reaches the
-- account.
CREATE TABLE payout_schedule_runs (
  account_id text PRIMARY KEY REFERENCES accounts (id),
  last_run_day timestamptz NOT NULL
);
CREATE INDEX payout_schedule_runs_day ON payout_schedule_runs (last_run_day);
