import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../provider/use-atrium';

/** Label and value pairs; a missing value says so in words. */
export function SummaryList({ rows }: { rows: readonly (readonly [string, ReactNode | undefined])[] }) {
  const { t } = useI18n();
  return (
    <dl className="atr-summary">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value ?? <span className="atr-text-secondary">{t('management.value.none')}</span>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
