import type { ApiList } from '@atrium/core';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../primitives/button/button';
import { toCsv } from './csv';
import type { CsvColumn } from './csv';
import { downloadCsv, exportFilename } from './download';
import { loadAllRows } from './paged-list';
import { useMoneyI18n } from './use-money-i18n';

/** An export stops here; the user is told to narrow the filters for the rest. */
export const EXPORT_MAX_ROWS = 10_000;

export interface ExportButtonProps<T> {
  /** The file's name before the date, for example `payouts`. */
  name: string;
  columns: readonly CsvColumn<T>[];
  fetchPage: (startingAfter: string | undefined, signal: AbortSignal) => Promise<ApiList<T>>;
}

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; rowCount: number }
  | { kind: 'done'; rowCount: number; truncated: boolean }
  | { kind: 'failed' };

/**
 * Exports every row the current filters select (not only the rows loaded on screen) as CSV:
 * reads the list page by page, tells the user how far it got, and downloads the file.
 */
export function ExportButton<T extends { id: string }>({ name, columns, fetchPage }: ExportButtonProps<T>) {
  const { t, timeZone } = useMoneyI18n();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const run = async () => {
    const current = new AbortController();
    controller.current = current;
    setState({ kind: 'running', rowCount: 0 });
    try {
      const { rows, truncated } = await loadAllRows((after) => fetchPage(after, current.signal), {
        maxRows: EXPORT_MAX_ROWS,
        onProgress: (rowCount) => setState({ kind: 'running', rowCount }),
      });
      downloadCsv(exportFilename(name, Date.now(), timeZone), toCsv(columns, rows));
      setState({ kind: 'done', rowCount: rows.length, truncated });
    } catch {
      if (!current.signal.aborted) setState({ kind: 'failed' });
    }
  };

  return (
    <div className="atr-export">
      <Button size="sm" loading={state.kind === 'running'} onClick={() => void run()}>
        {t('money.table.export')}
      </Button>
      <span className="atr-text-secondary atr-text-small" role="status">
        {state.kind === 'running' && t('money.table.exporting', { count: state.rowCount })}
        {state.kind === 'done' &&
          t(state.truncated ? 'money.table.exportTruncated' : 'money.table.exported', { count: state.rowCount })}
        {state.kind === 'failed' && t('money.table.exportFailed')}
      </span>
    </div>
  );
}
