export { addressSchema } from './common';
export { listSchema } from './list';
export type { ApiList } from './list';
export { API_ERROR_TYPES, apiErrorTypeSchema, errorBodySchema } from './error';
export type { ApiErrorType, ErrorBody } from './error';
export { balanceAmountSchema, balanceSchema } from './balance';
export type { Balance, BalanceAmount } from './balance';
export { BALANCE_TRANSACTION_TYPES, balanceTransactionSchema, feeDetailSchema } from './balance-transaction';
export type { BalanceTransaction, FeeDetail } from './balance-transaction';
export { BANK_ACCOUNT_STATUSES, bankAccountSchema } from './bank-account';
export type { BankAccount } from './bank-account';
export { REFUND_REASONS, REFUND_STATUSES, refundSchema } from './refund';
export type { Refund } from './refund';
export {
  CHARGE_STATUSES,
  billingDetailsSchema,
  chargeOutcomeSchema,
  chargeSchema,
  paymentMethodDetailsSchema,
} from './charge';
export type { Charge } from './charge';
export { PAYOUT_METHODS, PAYOUT_STATUSES, payoutSchema } from './payout';
export type { Payout } from './payout';
export { transferReversalSchema, transferSchema } from './transfer';
export type { Transfer, TransferReversal } from './transfer';
export { payoutQuoteSchema } from './payout-quote';
export type { PayoutQuote } from './payout-quote';
export { accountSchema, businessProfileSchema, companySchema, tosAcceptanceSchema } from './account';
export type { Account, BusinessProfile, Company } from './account';
export {
  dateOfBirthSchema,
  individualSchema,
  personSchema,
  personVerificationSchema,
  relationshipSchema,
  verificationDocumentSchema,
} from './person';
export type { Address, Individual, Person, Relationship, VerificationDocument } from './person';
