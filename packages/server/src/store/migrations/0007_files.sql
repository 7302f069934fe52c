-- Uploaded files are stored sealed; purpose says what they may be used for.
ALTER TABLE files ADD CONSTRAINT files_purpose CHECK (purpose IN ('identity_document', 'additional_verification', 'business_icon', 'account_requirement'));
ALTER TABLE files ADD CONSTRAINT files_type CHECK (type IN ('pdf', 'png', 'jpg'));
