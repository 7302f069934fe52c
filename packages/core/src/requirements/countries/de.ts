import type { CountrySpec } from '../country-spec';
import { euroAreaRequirements } from './euro-area';
import { EURO_BANK_COUNTRIES, EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

/** Germany: euro payouts to an IBAN in the euro area. */
export const de: CountrySpec = {
  country: 'DE',
  defaultCurrency: 'eur',
  payoutCurrencies: ['eur'],
  payoutDelayDays: 3,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: false },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^(\\d{10,13}|DE\\d{9})$',
    description: 'a Steuernummer (10 to 13 digits) or a VAT number (DE and 9 digits)',
    example: '0000000000',
  },
  bankAccount: { format: 'iban', countries: EURO_BANK_COUNTRIES },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: euroAreaRequirements({ postalCode: true }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
