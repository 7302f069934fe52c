import { CAPABILITIES, countrySpec, isSupportedCountry } from '@atrium/core';
import type { Account, BusinessType, CountryCode, CountrySpec, Person } from '@atrium/core';

/*
 * What the account forms read from an account, its country's data file and its persons. Pure and
 * light (no form or validation code), so the component shells can use it before the forms load.
 */

/** The roles of a company's persons. */
export const PERSON_ROLES = ['representative', 'owner', 'director', 'executive'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The requirement names of people not added yet use the role in the plural (`owners.email`). */
export const ROLE_HOLDERS: Record<PersonRole, string> = {
  representative: 'representative',
  owner: 'owners',
  director: 'directors',
  executive: 'executives',
};

/** The country of an account, whose data file decides its fields and formats. */
export function accountCountry(account: Account): CountryCode {
  // The BFF only creates accounts in supported countries; anything else is a broken contract.
  if (!isSupportedCountry(account.country)) throw new RangeError(`Unsupported account country ${account.country}`);
  return account.country;
}

export function specOf(account: Account): CountrySpec {
  return countrySpec(accountCountry(account));
}

/**
 * Every requirement name the country asks of a business type, for either capability, now or
 * later, future rules included: the fields the forms offer, whether or not they are due yet.
 */
export function countryRequirementNames(spec: CountrySpec, businessType: BusinessType): Set<string> {
  const names = new Set<string>();
  const rules = [spec.requirements[businessType], ...spec.futureRequirements.map((f) => f.requirements[businessType])];
  for (const rule of rules) {
    for (const capability of CAPABILITIES) {
      const capabilityRules = rule[capability];
      for (const name of [...(capabilityRules?.currently_due ?? []), ...(capabilityRules?.eventually_due ?? [])]) {
        names.add(name);
      }
    }
  }
  return names;
}

/** The fields under one holder (`representative.dob.day` → `dob.day` for `representative`). */
export function holderFields(names: Iterable<string>, holder: string): Set<string> {
  const prefix = `${holder}.`;
  const fields = new Set<string>();
  for (const name of names) if (name.startsWith(prefix)) fields.add(name.slice(prefix.length));
  return fields;
}

/** The roles besides representative that a business type's persons have in a country. */
export function companyRoles(spec: CountrySpec, businessType: BusinessType): PersonRole[] {
  const names = [...countryRequirementNames(spec, businessType)];
  return (['owner', 'director', 'executive'] as const).filter((role) =>
    names.some(
      (name) => name.startsWith(`${ROLE_HOLDERS[role]}.`) || name === `company.${ROLE_HOLDERS[role]}_provided`,
    ),
  );
}

/** The roles a person has. */
export function rolesOf(person: Person): PersonRole[] {
  return PERSON_ROLES.filter((role) => person.relationship[role]);
}

/**
 * The fields a person's form offers: what the country asks of any of the person's roles. The
 * `relationship.*` fields are the form's own business and are left out.
 */
export function fieldsForRoles(spec: CountrySpec, businessType: BusinessType, roles: readonly PersonRole[]) {
  const names = countryRequirementNames(spec, businessType);
  const fields = new Set<string>();
  for (const role of roles) for (const field of holderFields(names, ROLE_HOLDERS[role])) fields.add(field);
  return fields;
}
