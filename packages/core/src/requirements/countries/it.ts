import type { CountrySpec } from '../country-spec';
import { euroAreaRequirements } from './euro-area';
import { EURO_BANK_COUNTRIES, EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

/** Italy: euro payouts to an IBAN in the euro area. */
export const it: CountrySpec = {
  country: 'IT',
  defaultCurrency: 'eur',
  payoutCurrencies: ['eur'],
  payoutDelayDays: 3,
  minimumAge: 18,
  postalCode: { required: true },
  states: { required: false },
  idNumber: null,
  ssnLast4: false,
  taxId: {
    pattern: '^(\\d{11}|[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z])$',
    description: 'an 11-digit Partita IVA or a 16-character Codice Fiscale',
    example: '00000000000',
  },
  bankAccount: { format: 'iban', countries: EURO_BANK_COUNTRIES },
  eventuallyDue: EVENTUALLY_DUE,
  requirements: euroAreaRequirements({ postalCode: true }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
