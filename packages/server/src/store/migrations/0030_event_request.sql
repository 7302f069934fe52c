-- Stripe's event `request`: the API request that caused the event and its idempotency key, both
-- null for an event a job caused (a payout paid, a top-up settled). Older events keep nulls.
ALTER TABLE events ADD COLUMN request_id text, ADD COLUMN idempotency_key text;
