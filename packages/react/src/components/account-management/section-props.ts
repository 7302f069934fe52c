import type { Account, Person } from '@atrium/core';

/** The sections of account management, as `onSectionOpen` names them. */
export type ManagementSection = 'business_details' | 'people' | 'bank_accounts';

/** What every section gets from AccountManagement. */
export interface SectionProps {
  account: Account;
  persons: readonly Person[];
  /** The user opened something of this section to edit. */
  onOpen: () => void;
}
