import { intParam } from '@atrium/core';
import { z } from 'zod';
import { invalidRequest } from '../../http/errors';
import { pageCursor } from '../../http/list';
import type { Range } from '../../http/list';
import type { Queryable } from '../../store/db';
import type { Owner } from './rows';

/** The orders the component lists offer; each pages with its own keyset. */
export const LIST_ORDERS = ['created_desc', 'created_asc', 'amount_desc', 'amount_asc'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

/** A range filter on an integer (`amount[gte]=100&amount[lte]=500`). */
export const amountRangeParam = () =>
  z.strictObject({
    gt: z.optional(intParam()),
    gte: z.optional(intParam()),
    lt: z.optional(intParam()),
    lte: z.optional(intParam()),
  });
export type AmountRange = z.output<ReturnType<typeof amountRangeParam>>;

/** Builds a WHERE clause list with numbered parameters. */
export class Conditions {
  readonly where: string[] = [];
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder. */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  add(sql: string): this {
    this.where.push(sql);
    return this;
  }

  /** `column` holds the owner's account id, or NULL for the platform. */
  owner(column: string, owner: Owner): this {
    return this.add(owner === 'platform' ? `${column} IS NULL` : `${column} = ${this.param(owner)}`);
  }

  equal(column: string, value: unknown): this {
    return value === undefined ? this : this.add(`${column} = ${this.param(value)}`);
  }

  /** Stripe's `created` filter: an exact second, or any of gt/gte/lt/lte in Unix seconds. */
  created(column: string, range: Range | undefined): this {
    if (range === undefined) return this;
    const at = (secondsValue: number) => `to_timestamp(${this.param(secondsValue)})`;
    if (typeof range === 'number') return this.add(`date_trunc('second', ${column}) = ${at(range)}`);
    if (range.gt !== undefined) this.add(`${column} >= ${at(range.gt + 1)}`);
    if (range.gte !== undefined) this.add(`${column} >= ${at(range.gte)}`);
    if (range.lt !== undefined) this.add(`${column} < ${at(range.lt)}`);
    if (range.lte !== undefined) this.add(`${column} < ${at(range.lte + 1)}`);
    return this;
  }

  amount(column: string, range: AmountRange | undefined): this {
    if (range === undefined) return this;
    if (range.gt !== undefined) this.add(`${column} > ${this.param(range.gt)}`);
    if (range.gte !== undefined) this.add(`${column} >= ${this.param(range.gte)}`);
    if (range.lt !== undefined) this.add(`${column} < ${this.param(range.lt)}`);
    if (range.lte !== undefined) this.add(`${column} <= ${this.param(range.lte)}`);
    return this;
  }
}

export interface OrderedListQuery {
  table: string;
  conditions: Conditions;
  order: ListOrder;
  limit: number | undefined;
  startingAfter: string | undefined;
  endingBefore: string | undefined;
}

/**
 * One page in the given order, with Stripe's cursors: `starting_after` pages forward in that
 * order, `ending_before` backwards. The keyset is the sort column with `seq` breaking ties, so a
 * page never repeats or skips a row whatever the order.
 */
export async function orderedPage<Row extends object>(
  q: Queryable,
  query: OrderedListQuery,
): Promise<{ rows: Row[]; hasMore: boolean }> {
  const { conditions } = query;
  const limit = query.limit ?? 10;
  const { cursor, forward } = pageCursor(query);
  const column = query.order.startsWith('amount') ? 'amount' : 'created_at';
  const descending = query.order.endsWith('desc');
  if (cursor !== undefined) {
    // The cursor must be a row this list may show, so it cannot probe other accounts' objects.
    const lookupValues = [...conditions.values, cursor];
    const scopeSql = [...conditions.where, `id = $${lookupValues.length}`].join(' AND ');
    const [found] = await q.query<{ seq: number }>(`SELECT seq FROM ${query.table} WHERE ${scopeSql}`, lookupValues);
    if (!found) {
      throw invalidRequest(
        `No such object: '${cursor}'`,
        forward ? 'starting_after' : 'ending_before',
        'resource_missing',
      );
    }
    const before = descending === forward;
    conditions.add(
      `(${column}, seq) ${before ? '<' : '>'} (SELECT ${column}, seq FROM ${query.table} WHERE seq = ${conditions.param(found.seq)})`,
    );
  }
  const direction = descending === forward ? 'DESC' : 'ASC';
  const where = conditions.where.length > 0 ? `WHERE ${conditions.where.join(' AND ')}` : '';
  const rows = await q.query<Row>(
    `SELECT * FROM ${query.table} ${where} ORDER BY ${column} ${direction}, seq ${direction} LIMIT ${conditions.param(limit + 1)}`,
    conditions.values,
  );
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: forward ? page : page.reverse(), hasMore };
}
