import { countryOptions, loadCountryNames } from '@atrium/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../provider/use-atrium';
import type { SelectOption } from '../../primitives/select/select';

/**
 * The user's language, with its country names loaded: English names are bundled; another
 * language's load once, on demand, and the component renders again when they have (until then
 * `countryName` answers in English).
 */
export function useCountryNames(): string {
  const { locale } = useI18n();
  const [, setLoaded] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void loadCountryNames(locale).then(() => {
      if (current) setLoaded(locale);
    });
    return () => {
      current = false;
    };
  }, [locale]);
  return locale;
}

/** Countries as select options, named and sorted in the user's language. */
export function useCountryOptions(codes: readonly string[]): SelectOption[] {
  const locale = useCountryNames();
  return countryOptions(codes, locale).map(({ code, name }) => ({ value: code, label: name }));
}
