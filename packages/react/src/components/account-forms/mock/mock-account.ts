import {
  accountSchema,
  bankAccountSchema,
  computeRequirements,
  countrySpec,
  personSchema,
  providedPersonFields,
  providedRequirements,
} from '@atrium/core';
import type {
  Account,
  AddressData,
  BankAccount,
  BusinessType,
  Capability,
  CompanyData,
  CountryCode,
  Person,
  PersonData,
  RejectReason,
  VerificationState,
} from '@atrium/core';
import { FIXTURE_NOW_SECONDS } from '../../../testing/fixtures';

/*
 * A connected account held in memory for stories and tests, with the server's rules where they
 * matter to the components: requirements come from the real requirements engine, and the objects
 * are checked against the shared contracts, so the mock cannot drift from what the BFF answers.
 */

/** A stored person: what was given (identity numbers only as `*_provided` flags) and its checks. */
export interface MockPerson {
  id: string;
  created: number;
  relationship: Person['relationship'];
  data: PersonData;
  /** Verification states by field, relative to the person (`dob.day`). */
  verification: Record<string, VerificationState>;
}

export interface MockAccountState {
  id: string;
  country: CountryCode;
  businessType: BusinessType | null;
  capabilities: Capability[];
  createdSeconds: number;
  nowSeconds: number;
  email: string | null;
  businessProfile: Partial<Account['business_profile']>;
  individual: (PersonData & { id: string }) | null;
  company: CompanyData | null;
  tosAcceptance: Account['tos_acceptance'] | null;
  bankAccounts: BankAccount[];
  persons: MockPerson[];
  /** Account-level verification states by requirement name (`individual.ssn_last_4`). */
  verification: Record<string, VerificationState>;
  /** Set when the platform rejected the account. */
  rejectedReason: RejectReason | null;
}

export const MOCK_ACCOUNT_ID = 'acct_1AtriumTestAccount00';

/** A fresh account: nothing given yet, both capabilities requested. */
export function mockAccountState(overrides: Partial<MockAccountState> = {}): MockAccountState {
  return {
    id: MOCK_ACCOUNT_ID,
    country: 'US',
    businessType: null,
    capabilities: ['card_payments', 'transfers'],
    createdSeconds: FIXTURE_NOW_SECONDS - 3_600,
    nowSeconds: FIXTURE_NOW_SECONDS,
    email: null,
    businessProfile: {},
    individual: null,
    company: null,
    tosAcceptance: null,
    bankAccounts: [],
    persons: [],
    verification: {},
    rejectedReason: null,
    ...overrides,
  };
}

function requirementsOutcome(state: MockAccountState) {
  return computeRequirements({
    country: state.country,
    businessType: state.businessType,
    capabilities: state.capabilities,
    provided: providedRequirements({
      business_type: state.businessType,
      business_profile: state.businessProfile,
      individual: state.individual,
      company: state.company,
      tos_acceptance: state.tosAcceptance,
      external_accounts: state.bankAccounts,
      persons: state.persons.map((person) => ({ ...person.data, relationship: person.relationship })),
    }),
    verification: state.verification,
    persons: state.persons.map((person) => ({
      id: person.id,
      relationship: person.relationship,
      provided: providedPersonFields({ ...person.data, relationship: person.relationship }),
      verification: person.verification,
    })),
    rejectedReason: state.rejectedReason,
    createdSeconds: state.createdSeconds,
    nowSeconds: state.nowSeconds,
  });
}

function address(data: AddressData | null | undefined) {
  return {
    line1: data?.line1 ?? null,
    line2: data?.line2 ?? null,
    city: data?.city ?? null,
    state: data?.state ?? null,
    postal_code: data?.postal_code ?? null,
    country: data?.country ?? null,
  };
}

function documentOf(side: { front?: string | null } | null | undefined, state: VerificationState | undefined) {
  return {
    front: side?.front ?? null,
    back: null,
    details: state?.status === 'failed' ? state.reason : null,
    details_code: state?.status === 'failed' ? state.code : null,
  };
}

