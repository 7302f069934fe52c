import { ApiError } from '../../http/errors';
import { listEnvelope } from '../../http/list';
import type { Queryable } from '../../store/db';
import { bankAccountObject } from '../accounts/objects';
import type { BankAccountRow } from '../accounts/rows';
import { balanceTransactionObject } from './balance-transactions';
import {
  applicationFeeObject,
  chargeObject,
  paymentIntentObject,
  refundObject,
  transferObject,
  transferReversalObject,
} from './objects';
import type {
  ApplicationFeeRow,
  BalanceTransactionRow,
  ChargeRow,
  FeeRefundRow,
  PaymentIntentRow,
  RefundRow,
  TransferReversalRow,
  TransferRow,
} from './rows';

/** The object types whose fields can be expanded. */
export type ExpandableType =
  | 'application_fee'
  | 'balance_transaction'
  | 'bank_account'
  | 'charge'
  | 'fee_refund'
  | 'payment_intent'
  | 'payout'
  | 'refund'
  | 'topup'
  | 'transfer'
  | 'transfer_reversal';

type FieldLoader = (q: Queryable, value: unknown, owner: Record<string, unknown>) => Promise<object | undefined>;

async function one<Row extends object>(q: Queryable, table: string, id: unknown): Promise<Row | undefined> {
  if (typeof id !== 'string') return undefined;
  const [row] = await q.query<Row>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  return row;
}

const balanceTransaction: FieldLoader = async (q, id) => {
  const row = await one<BalanceTransactionRow>(q, 'balance_transactions', id);
  return row && balanceTransactionObject(row);
};

const charge: FieldLoader = async (q, id) => {
  const row = await one<ChargeRow>(q, 'charges', id);
  return row && chargeObject(row, { balanceTransaction: row.balance_transaction_id });
};

const paymentIntent: FieldLoader = async (q, id) => {
  const row = await one<PaymentIntentRow>(q, 'payment_intents', id);
  return row && paymentIntentObject(row);
};

const transfer: FieldLoader = async (q, id) => {
  const row = await one<TransferRow>(q, 'transfers', id);
  if (!row) return undefined;
  const reversals = await q.query<TransferReversalRow>(
    'SELECT * FROM transfer_reversals WHERE transfer_id = $1 ORDER BY seq DESC',
    [row.id],
  );
  return transferObject(row, reversals);
};

const transferReversal: FieldLoader = async (q, id) => {
  const row = await one<TransferReversalRow>(q, 'transfer_reversals', id);
  return row && transferReversalObject(row);
};

const applicationFee: FieldLoader = async (q, id) => {
  const row = await one<ApplicationFeeRow>(q, 'application_fees', id);
  if (!row) return undefined;
  const refunds = await q.query<FeeRefundRow>(
    'SELECT * FROM application_fee_refunds WHERE fee_id = $1 ORDER BY seq DESC',
    [row.id],
  );
  return applicationFeeObject(row, refunds);
};

const bankAccount: FieldLoader = async (q, id) => {
  const row = await one<BankAccountRow>(q, 'external_accounts', id);
  return row && bankAccountObject(row);
};

/** A charge's refunds, which Stripe leaves out unless `expand[]=refunds`. */
const chargeRefunds: FieldLoader = async (q, _value, owner) => {
  const rows = await q.query<RefundRow>('SELECT * FROM refunds WHERE charge_id = $1 ORDER BY seq DESC', [owner['id']]);
  return listEnvelope(`/v1/charges/${String(owner['id'])}/refunds`, rows.map(refundObject), false);
};

interface Expandable {
  /** The type of the object the field expands to; what further paths expand on. */
  type: ExpandableType;
  load: FieldLoader;
}

const field = (type: ExpandableType, load: FieldLoader): Expandable => ({ type, load });
const txn = field('balance_transaction', balanceTransaction);

const EXPANDABLE: Record<ExpandableType, Record<string, Expandable>> = {
  application_fee: { balance_transaction: txn, charge: field('charge', charge) },
  balance_transaction: {},
  bank_account: {},
  charge: {
    balance_transaction: txn,
    payment_intent: field('payment_intent', paymentIntent),
    application_fee: field('application_fee', applicationFee),
    transfer: field('transfer', transfer),
    refunds: field('refund', chargeRefunds),
  },
  fee_refund: { balance_transaction: txn, fee: field('application_fee', applicationFee) },
  payment_intent: { latest_charge: field('charge', charge) },
  payout: {
    balance_transaction: txn,
    failure_balance_transaction: txn,
    destination: field('bank_account', bankAccount),
  },
  refund: {
    balance_transaction: txn,
    charge: field('charge', charge),
    payment_intent: field('payment_intent', paymentIntent),
    transfer_reversal: field('transfer_reversal', transferReversal),
  },
  topup: { balance_transaction: txn },
  transfer: { balance_transaction: txn, source_transaction: field('charge', charge) },
  transfer_reversal: { balance_transaction: txn, transfer: field('transfer', transfer) },
};

function cannotExpand(path: string): ApiError {
  return new ApiError(400, 'invalid_request_error', `This property cannot be expanded (${path}).`, {
    code: 'parameter_invalid',
    param: 'expand',
    beforeRun: true,
  });
}

async function expandPath(q: Queryable, object: object, type: ExpandableType, path: string, full: string) {
  const [name = '', ...rest] = path.split('.');
  const expandable = Object.hasOwn(EXPANDABLE[type], name) ? EXPANDABLE[type][name] : undefined;
  if (!expandable) throw cannotExpand(full);
  const record = object as Record<string, unknown>;
  const current = record[name];
  // A field an earlier path expanded (`a` before `a.b`) is expanded further in place.
  const loaded = current !== null && typeof current === 'object' ? current : await expandable.load(q, current, record);
  if (loaded === undefined) return;
  record[name] = loaded;
  if (rest.length > 0) await expandPath(q, loaded, expandable.type, rest.join('.'), full);
}

/**
 * Applies Stripe's `expand[]` to an object: each path names an expandable id field (nested with
 * dots, `latest_charge.balance_transaction`), replaced by the object it names. An unknown path is
 * a 400. For lists the paths start with `data.`.
 */
export async function expandObject<T extends object>(
  q: Queryable,
  object: T,
  type: ExpandableType,
  paths: readonly string[] | undefined,
): Promise<T> {
  for (const path of paths ?? []) await expandPath(q, object, type, path, path);
  return object;
}

/** `expand[]=data.x` on each object of a list page. */
export async function expandList<T extends object>(
  q: Queryable,
  objects: T[],
  type: ExpandableType,
  paths: readonly string[] | undefined,
): Promise<T[]> {
  const inner = (paths ?? []).map((path) => {
    if (!path.startsWith('data.')) throw cannotExpand(path);
    return path.slice('data.'.length);
  });
  for (const object of objects) await expandObject(q, object, type, inner);
  return objects;
}
