import { fontSize, ROOT, unit } from './scope';

const TONES = ['neutral', 'success', 'warning', 'danger', 'info'] as const;

const badgeTone = (tone: (typeof TONES)[number]) => `
${ROOT} .atr-badge[data-tone='${tone}'] {
  background: var(--atr-badge-${tone}-color-background);
  color: var(--atr-badge-${tone}-color-text);
}
${ROOT} .atr-banner[data-tone='${tone}'] {
  border-inline-start-color: var(--atr-badge-${tone}-color-text);
}`;

/** Badges, banners, loading and empty or failed states. */
export const feedbackStyles = `
${ROOT} .atr-badge {
  display: inline-flex;
  align-items: center;
  gap: ${unit(0.5)};
  padding: 0 ${unit(0.875)};
  font-size: ${fontSize(0.857)};
  font-weight: 600;
  line-height: 1.6;
  white-space: nowrap;
  border-radius: var(--atr-badge-border-radius);
}
${ROOT} .atr-banner {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: ${unit(1.5)};
  margin: 0;
  padding: ${unit(1.5)} ${unit(2)};
  background: var(--atr-offset-background-color);
  border: 1px solid var(--atr-color-border);
  border-inline-start-width: 4px;
  border-radius: var(--atr-border-radius);
}
${ROOT} .atr-banner-content {
  display: flex;
  flex: 1 1 16em;
  flex-direction: column;
  gap: ${unit(0.5)};
}
${ROOT} .atr-banner-title {
  margin: 0;
  font-weight: 600;
}
${ROOT} .atr-banner-body {
  margin: 0;
}
${TONES.map(badgeTone).join('')}
${ROOT} .atr-spinner {
  display: inline-block;
  flex: none;
  width: 1.15em;
  height: 1.15em;
  vertical-align: middle;
  border: 2px solid color-mix(in srgb, currentColor 25%, transparent);
  border-top-color: currentColor;
  border-radius: 50%;
  animation: atr-spin 0.8s linear infinite;
}
${ROOT} .atr-spinner[data-size='lg'] {
  width: 2em;
  height: 2em;
  border-width: 3px;
}
${ROOT} .atr-loading {
  display: flex;
  align-items: center;
  justify-content: center;
  gap: ${unit(1)};
  padding: ${unit(3)};
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-skeleton {
  display: block;
  height: 1em;
  margin: ${unit(0.5)} 0;
  background: var(--atr-offset-background-color);
  border-radius: var(--atr-border-radius);
  animation: atr-pulse 1.4s ease-in-out infinite;
}
${ROOT} .atr-state {
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: ${unit(1)};
  padding: ${unit(4)} ${unit(2)};
  text-align: center;
}
${ROOT} .atr-state-title {
  margin: 0;
  font-size: ${fontSize(1.15)};
  font-weight: 600;
}
${ROOT} .atr-state-description {
  margin: 0;
  max-width: 36em;
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-state-meta {
  margin: 0;
  font-size: ${fontSize(0.857)};
  color: var(--atr-color-secondary-text);
}
${ROOT} .atr-state[data-tone='danger'] .atr-state-title {
  color: var(--atr-color-danger);
}
@keyframes atr-spin {
  to {
    transform: rotate(360deg);
  }
}
@keyframes atr-pulse {
  50% {
    opacity: 0.45;
  }
}
@media (prefers-reduced-motion: reduce) {
  ${ROOT} .atr-spinner {
    animation-duration: 2.4s;
  }
  ${ROOT} .atr-skeleton {
    animation: none;
  }
}
`;
