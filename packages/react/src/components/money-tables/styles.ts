import { layoutStyles } from './layout-styles';
import { tableStyles } from './table-styles';

/** The money components' stylesheet, scoped like the shared one (see `theme/styles/scope.ts`). */
export const MONEY_STYLESHEET = `${tableStyles}${layoutStyles}`;

/** Identifies the stylesheet to React, which inserts it once however many components render it. */
export const MONEY_STYLESHEET_HREF = 'atrium-money-styles-v1';
