import type { CountrySpec } from '../country-spec';
import { addressFields, capabilityRules, CARD_PAYMENTS_PROFILE, DOB, TOS_ACCEPTANCE, withHolder } from './shared';

/**
 * What Australia, Canada and the United Kingdom ask for: companies name their owners and
 * directors, non-profits their directors. The countries differ in their address, in what owners
 * and directors give, and in what each person must prove later: an identity document, or an
 * identity number.
 */
export function ownersAndDirectorsRequirements(options: {
  state: boolean;
  /** Owners give their address too (Canada). */
  ownerAddress: boolean;
  /** Directors give their date of birth (not Canada). */
  directorDob: boolean;
  later: 'verification.document' | 'id_number';
}): CountrySpec['requirements'] {
  const address = addressFields({ state: options.state, postalCode: true });
  const person = ['first_name', 'last_name', ...DOB, ...address, 'email', 'phone'];
  const representative = [...person, 'relationship.title'];
  const owner = ['first_name', 'last_name', ...DOB, ...(options.ownerAddress ? address : []), 'email'];
  const director = ['first_name', 'last_name', ...(options.directorDob ? DOB : [])];
  const company = withHolder('company', ['name', 'tax_id', 'phone', ...address]);
  const common = ['business_profile.url', 'external_account', ...TOS_ACCEPTANCE];
  const people = ['relationship.representative', ...withHolder('representative', representative)];
  return {
    individual: capabilityRules({
      both: [...common, ...withHolder('individual', person)],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: [`individual.${options.later}`],
    }),
    company: capabilityRules({
      both: [
        ...common,
        ...company,
        'company.owners_provided',
        'company.directors_provided',
        ...people,
        ...withHolder('owners', owner),
        ...withHolder('directors', director),
      ],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: [`representative.${options.later}`],
    }),
    non_profit: capabilityRules({
      both: [...common, ...company, 'company.directors_provided', ...people, ...withHolder('directors', director)],
      cardPaymentsOnly: CARD_PAYMENTS_PROFILE,
      eventually: [`representative.${options.later}`],
    }),
  };
}
