import { z } from 'zod/mini';

/** The business types Atrium onboards, with Stripe's names. */
export const BUSINESS_TYPES = ['individual', 'company', 'non_profit'] as const;
export const businessTypeSchema = z.enum(BUSINESS_TYPES, 'must be one of individual, company, non_profit');
export type BusinessType = z.infer<typeof businessTypeSchema>;

/** The capabilities an account can request, with Stripe's names. */
export const CAPABILITIES = ['card_payments', 'transfers'] as const;
export const capabilitySchema = z.enum(CAPABILITIES, 'must be one of card_payments, transfers');
export type Capability = z.infer<typeof capabilitySchema>;

/**
 * How a country's bank accounts are written. Each format has one validator in
 * `accounts/bank-account.ts`; a country picks its format in its data file.
 */
export const BANK_ACCOUNT_FORMATS = ['aba', 'canadian', 'sort_code', 'bsb', 'iban'] as const;
export type BankAccountFormat = (typeof BANK_ACCOUNT_FORMATS)[number];

const ROOTS_BY_BUSINESS_TYPE = {
  individual: ['business_profile', 'external_account', 'individual', 'tos_acceptance'],
  company: [
    'business_profile',
    'company',
    'directors',
    'executives',
    'external_account',
    'owners',
    'relationship',
    'representative',
    'tos_acceptance',
  ],
  non_profit: [
    'business_profile',
    'company',
    'directors',
    'executives',
    'external_account',
    'relationship',
    'representative',
    'tos_acceptance',
  ],
} as const satisfies Record<BusinessType, readonly string[]>;

const requirementNameSchema = z
  .string()
  .check(z.regex(/^[a-z_]+(\.[a-z0-9_]+)*$/, 'must be a dotted requirement name'));
const currencySchema = z.string().check(z.regex(/^[a-z]{3}$/, 'must be a lowercase ISO 4217 code'));
const countryCodeSchema = z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'));

/**
 * What one capability needs for one business type. `currently_due` is needed before the
 * capability can be active; `eventually_due` lists only what is needed later, after the country's
 * threshold (the engine's output `eventually_due` is the union of both).
 */
const capabilityRulesSchema = z.strictObject({
  currently_due: z.array(requirementNameSchema),
  eventually_due: z.array(requirementNameSchema),
});

const businessRulesSchema = z.strictObject({
  card_payments: capabilityRulesSchema,
  transfers: capabilityRulesSchema,
});
export type BusinessRules = z.infer<typeof businessRulesSchema>;

/** A country-specific identifier format, checked after separators (spaces, dashes, dots, slashes) are removed. */
const identifierFormatSchema = z.strictObject({
  /** An anchored regular expression (without flags) for the upper-cased, separator-free value. */
  pattern: z.string().check(z.startsWith('^'), z.endsWith('$')),
  /** Completes the error message "must be ...". */
  description: z.string().check(z.minLength(1)),
  /** A value that matches, used in documentation and tests. */
  example: z.string().check(z.minLength(1)),
});
export type IdentifierFormat = z.infer<typeof identifierFormatSchema>;

/** Requirements that start to apply at a future date; before it they show in `future_requirements`. */
const futureRulesSchema = z.strictObject({
  effectiveAt: z.iso.date(),
  requirements: z.strictObject({
    individual: z.partial(businessRulesSchema),
    company: z.partial(businessRulesSchema),
    non_profit: z.partial(businessRulesSchema),
  }),
});
export type FutureRules = z.infer<typeof futureRulesSchema>;

const alternativeSchema = z.strictObject({
  original_fields_due: z.array(requirementNameSchema).check(z.minLength(1)),
  alternative_fields_due: z.array(requirementNameSchema).check(z.minLength(1)),
});

/**
 * Everything Atrium knows about onboarding in one country. The engine and the field schemas read
 * only this data, so a new country is a new data file (see docs/requirements.md).
 */