/** Stripe's person fields, as the BFF's serializer writes them. */
function personFields(accountId: string, id: string, data: PersonData, states: Record<string, VerificationState>) {
  const values = Object.values(states);
  const failure = values.find((state) => state.status === 'failed');
  const status =
    values.length > 0 && values.every((state) => state.status === 'verified')
      ? 'verified'
      : values.some((state) => state.status === 'pending')
        ? 'pending'
        : 'unverified';
  return {
    id,
    object: 'person' as const,
    account: accountId,
    first_name: data.first_name ?? null,
    last_name: data.last_name ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    dob: { day: data.dob?.day ?? null, month: data.dob?.month ?? null, year: data.dob?.year ?? null },
    address: address(data.address),
    id_number_provided: data.id_number_provided === true,
    ssn_last_4_provided: data.ssn_last_4_provided === true,
    verification: {
      status,
      details: failure?.status === 'failed' ? failure.reason : null,
      details_code: failure?.status === 'failed' ? failure.code : null,
      document: documentOf(data.verification?.document, states['verification.document']),
      additional_document: documentOf(
        data.verification?.additional_document,
        states['verification.additional_document'],
      ),
    },
  };
}

function withPrefix(states: Record<string, VerificationState>, prefix: string) {
  return Object.fromEntries(
    Object.entries(states)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, state]) => [name.slice(prefix.length), state]),
  );
}

function companyObject(company: CompanyData, states: Record<string, VerificationState>) {
  return {
    name: company.name ?? null,
    phone: company.phone ?? null,
    structure: company.structure ?? null,
    address: address(company.address),
    tax_id_provided: company.tax_id_provided === true,
    owners_provided: company.owners_provided === true,
    directors_provided: company.directors_provided === true,
    executives_provided: company.executives_provided === true,
    verification: {
      document: documentOf(company.verification?.document, states['company.verification.document']),
    },
  };
}

/** The Account object the BFF would answer for this state, checked against the contract. */
export function accountObject(state: MockAccountState): Account {
  const outcome = requirementsOutcome(state);
  const spec = countrySpec(state.country);
  return accountSchema.parse({
    id: state.id,
    object: 'account',
    business_profile: {
      name: null,
      url: null,
      mcc: null,
      product_description: null,
      support_email: null,
      support_phone: null,
      ...state.businessProfile,
    },
    business_type: state.businessType,
    capabilities: outcome.capabilities,
    charges_enabled: outcome.charges_enabled,
    company: state.company ? companyObject(state.company, state.verification) : undefined,
    country: state.country,
    created: state.createdSeconds,
    default_currency: spec.defaultCurrency,
    details_submitted: outcome.details_submitted,
    email: state.email,
    external_accounts: {
      object: 'list',
      data: state.bankAccounts,
      has_more: false,
      total_count: state.bankAccounts.length,
      url: `/v1/accounts/${state.id}/external_accounts`,
    },
    future_requirements: outcome.future_requirements,
    individual: state.individual
      ? personFields(state.id, state.individual.id, state.individual, withPrefix(state.verification, 'individual.'))
      : undefined,
    livemode: false,
    metadata: {},
    payouts_enabled: outcome.payouts_enabled,
    requirements: outcome.requirements,
    settings: {
      payouts: {
        schedule: { interval: 'daily', delay_days: spec.payoutDelayDays },
        debit_negative_balances: true,
        statement_descriptor: null,
      },
      payments: { statement_descriptor: null },
    },
    tos_acceptance: state.tosAcceptance ?? { date: null, ip: null, user_agent: null },
    type: 'custom',
  });
}

/** A company's person as the BFF answers it, with its slice of the account's requirements. */
export function personObject(state: MockAccountState, person: MockPerson): Person {
  const requirements = accountObject(state).requirements;
  const prefix = `${person.id}.`;
  const mine = (names: string[]) =>
    names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  return personSchema.parse({
    ...personFields(state.id, person.id, person.data, person.verification),
    created: person.created,
    relationship: person.relationship,
    requirements: {
      ...requirements,
      currently_due: mine(requirements.currently_due),
      eventually_due: mine(requirements.eventually_due),
      past_due: mine(requirements.past_due),
      pending_verification: mine(requirements.pending_verification),
      errors: requirements.errors
        .filter((error) => error.requirement.startsWith(prefix))
        .map((error) => ({ ...error, requirement: error.requirement.slice(prefix.length) })),
      alternatives: [],
    },
    metadata: {},
  });
}

/** A bank account as the BFF answers it. */
export function mockBankAccount(overrides: Partial<BankAccount> = {}): BankAccount {
  return bankAccountSchema.parse({
    id: 'ba_1MockBankAccount0000000',
    object: 'bank_account',
    account: MOCK_ACCOUNT_ID,
    account_holder_name: null,
    account_holder_type: null,
    available_payout_methods: ['standard'],
    bank_name: 'STRIPE TEST BANK',
    country: 'US',
    currency: 'usd',
    default_for_currency: true,
    fingerprint: 'kMockFingerprint',
    last4: '6789',
    metadata: {},
    routing_number: '110000000',
    status: 'new',
    ...overrides,
  });
}
