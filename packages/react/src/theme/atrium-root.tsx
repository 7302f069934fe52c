import { useMemo } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import { useAtrium } from '../provider/use-atrium';
import { toCssVariables } from './appearance';
import { STYLESHEET, STYLESHEET_HREF } from './stylesheet';

export interface AtriumRootProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style'> {
  children?: ReactNode;
}

/**
 * The element every Atrium component renders into: it carries the appearance as CSS custom
 * properties, the theme and the language, and brings the scoped stylesheet, which React inserts
 * into the document once however many roots there are.
 */
export function AtriumRoot({ children, ...rest }: AtriumRootProps) {
  const { appearance, i18n } = useAtrium();
  const style = useMemo(() => toCssVariables(appearance), [appearance]);
  return (
    <div {...rest} className="atr-root" data-theme={appearance.theme} lang={i18n.locale} style={style}>
      <style href={STYLESHEET_HREF} precedence="atrium">
        {STYLESHEET}
      </style>
      {children}
    </div>
  );
}
