import { emptyRequirements, followUpRequirement } from '@atrium/core';
import type { Requirements, VerificationState } from '@atrium/core';
import { unixSeconds } from '../../http/list';
import type { AccountRow, BankAccountRow, PersonRow, StoredCompany, StoredPerson } from './rows';

/**
 * Whether a failed check no longer counts because its follow-up (an identity document after a
 * failed id number, say) was given and has not failed, as the requirements engine rules.
 */
function resolvedByFollowUp(name: string, state: VerificationState, states: Record<string, VerificationState>) {
  if (state.status !== 'failed') return false;
  const followUp = followUpRequirement(`person.${name}`, state.code)?.slice('person.'.length);
  const next = followUp === undefined ? undefined : states[followUp];
  return next?.status === 'verified' || next?.status === 'pending';
}

/**
 * Stripe's person `verification` hash from the states of one person's checks: `verified` when
 * every check that still counts passed, `pending` while any runs, otherwise `unverified` with the
 * first failure. A failure its follow-up resolved does not count.
 */
function personVerification(person: StoredPerson, states: Record<string, VerificationState>) {
  const values = Object.entries(states)
    .filter(([name, state]) => !resolvedByFollowUp(name, state, states))
    .map(([, state]) => state);
  const failure = values.find((state) => state.status === 'failed');
  const status =
    values.length > 0 && values.every((state) => state.status === 'verified')
      ? 'verified'
      : values.some((state) => state.status === 'pending')
        ? 'pending'
        : 'unverified';
  const document = (side: { front?: string; back?: string } | undefined, name: string) => {
    const state = states[name];
    return {
      front: side?.front ?? null,
      back: side?.back ?? null,
      details: state?.status === 'failed' ? state.reason : null,
      details_code: state?.status === 'failed' ? state.code : null,
    };
  };
  return {
    status,
    details: failure?.status === 'failed' ? failure.reason : null,
    details_code: failure?.status === 'failed' ? failure.code : null,
    document: document(person.verification?.document, 'verification.document'),
    additional_document: document(person.verification?.additional_document, 'verification.additional_document'),
  };
}

function personFields(accountId: string, person: StoredPerson, states: Record<string, VerificationState>) {
  return {
    id: person.id,
    object: 'person' as const,
    account: accountId,
    first_name: person.first_name ?? null,
    last_name: person.last_name ?? null,
    email: person.email ?? null,
    phone: person.phone ?? null,
    dob: { day: person.dob?.day ?? null, month: person.dob?.month ?? null, year: person.dob?.year ?? null },
    address: {
      line1: person.address?.['line1'] ?? null,
      line2: person.address?.['line2'] ?? null,
      city: person.address?.['city'] ?? null,
      state: person.address?.['state'] ?? null,
      postal_code: person.address?.['postal_code'] ?? null,
      country: person.address?.['country'] ?? null,
    },
    id_number_provided: person.id_number_provided ?? false,
    ssn_last_4_provided: person.ssn_last_4_provided ?? false,
    verification: personVerification(person, states),
  };
}

/** Verification states of `individual.*` requirements, relative to the individual. */
function individualStates(verification: Record<string, VerificationState>): Record<string, VerificationState> {
  return Object.fromEntries(
    Object.entries(verification)
      .filter(([name]) => name.startsWith('individual.'))
      .map(([name, state]) => [name.slice('individual.'.length), state]),
  );
}

/** A person's own slice of the account's requirements (`person_x.first_name` → `first_name`). */
function personRequirements(requirements: Requirements, personId: string): Requirements {
  const prefix = `${personId}.`;
  const mine = (names: string[]) =>
    names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  return {
    ...requirements,
    currently_due: mine(requirements.currently_due),
    eventually_due: mine(requirements.eventually_due),
    past_due: mine(requirements.past_due),
    pending_verification: mine(requirements.pending_verification),
    errors: requirements.errors
      .filter((error) => error.requirement.startsWith(prefix))
      .map((error) => ({ ...error, requirement: error.requirement.slice(prefix.length) })),
    alternatives: [],
  };
}

/** The stored requirements hash; `{}` until the engine first ran. */
function requirementsOf(stored: Partial<Requirements>): Requirements {
  return Array.isArray(stored.currently_due) ? (stored as Requirements) : emptyRequirements();
}

