import type { CountryCode, PersonData } from '@atrium/core';
import { FIXTURE_NOW_SECONDS } from '../../../testing/fixtures';
import { mockAccountState, mockBankAccount } from './mock-account';
import type { MockAccountState, MockPerson } from './mock-account';

/*
 * Accounts in the states the stories and tests show, each built from what was given, so the
 * requirements engine (not the scenario) decides what is due.
 */

const ADDRESSES: Record<'US' | 'DE', NonNullable<PersonData['address']>> = {
  US: { line1: '510 Townsend St', city: 'San Francisco', state: 'CA', postal_code: '94103', country: 'US' },
  DE: { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' },
};

const PROFILE = { url: 'https://ticktock.example', mcc: '5944' };

/** A new account that has not said what kind of business it is. */
export function newAccount(country: CountryCode = 'US'): MockAccountState {
  return mockAccountState({ country });
}

/** An individual who has chosen the business type and nothing else. */
export function individualStarted(country: CountryCode = 'US'): MockAccountState {
  return mockAccountState({ country, businessType: 'individual' });
}

/** A company that has chosen the business type and nothing else. */
export function companyStarted(country: CountryCode = 'US'): MockAccountState {
  return mockAccountState({ country, businessType: 'company' });
}

function jenny(country: 'US' | 'DE'): PersonData & { id: string } {
  return {
    id: 'person_1MockIndividual000',
    first_name: 'Jenny',
    last_name: 'Rosen',
    email: 'jenny.rosen@example.com',
    phone: '0000000000',
    dob: { day: 1, month: 1, year: 1901 },
    address: ADDRESSES[country],
    ssn_last_4_provided: country === 'US',
  };
}

function bankFor(country: 'US' | 'DE') {
  return country === 'US'
    ? mockBankAccount()
    : mockBankAccount({ country: 'DE', currency: 'eur', routing_number: null, bank_name: null, last4: '3000' });
}

const CHECKED = ['dob.day', 'dob.month', 'dob.year', 'address.line1', 'phone'];

/**
 * An individual who has given everything but the terms: the next stop is the review. What was
 * given is being checked (`pending`), as on the BFF right after it was saved.
 */
export function individualDetailsGiven(country: 'US' | 'DE' = 'US'): MockAccountState {
  const names = [...CHECKED, ...(country === 'US' ? ['ssn_last_4'] : [])].map((name) => `individual.${name}`);
  return mockAccountState({
    country,
    businessType: 'individual',
    businessProfile: PROFILE,
    individual: jenny(country),
    bankAccounts: [bankFor(country)],
    verification: Object.fromEntries([...names, 'business_profile.url'].map((name) => [name, { status: 'pending' }])),
  });
}

/** An individual who has submitted everything; `checks` is the state of the submitted checks. */
export function individualSubmitted(
  checks: 'pending' | 'verified' | 'ssn_failed' = 'pending',
  country: 'US' | 'DE' = 'US',
): MockAccountState {
  const state = individualDetailsGiven(country);
  state.tosAcceptance = { date: FIXTURE_NOW_SECONDS - 600, ip: '203.0.113.7', user_agent: 'Mozilla/5.0' };
  const names = [
    'dob.day',
    'dob.month',
    'dob.year',
    'address.line1',
    'phone',
    ...(country === 'US' ? ['ssn_last_4'] : []),
  ];
  for (const name of names) {
    state.verification[`individual.${name}`] = { status: checks === 'pending' ? 'pending' : 'verified' };
  }
  state.verification['business_profile.url'] = { status: checks === 'pending' ? 'pending' : 'verified' };
  if (checks === 'ssn_failed') {
    state.verification['individual.ssn_last_4'] = {
      status: 'failed',
      code: 'verification_failed_keyed_identity',
      reason: 'The identity information entered could not be verified.',
    };
  }
  return state;
}

function person(id: string, relationship: Partial<MockPerson['relationship']>, data: PersonData): MockPerson {
  return {
    id,
    created: FIXTURE_NOW_SECONDS - 1_800,
    relationship: {
      representative: false,
      owner: false,
      director: false,
      executive: false,
      title: null,
      percent_ownership: null,
      ...relationship,
    },
    data,
    verification: {},
  };
}

/** A company with its details and representative, still to name its owners (and directors, executives). */
export function companyWithRepresentative(country: 'US' | 'DE' = 'DE'): MockAccountState {
  return mockAccountState({
    country,
    businessType: 'company',
    businessProfile: PROFILE,
    company: {
      name: country === 'DE' ? 'Uhrwerk GmbH' : 'Tick Tock Watches LLC',
      tax_id_provided: true,
      phone: '0000000000',
      address: ADDRESSES[country],
    },
    persons: [
      person(
        'person_1MockRepresentative0',
        { representative: true, title: 'CEO' },
        {
          first_name: 'Max',
          last_name: 'Mustermann',
          email: 'max@example.com',
          phone: '0000000000',
          dob: { day: 1, month: 1, year: 1901 },
          address: ADDRESSES[country],
          ssn_last_4_provided: country === 'US',
        },
      ),
    ],
  });
}

/** A German company whose representative is joined by an owner who is not the representative. */
export function companyWithRepresentativeAndOwner(): MockAccountState {
  const state = companyWithRepresentative('DE');
  return {
    ...state,
    persons: [
      ...state.persons,
      person(
        'person_1MockOwner000000000',
        { owner: true, percent_ownership: 60 },
        {
          first_name: 'Erika',
          last_name: 'Musterfrau',
          email: 'erika@example.com',
          dob: { day: 1, month: 1, year: 1901 },
        },
      ),
    ],
  };
}
