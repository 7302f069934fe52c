import type { ReactTable } from '@tanstack/react-table';
import { Checkbox } from '../../primitives/checkbox/checkbox';
import type { MoneyColumn } from './money-column';
import type { MoneyTableFeatures } from './table-features';
import { useMoneyI18n } from './use-money-i18n';

interface ColumnMenuProps<T extends { id: string }> {
  table: ReactTable<MoneyTableFeatures, T, unknown>;
  columns: readonly MoneyColumn<T>[];
}

/**
 * Shows and hides columns. A native disclosure (`<details>`): it opens with Enter or Space,
 * announces its state, and needs no focus management. The last visible column cannot be hidden.
 */
export function ColumnMenu<T extends { id: string }>({ table, columns }: ColumnMenuProps<T>) {
  const { t } = useMoneyI18n();
  const visibleCount = table.getAllLeafColumns().filter((column) => column.getIsVisible()).length;
  return (
    <details className="atr-menu">
      <summary className="atr-menu-trigger">{t('money.table.columns')}</summary>
      <fieldset className="atr-menu-panel" aria-label={t('money.table.columns')}>
        {table.getAllLeafColumns().map((column) => {
          const visible = column.getIsVisible();
          return (
            <Checkbox
              key={column.id}
              label={columns.find((candidate) => candidate.id === column.id)?.label ?? column.id}
              checked={visible}
              disabled={!column.getCanHide() || (visible && visibleCount === 1)}
              onChange={(event) => column.toggleVisibility(event.currentTarget.checked)}
            />
          );
        })}
      </fieldset>
    </details>
  );
}