export function personObject(row: PersonRow, account: AccountRow) {
  return {
    ...personFields(row.account_id, { ...row.data, id: row.id }, row.verification),
    created: unixSeconds(row.created_at),
    relationship: {
      representative: row.relationship['representative'] === true,
      owner: row.relationship['owner'] === true,
      director: row.relationship['director'] === true,
      executive: row.relationship['executive'] === true,
      title: (row.relationship['title'] as string | undefined) ?? null,
      percent_ownership: (row.relationship['percent_ownership'] as number | undefined) ?? null,
    },
    requirements: personRequirements(requirementsOf(account.requirements), row.id),
    metadata: row.metadata,
  };
}

export function bankAccountObject(row: BankAccountRow) {
  return {
    id: row.id,
    object: 'bank_account' as const,
    account: row.account_id,
    account_holder_name: row.account_holder_name,
    account_holder_type: row.account_holder_type,
    available_payout_methods: row.instant_eligible ? ['standard', 'instant'] : ['standard'],
    bank_name: row.bank_name,
    country: row.country,
    currency: row.currency,
    default_for_currency: row.default_for_currency,
    fingerprint: row.fingerprint,
    last4: row.last4,
    metadata: row.metadata,
    routing_number: row.routing_number,
    status: row.status,
  };
}

function companyObject(company: StoredCompany, verification: Record<string, VerificationState>) {
  const document = verification['company.verification.document'];
  return {
    name: company.name ?? null,
    phone: company.phone ?? null,
    structure: company.structure ?? null,
    address: {
      line1: company.address?.['line1'] ?? null,
      line2: company.address?.['line2'] ?? null,
      city: company.address?.['city'] ?? null,
      state: company.address?.['state'] ?? null,
      postal_code: company.address?.['postal_code'] ?? null,
      country: company.address?.['country'] ?? null,
    },
    tax_id_provided: company.tax_id_provided ?? false,
    owners_provided: company.owners_provided ?? false,
    directors_provided: company.directors_provided ?? false,
    executives_provided: company.executives_provided ?? false,
    verification: {
      document: {
        front: company.verification?.document?.front ?? null,
        back: company.verification?.document?.back ?? null,
        details: document?.status === 'failed' ? document.reason : null,
        details_code: document?.status === 'failed' ? document.code : null,
      },
    },
  };
}

/**
 * An individual account's person, as Stripe's `individual` (a Person): its fields, and its own
 * slice of the account's requirements (`individual.first_name` → `first_name`).
 */
function individualObject(row: AccountRow, individual: NonNullable<AccountRow['individual']>) {
  return {
    ...personFields(row.id, individual, individualStates(row.verification)),
    created: unixSeconds(row.created_at),
    future_requirements: personRequirements(requirementsOf(row.future_requirements), 'individual'),
    metadata: {},
    requirements: personRequirements(requirementsOf(row.requirements), 'individual'),
  };
}

/** Stripe's Account object. `bankAccounts` fill `external_accounts`, as Stripe includes them. */
export function accountObject(row: AccountRow, bankAccounts: readonly BankAccountRow[]) {
  const capabilities = Object.fromEntries(
    row.requested_capabilities.map((name) => [
      name,
      (row.capability_statuses as Record<string, string>)[name] ?? 'inactive',
    ]),
  );
  return {
    id: row.id,
    object: 'account' as const,
    business_profile: {
      name: null,
      url: null,
      mcc: null,
      product_description: null,
      support_email: null,
      support_phone: null,
      ...row.business_profile,
    },
    business_type: row.business_type,
    capabilities,
    charges_enabled: row.charges_enabled,
    company: row.company ? companyObject(row.company, row.verification) : undefined,
    country: row.country,
    created: unixSeconds(row.created_at),
    default_currency: row.default_currency,
    details_submitted: row.details_submitted,
    email: row.email,
    external_accounts: {
      object: 'list' as const,
      data: bankAccounts.map(bankAccountObject),
      has_more: false,
      total_count: bankAccounts.length,
      url: `/v1/accounts/${row.id}/external_accounts`,
    },
    future_requirements: requirementsOf(row.future_requirements),
    individual: row.individual ? individualObject(row, row.individual) : undefined,
    livemode: false,
    metadata: row.metadata,
    payouts_enabled: row.payouts_enabled,
    requirements: requirementsOf(row.requirements),
    settings: {
      payouts: row.settings.payouts,
      payments: row.settings.payments,
    },
    tos_acceptance: {
      date: row.tos_acceptance.date ?? null,
      ip: row.tos_acceptance.ip ?? null,
      user_agent: row.tos_acceptance.user_agent ?? null,
    },
    type: row.type,
  };
}

export type AccountObject = ReturnType<typeof accountObject>;
