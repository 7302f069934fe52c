import type { ReactTable } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { Checkbox } from '../../primitives/checkbox/checkbox';
import type { MoneyColumn } from './money-column';
import type { MoneyTableFeatures } from './table-features';
import { useMoneyI18n } from './use-money-i18n';

interface ColumnMenuProps<T extends { id: string }> {
  table: ReactTable<MoneyTableFeatures, T, unknown>;
  columns: readonly MoneyColumn<T>[];
}

/**
 * Which edge of its button the panel lines up with: the end by default; the start when the end
 * would push it past the viewport's edge (a narrow screen with the button near the start).
 */
function usePanelAlignment() {
  const panel = useRef<HTMLFieldSetElement>(null);
  const [align, setAlign] = useState<'end' | 'start'>('end');
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open) {
      setAlign('end');
      return;
    }
    const rect = panel.current?.getBoundingClientRect();
    if (rect && (rect.left < 0 || rect.right > document.documentElement.clientWidth)) setAlign('start');
  };
  return { panel, align, onToggle };
}

/**
 * Shows and hides columns. A native disclosure (`<details>`): it opens with Enter or Space,
 * announces its state, and needs no focus management. The last visible column cannot be hidden.
 */
export function ColumnMenu<T extends { id: string }>({ table, columns }: ColumnMenuProps<T>) {
  const { t } = useMoneyI18n();
  const { panel, align, onToggle } = usePanelAlignment();
  const visibleCount = table.getAllLeafColumns().filter((column) => column.getIsVisible()).length;
  return (
    <details className="atr-menu" onToggle={onToggle}>
      <summary className="atr-menu-trigger">{t('money.table.columns')}</summary>
      <fieldset ref={panel} className="atr-menu-panel" data-align={align} aria-label={t('money.table.columns')}>
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
