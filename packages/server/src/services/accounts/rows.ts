import type { CapabilityStatuses, Requirements, VerificationState } from '@atrium/core';
import { notFound } from '../../http/errors';
import type { Queryable } from '../../store/db';

/** A stored person's fields (an individual account's holder, or a company's person), without secrets. */
export interface StoredPerson {
  id: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  dob?: { day: number; month: number; year: number } | null;
  address?: Record<string, string>;
  id_number_provided?: boolean;
  ssn_last_4_provided?: boolean;
  verification?: {
    document?: { front?: string; back?: string };
    additional_document?: { front?: string; back?: string };
  };
}

export interface StoredCompany {
  name?: string;
  phone?: string;
  address?: Record<string, string>;
  structure?: string;
  tax_id_provided?: boolean;
  owners_provided?: boolean;
  directors_provided?: boolean;
  executives_provided?: boolean;
  verification?: { document?: { front?: string; back?: string } };
}

export interface PayoutScheduleSetting {
  interval: 'manual' | 'daily' | 'weekly' | 'monthly';
  delay_days: number;
  weekly_anchor?: string;
  monthly_anchor?: number;
}

export interface AccountSettings {
  payouts: {
    schedule: PayoutScheduleSetting;
    debit_negative_balances: boolean;
    statement_descriptor: string | null;
  };
  payments: { statement_descriptor: string | null };
}

export interface AccountRow {
  id: string;
  created_at: Date;
  type: 'custom' | 'express' | 'standard';
  country: string;
  default_currency: string;
  email: string | null;
  business_type: 'individual' | 'company' | 'non_profit' | null;
  requested_capabilities: string[];
  business_profile: Record<string, unknown>;
  individual: StoredPerson | null;
  company: StoredCompany | null;
  tos_acceptance: { date?: number; ip?: string; user_agent?: string };
  settings: AccountSettings;
  metadata: Record<string, string>;
  verification: Record<string, VerificationState>;
  requirements: Partial<Requirements>;
  future_requirements: Partial<Requirements>;
  capability_statuses: Partial<CapabilityStatuses>;
  listed: boolean;
  scheduled_verification: ScheduledVerification | null;
  verification_due_at: Date | null;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  rejected_reason: string | null;
  deleted: boolean;
}

/** Verification results decided at submission, applied when `verification_due_at` comes. */
export interface ScheduledVerification {
  account: Record<string, VerificationState>;
  persons: Record<string, Record<string, VerificationState>>;
  /** Holders (`individual`, a person's id) whose date of birth, as last submitted, is on the sanctions list. */
  listedBy: string[];
}

export interface PersonRow {
  id: string;
  account_id: string;
  created_at: Date;
  relationship: Record<string, unknown>;
  data: StoredPerson;
  verification: Record<string, VerificationState>;
  metadata: Record<string, string>;
}

export interface BankAccountRow {
  id: string;
  account_id: string;
  created_at: Date;
  country: string;
  currency: string;
  routing_number: string | null;
  last4: string;
  fingerprint: string;
  account_number_ciphertext: Uint8Array;
  account_holder_name: string | null;
  account_holder_type: 'individual' | 'company' | null;
  bank_name: string | null;
  default_for_currency: boolean;
  status: 'new' | 'validated' | 'verified' | 'verification_failed' | 'errored';
  instant_eligible: boolean;
  metadata: Record<string, string>;
}

const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,64}$/;

/** Loads a connected account, optionally locking its row for the rest of the transaction. */
export async function loadAccount(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<AccountRow> {
  if (!ACCOUNT_ID.test(id)) throw notFound('account', id);
  const [row] = await q.query<AccountRow>(
    `SELECT * FROM accounts WHERE id = $1 AND NOT deleted${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw notFound('account', id);
  return row;
}

export async function loadPersons(q: Queryable, accountId: string): Promise<PersonRow[]> {
  return q.query<PersonRow>('SELECT * FROM persons WHERE account_id = $1 AND NOT deleted ORDER BY seq', [accountId]);
}

export async function loadBankAccounts(q: Queryable, accountId: string): Promise<BankAccountRow[]> {
  return q.query<BankAccountRow>('SELECT * FROM external_accounts WHERE account_id = $1 AND NOT deleted ORDER BY seq', [
    accountId,
  ]);
}
