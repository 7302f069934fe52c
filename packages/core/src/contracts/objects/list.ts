import { z } from 'zod/mini';

/**
 * Stripe's list envelope: one page of objects, newest first. Pass `starting_after` with the last
 * object's id for the next page, `ending_before` with the first object's id for the previous one.
 */
export const listSchema = <T extends z.core.SomeType>(item: T) =>
  z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string(),
  });

/** One page of a list of `T`. */
export interface ApiList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}
