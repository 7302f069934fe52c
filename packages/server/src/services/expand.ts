import type { Auth } from '../http/auth';
import { ApiError } from '../http/errors';
import { listEnvelope } from '../http/list';
import type { Queryable } from '../store/db';
import { fileObject, loadReadableFile } from './files';
import { accountObject, bankAccountObject } from './accounts/objects';
import { loadBankAccounts } from './accounts/rows';
import type { AccountRow, BankAccountRow } from './accounts/rows';
import { balanceTransactionObject } from './money/balance-transactions';
import {
  applicationFeeObject,
  chargeObject,
  feeRefundObject,
  paymentIntentObject,
  payoutObject,
  refundObject,
  topupObject,
  transferObject,
  transferReversalObject,
} from './money/objects';
import type {
  ApplicationFeeRow,
  BalanceTransactionRow,
  ChargeRow,
  FeeRefundRow,
  Owner,
  PaymentIntentRow,
  PayoutRow,
  RefundRow,
  TopupRow,
  TransferReversalRow,
  TransferRow,
} from './money/rows';
import { ownerOf } from './money/rows';

/** The object types whose fields can be expanded. */
export type ExpandableType =
  | 'account'
  | 'account_link'
  | 'account_session'
  | 'application_fee'
  | 'balance_transaction'
  | 'bank_account'
  | 'charge'
  | 'event'
  | 'fee_refund'
  | 'file'
  | 'payment_intent'
  | 'payout'
  | 'person'
  | 'refund'
  | 'topup'
  | 'transfer'
  | 'transfer_reversal'
  | 'webhook_endpoint';

/**
 * Who is looking: the platform (sees every object), or a connected account acting through
 * `Stripe-Account` or a component session (sees only its own: an id it may not read stays an id).
 */
export type Viewer = Owner;

export const viewerOf = (auth: Auth): Viewer =>
  ownerOf(auth.kind === 'embedded' ? auth.accountId : (auth.onBehalfOf ?? null));

type FieldLoader = (
  q: Queryable,
  value: unknown,
  owner: Record<string, unknown>,
  viewer: Viewer,
) => Promise<object | undefined>;

async function one<Row extends object>(q: Queryable, table: string, id: unknown): Promise<Row | undefined> {
  if (typeof id !== 'string') return undefined;
  const [row] = await q.query<Row>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  return row;
}

/** Whether an object whose owner column is `accountId` (null: the platform's) is the viewer's to read. */
const owns = (viewer: Viewer, accountId: string | null) => viewer === 'platform' || accountId === viewer;
/** The platform's own objects (application fees, top-ups): an account sees none. */
const platformOnly = (viewer: Viewer) => viewer === 'platform';

const balanceTransaction: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<BalanceTransactionRow>(q, 'balance_transactions', id);
  return row && owns(viewer, row.account_id) ? balanceTransactionObject(row) : undefined;
};

const charge: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<ChargeRow>(q, 'charges', id);
  return row && owns(viewer, row.account_id)
    ? chargeObject(row, { balanceTransaction: row.balance_transaction_id })
    : undefined;
};

const paymentIntent: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<PaymentIntentRow>(q, 'payment_intents', id);
  return row && owns(viewer, row.account_id) ? paymentIntentObject(row) : undefined;
};

const refund: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<RefundRow>(q, 'refunds', id);
  return row && owns(viewer, row.account_id) ? refundObject(row) : undefined;
};

/** A transfer is its sender's and its recipient's to read. */
const transferRow = async (q: Queryable, id: unknown, viewer: Viewer) => {
  const row = await one<TransferRow>(q, 'transfers', id);
  const mayRead =
    row && (viewer === 'platform' || row.source_account_id === viewer || row.destination_account_id === viewer);
  return mayRead ? row : undefined;
};

const transfer: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await transferRow(q, id, viewer);
  if (!row) return undefined;
  const reversals = await q.query<TransferReversalRow>(
    'SELECT * FROM transfer_reversals WHERE transfer_id = $1 ORDER BY seq DESC',
    [row.id],
  );
  return transferObject(row, reversals);
};

const transferReversal: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<TransferReversalRow>(q, 'transfer_reversals', id);
  return row && (await transferRow(q, row.transfer_id, viewer)) ? transferReversalObject(row) : undefined;
};

const applicationFee: FieldLoader = async (q, id, _owner, viewer) => {
  const row = platformOnly(viewer) ? await one<ApplicationFeeRow>(q, 'application_fees', id) : undefined;
  if (!row) return undefined;
  const refunds = await q.query<FeeRefundRow>(
    'SELECT * FROM application_fee_refunds WHERE fee_id = $1 ORDER BY seq DESC',
    [row.id],
  );
  return applicationFeeObject(row, refunds);
};

