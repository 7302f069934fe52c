import type { CountrySpec } from '../country-spec';
import { addressFields, capabilityRules, CARD_PAYMENTS_PROFILE, DOB, TOS_ACCEPTANCE, withHolder } from './shared';

/**
 * What the euro-area countries ask for: an identity document later, and for companies their
 * owners, directors and executives. The countries differ only in whether postcodes are required.
 */
export function euroAreaRequirements(options: { postalCode: boolean }): CountrySpec['requirements'] {
  const address = addressFields({ state: false, postalCode: options.postalCode });
  const person = ['first_name', 'last_name', ...DOB, ...address, 'email', 'phone'];
  const representative = [...person, 'relationship.title'];
  const owner = ['first_name', 'last_name', ...DOB, 'email'];
  const director = ['first_name', 'last_name', ...DOB];
  const executive = ['first_name', 'last_name', ...DOB, 'email'];
  const company = withHolder('company', ['name', 'tax_id', 'phone', ...address]);
  const common = ['business_profile.url', 'external_account', ...TOS_ACCEPTANCE];
  const people = [
    'relationship.representative',
    ...withHolder('representative', representative),
    ...withHolder('directors', director),
    ...withHolder('executives', executive),
  ];
  return {
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
        'company.executives_provided',
        ...people,
        ...withHolder('owners', owner),
      ],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.verification.document'],
    }),
    non_profit: capabilityRules({
      both: [...common, ...company, 'company.directors_provided', 'company.executives_provided', ...people],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: ['representative.verification.document'],
    }),
  };
}
