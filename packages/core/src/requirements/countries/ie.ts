import type { CountrySpec } from '../country-spec';
import { euroAreaRequirements } from './euro-area';
import { EURO_BANK_COUNTRIES, EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

/** Ireland: euro payouts to an IBAN in the euro area. */
export const ie: CountrySpec = {
  country: 'IE',
  defaultCurrency: 'eur',
  payoutCurrencies: ['eur'],
  payoutDelayDays: 3,
  minimumAge: 18,
  postalCode: { required: false },
  states: { required: false },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^(\\d{7}[A-W][A-IW]?|\\d{5,6})$',
    description: 'a Tax Reference Number (7 digits and 1 or 2 letters) or a 5- or 6-digit CRO number',
    example: '0000000T',
  },
  bankAccount: { format: 'iban', countries: EURO_BANK_COUNTRIES },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: euroAreaRequirements({ postalCode: false }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
