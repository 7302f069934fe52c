import { countryOptions } from '@atrium/core';
import { useI18n } from '../../provider/use-atrium';
import type { SelectOption } from '../../primitives/select/select';

/** Countries as select options, named and sorted in the user's language. */
export function useCountryOptions(codes: readonly string[]): SelectOption[] {
  const { locale } = useI18n();
  return countryOptions(codes, locale).map(({ code, name }) => ({ value: code, label: name }));
}
