import { describe, expect, it } from 'vitest';
import { accountSchema } from './account';
import { personSchema } from './person';

// Captured from a running BFF (GET /v1/embedded/account and GET /v1/embedded/persons, ids
// shortened): a US individual whose SSN failed verification, a German company with its
// representative, and a fresh account without a business type.
const individualFailed = {
  id: 'acct_1Captured00',
  object: 'account',
  business_profile: {
    name: null,
    url: 'https://accessible.stripe.com',
    mcc: '5944',
    product_description: null,
    support_email: null,
    support_phone: null,
  },
  business_type: 'individual',
  capabilities: {
    card_payments: 'inactive',
    transfers: 'inactive',
  },
  charges_enabled: false,
  country: 'US',
  created: 1795316939,
  default_currency: 'usd',
  details_submitted: true,
  email: null,
  external_accounts: {
    object: 'list',
    data: [
      {
        id: 'ba_1Captured03',
        object: 'bank_account',
        account: 'acct_1Captured00',
        account_holder_name: null,
        account_holder_type: null,
        available_payout_methods: ['standard', 'instant'],
        bank_name: 'STRIPE TEST BANK',
        country: 'US',
        currency: 'usd',
        default_for_currency: true,
        fingerprint: 'xvhrRIVw9Xy27XJ-',
        last4: '6789',
        metadata: {},
        routing_number: '110000000',
        status: 'new',
      },
    ],
    has_more: false,
    total_count: 1,
    url: '/v1/accounts/acct_1Captured00/external_accounts',
  },
  future_requirements: {
    errors: [],
    past_due: [],
    alternatives: [],
    currently_due: [],
    eventually_due: [],
    disabled_reason: null,
    current_deadline: null,
    pending_verification: [],
  },
  individual: {
    id: 'person_1Captured04',
    object: 'person',
    account: 'acct_1Captured00',
    first_name: 'Jenny',
    last_name: 'Rosen',
    email: 'jenny@example.com',
    phone: '0000000000',
    dob: {
      day: 1,
      month: 1,
      year: 1901,
    },
    address: {
      line1: 'address_full_match',
      line2: null,
      city: 'San Francisco',
      state: 'CA',
      postal_code: '94103',
      country: null,
    },
    id_number_provided: false,
    ssn_last_4_provided: true,
    verification: {
      status: 'unverified',
      details: 'The identity information entered could not be verified.',
      details_code: 'verification_failed_keyed_identity',
      document: {
        front: null,
        back: null,
        details: null,
        details_code: null,
      },
      additional_document: {
        front: null,
        back: null,
        details: null,
        details_code: null,
      },
    },
  },
  livemode: false,
  metadata: {},
  payouts_enabled: false,
  requirements: {
    errors: [
      {
        code: 'verification_failed_keyed_identity',
        reason: 'The identity information entered could not be verified.',
        requirement: 'individual.ssn_last_4',
      },
    ],
    past_due: ['individual.ssn_last_4', 'individual.verification.document'],
    alternatives: [],
    currently_due: ['individual.ssn_last_4', 'individual.verification.document'],
    eventually_due: ['individual.id_number', 'individual.ssn_last_4', 'individual.verification.document'],
    disabled_reason: 'requirements.past_due',
    current_deadline: null,
    pending_verification: [],
  },
  settings: {
    payouts: {
      schedule: {
        interval: 'daily',
        delay_days: 2,
      },
      statement_descriptor: null,
      debit_negative_balances: true,
    },
    payments: {
      statement_descriptor: null,
    },
  },
  tos_acceptance: {
    date: 1795316939,
    ip: '127.0.0.1',
    user_agent: 'node',
  },
  type: 'custom',
};

