import { describe, expect, test } from 'vitest';
import type { CountryCode } from '../requirements/countries';
import { addressParamsSchema, isPostalCode } from './address';

describe('addressParamsSchema per country', () => {
  test.each<[CountryCode, string, string | undefined, string, string | undefined]>([
    ['US', '94103-1234', 'ca', '94103-1234', 'CA'],
    ['CA', 'k1a 0b1', 'on', 'K1A 0B1', 'ON'],
    ['GB', 'sw1a 1aa', undefined, 'SW1A 1AA', undefined],
    ['AU', '2000', 'nsw', '2000', 'NSW'],
    ['DE', '10115', undefined, '10115', undefined],
    ['FR', '75001', undefined, '75001', undefined],
    ['IE', 'd02 x285', 'Dublin', 'D02 X285', 'Dublin'],
    ['NL', '1012 ab', undefined, '1012 AB', undefined],
    ['ES', '28013', 'Madrid', '28013', 'Madrid'],
    ['IT', '00184', 'RM', '00184', 'RM'],
  ])(
    'accepts a %s address with postcode %s and normalizes it',
    (country, postalCode, state, expectedPostal, expectedState) => {
      const parsed = addressParamsSchema(country).parse({
        line1: '1 Main Street',
        city: 'Capital',
        postal_code: postalCode,
        ...(state === undefined ? {} : { state }),
      });
      expect(parsed.postal_code).toBe(expectedPostal);
      expect(parsed.state).toBe(expectedState);
    },
  );

  test.each<[CountryCode, string]>([
    ['US', '9410'],
    ['US', 'ABCDE'],
    ['CA', 'D1A 0B1'],
    ['GB', '12345'],
    ['AU', '200'],
    ['DE', '1011'],
    ['FR', '7500'],
    ['IE', '12345'],
    ['NL', '1012'],
    ['ES', '53000'],
    ['IT', 'ABCDE'],
  ])('refuses the %s postcode %s on postal_code', (country, postalCode) => {
    const result = addressParamsSchema(country).safeParse({ postal_code: postalCode });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['postal_code'],
      message: `must be a valid postcode for ${country}`,
    });
  });

  test.each<[CountryCode, string]>([
    ['US', 'XX'],
    ['US', 'California'],
    ['CA', 'QB'],
    ['AU', 'NZ'],
  ])('refuses the %s state %s', (country, state) => {
    const result = addressParamsSchema(country).safeParse({ state });
    expect(result.error?.issues[0]?.path).toEqual(['state']);
  });

  test('accepts any short state text where the country has no list', () => {
    expect(addressParamsSchema('GB').parse({ state: 'Greater London' }).state).toBe('Greater London');
  });
});

describe('addressParamsSchema rules of the address country', () => {
  test('checks the postcode by the address country when it differs from the account', () => {
    expect(addressParamsSchema('US').parse({ country: 'fr', postal_code: '75001' })).toEqual({
      country: 'FR',
      postal_code: '75001',
    });
    expect(addressParamsSchema('US').safeParse({ country: 'FR', postal_code: '94103-1234' }).success).toBe(false);
    expect(addressParamsSchema('US').parse({ country: 'JP', postal_code: '100-0001' }).postal_code).toBe('100-0001');
  });

  test('accepts any postcode in a country without a known rule', () => {
    expect(isPostalCode('ANY 123', 'AE')).toBe(true);
    expect(addressParamsSchema('US').parse({ country: 'AE', postal_code: '00000' }).postal_code).toBe('00000');
  });

  test.each([['ZZ'], ['USA'], ['u'], [''], [1]])('refuses the country %j', (country) => {
    const result = addressParamsSchema('US').safeParse({ country });
    expect(result.error?.issues[0]?.path).toEqual(['country']);
  });
});

describe('addressParamsSchema complete mode', () => {
  test.each<[CountryCode, string[]]>([
    ['US', ['line1', 'city', 'postal_code', 'state']],
    ['CA', ['line1', 'city', 'postal_code', 'state']],
    ['AU', ['line1', 'city', 'postal_code', 'state']],
    ['GB', ['line1', 'city', 'postal_code']],
    ['DE', ['line1', 'city', 'postal_code']],
    ['IE', ['line1', 'city']],
  ])('requires in %s: %j', (country, fields) => {
    const result = addressParamsSchema(country, { complete: true }).safeParse({});
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(fields);
    expect(result.error?.issues.every((issue) => issue.message === 'is required')).toBe(true);
  });

  test('passes a whole address and leaves partial updates alone when off', () => {
    const whole = { line1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94103' };
    expect(addressParamsSchema('US', { complete: true }).parse(whole)).toEqual(whole);
    expect(addressParamsSchema('US').parse({ line2: 'Apt 2' })).toEqual({ line2: 'Apt 2' });
  });
});

describe('addressParamsSchema hostile input', () => {
  test.each([
    [{ line1: 'x'.repeat(201) }, 'line1'],
    [{ line1: 123 }, 'line1'],
    [{ city: ['Paris'] }, 'city'],
    [{ line1: 'Main\u202E St' }, 'line1'],
    [{ postal_code: '9'.repeat(21) }, 'postal_code'],
  ])('refuses %j on %s', (address, field) => {
    const result = addressParamsSchema('US').safeParse(address);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  test('refuses an unknown field by name', () => {
    const result = addressParamsSchema('US').safeParse({ line1: '1 Main St', line3: 'x' });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['line3'] });
  });

  test('unsets line2 with an empty string', () => {
    expect(addressParamsSchema('US').parse({ line2: '' })).toEqual({ line2: null });
  });
});
