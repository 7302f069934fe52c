import type { ReactNode } from 'react';
import type { CsvValue } from './csv';
import type { SortColumn } from './list-query';

/** One field of a column in a CSV export (a money column exports its amount and its currency). */
export interface CsvField<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** A column of a money table, in the user's language. */
export interface MoneyColumn<T> {
  id: string;
  /** The heading, also used in the column menu and in sort announcements. */
  label: string;
  cell: (row: T) => ReactNode;
  /** Set for the columns the server can order by. */
  sort?: SortColumn;
  /** Numbers line up on the end edge. */
  align?: 'start' | 'end';
  /** A CSS width; the layout is fixed, so rows that scroll into view never shift the columns. */
  width: string;
  /** False for the column that opens a row: hiding it would hide the way to the details. */
  hideable?: boolean;
  hiddenByDefault?: boolean;
  /** What the column adds to a CSV export. */
  csv?: readonly CsvField<T>[];
}
