-- An event's `pending_webhooks` and the events list's `delivery_success` filter look up an
-- event's deliveries; without this index each such lookup would read every delivery.
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id, status);
