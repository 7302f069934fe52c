import { countryOptions, loadCountryNames } from '@atrium/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../provider/use-atrium';
import type { SelectOption } from '../../primitives/select/select';

/**
 * Countries as select options, named and sorted in the user's language. English names are
 * bundled; another language's names load once, on demand, and the options follow when they have.
 */
export function useCountryOptions(codes: readonly string[]): SelectOption[] {
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
  return countryOptions(codes, locale).map(({ code, name }) => ({ value: code, label: name }));
}
