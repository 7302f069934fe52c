-- Platform-wide tables: API keys, the test clock, idempotency records and the event outbox.

-- Secret keys are stored as SHA-256 hashes; the plaintext is shown once, when it is made.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  key_hash text NOT NULL UNIQUE,
  livemode boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Test-mode time is real time plus this offset; the test clock only ever moves it forward.
CREATE TABLE test_clock (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  offset_seconds bigint NOT NULL DEFAULT 0 CHECK (offset_seconds >= 0)
);
INSERT INTO test_clock (singleton, offset_seconds) VALUES (true, 0);

-- One row per (scope, key) that completed. The row is written in the same transaction as the
-- effect it records, so a key either has its effect and its stored answer, or neither.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL,
  response_status integer NOT NULL CHECK (response_status BETWEEN 200 AND 599),
  response_body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key),
  CHECK (expires_at > created_at)
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);

-- The outbox: every state change writes its event in the same transaction.
CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'evt\_%'),
  type text NOT NULL,
  account_id text,
  livemode boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX events_account_seq ON events (account_id, seq);
CREATE INDEX events_type_seq ON events (type, seq);

-- The time every object is stamped with: real time in the transaction, plus the test clock.
CREATE FUNCTION atrium_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT now() + make_interval(secs => offset_seconds) FROM test_clock WHERE singleton
$$;