const companyWithPerson = {
  id: 'acct_1Captured02',
  object: 'account',
  business_profile: {
    name: null,
    url: null,
    mcc: null,
    product_description: null,
    support_email: null,
    support_phone: null,
  },
  business_type: 'company',
  capabilities: {
    card_payments: 'inactive',
    transfers: 'inactive',
  },
  charges_enabled: false,
  company: {
    name: 'Uhrwerk GmbH',
    phone: '+4930123456',
    structure: null,
    address: {
      line1: 'Unter den Linden 1',
      line2: null,
      city: 'Berlin',
      state: null,
      postal_code: '10117',
      country: null,
    },
    tax_id_provided: true,
    owners_provided: false,
    directors_provided: false,
    executives_provided: false,
    verification: {
      document: {
        front: null,
        back: null,
        details: null,
        details_code: null,
      },
    },
  },
  country: 'DE',
  created: 1795317059,
  default_currency: 'eur',
  details_submitted: false,
  email: null,
  external_accounts: {
    object: 'list',
    data: [],
    has_more: false,
    total_count: 0,
    url: '/v1/accounts/acct_1Captured02/external_accounts',
  },
  future_requirements: {
    errors: [],
    past_due: [],
    alternatives: [],
    currently_due: [],
    eventually_due: [],
    disabled_reason: null,
    current_deadline: null,
    pending_verification: [],
  },
  livemode: false,
  metadata: {},
  payouts_enabled: false,
  requirements: {
    errors: [],
    past_due: [
      'business_profile.mcc',
      'business_profile.url',
      'company.directors_provided',
      'company.executives_provided',
      'company.owners_provided',
      'directors.dob.day',
      'directors.dob.month',
      'directors.dob.year',
      'directors.first_name',
      'directors.last_name',
      'executives.dob.day',
      'executives.dob.month',
      'executives.dob.year',
      'executives.email',
      'executives.first_name',
      'executives.last_name',
      'external_account',
      'person_1Captured05.address.city',
      'person_1Captured05.address.line1',
      'person_1Captured05.address.postal_code',
      'person_1Captured05.dob.day',
      'person_1Captured05.dob.month',
      'person_1Captured05.dob.year',
      'person_1Captured05.email',
      'person_1Captured05.phone',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ],
    alternatives: [
      {
        original_fields_due: ['business_profile.url'],
        alternative_fields_due: ['business_profile.product_description'],
      },
    ],
    currently_due: [
      'business_profile.mcc',
      'business_profile.url',
      'company.directors_provided',
      'company.executives_provided',
      'company.owners_provided',
      'directors.dob.day',
      'directors.dob.month',
      'directors.dob.year',
      'directors.first_name',
      'directors.last_name',
      'executives.dob.day',
      'executives.dob.month',
      'executives.dob.year',
      'executives.email',
      'executives.first_name',
      'executives.last_name',
      'external_account',
      'person_1Captured05.address.city',
      'person_1Captured05.address.line1',
      'person_1Captured05.address.postal_code',
      'person_1Captured05.dob.day',
      'person_1Captured05.dob.month',
      'person_1Captured05.dob.year',
      'person_1Captured05.email',
      'person_1Captured05.phone',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ],
    eventually_due: [
      'business_profile.mcc',
      'business_profile.url',
      'company.directors_provided',
      'company.executives_provided',
      'company.owners_provided',
      'directors.dob.day',
      'directors.dob.month',
      'directors.dob.year',
      'directors.first_name',
      'directors.last_name',
      'executives.dob.day',
      'executives.dob.month',
      'executives.dob.year',
      'executives.email',
      'executives.first_name',
      'executives.last_name',
      'external_account',
      'person_1Captured05.address.city',
      'person_1Captured05.address.line1',
      'person_1Captured05.address.postal_code',
      'person_1Captured05.dob.day',
      'person_1Captured05.dob.month',
      'person_1Captured05.dob.year',
      'person_1Captured05.email',
      'person_1Captured05.phone',
      'person_1Captured05.verification.document',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ],
    disabled_reason: 'requirements.past_due',
    current_deadline: null,
    pending_verification: ['company.address.line1', 'company.phone', 'company.tax_id'],
  },
  settings: {
    payouts: {
      schedule: {
        interval: 'daily',
        delay_days: 3,
      },
      statement_descriptor: null,
      debit_negative_balances: true,
    },
    payments: {
      statement_descriptor: null,
    },
  },
  tos_acceptance: {
    date: null,
    ip: null,
    user_agent: null,
  },
  type: 'custom',
};