const feeRefund: FieldLoader = async (q, id, _owner, viewer) => {
  const row = platformOnly(viewer) ? await one<FeeRefundRow>(q, 'application_fee_refunds', id) : undefined;
  return row && feeRefundObject(row);
};

const topup: FieldLoader = async (q, id, _owner, viewer) => {
  const row = platformOnly(viewer) ? await one<TopupRow>(q, 'topups', id) : undefined;
  return row && topupObject(row);
};

const payout: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<PayoutRow>(q, 'payouts', id);
  return row && owns(viewer, row.account_id) ? payoutObject(row) : undefined;
};

const bankAccount: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<BankAccountRow>(q, 'external_accounts', id);
  return row && owns(viewer, row.account_id) ? bankAccountObject(row) : undefined;
};

/**
 * A connected account, as `GET /v1/accounts/:id` shows it: the platform reads any that is not
 * deleted, a connected account only itself.
 */
const connectedAccount: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await one<AccountRow>(q, 'accounts', id);
  return row && !row.deleted && owns(viewer, row.id)
    ? accountObject(row, await loadBankAccounts(q, row.id))
    : undefined;
};

/**
 * An uploaded file's metadata (never its content), read as `GET /v1/files/:id` reads it: the
 * platform sees a connected account's upload only with the account's `Stripe-Account` header.
 */
const file: FieldLoader = async (q, id, _owner, viewer) => {
  const row = await loadReadableFile(q, viewer, id);
  return row && fileObject(row);
};

/** A charge's refunds, which Stripe leaves out unless `expand[]=refunds` (the charge was readable). */
const chargeRefunds: FieldLoader = async (q, _value, owner) => {
  const rows = await q.query<RefundRow>('SELECT * FROM refunds WHERE charge_id = $1 ORDER BY seq DESC', [owner['id']]);
  return listEnvelope(`/v1/charges/${String(owner['id'])}/refunds`, rows.map(refundObject), false);
};

interface Expandable {
  /** The type of the object the field expands to (by the id's prefix, for `source`). */
  type: ExpandableType | ((id: string) => ExpandableType | undefined);
  load: FieldLoader;
}

const field = (type: ExpandableType, load: FieldLoader): Expandable => ({ type, load });
const txn = field('balance_transaction', balanceTransaction);
const account = field('account', connectedAccount);

/** The sides of a person's identity documents, file ids under `prefix` (`individual.` on an account). */
const documentFiles = (prefix: string): Record<string, Expandable> =>
  Object.fromEntries(
    ['document', 'additional_document'].flatMap((kind) =>
      ['front', 'back'].map((side) => [`${prefix}verification.${kind}.${side}`, field('file', file)]),
    ),
  );

/** What a balance transaction's `source` id names, by its prefix. */
const SOURCES: readonly (readonly [string, ExpandableType, FieldLoader])[] = [
  ['ch_', 'charge', charge],
  ['re_', 'refund', refund],
  ['trr_', 'transfer_reversal', transferReversal],
  ['tr_', 'transfer', transfer],
  ['po_', 'payout', payout],
  ['fee_', 'application_fee', applicationFee],
  ['fr_', 'fee_refund', feeRefund],
  ['tu_', 'topup', topup],
];
const sourceOf = (id: unknown) => SOURCES.find(([prefix]) => typeof id === 'string' && id.startsWith(prefix));
const balanceSource: Expandable = {
  type: (id) => sourceOf(id)?.[1],
  load: async (q, id, owner, viewer) => sourceOf(id)?.[2](q, id, owner, viewer),
};

/**
 * Each type's expandable fields, as Stripe's API reference marks them. A name with a dot is a
 * field inside a hash (`transfer_data.destination`), expanded in place like a top-level one. A
 * type with none (an event, a file, a webhook endpoint) refuses every path, as Stripe does.
 */
