import { z } from 'zod/mini';
import { CAPABILITIES } from './country-spec';

/** Stripe's `requirements.disabled_reason` values. */
export const DISABLED_REASONS = [
  'action_required.requested_capabilities',
  'listed',
  'other',
  'platform_paused',
  'rejected.fraud',
  'rejected.incomplete_verification',
  'rejected.listed',
  'rejected.other',
  'rejected.platform_fraud',
  'rejected.platform_other',
  'rejected.platform_terms_of_service',
  'rejected.terms_of_service',
  'requirements.past_due',
  'requirements.pending_verification',
  'under_review',
] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/** Why an account was rejected (`POST /v1/accounts/:id/reject` takes the first three). */
export const REJECT_REASONS = ['fraud', 'terms_of_service', 'other', 'listed'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * The `requirements.errors[].code` values Atrium produces: Stripe's codes for failed checks of
 * identity, address, age, tax id, website and documents.
 */
export const REQUIREMENT_ERROR_CODES = [
  'information_missing',
  'invalid_address_city_state_postal_code',
  'invalid_dob_age_under_minimum',
  'invalid_street_address',
  'invalid_tax_id',
  'invalid_tax_id_format',
  'invalid_tos_acceptance',
  'invalid_url_format',
  'invalid_url_website_inaccessible',
  'invalid_value_other',
  'verification_document_expired',
  'verification_document_failed_copy',
  'verification_document_failed_greyscale',
  'verification_document_failed_other',
  'verification_document_failed_test_mode',
  'verification_document_fraudulent',
  'verification_document_manipulated',
  'verification_document_not_readable',
  'verification_document_not_uploaded',
  'verification_failed_address_match',
  'verification_failed_document_match',
  'verification_failed_id_number_match',
  'verification_failed_keyed_identity',
  'verification_failed_keyed_match',
  'verification_failed_name_match',
  'verification_failed_other',
  'verification_failed_residential_address',
  'verification_failed_tax_id_match',
  'verification_failed_tax_id_not_issued',
] as const;
export type RequirementErrorCode = (typeof REQUIREMENT_ERROR_CODES)[number];

/**
 * Where the check of one provided requirement stands. The server stores it per requirement name
 * (`individual.id_number`, or per person field); a provided requirement without a state counts as
 * accepted.
 */
export const verificationStateSchema = z.discriminatedUnion('status', [
  // `recheck`: a new value of a requirement already verified is being checked; the account keeps
  // what it could do meanwhile (as on Stripe), and only a failed check takes it away.
  z.strictObject({ status: z.literal('pending'), recheck: z.optional(z.literal(true)) }),
  z.strictObject({ status: z.literal('verified') }),
  z.strictObject({
    status: z.literal('failed'),
    code: z.enum(REQUIREMENT_ERROR_CODES),
    reason: z.string().check(z.minLength(1)),
  }),
]);
export type VerificationState = z.infer<typeof verificationStateSchema>;

/** One entry of `requirements.errors`. */
export const requirementErrorSchema = z.object({
  requirement: z.string(),
  code: z.string(),
  reason: z.string(),
});
export type RequirementError = z.infer<typeof requirementErrorSchema>;

/** One entry of `requirements.alternatives`: providing all of `alternative_fields_due` resolves `original_fields_due`. */
export const requirementAlternativeSchema = z.object({
  alternative_fields_due: z.array(z.string()),
  original_fields_due: z.array(z.string()),
});
export type RequirementAlternative = z.infer<typeof requirementAlternativeSchema>;

/**
 * Stripe's `requirements` hash (and `future_requirements`, which has the same shape), shared by
 * the platform API, the embedded API and the onboarding component.
 */
export const requirementsSchema = z.object({
  alternatives: z.array(requirementAlternativeSchema),
  current_deadline: z.nullable(z.number().check(z.int())),
  currently_due: z.array(z.string()),
  disabled_reason: z.nullable(z.enum(DISABLED_REASONS)),
  errors: z.array(requirementErrorSchema),
  eventually_due: z.array(z.string()),
  past_due: z.array(z.string()),
  pending_verification: z.array(z.string()),
});
export type Requirements = z.infer<typeof requirementsSchema>;

/** A capability's status, as in Stripe's `capabilities` hash. */
export const CAPABILITY_STATUSES = ['active', 'inactive', 'pending'] as const;
export const capabilityStatusSchema = z.enum(CAPABILITY_STATUSES);
export type CapabilityStatus = z.infer<typeof capabilityStatusSchema>;

/** The requested capabilities with their statuses: `{ card_payments: 'active' }`. */
export const capabilityStatusesSchema = z.partialRecord(z.enum(CAPABILITIES), capabilityStatusSchema);
export type CapabilityStatuses = z.infer<typeof capabilityStatusesSchema>;

/** Everything the requirements engine derives for an account. */
export const requirementsOutcomeSchema = z.object({
  requirements: requirementsSchema,
  future_requirements: requirementsSchema,
  capabilities: capabilityStatusesSchema,
  charges_enabled: z.boolean(),
  payouts_enabled: z.boolean(),
  details_submitted: z.boolean(),
});
export type RequirementsOutcome = z.infer<typeof requirementsOutcomeSchema>;
