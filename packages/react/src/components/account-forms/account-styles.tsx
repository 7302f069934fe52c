import { fontSize, ROOT, unit } from '../../theme/styles/scope';

const box = `
  border: 1px solid var(--atr-color-border);
  border-radius: var(--atr-border-radius);`;

/** Layout of the onboarding, banner and management components, scoped like the base stylesheet. */
const ACCOUNT_STYLES = `
${ROOT} :is(.atr-onboarding, .atr-management, .atr-notifications) p {
  margin: 0;
}
${ROOT} .atr-onboarding, ${ROOT} .atr-onboarding-step, ${ROOT} .atr-account-form, ${ROOT} .atr-form-grid,
${ROOT} .atr-status, ${ROOT} .atr-management, ${ROOT} .atr-notifications {
  display: grid;
  gap: ${unit(2)};
  min-width: 0;
}
${ROOT} .atr-onboarding, ${ROOT} .atr-management {
  gap: ${unit(3)};
}
${ROOT} .atr-account-form {
  gap: ${unit(2.5)};
}
${ROOT} .atr-onboarding-header, ${ROOT} .atr-card-header {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  justify-content: space-between;
  gap: ${unit(1.5)};
}
${ROOT} .atr-onboarding-header > nav {
  flex: 1 1 20em;
}
${ROOT} .atr-step-title, ${ROOT} .atr-card-title {
  margin: 0;
  font-size: ${fontSize(1.25)};
  font-weight: 600;
  line-height: 1.3;
}
${ROOT} .atr-card-title {
  font-size: ${fontSize(1.125)};
}
${ROOT} .atr-form-row {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(12em, 100%), 1fr));
  gap: ${unit(2)};
}
${ROOT} .atr-form-footer, ${ROOT} .atr-button-row, ${ROOT} .atr-person-actions {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${unit(1)};
}
${ROOT} .atr-form-footer-spacer {
  flex: 1 1 0;
}
${ROOT} .atr-fieldset {
  display: grid;
  gap: ${unit(1.5)};
  min-width: 0;
  margin: 0;
  padding: 0;
  border: 0;
}
${ROOT} .atr-legend {
  padding: 0;
  margin-bottom: ${unit(1)};
  font-weight: 600;
}
${ROOT} .atr-dob {
  display: grid;
  max-width: 28em;
  grid-template-columns: minmax(4em, 5em) minmax(8em, 1fr) minmax(5em, 6em);
  gap: ${unit(1)};
}
${ROOT} .atr-radio-list, ${ROOT} .atr-document-status, ${ROOT} .atr-bank-summary {
  display: grid;
  gap: ${unit(1)};
}
${ROOT} .atr-radio-option {
  display: flex;
  align-items: flex-start;
  gap: ${unit(1.25)};
  padding: ${unit(1.5)};
  ${box}
}
${ROOT} .atr-radio-input {
  flex: none;
  width: 1.1em;
  height: 1.1em;
  margin: 0.2em 0 0;
  accent-color: var(--atr-form-accent-color);
}
${ROOT} .atr-textarea {
  min-height: 5em;
  padding-block: ${unit(1)};
  resize: vertical;
}
${ROOT} .atr-document {
  display: grid;
  gap: ${unit(1)};
  padding: ${unit(2)};
  ${box}
}
${ROOT} .atr-document-title {
  margin: 0;
  font-size: ${fontSize(1)};
  font-weight: 600;
}
${ROOT} .atr-dropzone {
  position: relative;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${unit(1.5)};
  padding: ${unit(2)};
  border: 2px dashed var(--atr-color-border);
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-dropzone[data-state='dragging'] {
  border-color: var(--atr-color-primary);
  background: var(--atr-offset-background-color);
}
${ROOT} .atr-file-input {
  position: absolute;
  width: 1px;
  height: 1px;
  opacity: 0;
  overflow: hidden;
  clip-path: inset(50%);
}
${ROOT} .atr-file-input:focus-visible + .atr-file-button {
  outline: 2px solid var(--atr-color-focus-ring);
  outline-offset: 2px;
}
${ROOT} .atr-file-input:disabled + .atr-file-button {
  cursor: not-allowed;
  opacity: 0.55;
}
${ROOT} .atr-progress {
  height: ${unit(1)};
  overflow: hidden;
  background: var(--atr-offset-background-color);
  border-radius: 999px;
}
${ROOT} .atr-progress-bar {
  display: block;
  height: 100%;
  background: var(--atr-color-primary);
  transition: width 0.2s;
}
${ROOT} .atr-bank-summary, ${ROOT} .atr-status-pending, ${ROOT} .atr-status-complete, ${ROOT} .atr-card {
  padding: ${unit(2)};
  ${box}
}
${ROOT} .atr-bank-summary-name, ${ROOT} .atr-person-name, ${ROOT} .atr-status-title, ${ROOT} .atr-review-title {
  font-weight: 600;
}
${ROOT} .atr-badge-row {
  display: flex;
  flex-wrap: wrap;
  gap: ${unit(0.75)};
}
${ROOT} .atr-people, ${ROOT} .atr-review-list, ${ROOT} .atr-status-list {
  display: grid;
  gap: ${unit(1)};
  margin: 0;
  padding: 0;
  list-style: none;
}
${ROOT} .atr-person {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${unit(1.5)};
  padding: ${unit(1.5)};
  ${box}
}
${ROOT} .atr-person .atr-bank-summary {
  padding: 0;
  border: 0;
}
${ROOT} .atr-person-text {
  display: grid;
  gap: ${unit(0.5)};
}
${ROOT} .atr-review-item, ${ROOT} .atr-status-item {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${unit(1.5)};
}
${ROOT} .atr-review-item {
  padding-block: ${unit(1.25)};
  border-bottom: 1px solid var(--atr-color-border);
}
${ROOT} .atr-review-title, ${ROOT} .atr-status-item > span {
  flex: 1 1 10em;
}
${ROOT} .atr-status-subject {
  display: block;
}
${ROOT} .atr-link {
  color: var(--atr-color-primary);
  text-decoration: underline;
}
${ROOT} .atr-status-pending, ${ROOT} .atr-status-complete {
  display: flex;
  align-items: flex-start;
  gap: ${unit(1.5)};
  background: var(--atr-offset-background-color);
}
${ROOT} .atr-card {
  display: grid;
  gap: ${unit(2)};
}
${ROOT} .atr-summary {
  display: grid;
  /* Labels take what they need up to 40% (German ones are long); the values keep the rest. */
  grid-template-columns: fit-content(40%) minmax(0, 1fr);
  gap: ${unit(0.75)} ${unit(2)};
  margin: 0;
}
${ROOT} .atr-summary dt {
  overflow-wrap: break-word;
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-summary dd {
  margin: 0;
  overflow-wrap: anywhere;
}
`;

/**
 * The stylesheet of the account components. React inserts it once, beside the base stylesheet,
 * only on pages that render one of them.
 */
export function AccountStyles() {
  return (
    <style href="atrium-account-styles-v1" precedence="atrium">
      {ACCOUNT_STYLES}
    </style>
  );
}