const countrySpecShape = z.strictObject({
  country: countryCodeSchema,
  defaultCurrency: currencySchema,
  payoutCurrencies: z.array(currencySchema).check(z.minLength(1)),
  /** Days from a charge until its funds become available (Stripe's standard payout timing). */
  payoutDelayDays: z.number().check(z.int(), z.gte(0), z.lte(30)),
  minimumAge: z.number().check(z.int(), z.gte(13), z.lte(21)),
  /** Postcodes are checked with `postcode-validator` for the address's country. */
  postalCode: z.strictObject({ required: z.boolean() }),
  /** `codes`: the accepted state or province codes; without it any short text is accepted. */
  states: z.strictObject({
    required: z.boolean(),
    codes: z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2,3}$/)))),
  }),
  /** The individual identity number (`id_number`); null: any short alphanumeric value. */
  idNumber: z.nullable(identifierFormatSchema),
  /** Whether `ssn_last_4` exists here (United States only, as in Stripe). */
  ssnLast4: z.boolean(),
  taxId: identifierFormatSchema,
  /** `countries`: where this country's accounts may hold their payout bank accounts. */
  bankAccount: z.strictObject({
    format: z.enum(BANK_ACCOUNT_FORMATS),
    countries: z.array(countryCodeSchema).check(z.minLength(1)),
  }),
  /** Days after account creation when `eventually_due` items become currently due, then past due. */
  eventuallyDue: z.strictObject({
    currentlyDueAfterDays: z.number().check(z.int(), z.gte(0)),
    pastDueAfterDays: z.number().check(z.int(), z.gte(0)),
  }),
  requirements: z.strictObject({
    individual: businessRulesSchema,
    company: businessRulesSchema,
    non_profit: businessRulesSchema,
  }),
  alternatives: z.array(alternativeSchema),
  futureRequirements: z.array(futureRulesSchema),
});
export type CountrySpec = z.infer<typeof countrySpecShape>;

/** The country data schema with its invariants; the data files are checked against it in tests. */
export const countrySpecSchema = countrySpecShape.check(
  z.superRefine((spec: CountrySpec, ctx) => {
    for (const problem of specProblems(spec)) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/** The invariants a country file must keep beyond its shape; each problem is one sentence. */
function specProblems(spec: CountrySpec): string[] {
  const problems: string[] = [];
  if (!spec.payoutCurrencies.includes(spec.defaultCurrency)) problems.push('defaultCurrency must be a payout currency');
  if (!spec.bankAccount.countries.includes(spec.country))
    problems.push('bankAccount.countries must include the country');
  if (spec.eventuallyDue.pastDueAfterDays < spec.eventuallyDue.currentlyDueAfterDays) {
    problems.push('eventuallyDue.pastDueAfterDays must not come before currentlyDueAfterDays');
  }
  for (const format of [spec.taxId, spec.idNumber]) {
    if (format && !new RegExp(format.pattern).test(format.example)) {
      problems.push(`example ${format.example} must match ${format.pattern}`);
    }
  }
  for (const businessType of BUSINESS_TYPES) {
    for (const capability of CAPABILITIES) {
      problems.push(...ruleProblems(spec, businessType, spec.requirements[businessType][capability]));
    }
  }
  return problems;
}

function ruleProblems(spec: CountrySpec, businessType: BusinessType, rules: z.infer<typeof capabilityRulesSchema>) {
  const problems: string[] = [];
  const roots: readonly string[] = ROOTS_BY_BUSINESS_TYPE[businessType];
  const current = new Set(rules.currently_due);
  for (const name of [...rules.currently_due, ...rules.eventually_due]) {
    const root = name.split('.')[0] ?? '';
    if (!roots.includes(root)) problems.push(`${businessType}: ${name} does not belong to this business type`);
    if (name.endsWith('.ssn_last_4') && !spec.ssnLast4) problems.push(`${businessType}: ${name} needs ssnLast4`);
    if (name.endsWith('.address.state') && !spec.states.required) {
      problems.push(`${businessType}: ${name} is listed but states are not required`);
    }
  }
  for (const name of rules.eventually_due) {
    if (current.has(name)) problems.push(`${businessType}: ${name} is both currently and eventually due`);
  }
  for (const name of rules.currently_due) {
    if (name.endsWith('.address.line1')) problems.push(...addressProblems(spec, businessType, current, name));
  }
  return problems;
}

function addressProblems(spec: CountrySpec, businessType: BusinessType, current: Set<string>, line1: string) {
  const prefix = line1.slice(0, -'line1'.length);
  const problems: string[] = [];
  if (spec.states.required && !current.has(`${prefix}state`)) {
    problems.push(`${businessType}: ${prefix}state must be due with ${line1}`);
  }
  if (spec.postalCode.required && !current.has(`${prefix}postal_code`)) {
    problems.push(`${businessType}: ${prefix}postal_code must be due with ${line1}`);
  }
  return problems;
}
