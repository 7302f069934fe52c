import type { CountrySpec } from '../country-spec';
import { euroAreaRequirements } from './euro-area';
import { EURO_BANK_COUNTRIES, EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

/** France: euro payouts to an IBAN in the euro area. */
export const fr: CountrySpec = {
  country: 'FR',
  defaultCurrency: 'eur',
  payoutCurrencies: ['eur'],
  payoutDelayDays: 3,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: false },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^(\\d{9}|\\d{14})$',
    description: 'a 9-digit SIREN or a 14-digit SIRET',
    example: '000000000',
  },
  bankAccount: { format: 'iban', countries: EURO_BANK_COUNTRIES },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: euroAreaRequirements({ postalCode: true }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