const blank = {
  id: 'acct_1Captured01',
  object: 'account',
  business_profile: {
    name: null,
    url: null,
    mcc: null,
    product_description: null,
    support_email: null,
    support_phone: null,
  },
  business_type: null,
  capabilities: {
    card_payments: 'inactive',
    transfers: 'inactive',
  },
  charges_enabled: false,
  country: 'US',
  created: 1795316765,
  default_currency: 'usd',
  details_submitted: false,
  email: null,
  external_accounts: {
    object: 'list',
    data: [],
    has_more: false,
    total_count: 0,
    url: '/v1/accounts/acct_1Captured01/external_accounts',
  },
  future_requirements: {
    errors: [],
    past_due: [],
    alternatives: [],
    currently_due: [],
    eventually_due: [],
    disabled_reason: null,
    current_deadline: null,
    pending_verification: [],
  },
  livemode: false,
  metadata: {},
  payouts_enabled: false,
  requirements: {
    errors: [],
    past_due: [
      'business_profile.mcc',
      'business_profile.url',
      'business_type',
      'external_account',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ],
    alternatives: [
      {
        original_fields_due: ['business_profile.url'],
        alternative_fields_due: ['business_profile.product_description'],
      },
    ],
    currently_due: [
      'business_profile.mcc',
      'business_profile.url',
      'business_type',
      'external_account',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ],
    eventually_due: [
      'business_profile.mcc',
      'business_profile.url',
      'business_type',
      'external_account',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ],
    disabled_reason: 'requirements.past_due',
    current_deadline: null,
    pending_verification: [],
  },
  settings: {
    payouts: {
      schedule: {
        interval: 'daily',
        delay_days: 2,
      },
      statement_descriptor: null,
      debit_negative_balances: true,
    },
    payments: {
      statement_descriptor: null,
    },
  },
  tos_acceptance: {
    date: null,
    ip: null,
    user_agent: null,
  },
  type: 'custom',
};

const person = {
  id: 'person_1Captured05',
  object: 'person',
  account: 'acct_1Captured02',
  first_name: 'Max',
  last_name: 'Mustermann',
  email: null,
  phone: null,
  dob: {
    day: null,
    month: null,
    year: null,
  },
  address: {
    line1: null,
    line2: null,
    city: null,
    state: null,
    postal_code: null,
    country: null,
  },
  id_number_provided: false,
  ssn_last_4_provided: false,
  verification: {
    status: 'unverified',
    details: null,
    details_code: null,
    document: {
      front: null,
      back: null,
      details: null,
      details_code: null,
    },
    additional_document: {
      front: null,
      back: null,
      details: null,
      details_code: null,
    },
  },
  created: 1795317060,
  relationship: {
    representative: true,
    owner: true,
    director: false,
    executive: false,
    title: 'CEO',
    percent_ownership: 60,
  },
  requirements: {
    errors: [],
    past_due: [
      'address.city',
      'address.line1',
      'address.postal_code',
      'dob.day',
      'dob.month',
      'dob.year',
      'email',
      'phone',
    ],
    alternatives: [],
    currently_due: [
      'address.city',
      'address.line1',
      'address.postal_code',
      'dob.day',
      'dob.month',
      'dob.year',
      'email',
      'phone',
    ],
    eventually_due: [
      'address.city',
      'address.line1',
      'address.postal_code',
      'dob.day',
      'dob.month',
      'dob.year',
      'email',
      'phone',
      'verification.document',
    ],
    disabled_reason: 'requirements.past_due',
    current_deadline: null,
    pending_verification: [],
  },
  metadata: {},
};

describe('accountSchema', () => {
  it('reads an individual account with its holder, failed check and bank account', () => {
    const account = accountSchema.parse(individualFailed);
    expect(account.individual?.ssn_last_4_provided).toBe(true);
    expect(account.individual?.verification.details_code).toBe('verification_failed_keyed_identity');
    expect(account.requirements.errors[0]?.requirement).toBe('individual.ssn_last_4');
    expect(account.external_accounts.data[0]?.last4).toBe('6789');
    expect(account.company).toBeUndefined();
  });

  it('reads a company with its statements and no secret tax id', () => {
    const account = accountSchema.parse(companyWithPerson);
    expect(account.company).toMatchObject({ name: 'Uhrwerk GmbH', tax_id_provided: true, owners_provided: false });
    expect(account.company).not.toHaveProperty('tax_id');
  });

  it('reads an account that has not said what business it is', () => {
    const account = accountSchema.parse(blank);
    expect(account.business_type).toBeNull();
    expect(account.requirements.currently_due).toContain('business_type');
    expect(account.settings.payouts.schedule).toEqual({ interval: 'daily', delay_days: 2 });
  });

  it('refuses an account whose requirements are missing', () => {
    const { requirements: _dropped, ...broken } = blank;
    expect(accountSchema.safeParse(broken).success).toBe(false);
  });

  it('refuses a business type Stripe does not have', () => {
    expect(accountSchema.safeParse({ ...blank, business_type: 'government_entity' }).success).toBe(false);
  });
});

describe('personSchema', () => {
  it("reads a company's person with its relationship and its own requirements", () => {
    const parsed = personSchema.parse(person);
    expect(parsed.relationship).toMatchObject({ representative: true, owner: true, percent_ownership: 60 });
    expect(parsed.requirements.currently_due).toContain('dob.day');
  });

  it('refuses a person whose id is not a person id', () => {
    expect(personSchema.safeParse({ ...person, id: 'acct_123' }).success).toBe(false);
  });
});
