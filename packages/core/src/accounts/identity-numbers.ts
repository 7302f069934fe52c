import { countrySpec } from '../requirements/countries';
import type { CountryCode } from '../requirements/countries';
import { identifierParam } from './text';

const GENERIC_ID_NUMBER = /^[A-Z0-9]{1,30}$/;

/**
 * A person's government identity number (`id_number`) in the country's format: the SSN or ITIN in
 * the United States, the SIN in Canada; elsewhere up to 30 letters and digits. Separators are
 * removed before the check.
 */
export function idNumberParam(country: CountryCode) {
  const format = countrySpec(country).idNumber;
  if (!format) return identifierParam(GENERIC_ID_NUMBER, 'an identity number of up to 30 letters and digits');
  return identifierParam(new RegExp(format.pattern), format.description);
}

/** The last four digits of a US Social Security Number (`ssn_last_4`). */
export const ssnLast4Param = () => identifierParam(/^\d{4}$/, 'the last 4 digits of a Social Security Number');

/** A company's tax id (`company[tax_id]`) in the country's format, separators removed. */
export function taxIdParam(country: CountryCode) {
  const format = countrySpec(country).taxId;
  return identifierParam(new RegExp(format.pattern), format.description);
}
