import type { CSSProperties } from 'react';
import { useI18n } from '../../provider/use-atrium';

export interface SpinnerProps {
  size?: 'md' | 'lg';
  /** Announced to screen readers; without it the spinner is decoration beside visible text. */
  label?: string;
}

/** A turning ring. */
export function Spinner({ size = 'md', label }: SpinnerProps) {
  const ring = <span className="atr-spinner" data-size={size} aria-hidden="true" />;
  if (label === undefined) return ring;
  return (
    <span role="status">
      {ring}
      <span className="atr-visually-hidden">{label}</span>
    </span>
  );
}

/** The loading state of a whole component or section: a spinner with visible, announced text. */
export function LoadingState() {
  const { t } = useI18n();
  return (
    <div className="atr-loading" role="status" data-state="loading">
      <Spinner />
      <span>{t('common.loading')}</span>
    </div>
  );
}

export interface SkeletonProps {
  /** A CSS width, for example `'60%'` or `'12em'`. */
  width?: string;
  height?: string;
  /** How many bars to draw. */
  lines?: number;
}

/** Placeholder bars with the shape of content that is loading; hidden from assistive technology. */
export function Skeleton({ width = '100%', height = '1em', lines = 1 }: SkeletonProps) {
  const style: CSSProperties = { width, height };
  return (
    <span aria-hidden="true" data-state="loading">
      {Array.from({ length: lines }, (_, index) => (
        <span
          key={index}
          className="atr-skeleton"
          style={index === lines - 1 && lines > 1 ? { ...style, width: '60%' } : style}
        />
      ))}
    </span>
  );
}
