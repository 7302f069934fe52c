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
const owner = ['first_name', 'last_name', ...DOB, ...address, 'email'];
const director = ['first_name', 'last_name'];
const company = withHolder('company', ['name', 'tax_id', 'phone', ...address]);
const common = ['business_profile.url', 'external_account', ...TOS_ACCEPTANCE];

/** Canada: the Social Insurance Number later; companies name their owners and directors. */
export const ca: CountrySpec = {
  country: 'CA',
  defaultCurrency: 'cad',
  payoutCurrencies: ['cad', 'usd'],
  payoutDelayDays: 2,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: true, codes: 'AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ') },
  idNumber: { pattern: '^\\d{9}$', description: 'a 9-digit Social Insurance Number (SIN)', example: '000000000' },
  ssnLast4: false,
  taxId: {
    pattern: '^\\d{9}([A-Z]{2}\\d{4})?$',
    description: 'a 9-digit Business Number (BN), optionally with its program account (RT0001)',
    example: '000000000',
  },
  bankAccount: { format: 'canadian', countries: ['CA'] },
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
        'company.directors_provided',
        'relationship.representative',
        ...withHolder('representative', representative),
        ...withHolder('owners', owner),
        ...withHolder('directors', director),
      ],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.id_number'],
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
      eventually: ['representative.id_number'],
    }),
  },
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
