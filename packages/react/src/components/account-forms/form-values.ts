import type { Account, Address, Individual, Person } from '@atrium/core';

/*
 * What the forms hold (strings and booleans, as inputs give them, mirroring Stripe's parameter
 * names so that an error's path is a field's name) and what they send: only what changed,
 * because a value sent again is checked again, and its verification would start over.
 */

export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  state: string;
  postal_code: string;
  country: string;
}

export interface DobValues {
  day: string;
  month: string;
  year: string;
}

export interface RelationshipValues {
  representative: boolean;
  owner: boolean;
  director: boolean;
  executive: boolean;
  title: string;
  percent_ownership: string;
}

export interface PersonValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  dob: DobValues;
  address: AddressValues;
  id_number: string;
  ssn_last_4: string;
  relationship: RelationshipValues;
}

export interface ProfileValues {
  name: string;
  url: string;
  product_description: string;
  mcc: string;
  support_email: string;
  support_phone: string;
  support_url: string;
}

export interface CompanyValues {
  name: string;
  tax_id: string;
  phone: string;
  address: AddressValues;
}

export interface BusinessValues {
  business_profile: ProfileValues;
  company: CompanyValues;
}

export interface BankValues {
  country: string;
  currency: string;
  account_holder_name: string;
  account_holder_type: string;
  routing_number: string;
  account_number: string;
}

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

export function addressValues(address: Address | undefined, country: string): AddressValues {
  return {
    line1: text(address?.line1),
    line2: text(address?.line2),
    city: text(address?.city),
    state: text(address?.state),
    postal_code: text(address?.postal_code),
    country: address?.country ?? country,
  };
}

/** The form values of the account's individual or a company's person (a new one when undefined). */
export function personValues(person: Individual | Person | undefined, country: string): PersonValues {
  const relationship = person && 'relationship' in person ? person.relationship : undefined;
  return {
    first_name: text(person?.first_name),
    last_name: text(person?.last_name),
    email: text(person?.email),
    phone: text(person?.phone),
    dob: { day: text(person?.dob.day), month: text(person?.dob.month), year: text(person?.dob.year) },
    address: addressValues(person?.address, country),
    id_number: '',
    ssn_last_4: '',
    relationship: {
      representative: relationship?.representative ?? false,
      owner: relationship?.owner ?? false,
      director: relationship?.director ?? false,
      executive: relationship?.executive ?? false,
      title: text(relationship?.title),
      percent_ownership: text(relationship?.percent_ownership),
    },
  };
}

export function businessValues(account: Account): BusinessValues {
  const profile = account.business_profile;
  return {
    business_profile: {
      name: text(profile.name),
      url: text(profile.url),
      product_description: text(profile.product_description),
      mcc: text(profile.mcc),
      support_email: text(profile.support_email),
      support_phone: text(profile.support_phone),
      support_url: text(profile.support_url),
    },
    company: {
      name: text(account.company?.name),
      tax_id: '',
      phone: text(account.company?.phone),
      address: addressValues(account.company?.address, account.country),
    },
  };
}

export function bankValues(account: Account): BankValues {
  return {
    country: account.country,
    currency: account.default_currency,
    account_holder_name: '',
    account_holder_type: '',
    routing_number: '',
    account_number: '',
  };
}

type Flat = Readonly<Record<string, string>>;

/**
 * The changed text fields: a new non-empty value, or '' where emptying a field unsets it
 * (`unsettable`); emptying any other field changes nothing, as it cannot be taken back.
 */
function changedText(values: Flat, defaults: Flat, unsettable: readonly string[] = []): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === defaults[name]) continue;
    if (value.trim() !== '' || unsettable.includes(name)) changed[name] = value;
  }
  return changed;
}

function changedAddress(values: AddressValues, defaults: AddressValues): Record<string, string> | undefined {
  const changed = changedText({ ...values }, { ...defaults }, ['line2']);
  if (Object.keys(changed).length === 0) return undefined;
  // The postcode and state are checked against the address's country, so it goes with every change.
  return { ...changed, country: values.country };
}

function changedDob(values: DobValues, defaults: DobValues): DobValues | undefined {
  const same = values.day === defaults.day && values.month === defaults.month && values.year === defaults.year;
  const empty = [values.day, values.month, values.year].every((part) => part.trim() === '');
  return same || empty ? undefined : values;
}

function changedRelationship(values: RelationshipValues, defaults: RelationshipValues) {
  const { title, percent_ownership, ...roles } = values;
  const changed: Record<string, string | boolean> = changedText(
    { title, percent_ownership },
    { title: defaults.title, percent_ownership: defaults.percent_ownership },
    ['percent_ownership'],
  );
  for (const [role, holds] of Object.entries(roles)) {
    if (holds !== defaults[role as keyof typeof roles]) changed[role] = holds;
  }
  return Object.keys(changed).length === 0 ? undefined : changed;
}

/** Drops keys whose value is undefined, so a hash without changes is empty. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/** A person's changed fields as Stripe's parameters; `relationship` only for a company's persons. */
export function changedPerson(
  values: PersonValues,
  defaults: PersonValues,
  options: { relationship: boolean },
): Record<string, unknown> {
  const { dob, address, relationship, ...plain } = values;
  const { dob: dobBefore, address: addressBefore, relationship: relationshipBefore, ...plainBefore } = defaults;
  return defined({
    ...changedText(plain, plainBefore),
    dob: changedDob(dob, dobBefore),
    address: changedAddress(address, addressBefore),
    relationship: options.relationship ? changedRelationship(relationship, relationshipBefore) : undefined,
  });
}

/** The business profile's and (for companies) the company's changed fields. */
export function changedBusiness(
  values: BusinessValues,
  defaults: BusinessValues,
  options: { company: boolean },
): Record<string, Record<string, unknown>> {
  const profile = changedText({ ...values.business_profile }, { ...defaults.business_profile });
  const { address, ...company } = values.company;
  const { address: addressBefore, ...companyBefore } = defaults.company;
  const companyChanges = defined({
    ...changedText(company, companyBefore),
    address: changedAddress(address, addressBefore),
  });
  const params: Record<string, Record<string, unknown>> = {};
  if (Object.keys(profile).length > 0) params['business_profile'] = profile;
  if (options.company && Object.keys(companyChanges).length > 0) params['company'] = companyChanges;
  return params;
}

/** A new bank account as `external_account[...]`. */
export function bankParams(values: BankValues): Record<string, string> {
  return { object: 'bank_account', ...changedText({ ...values }, {}) };
}
