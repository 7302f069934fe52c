import { fontSize, ROOT, unit } from './scope';

/** Buttons and form fields. */
export const controlStyles = `
${ROOT} .atr-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: ${unit(0.75)};
  min-height: ${unit(4.5)};
  max-width: 100%;
  margin: 0;
  padding: ${unit(0.5)} ${unit(1.75)};
  font: inherit;
  font-weight: 600;
  line-height: 1.25;
  text-align: center;
  /* A label longer than its space (German, a narrow screen) wraps rather than spilling out. */
  white-space: normal;
  border: 1px solid transparent;
  border-radius: var(--atr-button-border-radius);
  cursor: pointer;
  user-select: none;
  transition: background-color 0.12s, border-color 0.12s;
}
${ROOT} .atr-button[data-size='sm'] {
  min-height: ${unit(3.5)};
  padding: ${unit(0.25)} ${unit(1.25)};
  font-size: ${fontSize(0.875)};
}
${ROOT} .atr-button[data-variant='primary'] {
  background: var(--atr-button-primary-color-background);
  border-color: var(--atr-button-primary-color-border);
  color: var(--atr-button-primary-color-text);
}
${ROOT} .atr-button[data-variant='secondary'] {
  background: var(--atr-button-secondary-color-background);
  border-color: var(--atr-button-secondary-color-border);
  color: var(--atr-button-secondary-color-text);
}
${ROOT} .atr-button[data-variant='danger'] {
  background: var(--atr-color-danger);
  border-color: var(--atr-color-danger);
  color: var(--atr-button-primary-color-text);
}
${ROOT} .atr-button[data-variant='ghost'] {
  background: transparent;
  color: var(--atr-color-primary);
}
${ROOT} .atr-button:hover:not(:disabled, [aria-disabled='true']) {
  background-image: linear-gradient(color-mix(in srgb, currentColor 10%, transparent), color-mix(in srgb, currentColor 10%, transparent));
}
${ROOT} .atr-button:disabled {
  cursor: not-allowed;
  opacity: 0.55;
}
${ROOT} .atr-button[data-state='loading'] {
  cursor: progress;
}
${ROOT} .atr-field {
  display: flex;
  flex-direction: column;
  gap: ${unit(0.5)};
  margin: 0;
  min-width: 0;
}
${ROOT} .atr-field-label {
  display: block;
  font-weight: 600;
}
${ROOT} .atr-field-optional {
  font-weight: 400;
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-field-description {
  margin: 0;
  font-size: ${fontSize(0.875)};
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-field-error {
  margin: 0;
  font-size: ${fontSize(0.875)};
  color: var(--atr-color-danger);
}
${ROOT} .atr-input, ${ROOT} .atr-select {
  display: block;
  width: 100%;
  min-height: ${unit(4.5)};
  margin: 0;
  padding: ${unit(0.875)} ${unit(1.25)};
  font: inherit;
  color: var(--atr-color-text);
  background: var(--atr-form-background-color);
  border: 1px solid var(--atr-form-border-color);
  border-radius: var(--atr-form-border-radius);
}
${ROOT} .atr-input:focus, ${ROOT} .atr-select:focus {
  outline: 2px solid var(--atr-form-highlight-color-border);
  outline-offset: -1px;
  border-color: var(--atr-form-highlight-color-border);
}
${ROOT} .atr-input[aria-invalid='true'], ${ROOT} .atr-select[aria-invalid='true'] {
  border-color: var(--atr-color-danger);
}
${ROOT} .atr-input:disabled, ${ROOT} .atr-select:disabled {
  cursor: not-allowed;
  background: var(--atr-offset-background-color);
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-checkbox-row {
  display: flex;
  align-items: flex-start;
  gap: ${unit(1)};
}
${ROOT} .atr-checkbox-input {
  flex: none;
  width: ${fontSize(1.15)};
  height: ${fontSize(1.15)};
  margin: ${fontSize(0.18)} 0 0;
  accent-color: var(--atr-form-accent-color);
  cursor: pointer;
}
${ROOT} .atr-checkbox-input:disabled {
  cursor: not-allowed;
}
${ROOT} .atr-checkbox-text {
  display: flex;
  flex-direction: column;
  gap: ${unit(0.25)};
}
${ROOT} .atr-checkbox-text .atr-field-label {
  font-weight: 400;
  cursor: pointer;
}
`;
