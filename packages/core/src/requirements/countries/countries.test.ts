import { postcodeValidatorExistsForCountry } from 'postcode-validator';
import { describe, expect, test } from 'vitest';
import { BUSINESS_TYPES, CAPABILITIES, countrySpecSchema } from '../country-spec';
import type { CountrySpec } from '../country-spec';
import { COUNTRY_SPECS, countrySpec, isSupportedCountry, SUPPORTED_COUNTRIES, supportedCountrySchema } from '.';

describe('the country data files', () => {
  test.each(SUPPORTED_COUNTRIES)('%s keeps every invariant of the country schema', (country) => {
    const result = countrySpecSchema.safeParse(countrySpec(country));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(countrySpec(country).country).toBe(country);
  });

  test.each(SUPPORTED_COUNTRIES)('%s has a postcode rule and bank countries Atrium supports', (country) => {
    const spec = countrySpec(country);
    expect(postcodeValidatorExistsForCountry(country)).toBe(true);
    for (const bankCountry of spec.bankAccount.countries) {
      expect(isSupportedCountry(bankCountry)).toBe(true);
      expect(countrySpec(bankCountry as typeof country).bankAccount.format).toBe(spec.bankAccount.format);
    }
  });

  test.each(SUPPORTED_COUNTRIES)(
    '%s asks every business type for a bank account, the terms and a website',
    (country) => {
      for (const businessType of BUSINESS_TYPES) {
        for (const capability of CAPABILITIES) {
          const due = countrySpec(country).requirements[businessType][capability].currently_due;
          expect(due).toEqual(expect.arrayContaining(['external_account', 'tos_acceptance.date', 'tos_acceptance.ip']));
          expect(due).toContain('business_profile.url');
        }
      }
    },
  );

  test('covers at least the countries of the brief', () => {
    expect(SUPPORTED_COUNTRIES).toEqual(
      expect.arrayContaining(['US', 'CA', 'GB', 'AU', 'DE', 'FR', 'IE', 'NL', 'ES', 'IT']),
    );
  });

  test('follows Stripe on identity numbers: SSN last 4 now and the full SSN later in the US', () => {
    const us = COUNTRY_SPECS.US.requirements.individual.card_payments;
    expect(us.currently_due).toContain('individual.ssn_last_4');
    expect(us.eventually_due).toContain('individual.id_number');
    expect(SUPPORTED_COUNTRIES.filter((country) => countrySpec(country).ssnLast4)).toEqual(['US']);
  });

  test('accepts supported country codes only, in upper case', () => {
    expect(supportedCountrySchema.parse('IE')).toBe('IE');
    expect(supportedCountrySchema.safeParse('ie').success).toBe(false);
    expect(supportedCountrySchema.safeParse('JP').error?.issues[0]?.message).toBe(
      `must be a supported country: ${SUPPORTED_COUNTRIES.join(', ')}`,
    );
    expect(isSupportedCountry('__proto__')).toBe(false);
  });
});

describe('countrySpecSchema catches broken data', () => {
  const us: CountrySpec = COUNTRY_SPECS.US;
  const withIndividualCard = (rules: { currently_due: string[]; eventually_due: string[] }): CountrySpec => ({
    ...us,
    requirements: { ...us.requirements, individual: { ...us.requirements.individual, card_payments: rules } },
  });
  const problems = (spec: CountrySpec) => countrySpecSchema.safeParse(spec).error?.issues.map((issue) => issue.message);

  test.each<[string, CountrySpec, string]>([
    [
      'a default currency it cannot pay out',
      { ...us, defaultCurrency: 'eur' },
      'defaultCurrency must be a payout currency',
    ],
    [
      'bank countries without its own',
      { ...us, bankAccount: { format: 'aba', countries: ['CA'] } },
      'bankAccount.countries must include the country',
    ],
    [
      'a tax id example that does not match',
      { ...us, taxId: { ...us.taxId, example: '123' } },
      'example 123 must match ^\\d{9}$',
    ],
    [
      'a requirement both now and later',
      withIndividualCard({ currently_due: ['individual.first_name'], eventually_due: ['individual.first_name'] }),
      'individual: individual.first_name is both currently and eventually due',
    ],
    [
      'a company field for individuals',
      withIndividualCard({ currently_due: ['company.name'], eventually_due: [] }),
      'individual: company.name does not belong to this business type',
    ],
    [
      'an address without its state',
      withIndividualCard({
        currently_due: ['individual.address.line1', 'individual.address.postal_code'],
        eventually_due: [],
      }),
      'individual: individual.address.state must be due with individual.address.line1',
    ],
    [
      'ssn_last_4 outside the US',
      {
        ...COUNTRY_SPECS.GB,
        requirements: {
          ...COUNTRY_SPECS.GB.requirements,
          individual: withIndividualCard({ currently_due: ['individual.ssn_last_4'], eventually_due: [] }).requirements
            .individual,
        },
      },
      'individual: individual.ssn_last_4 needs ssnLast4',
    ],
    [
      'deadlines in the wrong order',
      { ...us, eventuallyDue: { currentlyDueAfterDays: 30, pastDueAfterDays: 10 } },
      'eventuallyDue.pastDueAfterDays must not come before currentlyDueAfterDays',
    ],
  ])('refuses %s', (_, spec, message) => {
    expect(problems(spec)).toContain(message);
  });

  test('refuses an unknown key and an unanchored pattern', () => {
    expect(countrySpecSchema.safeParse({ ...us, vatRate: 20 }).success).toBe(false);
    expect(countrySpecSchema.safeParse({ ...us, taxId: { ...us.taxId, pattern: '\\d{9}' } }).success).toBe(false);
  });
});
