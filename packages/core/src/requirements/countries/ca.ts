import type { CountrySpec } from '../country-spec';
import { ownersAndDirectorsRequirements } from './owners-and-directors';
import { EVENTUALLY_DUE, URL_OR_PRODUCT_DESCRIPTION } from './shared';

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
  requirements: ownersAndDirectorsRequirements({
    state: true,
    ownerAddress: true,
    directorDob: false,
    later: 'id_number',
  }),
  alternatives: [URL_OR_PRODUCT_DESCRIPTION],
  futureRequirements: [],
};
