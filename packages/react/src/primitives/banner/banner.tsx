import { useId } from 'react';
import type { ReactNode } from 'react';
import type { BadgeTone } from '../badge/badge';

export interface BannerProps {
  tone?: BadgeTone;
  title: ReactNode;
  children?: ReactNode;
  /** A button or link that resolves what the banner says. */
  action?: ReactNode;
  /**
   * Announce the banner when it appears (an alert for `danger` and `warning`, politely
   * otherwise). Leave off for banners that are there when the page loads.
   */
  live?: boolean;
}

/** A callout: a titled message with an optional action, in a tone's colours. */
export function Banner({ tone = 'info', title, children, action, live = false }: BannerProps) {
  const titleId = `atr-banner-${useId()}`;
  const urgent = tone === 'danger' || tone === 'warning';
  const role = live ? (urgent ? 'alert' : 'status') : undefined;
  return (
    <div className="atr-banner" data-tone={tone} role={role} aria-labelledby={role ? titleId : undefined}>
      <div className="atr-banner-content">
        <p id={titleId} className="atr-banner-title">
          {title}
        </p>
        {children !== undefined && <div className="atr-banner-body">{children}</div>}
      </div>
      {action}
    </div>
  );
}
