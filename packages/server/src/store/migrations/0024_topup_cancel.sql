-- A pending top-up can be canceled (`POST /v1/topups/:id/cancel`) before its bank debit settles:
-- the ledger records it as its own operation, with lines of Stripe's `topup_reversal` type, and
-- the platform sees a `topup_reversal` balance transaction.
ALTER TYPE ledger_operation ADD VALUE 'topup_canceled' AFTER 'topup_settlement';
ALTER TYPE ledger_line_type ADD VALUE 'topup_reversal' AFTER 'topup';

ALTER TABLE balance_transactions DROP CONSTRAINT balance_transactions_type_check;
ALTER TABLE balance_transactions ADD CONSTRAINT balance_transactions_type_check CHECK (type IN ('charge', 'payment',
  'application_fee', 'application_fee_refund', 'refund', 'payment_refund', 'transfer', 'transfer_refund', 'topup',
  'topup_reversal', 'payout', 'payout_cancel', 'payout_failure'));