const EXPANDABLE: Record<ExpandableType, Record<string, Expandable>> = {
  account: {
    ...documentFiles('individual.'),
    'company.verification.document.front': field('file', file),
    'company.verification.document.back': field('file', file),
  },
  account_link: {},
  account_session: {},
  application_fee: { account, balance_transaction: txn, charge: field('charge', charge) },
  balance_transaction: { source: balanceSource },
  bank_account: { account },
  charge: {
    balance_transaction: txn,
    destination: account,
    on_behalf_of: account,
    'transfer_data.destination': account,
    payment_intent: field('payment_intent', paymentIntent),
    application_fee: field('application_fee', applicationFee),
    transfer: field('transfer', transfer),
    refunds: field('refund', chargeRefunds),
  },
  event: {},
  fee_refund: { balance_transaction: txn, fee: field('application_fee', applicationFee) },
  file: {},
  payment_intent: {
    latest_charge: field('charge', charge),
    on_behalf_of: account,
    'transfer_data.destination': account,
  },
  payout: {
    balance_transaction: txn,
    failure_balance_transaction: txn,
    destination: field('bank_account', bankAccount),
  },
  person: documentFiles(''),
  refund: {
    balance_transaction: txn,
    charge: field('charge', charge),
    payment_intent: field('payment_intent', paymentIntent),
    transfer_reversal: field('transfer_reversal', transferReversal),
  },
  topup: { balance_transaction: txn },
  transfer: {
    balance_transaction: txn,
    destination: account,
    source_account: account,
    source_transaction: field('charge', charge),
  },
  transfer_reversal: { balance_transaction: txn, transfer: field('transfer', transfer) },
  webhook_endpoint: {},
};

function cannotExpand(path: string): ApiError {
  return new ApiError(400, 'invalid_request_error', `This property cannot be expanded (${path}).`, {
    code: 'parameter_invalid',
    param: 'expand',
    beforeRun: true,
  });
}

/** The expandable field a path starts with, and how to expand it. */
function fieldOf(type: ExpandableType, path: string): [string, Expandable] | undefined {
  return Object.entries(EXPANDABLE[type]).find(([name]) => path === name || path.startsWith(`${name}.`));
}

/**
 * Refuses a path that names no expandable field, before anything is loaded: whatever the objects
 * hold (a null field, an empty list), an unknown path is a 400, as on Stripe.
 */
function checkPath(type: ExpandableType, path: string, full: string): void {
  const match = fieldOf(type, path);
  if (!match) throw cannotExpand(full);
  const [name, expandable] = match;
  const rest = path.slice(name.length + 1);
  // A balance transaction's `source` has the type its id names: the rest is checked once it is loaded.
  if (rest === '' || typeof expandable.type === 'function') return;
  checkPath(expandable.type, rest, full);
}

/** The hash holding a (possibly dotted) field and the field's last name; undefined when a hash on the way is null. */
function holderOf(object: Record<string, unknown>, name: string): [Record<string, unknown>, string] | undefined {
  const keys = name.split('.');
  const last = keys.pop() ?? name;
  let holder = object;
  for (const key of keys) {
    const next = holder[key];
    if (next === null || typeof next !== 'object') return undefined;
    holder = next as Record<string, unknown>;
  }
  return [holder, last];
}

async function expandPath(
  q: Queryable,
  viewer: Viewer,
  object: object,
  type: ExpandableType,
  path: string,
  full: string,
) {
  const match = fieldOf(type, path);
  if (!match) throw cannotExpand(full);
  const [name, expandable] = match;
  const record = object as Record<string, unknown>;
  const at = holderOf(record, name);
  if (!at) return;
  const [holder, key] = at;
  const current = holder[key];
  // A field an earlier path expanded (`a` before `a.b`) is expanded further in place.
  const expanded = current !== null && typeof current === 'object';
  const loaded = expanded ? current : await expandable.load(q, current, record, viewer);
  if (loaded === undefined) return;
  holder[key] = loaded;
  const rest = path.slice(name.length + 1);
  if (rest === '') return;
  const id = (loaded as { id?: unknown }).id;
  const next = typeof expandable.type === 'function' ? expandable.type(String(id)) : expandable.type;
  if (next === undefined) throw cannotExpand(full);
  await expandPath(q, viewer, loaded, next, rest, full);
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
  viewer: Viewer,
): Promise<T> {
  for (const path of paths ?? []) checkPath(type, path, path);
  for (const path of paths ?? []) await expandPath(q, viewer, object, type, path, path);
  return object;
}

/** `expand[]=data.x` on each object of a list page. */
export async function expandList<T extends object>(
  q: Queryable,
  objects: T[],
  type: ExpandableType,
  paths: readonly string[] | undefined,
  viewer: Viewer,
): Promise<T[]> {
  // A refusal names the path as it was sent, `data.` included.
  for (const path of paths ?? []) {
    if (!path.startsWith('data.')) throw cannotExpand(path);
    checkPath(type, path.slice('data.'.length), path);
  }
  for (const path of paths ?? []) {
    for (const object of objects) await expandPath(q, viewer, object, type, path.slice('data.'.length), path);
  }
  return objects;
}
