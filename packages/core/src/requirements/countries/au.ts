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
const person = ['first_name', 'last_name', ...DOB, ...address, 'email', 'phone'];
const representative = [...person, 'relationship.title'];
const owner = ['first_name', 'last_name', ...DOB, 'email'];
const director = ['first_name', 'last_name', ...DOB];
const company = withHolder('company', ['name', 'tax_id', 'phone', ...address]);
const common = ['business_profile.url', 'external_account', ...TOS_ACCEPTANCE];

/** Australia: an identity document later; companies name their owners and directors. */
export const au: CountrySpec = {
  country: 'AU',
  defaultCurrency: 'aud',
  payoutCurrencies: ['aud'],
  payoutDelayDays: 2,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: true, codes: 'ACT NSW NT QLD SA TAS VIC WA'.split(' ') },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^(\\d{9}|\\d{11})$',
    description: 'a 9-digit Australian Company Number (ACN) or an 11-digit Australian Business Number (ABN)',
    example: '000000000',
  },
  bankAccount: { format: 'bsb', countries: ['AU'] },
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
