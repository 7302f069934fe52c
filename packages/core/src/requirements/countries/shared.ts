import type { BusinessRules } from '../country-spec';

/*
 * Building blocks the country files share. They only spell requirement names, so every country
 * file still reads as data: which fields, for whom, and when.
 */

/** Stripe's terms-of-service acceptance, needed everywhere. */
export const TOS_ACCEPTANCE = ['tos_acceptance.date', 'tos_acceptance.ip'] as const;

/** A date of birth is three requirements, as Stripe lists them. */
export const DOB = ['dob.day', 'dob.month', 'dob.year'] as const;

/** The address fields one holder must give, by the country's rules for states and postcodes. */
export function addressFields(options: { state: boolean; postalCode: boolean }): string[] {
  return [
    'address.line1',
    'address.city',
    ...(options.postalCode ? ['address.postal_code'] : []),
    ...(options.state ? ['address.state'] : []),
  ];
}

/** Prefixes each field with its holder: `withHolder('individual', ['first_name'])` is `individual.first_name`. */
export function withHolder(holder: string, fields: readonly string[]): string[] {
  return fields.map((field) => `${holder}.${field}`);
}

/**
 * The rules for both capabilities of one business type: what both need, what only card payments
 * needs on top (the merchant category), and what becomes due later.
 */
export function capabilityRules(input: {
  both: readonly string[];
  cardPaymentsOnly: readonly string[];
  eventually: readonly string[];
}): BusinessRules {
  return {
    card_payments: { currently_due: [...input.cardPaymentsOnly, ...input.both], eventually_due: [...input.eventually] },
    transfers: { currently_due: [...input.both], eventually_due: [...input.eventually] },
  };
}

/** Stripe accepts a product description instead of a website. */
export const URL_OR_PRODUCT_DESCRIPTION = {
  original_fields_due: ['business_profile.url'],
  alternative_fields_due: ['business_profile.product_description'],
};

/** The merchant category code, needed to take card payments. */
export const CARD_PAYMENTS_PROFILE = ['business_profile.mcc'] as const;

/** Stripe's standard timing for the later requirements: due after 30 days, past due after 44. */
export const EVENTUALLY_DUE = { currentlyDueAfterDays: 30, pastDueAfterDays: 44 } as const;

/** The euro-area countries whose accounts may pay out to any of their IBANs. */
export const EURO_BANK_COUNTRIES = ['DE', 'ES', 'FR', 'IE', 'IT', 'NL'];
