-- The authorization expiry job looks for intents still waiting for capture; they are few among
-- all intents, so a partial index keeps its frequent look cheap however many intents exist.
CREATE INDEX payment_intents_requires_capture ON payment_intents (latest_charge) WHERE status = 'requires_capture';
