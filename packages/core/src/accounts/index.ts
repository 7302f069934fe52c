export { accountFieldsParamsSchema, accountFieldsShape } from './account-fields';
export type { AccountFieldsParams } from './account-fields';
export { addressParamsSchema, isPostalCode } from './address';
export type { AddressOptions, AddressParams } from './address';
export { bankAccountParamsSchema, checkBankNumbers, isAbaRoutingNumber } from './bank-account';
export type { BankAccountParams, BankNumbers, BankNumbersCheck } from './bank-account';
export { businessProfileParamsSchema } from './business-profile';
export type { BusinessProfileParams } from './business-profile';
export { COMPANY_STRUCTURES, companyParamsSchema } from './company';
export type { CompanyParams } from './company';
export type { FieldContext } from './context';
export { countryName, countryOptions, isCountryCode } from './country-names';
export { ageInYears, dobParamsSchema, EARLIEST_BIRTH_YEAR, isCalendarDate } from './dob';
export type { DateOfBirth, DobParams } from './dob';
export { idNumberParam, ssnLast4Param, taxIdParam } from './identity-numbers';
export {
  checkPersonFields,
  individualParamsSchema,
  personParamsSchema,
  personParamsShape,
  relationshipParamsSchema,
  verificationParamsSchema,
} from './individual';
export type { IndividualParams, PersonParams, RelationshipParams, VerificationParams } from './individual';
export { normalizePhone, phoneParam, TEST_PHONE_NUMBER } from './phone';
export { compactIdentifier, emailParam, fileIdParam, textParam, urlParam } from './text';
export { EARLIEST_TOS_ACCEPTANCE_SECONDS, tosAcceptanceParamsSchema } from './tos-acceptance';
export type { TosAcceptanceParams } from './tos-acceptance';
