import { Component, lazy, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { ErrorState } from '../primitives/error-state/error-state';

interface BoundaryProps {
  onRetry: () => void;
  children: ReactNode;
}

/** Shows what failed to render in a part, with "Try again", instead of letting it unmount the host page. */
class PartBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <ErrorState error={this.state.error} onRetry={this.props.onRetry} />;
  }
}

/**
 * A part of a component that downloads when first shown (an onboarding step, an edit form, the
 * banner's drawer). It suspends while it downloads, to the caller's `<Suspense>`. A failed download
 * (a network drop, or a deployment that replaced the files) or a failed render shows the error
 * with "Try again" in place, rather than throwing out of the component, which would unmount the
 * host page's whole React root; trying again downloads the part anew (React keeps a failed lazy
 * component, so each attempt has its own).
 */
export function lazyPart<P extends object>(
  load: () => Promise<{ default: (props: P) => ReactNode }>,
): ComponentType<P> {
  const attempts = new Map<number, ComponentType<P>>();
  const attemptAt = (attempt: number) => {
    let part = attempts.get(attempt);
    if (!part) {
      part = lazy(load);
      attempts.set(attempt, part);
    }
    return part;
  };
  return function LazyPart(props: P) {
    const [attempt, setAttempt] = useState(0);
    const Part = attemptAt(attempt);
    return (
      <PartBoundary key={attempt} onRetry={() => setAttempt(attempt + 1)}>
        <Part {...props} />
      </PartBoundary>
    );
  };
}
