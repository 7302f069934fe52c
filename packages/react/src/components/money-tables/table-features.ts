import { columnVisibilityFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';

/** What money tables use of TanStack Table: sorting state (the server sorts) and column visibility. */
export const moneyTableFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
export type MoneyTableFeatures = typeof moneyTableFeatures;
