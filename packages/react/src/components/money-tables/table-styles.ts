import { fontSize, ROOT, unit } from '../../theme/styles/scope';

/** Tables: a scrolling body under a sticky header, fixed column widths, sortable headers. */
export const tableStyles = `
${ROOT} .atr-table-frame {
  display: flex;
  flex-direction: column;
  gap: ${unit(1)};
  min-width: 0;
}
${ROOT} .atr-table-frame[data-state='busy'] .atr-table {
  opacity: 0.6;
}
${ROOT} .atr-table-actions, ${ROOT} .atr-table-footer {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${unit(1)};
}
${ROOT} .atr-table-actions {
  justify-content: flex-end;
}
${ROOT} .atr-table-footer {
  justify-content: space-between;
  min-height: ${unit(3.5)};
}
${ROOT} .atr-table-scroll {
  overflow: auto;
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-table {
  width: 100%;
  min-width: 40em;
  margin: 0;
  border-collapse: separate;
  border-spacing: 0;
  table-layout: fixed;
}
${ROOT} .atr-table th, ${ROOT} .atr-table td {
  padding: ${unit(1.25)} ${unit(1.5)};
  overflow: hidden;
  text-align: start;
  text-overflow: ellipsis;
  white-space: nowrap;
  vertical-align: middle;
  border-bottom: 1px solid var(--atr-color-border);
}
${ROOT} .atr-table th {
  position: sticky;
  top: 0;
  z-index: 1;
  font-size: ${fontSize(0.857)};
  font-weight: 600;
  color: var(--atr-color-secondary-text);
  background: var(--atr-offset-background-color);
}
${ROOT} .atr-table [data-align='end'] {
  text-align: end;
}
${ROOT} .atr-table[data-layout='fit'] th, ${ROOT} .atr-table[data-layout='fit'] td {
  white-space: normal;
  overflow-wrap: break-word;
}
${ROOT} .atr-table[data-layout='fit'] td[data-align='end'] {
  white-space: nowrap;
}
${ROOT} .atr-cell-line {
  display: block;
}
${ROOT} .atr-table tbody tr {
  position: relative;
}
${ROOT} .atr-table tbody tr:hover:not(.atr-table-spacer) {
  background: var(--atr-offset-background-color);
}
${ROOT} .atr-table-spacer td {
  padding: 0;
  border: 0;
}
${ROOT} .atr-sort-button {
  display: inline-flex;
  align-items: center;
  gap: ${unit(0.5)};
  margin: 0;
  padding: 0;
  font: inherit;
  color: inherit;
  background: transparent;
  border: 0;
  cursor: pointer;
}
${ROOT} [data-align='end'] .atr-sort-button {
  flex-direction: row-reverse;
}
${ROOT} .atr-sort-icon::after {
  content: '↕';
  opacity: 0.45;
}
${ROOT} .atr-sort-icon[data-state='asc']::after {
  content: '↑';
  opacity: 1;
}
${ROOT} .atr-sort-icon[data-state='desc']::after {
  content: '↓';
  opacity: 1;
}
${ROOT} .atr-row-link {
  margin: 0;
  padding: 0;
  font: inherit;
  font-weight: 600;
  color: inherit;
  text-align: inherit;
  background: transparent;
  border: 0;
  cursor: pointer;
}
${ROOT} .atr-row-link::after {
  content: '';
  position: absolute;
  inset: 0;
}
${ROOT} .atr-row-link:focus-visible {
  outline: none;
}
${ROOT} .atr-row-link:focus-visible::after {
  outline: 2px solid var(--atr-color-focus-ring);
  outline-offset: -2px;
}
${ROOT} .atr-menu {
  position: relative;
}
${ROOT} .atr-menu-trigger {
  display: inline-flex;
  align-items: center;
  min-height: ${unit(3.5)};
  padding: 0 ${unit(1.25)};
  font-size: ${fontSize(0.875)};
  font-weight: 600;
  list-style: none;
  color: var(--atr-button-secondary-color-text);
  background: var(--atr-button-secondary-color-background);
  border: 1px solid var(--atr-button-secondary-color-border);
  border-radius: var(--atr-button-border-radius);
  cursor: pointer;
}
${ROOT} .atr-menu-trigger::-webkit-details-marker {
  display: none;
}
${ROOT} .atr-menu-trigger::after {
  content: '▾';
  margin-inline-start: ${unit(0.75)};
}
${ROOT} .atr-menu-panel {
  position: absolute;
  inset-inline-end: 0;
  z-index: 2;
  display: flex;
  flex-direction: column;
  gap: ${unit(1)};
  min-width: 14em;
  max-width: calc(100vw - ${unit(2)});
  margin: ${unit(0.5)} 0 0;
  padding: ${unit(1.5)};
  background: var(--atr-color-background);
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-border-radius);
  box-shadow: 0 ${unit(0.5)} ${unit(2)} rgba(0, 0, 0, 0.15);
}
${ROOT} .atr-menu-panel[data-align='start'] {
  inset-inline-start: 0;
  inset-inline-end: auto;
}
${ROOT} .atr-export {
  display: inline-flex;
  align-items: center;
  gap: ${unit(1)};
}
`;
