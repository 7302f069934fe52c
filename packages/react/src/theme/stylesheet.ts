import { baseStyles } from './styles/base';
import { controlStyles } from './styles/controls';
import { feedbackStyles } from './styles/feedback';
import { navigationStyles } from './styles/navigation';
import { overlayStyles } from './styles/overlays';

/** The components' one stylesheet; it is scoped under `.atr-root` (see `styles/scope.ts`). */
export const STYLESHEET = [baseStyles, controlStyles, feedbackStyles, overlayStyles, navigationStyles].join('\n');

/** Identifies the stylesheet to React, which inserts it once however many roots render it. */
export const STYLESHEET_HREF = 'atrium-styles-v1';
