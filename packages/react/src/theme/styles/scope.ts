/**
 * Every rule of the stylesheet starts with this selector. Style isolation works in three layers:
 *
 * 1. One prefix, `atr-`, for every class and keyframe, so no name collides with the host's.
 * 2. Specificity: the two `:not(#...)` clauses match every element yet count as two ids, so our
 *    rules outrank the host's type, class and single-id selectors (`button`, `.btn`, `#app *`)
 *    whatever the order of the stylesheets.
 * 3. `all: revert` on every element inside the root (see `base.ts`): properties we do not set
 *    fall back to the browser's defaults instead of the host's (`* { text-transform: uppercase }`).
 *
 * A shadow root would isolate more (it also stops `!important` host rules), but it hides the
 * components from the platform's own tests and Testing Library queries, needs declarative
 * shadow DOM for server rendering, and complicates focus and portals. Host rules marked
 * `!important` on our elements are the accepted limit of this design.
 */
export const ROOT = '.atr-root:not(#atr-isolate-a):not(#atr-isolate-b)';

/** Units relative to the appearance variables, never to the host's `rem`. */
export const unit = (multiple: number) => `calc(var(--atr-spacing-unit) * ${multiple})`;
export const fontSize = (ratio: number) => `calc(var(--atr-font-size-base) * ${ratio})`;
