import type { CountrySpec } from '../country-spec';
import { ownersAndDirectorsRequirements } from './owners-and-directors';
import { EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

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
  requirements: ownersAndDirectorsRequirements({
    state: true,
    ownerAddress: false,
    directorDob: true,
    later: 'verification.document',
  }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
