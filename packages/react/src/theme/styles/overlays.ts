import { fontSize, ROOT, unit } from './scope';

/** Dialogs and drawers: native `<dialog>` elements in the top layer, above any host z-index. */
export const overlayStyles = `
${ROOT} .atr-dialog {
  width: min(34em, calc(100vw - ${unit(4)}));
  max-width: none;
  max-height: calc(100vh - ${unit(4)});
  margin: auto;
  padding: 0;
  color: var(--atr-color-text);
  background: var(--atr-color-background);
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-overlay-border-radius);
  box-shadow: 0 ${unit(1.5)} ${unit(4)} rgba(0, 0, 0, 0.25);
  overflow: auto;
}
${ROOT} .atr-dialog[open] {
  display: flex;
  flex-direction: column;
}
${ROOT} .atr-dialog::backdrop {
  background: var(--atr-overlay-backdrop-color, rgba(20, 23, 31, 0.5));
}
${ROOT} .atr-dialog[data-variant='drawer'] {
  width: min(36em, 100vw);
  height: 100vh;
  max-height: 100vh;
  margin: 0 0 0 auto;
  border-width: 0 0 0 1px;
  border-radius: 0;
}
${ROOT} .atr-dialog-header {
  display: flex;
  align-items: flex-start;
  gap: ${unit(2)};
  padding: ${unit(2.5)} ${unit(3)} ${unit(1)};
}
${ROOT} .atr-dialog-heading {
  display: flex;
  flex: 1;
  flex-direction: column;
  gap: ${unit(0.5)};
}
${ROOT} .atr-dialog-title {
  margin: 0;
  font-size: ${fontSize(1.285)};
  font-weight: 600;
  line-height: 1.3;
}
${ROOT} .atr-dialog-description {
  margin: 0;
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-dialog-close {
  flex: none;
  width: ${unit(4)};
  height: ${unit(4)};
  margin: 0;
  padding: 0;
  font: inherit;
  font-size: ${fontSize(1.4)};
  line-height: 1;
  color: var(--atr-color-secondary-text);
  background: transparent;
  border: 0;
  border-radius: var(--atr-border-radius);
  cursor: pointer;
}
${ROOT} .atr-dialog-close:hover {
  background: var(--atr-offset-background-color);
}
${ROOT} .atr-dialog-body {
  flex: 1;
  padding: ${unit(1.5)} ${unit(3)};
  overflow: auto;
}
${ROOT} .atr-dialog-footer {
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: ${unit(1)};
  padding: ${unit(2)} ${unit(3)} ${unit(2.5)};
}
`;
