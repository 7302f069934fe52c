import { describe, expect, test } from 'vitest';
import { SUPPORTED_COUNTRIES } from '../requirements/countries';
import { COUNTRY_SPECS } from '../requirements/countries';
import { companyParamsSchema } from './company';

const NOW = Date.UTC(2025, 5, 15, 12) / 1000;

describe('companyParamsSchema', () => {
  test('accepts a US company in form encoding and normalizes it', () => {
    const parsed = companyParamsSchema({ country: 'US', nowSeconds: NOW }).parse({
      name: 'Rocket Rides',
      tax_id: '00-0000000',
      phone: '0000000000',
      address: { line1: '1 Main St', city: 'San Francisco', state: 'ca', postal_code: '94103' },
      structure: 'multi_member_llc',
      owners_provided: 'true',
      verification: { document: { front: 'file_identity_document_success' } },
    });
    expect(parsed).toMatchObject({
      tax_id: '000000000',
      phone: '0000000000',
      address: { state: 'CA' },
      owners_provided: true,
    });
  });

  test.each(SUPPORTED_COUNTRIES)('checks the tax id by the format of %s', (country) => {
    const schema = companyParamsSchema({ country, nowSeconds: NOW });
    expect(schema.safeParse({ tax_id: COUNTRY_SPECS[country].taxId.example }).success).toBe(true);
    expect(schema.safeParse({ tax_id: '12' }).error?.issues[0]?.path).toEqual(['tax_id']);
  });

  test.each([
    [{ name: '' }, ['name']],
    [{ name: 42 }, ['name']],
    [{ structure: 'corporation' }, ['structure']],
    [{ owners_provided: 'yes' }, ['owners_provided']],
    [{ directors_provided: 1 }, ['directors_provided']],
    [{ verification: { document: { front: 'file_x', middle: 'file_y' } } }, ['verification', 'document']],
  ])('refuses %j at %j', (company, path) => {
    expect(companyParamsSchema({ country: 'GB', nowSeconds: NOW }).safeParse(company).error?.issues[0]?.path).toEqual(
      path,
    );
  });

  test('unsets the structure with an empty string', () => {
    expect(companyParamsSchema({ country: 'DE', nowSeconds: NOW }).parse({ structure: '' })).toEqual({
      structure: null,
    });
  });
});
