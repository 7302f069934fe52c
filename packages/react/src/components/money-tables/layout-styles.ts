import { fontSize, ROOT, unit } from '../../theme/styles/scope';

/** Layout shared by the money components: sections, filter bars, summaries, detail lists. */
export const layoutStyles = `
${ROOT} .atr-stack {
  display: flex;
  flex-direction: column;
  gap: ${unit(2)};
  margin: 0;
}
${ROOT} .atr-portal {
  gap: ${unit(4)};
}
${ROOT} .atr-section {
  display: flex;
  flex-direction: column;
  gap: ${unit(1.5)};
  margin: 0;
  padding: 0;
}
${ROOT} .atr-section-header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${unit(1)};
}
${ROOT} .atr-heading {
  margin: 0;
  font-size: ${fontSize(1.15)};
  font-weight: 600;
  line-height: 1.3;
}
${ROOT} .atr-subheading {
  margin: 0;
  font-size: ${fontSize(1)};
  font-weight: 600;
}
${ROOT} .atr-paragraph {
  margin: 0;
}
${ROOT} .atr-filters {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${unit(1.5)};
  margin: 0;
  padding: 0;
  border: 0;
}
${ROOT} .atr-filters .atr-field {
  flex: 1 1 9em;
  max-width: 14em;
}
${ROOT} .atr-filters-buttons {
  display: flex;
  align-self: flex-end;
  gap: ${unit(1)};
}
${ROOT} .atr-cards {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
  gap: ${unit(1.5)};
  margin: 0;
  padding: 0;
}
${ROOT} .atr-card {
  display: flex;
  flex-direction: column;
  gap: ${unit(0.5)};
  margin: 0;
  padding: ${unit(2)};
  background: var(--atr-offset-background-color);
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-card-label {
  margin: 0;
  font-size: ${fontSize(0.875)};
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-card-value {
  margin: 0;
  font-size: ${fontSize(1.6)};
  font-weight: 600;
  line-height: 1.2;
}
${ROOT} .atr-card-value .atr-money[data-sign='negative'] {
  color: var(--atr-color-danger);
}
${ROOT} .atr-details {
  display: grid;
  /* Labels take what they need up to 40% (German ones are long); the values keep the rest. */
  grid-template-columns: fit-content(40%) minmax(0, 1fr);
  gap: ${unit(1)} ${unit(2)};
  margin: 0;
}
${ROOT} .atr-details dt {
  overflow-wrap: break-word;
  margin: 0;
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-details dd {
  margin: 0;
  min-width: 0;
  overflow-wrap: anywhere;
}
${ROOT} .atr-list {
  display: flex;
  flex-direction: column;
  margin: 0;
  padding: 0;
  list-style: none;
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-list-item {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${unit(1)} ${unit(1.5)};
  margin: 0;
  padding: ${unit(1.5)} ${unit(2)};
}
${ROOT} .atr-list-item + .atr-list-item {
  border-top: 1px solid var(--atr-color-border);
}
${ROOT} .atr-list-item-main {
  display: flex;
  flex: 1 1 12em;
  flex-direction: column;
  gap: ${unit(0.25)};
  min-width: 0;
}
${ROOT} .atr-inline {
  display: inline-flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${unit(0.75)};
}
${ROOT} .atr-form {
  display: flex;
  flex-direction: column;
  gap: ${unit(2)};
  margin: 0;
}
${ROOT} .atr-choices {
  display: flex;
  flex-direction: column;
  gap: ${unit(1)};
  margin: 0;
  padding: 0;
  border: 0;
}
${ROOT} .atr-choices legend {
  margin: 0 0 ${unit(0.5)};
  padding: 0;
  font-weight: 600;
}
${ROOT} .atr-choice {
  display: flex;
  align-items: flex-start;
  gap: ${unit(1)};
  padding: ${unit(1.25)} ${unit(1.5)};
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-border-radius);
  cursor: pointer;
}
${ROOT} .atr-choice:has(input:checked) {
  border-color: var(--atr-color-primary);
  box-shadow: inset 0 0 0 1px var(--atr-color-primary);
}
${ROOT} .atr-choice:has(input:disabled) {
  cursor: not-allowed;
}
/* Only the control and its name are dimmed: the hint says why the choice is unavailable and keeps
   its full contrast. */
${ROOT} .atr-choice:has(input:disabled) input,
${ROOT} .atr-choice:has(input:disabled) .atr-choice-label {
  opacity: 0.6;
}
${ROOT} .atr-choice input {
  flex: none;
  margin: ${fontSize(0.2)} 0 0;
  accent-color: var(--atr-form-accent-color);
}
${ROOT} .atr-choice-text {
  display: flex;
  flex-direction: column;
  gap: ${unit(0.25)};
}
${ROOT} .atr-choice-label {
  font-weight: 600;
}
${ROOT} .atr-dialog-actions {
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: ${unit(1)};
  margin: ${unit(1)} 0 0;
}
${ROOT} .atr-summary {
  display: grid;
  grid-template-columns: 1fr auto;
  gap: ${unit(1)} ${unit(2)};
  margin: 0;
  padding: ${unit(2)};
  background: var(--atr-offset-background-color);
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-summary dt, ${ROOT} .atr-summary dd {
  margin: 0;
}
${ROOT} .atr-summary dd {
  text-align: end;
}
${ROOT} .atr-summary .atr-summary-total {
  font-weight: 600;
}
`;
