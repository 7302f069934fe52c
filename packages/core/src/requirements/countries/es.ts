import type { CountrySpec } from '../country-spec';
import { euroAreaRequirements } from './euro-area';
import { EURO_BANK_COUNTRIES, EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

/** Spain: euro payouts to an IBAN in the euro area. */
export const es: CountrySpec = {
  country: 'ES',
  defaultCurrency: 'eur',
  payoutCurrencies: ['eur'],
  payoutDelayDays: 3,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: false },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^[A-Z]\\d{7}[0-9A-J]$',
    description: 'a NIF (a letter, 7 digits and a check character)',
    example: 'A00000000',
  },
  bankAccount: { format: 'iban', countries: EURO_BANK_COUNTRIES },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: euroAreaRequirements({ postalCode: true }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
