export {
  COUNTRY_SPECS,
  countrySpec,
  isSupportedCountry,
  SUPPORTED_COUNTRIES,
  supportedCountrySchema,
} from './countries';
export type { CountryCode } from './countries';
export {
  BANK_ACCOUNT_FORMATS,
  BUSINESS_TYPES,
  businessTypeSchema,
  CAPABILITIES,
  capabilitySchema,
  countrySpecSchema,
} from './country-spec';
export type {
  BankAccountFormat,
  BusinessRules,
  BusinessType,
  Capability,
  CountrySpec,
  FutureRules,
  IdentifierFormat,
} from './country-spec';
export { capabilityView, computeRequirements, emptyRequirements, followUpRequirement } from './engine';
export type { CapabilityDisabledReason, CapabilityView, PersonInput, RequirementsInput } from './engine';
export { providedPersonFields, providedRequirements } from './provided';
export type { AccountData, AddressData, CompanyData, DocumentData, PersonData } from './provided';
export {
  CAPABILITY_STATUSES,
  capabilityStatusesSchema,
  capabilityStatusSchema,
  DISABLED_REASONS,
  REJECT_REASONS,
  REQUIREMENT_ERROR_CODES,
  requirementAlternativeSchema,
  requirementErrorSchema,
  requirementsOutcomeSchema,
  requirementsSchema,
  verificationStateSchema,
} from './schema';
export type {
  CapabilityStatus,
  CapabilityStatuses,
  DisabledReason,
  RejectReason,
  RequirementAlternative,
  RequirementError,
  RequirementErrorCode,
  Requirements,
  RequirementsOutcome,
  VerificationState,
} from './schema';
export {
  collectionOptionsSchema,
  matchesRequirement,
  ONBOARDING_STEPS,
  onboardingSteps,
  requirementsToCollect,
  stepOfRequirement,
} from './steps';
export type { CollectionOptions, OnboardingStep, OnboardingStepName } from './steps';
