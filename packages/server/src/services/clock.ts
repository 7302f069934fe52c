import type { Queryable } from '../store/db';

/** The current time in Unix seconds on Atrium's clock: real time plus the test clock's offset. */
export async function clockNow(q: Queryable): Promise<number> {
  const [row] = await q.query<{ now: number }>('SELECT floor(extract(epoch FROM atrium_now()))::bigint AS now');
  if (!row) throw new Error('atrium_now() returned no row');
  return row.now;
}
