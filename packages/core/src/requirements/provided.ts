/*
 * From an account's Stripe-shaped data to the requirement names it provides, so the server and
 * the component never spell that mapping twice. The inputs are loose on purpose: stored objects
 * (with `*_provided` flags instead of secret values), parsed parameters and API objects all fit.
 */

type Maybe<T> = T | null | undefined;

/** An address as stored or sent. */
export interface AddressData {
  line1?: Maybe<string>;
  line2?: Maybe<string>;
  city?: Maybe<string>;
  state?: Maybe<string>;
  postal_code?: Maybe<string>;
  country?: Maybe<string>;
}

/** An uploaded document: the file ids of its sides. */
export interface DocumentData {
  front?: Maybe<string>;
  back?: Maybe<string>;
}

/** A person: the account's `individual`, or one of a company's persons. */
export interface PersonData {
  first_name?: Maybe<string>;
  last_name?: Maybe<string>;
  email?: Maybe<string>;
  phone?: Maybe<string>;
  dob?: Maybe<{ day?: Maybe<number>; month?: Maybe<number>; year?: Maybe<number> }>;
  address?: Maybe<AddressData>;
  id_number?: Maybe<string>;
  id_number_provided?: Maybe<boolean>;
  ssn_last_4?: Maybe<string>;
  ssn_last_4_provided?: Maybe<boolean>;
  relationship?: Maybe<{
    representative?: Maybe<boolean>;
    owner?: Maybe<boolean>;
    director?: Maybe<boolean>;
    executive?: Maybe<boolean>;
    title?: Maybe<string>;
    percent_ownership?: Maybe<number>;
  }>;
  verification?: Maybe<{ document?: Maybe<DocumentData>; additional_document?: Maybe<DocumentData> }>;
}

/** A company (or non-profit). */
export interface CompanyData {
  name?: Maybe<string>;
  tax_id?: Maybe<string>;
  tax_id_provided?: Maybe<boolean>;
  phone?: Maybe<string>;
  address?: Maybe<AddressData>;
  structure?: Maybe<string>;
  owners_provided?: Maybe<boolean>;
  directors_provided?: Maybe<boolean>;
  executives_provided?: Maybe<boolean>;
  verification?: Maybe<{ document?: Maybe<DocumentData> }>;
}

/** What an account holds that requirements can be met by. */
export interface AccountData {
  business_type?: Maybe<string>;
  business_profile?: Maybe<Record<string, unknown>>;
  individual?: Maybe<PersonData>;
  company?: Maybe<CompanyData>;
  tos_acceptance?: Maybe<{ date?: Maybe<number>; ip?: Maybe<string>; user_agent?: Maybe<string> }>;
  /** The account's bank accounts: an array, or a Stripe list (`{ data: [...] }`). */
  external_accounts?: Maybe<readonly unknown[] | { readonly data: readonly unknown[] }>;
  /** The company's persons, for the `relationship.<role>` requirements. */
  persons?: Maybe<readonly PersonData[]>;
}

const ROLES = ['representative', 'owner', 'director', 'executive'] as const;

function isPresent(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  return value !== null && value !== undefined && value !== false;
}

function presentFields(holder: string, record: Maybe<object>, fields: readonly string[]): string[] {
  if (!record) return [];
  const values = record as Record<string, unknown>;
  return fields.filter((field) => isPresent(values[field])).map((field) => `${holder}${field}`);
}

function documentFields(prefix: string, verification: PersonData['verification']): string[] {
  const names: string[] = [];
  if (isPresent(verification?.document?.front)) names.push(`${prefix}verification.document`);
  if (isPresent(verification?.additional_document?.front)) names.push(`${prefix}verification.additional_document`);
  return names;
}

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;
const DOB_FIELDS = ['day', 'month', 'year'] as const;

function personFields(person: PersonData, prefix: string): string[] {
  const names = presentFields(prefix, person, ['first_name', 'last_name', 'email', 'phone']);
  names.push(...presentFields(`${prefix}dob.`, person.dob, DOB_FIELDS));
  names.push(...presentFields(`${prefix}address.`, person.address, ADDRESS_FIELDS));
  if (isPresent(person.id_number) || person.id_number_provided === true) names.push(`${prefix}id_number`);
  if (isPresent(person.ssn_last_4) || person.ssn_last_4_provided === true) names.push(`${prefix}ssn_last_4`);
  names.push(...presentFields(`${prefix}relationship.`, person.relationship, ['title', 'percent_ownership']));
  names.push(...documentFields(prefix, person.verification));
  return names;
}

/**
 * The fields a person provides, relative to the person (`first_name`, `dob.day`,
 * `address.line1`, `verification.document`, ...): the engine's `persons[].provided`.
 */
export function providedPersonFields(person: PersonData): Set<string> {
  return new Set(personFields(person, ''));
}

function companyFields(company: CompanyData): string[] {
  const names = presentFields('company.', company, ['name', 'phone', 'structure']);
  if (isPresent(company.tax_id) || company.tax_id_provided === true) names.push('company.tax_id');
  names.push(...presentFields('company.address.', company.address, ADDRESS_FIELDS));
  names.push(...presentFields('company.', company, ['owners_provided', 'directors_provided', 'executives_provided']));
  if (isPresent(company.verification?.document?.front)) names.push('company.verification.document');
  return names;
}

function bankAccountCount(accounts: AccountData['external_accounts']): number {
  if (!accounts) return 0;
  return 'data' in accounts ? accounts.data.length : accounts.length;
}

/**
 * The account-level requirement names an account's data provides (`business_type`,
 * `individual.dob.day`, `company.tax_id`, `external_account`, `tos_acceptance.ip`,
 * `relationship.representative`, ...): the engine's `provided`. Persons' own fields are given to
 * the engine per person, with `providedPersonFields`.
 */
export function providedRequirements(account: AccountData): Set<string> {
  const names: string[] = [];
  if (isPresent(account.business_type)) names.push('business_type');
  names.push(
    ...presentFields('business_profile.', account.business_profile, Object.keys(account.business_profile ?? {})),
  );
  if (account.individual) names.push(...personFields(account.individual, 'individual.'));
  if (account.company) names.push(...companyFields(account.company));
  names.push(...presentFields('tos_acceptance.', account.tos_acceptance, ['date', 'ip', 'user_agent']));
  if (bankAccountCount(account.external_accounts) > 0) names.push('external_account');
  for (const role of ROLES) {
    if (account.persons?.some((person) => person.relationship?.[role] === true)) names.push(`relationship.${role}`);
  }
  return new Set(names);
}
