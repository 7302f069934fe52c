import { describe, expect, test } from 'vitest';
import { COUNTRY_SPECS, SUPPORTED_COUNTRIES } from '../requirements/countries';
import type { CountryCode } from '../requirements/countries';
import { idNumberParam, ssnLast4Param, taxIdParam } from './identity-numbers';

describe('taxIdParam', () => {
  test.each<[CountryCode, string, string]>([
    ['US', '12-3456789', '123456789'],
    ['US', '000000000', '000000000'],
    ['CA', '123456789 RT0001', '123456789RT0001'],
    ['GB', '01234567', '01234567'],
    ['GB', 'sc123456', 'SC123456'],
    ['GB', '12345 67890', '1234567890'],
    ['AU', '51 824 753 556', '51824753556'],
    ['AU', '000 000 000', '000000000'],
    ['DE', '21/815/08150', '2181508150'],
    ['DE', 'DE 123 456 789', 'DE123456789'],
    ['FR', '732 829 320', '732829320'],
    ['FR', '732 829 320 00074', '73282932000074'],
    ['IE', '1234567T', '1234567T'],
    ['IE', '1234567WA', '1234567WA'],
    ['IE', '123456', '123456'],
    ['NL', '12345678', '12345678'],
    ['ES', 'B-12345678', 'B12345678'],
    ['IT', '12345678901', '12345678901'],
    ['IT', 'RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
  ])('accepts the %s tax id %s as %s', (country, value, expected) => {
    expect(taxIdParam(country).parse(value)).toBe(expected);
  });

  test.each<[CountryCode, string]>([
    ['US', '12345678'],
    ['CA', '12345678'],
    ['GB', '123456789'],
    ['AU', '1234567890'],
    ['DE', '123456789'],
    ['FR', '12345678901'],
    ['IE', '1234'],
    ['NL', '1234567'],
    ['ES', '123456789'],
    ['IT', '1234567890'],
  ])('refuses the %s tax id %s with the country format', (country, value) => {
    const result = taxIdParam(country).safeParse(value);
    expect(result.error?.issues[0]?.message).toBe(`must be ${COUNTRY_SPECS[country].taxId.description}`);
  });

  test.each(SUPPORTED_COUNTRIES)('accepts the documented %s example and refuses hostile values', (country) => {
    const schema = taxIdParam(country);
    expect(schema.safeParse(COUNTRY_SPECS[country].taxId.example).success).toBe(true);
    for (const hostile of [123456789, '', '0'.repeat(100), '١٢٣٤٥٦٧٨٩', '12345678\u0000', null]) {
      expect(schema.safeParse(hostile).success).toBe(false);
    }
  });
});

describe('idNumberParam', () => {
  test('takes a US SSN with dashes and refuses other lengths', () => {
    expect(idNumberParam('US').parse('000-00-0000')).toBe('000000000');
    expect(idNumberParam('US').safeParse('0000000000').error?.issues[0]?.message).toBe(
      'must be a 9-digit Social Security Number or ITIN',
    );
  });

  test('takes a Canadian SIN', () => {
    expect(idNumberParam('CA').parse('046 454 286')).toBe('046454286');
    expect(idNumberParam('CA').safeParse('04645428').success).toBe(false);
  });

  test.each<CountryCode>(['GB', 'AU', 'DE', 'FR', 'IE', 'NL', 'ES', 'IT'])(
    'takes up to 30 letters and digits in %s',
    (country) => {
      expect(idNumberParam(country).parse('ab 123 456 c')).toBe('AB123456C');
      expect(idNumberParam(country).safeParse('A'.repeat(31)).success).toBe(false);
      expect(idNumberParam(country).safeParse('AB-12#').success).toBe(false);
    },
  );
});

describe('ssnLast4Param', () => {
  test.each([
    ['0000', true],
    ['1234', true],
    ['123', false],
    ['12345', false],
    ['12a4', false],
    [1234, false],
  ])('%j is accepted: %s', (value, accepted) => {
    expect(ssnLast4Param().safeParse(value).success).toBe(accepted);
  });
});
