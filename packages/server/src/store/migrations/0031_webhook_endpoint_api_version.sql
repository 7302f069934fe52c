-- Stripe's `api_version` of a webhook endpoint: the version it asked its events in when it was
-- created, null when it asked for none. The API decides which versions it serves (one, today); the
-- check only keeps the shape of a version name.
ALTER TABLE webhook_endpoints
  ADD COLUMN api_version text CHECK (api_version ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(\.[a-z]+)?$');
