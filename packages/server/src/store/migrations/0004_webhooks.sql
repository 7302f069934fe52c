-- Webhook endpoints and one delivery row per (endpoint, event), created with the event itself.

CREATE TABLE webhook_endpoints (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (id LIKE 'we\_%'),
  created_at timestamptz NOT NULL,
  url text NOT NULL,
  enabled_events text[] NOT NULL CHECK (cardinality(enabled_events) > 0),
  -- Connect endpoints receive connected accounts' events; the others the platform's own.
  connect boolean NOT NULL DEFAULT false,
  description text,
  status text NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
  secret_ciphertext bytea NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE webhook_deliveries (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id),
  event_id text NOT NULL REFERENCES events (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  -- A claim: the instance delivering it holds it until then; a crash lets another take over.
  locked_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);
