import type { CountrySpec } from '../country-spec';
import {
  addressFields,
  capabilityRules,
  CARD_PAYMENTS_PROFILE,
  DOB,
  EVENTUALLY_DUE,
  TOS_ACCEPTANCE,
  URL_OR_PRODUCT_DESCRIPTION,
  withHolder,
} from './shared';

const address = addressFields({ state: false, postalCode: true });
const person = ['first_name', 'last_name', ...DOB, ...address, 'email', 'phone'];
const representative = [...person, 'relationship.title'];
const owner = ['first_name', 'last_name', ...DOB, 'email'];
const director = ['first_name', 'last_name', ...DOB];
const company = withHolder('company', ['name', 'tax_id', 'phone', ...address]);
const common = ['business_profile.url', 'external_account', ...TOS_ACCEPTANCE];

/** United Kingdom: an identity document later; companies name their owners and directors. */
export const gb: CountrySpec = {
  country: 'GB',
  defaultCurrency: 'gbp',
  payoutCurrencies: ['gbp'],
  payoutDelayDays: 3,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: false },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^(\\d{8}|[A-Z]{2}\\d{6}|\\d{10})$',
    description: 'a Companies House number (8 characters) or a 10-digit Unique Taxpayer Reference',
    example: '00000000',
  },
  bankAccount: { format: 'sort_code', countries: ['GB'] },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: {
    individual: capabilityRules({
      both: [...common, ...withHolder('individual', person)],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['individual.verification.document'],
    }),
    company: capabilityRules({
      both: [
        ...common,
        ...company,
        'company.owners_provided',
        'company.directors_provided',
        'relationship.representative',
        ...withHolder('representative', representative),
        ...withHolder('owners', owner),
        ...withHolder('directors', director),
      ],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.verification.document'],
    }),
    non_profit: capabilityRules({
      both: [
        ...common,
        ...company,
        'company.directors_provided',
        'relationship.representative',
        ...withHolder('representative', representative),
        ...withHolder('directors', director),
      ],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.verification.document'],
    }),
  },
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
