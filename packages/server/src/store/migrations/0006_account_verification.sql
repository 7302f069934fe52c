-- Test-mode verification runs as a job: what was submitted is checked when submitted, and the
-- results are applied when `verification_due_at` comes (on the test clock).
ALTER TABLE accounts ADD COLUMN scheduled_verification jsonb;
ALTER TABLE accounts ADD COLUMN verification_due_at timestamptz;
CREATE INDEX accounts_verification_due ON accounts (verification_due_at) WHERE verification_due_at IS NOT NULL;

-- Whether the bank behind a bank account takes instant payouts (decided when it is added, so
-- reads need not decrypt the number).
ALTER TABLE external_accounts ADD COLUMN instant_eligible boolean NOT NULL DEFAULT true;

-- Set when a person matched the (test-mode) sanctions list: the account is disabled for review.
ALTER TABLE accounts ADD COLUMN listed boolean NOT NULL DEFAULT false;
-- When the account's requirements can next change by time alone (a deadline passing).
ALTER TABLE accounts ADD COLUMN requirements_review_at timestamptz;
CREATE INDEX accounts_requirements_review ON accounts (requirements_review_at) WHERE requirements_review_at IS NOT NULL;
