import type { CountrySpec } from '../country-spec';
import { ownersAndDirectorsRequirements } from './owners-and-directors';
import { EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

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
  requirements: ownersAndDirectorsRequirements({
    state: false,
    ownerAddress: false,
    directorDob: true,
    later: 'verification.document',
  }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
