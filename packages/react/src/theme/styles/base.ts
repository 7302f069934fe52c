import { fontSize, ROOT } from './scope';

/** The reset and the root's own typography; see `scope.ts` for why it works. */
export const baseStyles = `
${ROOT}, ${ROOT}::before, ${ROOT}::after, ${ROOT} *:not(svg *), ${ROOT} *::before, ${ROOT} *::after, ${ROOT} *::placeholder, ${ROOT} *::backdrop {
  all: revert;
  box-sizing: border-box;
}
${ROOT} *::file-selector-button {
  all: revert;
}
${ROOT} *::-webkit-calendar-picker-indicator {
  all: revert;
}
${ROOT} {
  display: block;
  color-scheme: light;
  font: normal normal 400 var(--atr-font-size-base) / 1.5 var(--atr-font-family);
  font-feature-settings: normal;
  font-variation-settings: normal;
  font-kerning: auto;
  color: var(--atr-color-text);
  background: var(--atr-color-background);
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-indent: 0;
  text-transform: none;
  text-shadow: none;
  text-decoration: none;
  white-space: normal;
  word-break: normal;
  overflow-wrap: break-word;
  hyphens: manual;
  visibility: visible;
  cursor: auto;
  quotes: auto;
  writing-mode: horizontal-tb;
  -webkit-font-smoothing: antialiased;
  /* Inherited properties the reset cannot stop: reverted on the root, they inherit the host's. */
  -webkit-text-fill-color: currentcolor;
  -webkit-text-stroke: 0;
  caret-color: auto;
  accent-color: auto;
  pointer-events: auto;
  border-collapse: separate;
  border-spacing: 0;
  scrollbar-color: auto;
  text-underline-offset: auto;
  text-emphasis: none;
  paint-order: normal;
}
${ROOT}[data-theme='dark'] {
  color-scheme: dark;
}
${ROOT} *:focus-visible {
  outline: 2px solid var(--atr-color-focus-ring);
  outline-offset: 2px;
}
${ROOT} *::placeholder {
  color: var(--atr-color-secondary-text);
  opacity: 1;
}
${ROOT} .atr-visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
}
${ROOT} .atr-text-secondary {
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-text-small {
  font-size: ${fontSize(0.875)};
}
${ROOT} .atr-money {
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
`;
