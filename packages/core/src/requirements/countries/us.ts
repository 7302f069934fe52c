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

const address = addressFields({ state: true, postalCode: true });
const person = ['first_name', 'last_name', ...DOB, ...address, 'email', 'phone', 'ssn_last_4'];
const representative = [...person, 'relationship.title'];
const owner = ['first_name', 'last_name', ...DOB, ...address, 'email', 'ssn_last_4'];
const company = withHolder('company', ['name', 'tax_id', 'phone', ...address]);
const common = ['business_profile.url', 'external_account', ...TOS_ACCEPTANCE];

// The 50 states, the District of Columbia and the inhabited territories.
const STATES = [
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV',
  'NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI',
]
  .join(' ')
  .split(' ');

/** United States: SSN last 4 to start, the full SSN later; companies name their owners. */
export const us: CountrySpec = {
  country: 'US',
  defaultCurrency: 'usd',
  payoutCurrencies: ['usd'],
  payoutDelayDays: 2,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: true, codes: STATES },
  idNumber: { pattern: '^\\d{9}$', description: 'a 9-digit Social Security Number or ITIN', example: '000000000' },
  ssnLast4: true,
  taxId: { pattern: '^\\d{9}$', description: 'a 9-digit Employer Identification Number (EIN)', example: '000000000' },
  bankAccount: { format: 'aba', countries: ['US'] },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: {
    individual: capabilityRules({
      both: [...common, ...withHolder('individual', person)],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['individual.id_number'],
    }),
    company: capabilityRules({
      both: [
        ...common,
        ...company,
        'company.owners_provided',
        'relationship.representative',
        ...withHolder('representative', representative),
        ...withHolder('owners', owner),
      ],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.id_number', 'owners.id_number'],
    }),
    non_profit: capabilityRules({
      both: [...common, ...company, 'relationship.representative', ...withHolder('representative', representative)],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.id_number'],
    }),
  },
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
