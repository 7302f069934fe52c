import { beforeAll, describe, expect, test } from 'vitest';
import { SUPPORTED_COUNTRIES } from '../requirements/countries';
import {
  COUNTRY_NAME_LOCALES,
  countryName,
  countryNameLocale,
  countryOptions,
  isCountryCode,
  loadCountryNames,
} from './country-names';

// This block runs first: the other locales are not loaded yet.
describe('before a locale is loaded', () => {
  test('names countries in English', () => {
    expect(countryName('DE', 'de')).toBe('Germany');
  });
});

describe('countryName', () => {
  beforeAll(async () => {
    expect(await Promise.all(COUNTRY_NAME_LOCALES.map(loadCountryNames))).toEqual([...COUNTRY_NAME_LOCALES]);
  });

  test.each([
    ['GB', 'en', 'United Kingdom'],
    ['DE', 'de', 'Deutschland'],
    ['DE', 'fr', 'Allemagne'],
    ['ES', 'es', 'España'],
    ['JP', 'ja', '日本'],
    ['US', 'fr-CA', "États-Unis d'Amérique"],
    ['IT', 'pt-BR', 'Italy'],
  ])('names %s in %s as %s', (code, locale, name) => {
    expect(countryName(code, locale)).toBe(name);
  });

  test('falls back to the code for an unknown country', () => {
    expect(countryName('ZZ', 'en')).toBe('ZZ');
  });

  test.each(COUNTRY_NAME_LOCALES)('has a name for every supported country in %s', (locale) => {
    for (const code of SUPPORTED_COUNTRIES) expect(countryName(code, locale)).not.toBe(code);
  });
});

describe('countryNameLocale and isCountryCode', () => {
  test('loads the language of a regional locale, and English for an unknown one', async () => {
    expect(await loadCountryNames('es-MX')).toBe('es');
    expect(await loadCountryNames('zh-TW')).toBe('en');
  });

  test('maps regional locales to their language and unknown ones to English', () => {
    expect(countryNameLocale('de-AT')).toBe('de');
    expect(countryNameLocale('ja_JP')).toBe('ja');
    expect(countryNameLocale('zh')).toBe('en');
  });

  test('accepts only upper-case ISO 3166-1 alpha-2 codes', () => {
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('fr')).toBe(false);
    expect(isCountryCode('FRA')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
  });
});

describe('countryOptions', () => {
  test('sorts by name in the locale', () => {
    expect(countryOptions(['DE', 'AT', 'FR'], 'de').map((option) => option.name)).toEqual([
      'Deutschland',
      'Frankreich',
      'Österreich',
    ]);
    expect(countryOptions(['US', 'GB', 'DE'], 'en').map((option) => option.code)).toEqual(['DE', 'GB', 'US']);
  });
});
