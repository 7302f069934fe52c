import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { tabbableIn } from '../../primitives/shared/tabbable';

/**
 * Moves focus to the first field inside once it has rendered: a form that opens in place of what
 * the user clicked (Edit, Add an owner) takes focus, so keyboard users land where they work.
 */
export function FocusFirstField({ children }: { children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (container.current) tabbableIn(container.current)[0]?.focus();
  }, []);
  return <div ref={container}>{children}</div>;
}
