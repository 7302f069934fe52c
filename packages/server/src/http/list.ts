import { intParam } from '@atrium/core';
import { z } from 'zod';
import type { Queryable } from '../store/db';
import { invalidRequest } from './errors';
import { expandParam } from './expand-param';

/** Unix seconds from the year 1 to the end of 9999: what a timestamp column can be compared with. */
const unixTimeParam = () =>
  z.pipe(
    intParam(),
    z
      .number()
      .min(-62_135_596_800, 'must be a Unix time from the year 1 to 9999')
      .max(253_402_300_799, 'must be a Unix time from the year 1 to 9999'),
  );

/** Stripe's range filter on `created`: an exact Unix time or any of gt/gte/lt/lte. */
export const rangeParam = () =>
  z.union([
    unixTimeParam(),
    z.strictObject({
      gt: z.optional(unixTimeParam()),
      gte: z.optional(unixTimeParam()),
      lt: z.optional(unixTimeParam()),
      lte: z.optional(unixTimeParam()),
    }),
  ]);

/** The pagination parameters every list route accepts. */
export const listParamsShape = {
  limit: z.pipe(intParam(), z.number().int().min(1).max(100)).optional(),
  starting_after: z.string().max(255).optional(),
  ending_before: z.string().max(255).optional(),
  created: rangeParam().optional(),
  expand: expandParam({ list: true }),
};

export type Range = z.output<ReturnType<typeof rangeParam>>;

export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export interface ListQuery {
  /** The table, with its `seq` ordering column and `id` column. */
  table: string;
  /** Extra conditions (`account_id = $1`) and their parameters, numbered from $1. */
  where: string[];
  values: unknown[];
  /** The columns to read, when not all of them (a table with large columns the list does not show). */
  columns?: string;
  /** The timestamp column `created` filters on. */
  createdColumn?: string;
  limit?: number | undefined;
  startingAfter?: string | undefined;
  endingBefore?: string | undefined;
  created?: Range | undefined;
}

/**
 * The cursor of a page request: `starting_after` pages forward, `ending_before` backwards, and
 * asking for both is an error. An empty cursor (`starting_after=`) is no cursor, as an empty
 * parameter is unset in Stripe's API.
 */
export function pageCursor(query: { startingAfter?: string | undefined; endingBefore?: string | undefined }): {
  cursor: string | undefined;
  forward: boolean;
} {
  const startingAfter = query.startingAfter || undefined;
  const endingBefore = query.endingBefore || undefined;
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: starting_after, ending_before.',
      'starting_after',
    );
  }
  return { cursor: startingAfter ?? endingBefore, forward: endingBefore === undefined };
}

/**
 * One page of a list, newest first, with Stripe's cursor semantics: `starting_after` pages
 * towards older objects, `ending_before` towards newer. Cursors are object ids; the page is cut on
 * the table's monotonically increasing `seq`, so objects created while paging never shift a page.
 */
export async function listPage<Row extends object>(
  q: Queryable,
  query: ListQuery,
): Promise<{ rows: Row[]; hasMore: boolean }> {
  const limit = query.limit ?? 10;
  const where = [...query.where];
  const values = [...query.values];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const { cursor, forward } = pageCursor(query);
  if (cursor !== undefined) {
    // The cursor must be one of the objects this list may show, so it cannot probe other accounts.
    const scope = [...query.where, `id = $${query.values.length + 1}`].join(' AND ');
    const [row] = await q.query<{ seq: number }>(`SELECT seq FROM ${query.table} WHERE ${scope}`, [
      ...query.values,
      cursor,
    ]);
    if (!row) {
      throw invalidRequest(
        `No such object: '${cursor}'`,
        forward ? 'starting_after' : 'ending_before',
        'resource_missing',
      );
    }
    where.push(`seq ${forward ? '<' : '>'} ${param(row.seq)}`);
  }
  addCreatedFilter(where, param, query.createdColumn ?? 'created_at', query.created);
  const sql = `SELECT ${query.columns ?? '*'} FROM ${query.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq ${forward ? 'DESC' : 'ASC'} LIMIT ${param(limit + 1)}`;
  const rows = await q.query<Row>(sql, values);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: forward ? page : page.reverse(), hasMore };
}

function addCreatedFilter(
  where: string[],
  param: (value: unknown) => string,
  column: string,
  created: Range | undefined,
) {
  if (created === undefined) return;
  const at = (seconds: number) => `to_timestamp(${param(seconds)})`;
  if (typeof created === 'number') {
    where.push(`date_trunc('second', ${column}) = ${at(created)}`);
    return;
  }
  if (created.gt !== undefined) where.push(`${column} >= ${at(created.gt + 1)}`);
  if (created.gte !== undefined) where.push(`${column} >= ${at(created.gte)}`);
  if (created.lt !== undefined) where.push(`${column} < ${at(created.lt)}`);
  if (created.lte !== undefined) where.push(`${column} < ${at(created.lte + 1)}`);
}

export function listEnvelope<T>(url: string, data: T[], hasMore: boolean): ListPage<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

/** Unix seconds of a timestamp column, as Stripe's `created` fields are. */
export function unixSeconds(date: Date | string): number {
  return Math.floor(new Date(date).getTime() / 1000);
}
