import { useEffect, useMemo, useState } from 'react';
import { formatMessage } from '../../i18n/catalog';
import type { MessageKey, MessageValues } from '../../i18n/catalog';
import { loadedMoneyCatalog, loadMoneyCatalog, moneyEnglish } from '../../i18n/catalogs/money';
import type { MoneyCatalog, MoneyMessageKey } from '../../i18n/catalogs/money';
import type { I18n } from '../../i18n/i18n';
import { useI18n } from '../../provider/use-atrium';

/** A key of the shared catalog or of the money components' own. */
export type MoneyKey = MessageKey | MoneyMessageKey;

export interface MoneyI18n extends Omit<I18n, 't'> {
  t: (key: MoneyKey, values?: MessageValues) => string;
}

const isMoneyKey = (key: MoneyKey): key is MoneyMessageKey => key.startsWith('money.');

/** The provider's i18n with the money components' messages added. */
export function createMoneyI18n(i18n: I18n, loaded?: MoneyCatalog): MoneyI18n {
  const catalog = loaded ?? loadedMoneyCatalog(i18n.language) ?? moneyEnglish;
  return {
    ...i18n,
    t: (key, values) => (isMoneyKey(key) ? formatMessage(catalog[key], values, i18n.locale) : i18n.t(key, values)),
  };
}

/**
 * The provider's i18n with the money components' messages added. Their catalogs
 * (`i18n/catalogs/money/`) are imported only by these components, so the onboarding entry and
 * the others do not carry their strings.
 */
export function useMoneyI18n(): MoneyI18n {
  const i18n = useI18n();
  const [loaded, setLoaded] = useState<{ language: string; catalog: MoneyCatalog } | undefined>();
  const missing = loadedMoneyCatalog(i18n.language) === undefined;
  useEffect(() => {
    if (!missing) return;
    let current = true;
    void loadMoneyCatalog(i18n.language).then((catalog) => {
      if (current) setLoaded({ language: i18n.language, catalog });
    });
    return () => {
      current = false;
    };
  }, [i18n.language, missing]);
  const catalog = loaded?.language === i18n.language ? loaded.catalog : undefined;
  return useMemo(() => createMoneyI18n(i18n, catalog), [i18n, catalog]);
}
