import { fontSize, ROOT, unit } from './scope';

/** Tabs and the stepper. */
export const navigationStyles = `
${ROOT} .atr-tablist {
  display: flex;
  gap: ${unit(2)};
  margin: 0 0 ${unit(2)};
  padding: 0;
  border-bottom: 1px solid var(--atr-color-border);
  overflow-x: auto;
}
${ROOT} .atr-tab {
  margin: 0 0 -1px;
  padding: ${unit(1)} 0;
  font: inherit;
  font-weight: 600;
  color: var(--atr-color-secondary-text);
  background: transparent;
  border: 0;
  border-bottom: 2px solid transparent;
  cursor: pointer;
  white-space: nowrap;
}
${ROOT} .atr-tab[data-state='active'] {
  color: var(--atr-color-primary);
  border-bottom-color: var(--atr-color-primary);
}
${ROOT} .atr-tab:disabled {
  cursor: not-allowed;
  opacity: 0.55;
}
${ROOT} .atr-stepper {
  display: flex;
  flex-direction: column;
  gap: ${unit(0.5)};
  margin: 0;
  padding: 0;
  list-style: none;
}
${ROOT} .atr-stepper[data-orientation='horizontal'] {
  flex-direction: row;
  flex-wrap: wrap;
  gap: ${unit(2)};
}
${ROOT} .atr-step {
  display: flex;
  align-items: center;
  gap: ${unit(1)};
  margin: 0;
  padding: 0;
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-step[data-state='current'] {
  color: var(--atr-color-text);
  font-weight: 600;
}
${ROOT} .atr-step-button, ${ROOT} .atr-step-content {
  display: inline-flex;
  align-items: center;
  gap: ${unit(1)};
  margin: 0;
  padding: ${unit(0.5)};
  font: inherit;
  color: inherit;
  text-align: start;
  background: transparent;
  border: 0;
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-step-button {
  cursor: pointer;
}
${ROOT} .atr-step-marker {
  display: inline-flex;
  flex: none;
  align-items: center;
  justify-content: center;
  width: ${unit(3)};
  height: ${unit(3)};
  font-size: ${fontSize(0.857)};
  font-weight: 600;
  border: 1px solid var(--atr-color-border);
  border-radius: 50%;
}
${ROOT} .atr-step[data-state='current'] .atr-step-marker {
  color: var(--atr-button-primary-color-text);
  background: var(--atr-color-primary);
  border-color: var(--atr-color-primary);
}
${ROOT} .atr-step[data-state='complete'] .atr-step-marker {
  color: var(--atr-badge-success-color-text);
  background: var(--atr-badge-success-color-background);
  border-color: transparent;
}
`;
