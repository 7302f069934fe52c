-- An authorization canceled before capture releases the held amount, which Stripe shows as
-- refunded (`amount_refunded`, `refunded`) although no money moved and no refund exists. It is
-- kept apart from `amount_refunded`, which stays the sum of the charge's refunds.
ALTER TABLE charges ADD COLUMN amount_released bigint NOT NULL DEFAULT 0
  CHECK (amount_released >= 0 AND amount_captured + amount_released <= amount);
