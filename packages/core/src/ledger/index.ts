export {
  BALANCE_KINDS,
  HOT_ACCOUNT_SHARDS,
  PLATFORM_AVAILABLE_SHARDS,
  SYSTEM_ACCOUNTS,
  connectedAccount,
  isConnectedAccountId,
  isLedgerOwner,
  isValidLedgerAccount,
  ledgerAccountKey,
  ledgerAccountPolicy,
  parseLedgerAccountKey,
  platformAccount,
  systemAccount,
} from './accounts';
export type {
  BalanceKind,
  ConnectedAccountId,
  LedgerAccountPolicy,
  LedgerAccountRef,
  LedgerOwner,
  SystemAccountName,
  SystemOwner,
} from './accounts';
export { LINE_TYPES, OPERATION_TYPES, isLineType, isOperationType, mayOverdraw } from './operations';
export type { LineType, OperationType } from './operations';
export { MAX_LINES_PER_ENTRY, SOURCE_ID_PATTERN, entryChanges, lineChangeMinor, validateEntry } from './entry';
export type { Direction, EntryCheck, EntryError, EntryErrorCode, JournalEntryDraft, LedgerLineDraft } from './entry';
export { applyEntries, mayEndNegative } from './balances';
export type { ApplyResult, InsufficientFunds } from './balances';
export {
  applicationFeeLines,
  destinationChargeEntry,
  directChargeEntry,
  processingFeeLines,
  separateChargeEntry,
} from './rules/charges';
export type { ApplicationFeeInput, ChargeInput, ConnectChargeInput } from './rules/charges';
export {
  applicationFeeRefundEntry,
  destinationChargeRefundEntry,
  directChargeRefundEntry,
  refundShares,
  separateChargeRefundEntry,
} from './rules/refunds';
export type { RefundInput, RefundPart } from './rules/refunds';
export { accountTransferEntry, transferEntry, transferReversalEntry } from './rules/transfers';
export type { TransferToReverse } from './rules/transfers';
export { releaseEntry, topupCanceledEntry, topupEntry, topupSettlementEntry } from './rules/balances';
export type { BalanceOwner } from './rules/balances';
export {
  instantPayoutFeeEntry,
  payoutCanceledEntry,
  payoutCreatedEntry,
  payoutFailedEntry,
  payoutPaidEntry,
} from './rules/payouts';
export type { PayoutInput } from './rules/payouts';
