import type { CountryCode } from '../requirements/countries';

/**
 * What the account field schemas need to know beyond the value: the account's country (its
 * formats and rules) and the current time in Unix seconds (ages and acceptance dates; on the
 * server this is the test clock's time).
 */
export interface FieldContext {
  country: CountryCode;
  nowSeconds: number;
}
