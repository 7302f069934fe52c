import { z } from 'zod';

/** Stripe expands at most four levels of a property (`a.b.c.d`; on a list, `data.a.b.c.d`). */
export const MAX_EXPAND_LEVELS = 4;

/** The levels a path expands: one per property, but not the `data.` that starts a list's paths. */
export function expandLevels(path: string, options: { list: boolean }): number {
  const inner = options.list && path.startsWith('data.') ? path.slice('data.'.length) : path;
  return inner.split('.').length;
}

/**
 * Stripe's `expand[]` parameter: at most 20 paths, each at most 4 levels deep, refused as a
 * whole (`param: "expand"`) before anything runs, as Stripe does. `list` says the route answers a
 * list, whose paths start with `data.`.
 */
export function expandParam(options: { list: boolean }) {
  return z
    .array(z.string().max(200))
    .max(20)
    .superRefine((paths, ctx) => {
      const deep = paths.find((path) => expandLevels(path, options) > MAX_EXPAND_LEVELS);
      if (deep === undefined) return;
      ctx.addIssue({
        code: 'custom',
        message: `You cannot expand more than ${MAX_EXPAND_LEVELS} levels of a property ('${deep}' has ${expandLevels(deep, options)}).`,
      });
    })
    .optional();
}
