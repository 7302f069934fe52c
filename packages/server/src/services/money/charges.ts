import { notFound } from '../../http/errors';
import type { Queryable } from '../../store/db';
import type { ChargeRow, Owner, RefundRow } from './rows';
import { accountIdOf } from './rows';

const CHARGE_ID = /^ch_[A-Za-z0-9]{1,64}$/;

/**
 * Which charges a caller sees: the platform its own (destination and separate charges), a
 * connected account through the platform API its direct charges, and a connected account's
 * components also the destination charges paid to it.
 */
export type ChargeScope = { kind: 'owner'; owner: Owner } | { kind: 'seller'; accountId: string };

/** The SQL condition (on `charges`) and its parameter for a scope, numbered from `$index`. */
export function chargeScopeSql(scope: ChargeScope, index: number): { sql: string; value: string | null } {
  if (scope.kind === 'seller') {
    return { sql: `(account_id = $${index} OR destination = $${index})`, value: scope.accountId };
  }
  const accountId = accountIdOf(scope.owner);
  return accountId === null
    ? { sql: `(account_id IS NULL AND $${index}::text IS NULL)`, value: null }
    : { sql: `account_id = $${index}`, value: accountId };
}

/** A charge the scope may see, optionally locked; a 404 for anything else. */
export async function findCharge(
  q: Queryable,
  id: string,
  scope: ChargeScope,
  options: { lock?: boolean; param?: string } = {},
): Promise<ChargeRow> {
  const condition = chargeScopeSql(scope, 2);
  const [row] = CHARGE_ID.test(id)
    ? await q.query<ChargeRow>(
        `SELECT * FROM charges WHERE id = $1 AND ${condition.sql}${options.lock ? ' FOR UPDATE' : ''}`,
        [id, condition.value],
      )
    : [];
  if (!row) throw notFound('charge', id, options.param);
  return row;
}

/** The balance transaction of a charge as one owner sees it: its charge, or a seller's payment. */
export async function chargeTransactionFor(q: Queryable, charge: ChargeRow, viewer: Owner): Promise<string | null> {
  if ((charge.account_id ?? 'platform') === viewer) return charge.balance_transaction_id;
  const [row] = await q.query<{ id: string }>(
    `SELECT id FROM balance_transactions WHERE source = $1 AND account_id = $2 AND type = 'payment'`,
    [charge.id, accountIdOf(viewer)],
  );
  return row?.id ?? null;
}

export async function refundsOf(q: Queryable, chargeId: string): Promise<RefundRow[]> {
  return q.query<RefundRow>('SELECT * FROM refunds WHERE charge_id = $1 ORDER BY seq DESC', [chargeId]);
}
