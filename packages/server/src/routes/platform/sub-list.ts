import { z } from 'zod';
import type { PlatformAuth } from '../../http/auth';
import { listEnvelope, listPage, listParamsShape } from '../../http/list';
import type { Reply } from '../../http/route';
import { expandList, viewerOf } from '../../services/expand';
import type { ExpandableType } from '../../services/expand';
import type { Queryable } from '../../store/db';

/** The parameters of a list under one object (a transfer's reversals, a fee's refunds). */
export const subListParams = z.strictObject({
  limit: listParamsShape.limit,
  starting_after: listParamsShape.starting_after,
  ending_before: listParamsShape.ending_before,
  expand: listParamsShape.expand,
});

/** One page of the rows under a parent object, newest first, as their API objects, expanded. */
export async function subListReply<Row extends object>(
  q: Queryable,
  request: { auth: PlatformAuth; url: string; params: z.output<typeof subListParams> },
  list: { table: string; parentColumn: string; parentId: string; type: ExpandableType; toObject: (row: Row) => object },
): Promise<Reply> {
  const { auth, url, params } = request;
  const page = await listPage<Row>(q, {
    table: list.table,
    where: [`${list.parentColumn} = $1`],
    values: [list.parentId],
    limit: params.limit,
    startingAfter: params.starting_after,
    endingBefore: params.ending_before,
  });
  const objects = await expandList(q, page.rows.map(list.toObject), list.type, params.expand, viewerOf(auth));
  return { body: listEnvelope(url, objects, page.hasMore) };
}
