export { ledgerAccountsOf, ledgerAccountsToOpen, openLedgerAccounts, openLedgerFor } from './accounts';
export type { OpenAccountsOptions } from './accounts';
export { LEDGER_ISOLATION, MAX_ENTRIES_PER_POSTING, postEntries, postEntry } from './post';
export type { PostEntriesResult, PostEntryResult, PostError, PostedEntry } from './post';
export { getBalance, getBalances, getLinesBySource } from './read';
export type { LedgerBalance, LedgerLine } from './read';
export { checkLedger, ledgerCounts } from './check';
export type { LedgerProblem, LedgerProblemCode } from './check';
