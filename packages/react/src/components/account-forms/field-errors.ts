import { AtriumApiError } from '@atrium/client';
import { ageInYears, countrySpec, isCalendarDate, isSupportedCountry } from '@atrium/core';
import type { BankAccountFormat, CountrySpec } from '@atrium/core';
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import type { MessageDescriptor, MessageKey, MessageValues } from '../../i18n/catalog';
import type { I18n } from '../../i18n/i18n';

/*
 * The field schemas of `@atrium/core` are shared with the server and speak English ("must be a
 * valid postcode for US"). The forms show their own message in the user's language instead,
 * chosen by the field and by what went wrong, for the browser's checks and the server's alike.
 * A form keeps the message's key and values, not its words, and says it when it renders, so an
 * error shown before the provider's locale changes is said again in the new language.
 */

/** What a form needs to say its errors: the provider's translator and its list of keys. */
export type Messages = Pick<I18n, 't' | 'has'>;

/** What the messages need to know beyond the field: the account country's formats. */
export interface MessageContext {
  spec: CountrySpec;
}

/**
 * A field error as the account forms keep it in `react-hook-form`: `message` holds the
 * message's key, `values` its values (see `fieldErrorText`).
 */
export interface KeyedFieldError extends FieldError {
  message: MessageKey;
  values?: MessageValues;
}

/** The error react-hook-form keeps for a message. */
export function keyedFieldError(type: string, message: MessageDescriptor): KeyedFieldError {
  return message.values === undefined
    ? { type, message: message.key }
    : { type, message: message.key, values: message.values };
}

/** Whether a field error holds a message key (as every error of these forms should). */
export function isKeyedFieldError(error: FieldError, messages: Pick<Messages, 'has'>): error is KeyedFieldError {
  return typeof error.message === 'string' && messages.has(error.message);
}

/**
 * The words of an account form's field error in the current language. Every error of these forms
 * is keyed (the resolver's and `showServerError`'s; their tests check it); words that are no key
 * are shown as they are rather than breaking the form.
 */
export function fieldErrorText(error: FieldError | undefined, messages: Messages): string | undefined {
  if (error?.message === undefined || error.message === '') return undefined;
  return isKeyedFieldError(error, messages) ? messages.t(error.message, error.values) : error.message;
}

/** How a value failed: missing, too long, or wrong in some other way. */
export type Problem = 'required' | 'required_alternative' | 'too_long' | 'invalid';

const BY_FIELD: Partial<Record<string, MessageKey>> = {
  email: 'fields.error.email',
  support_email: 'fields.error.email',
  phone: 'fields.error.phone',
  support_phone: 'fields.error.phone',
  postal_code: 'fields.error.postalCode',
  state: 'fields.error.state',
  country: 'fields.error.country',
  currency: 'fields.error.currency',
  url: 'fields.error.url',
  support_url: 'fields.error.url',
  mcc: 'fields.error.mcc',
  ssn_last_4: 'fields.error.ssnLast4',
  percent_ownership: 'fields.error.percent',
  account_holder_type: 'fields.error.invalid',
  // A role is a checkbox: "letters, numbers and punctuation" would make no sense beside it.
  representative: 'fields.error.invalid',
  owner: 'fields.error.invalid',
  director: 'fields.error.invalid',
  executive: 'fields.error.invalid',
  business_type: 'fields.error.businessType',
  owners_provided: 'fields.error.statement',
  directors_provided: 'fields.error.statement',
  executives_provided: 'fields.error.statement',
};

// Fields filled by choosing from a list: when empty, their own message says what to choose.
const CHOICES = new Set([
  'business_type',
  'mcc',
  'state',
  'country',
  'currency',
  'owners_provided',
  'directors_provided',
  'executives_provided',
]);

const ROUTING: Record<BankAccountFormat, MessageKey> = {
  aba: 'fields.error.routing.aba',
  canadian: 'fields.error.routing.canadian',
  sort_code: 'fields.error.routing.sortCode',
  bsb: 'fields.error.routing.bsb',
  iban: 'fields.error.invalid',
};

function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

/** A bank account's format, by the country chosen beside its numbers (the account's by default). */
function bankFormat(path: string, values: unknown, spec: CountrySpec): BankAccountFormat {
  const country = valueAt(values, path.replace(/[^.]+$/, 'country'));
  return typeof country === 'string' && isSupportedCountry(country)
    ? countrySpec(country).bankAccount.format
    : spec.bankAccount.format;
}

/**
 * The message for a problem with the field at `path` (`address.postal_code`, `company.tax_id`);
 * `values` are the form's, for fields whose format depends on another (a bank's country).
 */
export function fieldMessage(
  path: string,
  problem: Problem,
  context: MessageContext,
  values?: unknown,
): MessageDescriptor {
  const { spec } = context;
  const describe = (key: MessageKey, messageValues?: MessageValues): MessageDescriptor =>
    messageValues === undefined ? { key } : { key, values: messageValues };
  const field = path.split('.').at(-1) ?? '';
  const own = BY_FIELD[field];
  if (problem === 'required') return CHOICES.has(field) && own ? describe(own) : describe('fields.error.required');
  if (problem === 'required_alternative') return describe('fields.error.urlOrDescription');
  if (problem === 'too_long') return describe('fields.error.tooLong');
  if (field === 'tax_id') return describe('fields.error.taxId', { example: spec.taxId.example });
  if (field === 'id_number') {
    return spec.idNumber
      ? describe('fields.error.idNumber', { example: spec.idNumber.example })
      : describe('fields.error.invalid');
  }
  if (field === 'routing_number') return describe(ROUTING[bankFormat(path, values, spec)]);
  if (field === 'account_number') {
    return describe(bankFormat(path, values, spec) === 'iban' ? 'fields.error.iban' : 'fields.error.accountNumber');
  }
  return describe(own ?? 'fields.error.text');
}

/**
 * What a resolver error's `type` (a zod issue code, or ours for missing values) says went wrong,
 * given the field's value: a number out of range (an ownership of 150%) is wrong, not too long or
 * missing, and takes the field's own message.
 */
function problemOf(type: string, value: unknown): Problem {
  if (type === 'required_alternative') return type;
  const isNumber = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
  if ((type === 'too_big' || type === 'too_small') && isNumber) return 'invalid';
  if (type === 'too_big') return 'too_long';
  if (type === 'too_small' || type === 'required') return 'required';
  return 'invalid';
}

const toInteger = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN);

/** What is wrong with a date of birth. */
export function dobMessage(
  dob: { day?: unknown; month?: unknown; year?: unknown } | undefined,
  context: MessageContext,
  nowSeconds: number,
): MessageDescriptor {
  const date = { day: toInteger(dob?.day), month: toInteger(dob?.month), year: toInteger(dob?.year) };
  if (!Object.values(date).every(Number.isInteger) || date.year < 1900 || !isCalendarDate(date)) {
    return { key: 'fields.error.dob' };
  }
  if (Date.UTC(date.year, date.month - 1, date.day) > nowSeconds * 1000) return { key: 'fields.error.dobFuture' };
  if (ageInYears(date, nowSeconds) < context.spec.minimumAge) {
    return { key: 'fields.error.dobAge', values: { age: context.spec.minimumAge } };
  }
  return { key: 'fields.error.dob' };
}

function isLeaf(node: unknown): node is FieldError {
  return typeof node === 'object' && node !== null && typeof (node as FieldError).type === 'string';
}

/**
 * Rewrites a resolver's errors as keyed errors (see `KeyedFieldError`). An error on a whole date
 * of birth moves onto its day, so that focusing the first error lands on a control.
 */
export function localizeErrors<V extends FieldValues>(
  errors: FieldErrors<V>,
  values: V,
  context: MessageContext,
  nowSeconds: number,
): FieldErrors<V> {
  const result: Record<string, unknown> = {};
  const visit = (node: unknown, path: string[]) => {
    if (isLeaf(node)) {
      const dotted = path.join('.');
      const isDob = path.at(-1) === 'dob' || path.at(-2) === 'dob';
      const target = isDob ? [...path.slice(0, path.indexOf('dob') + 1), 'day'] : path;
      const message =
        isDob && node.type !== 'required'
          ? dobMessage(valueAt(values, path.slice(0, path.indexOf('dob') + 1).join('.')) as never, context, nowSeconds)
          : fieldMessage(dotted, problemOf(node.type, valueAt(values, dotted)), context, values);
      setAt(result, target, keyedFieldError(node.type, message));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) if (key !== 'ref') visit(child, [...path, key]);
  };
  visit(errors, []);
  return result as FieldErrors<V>;
}

function setAt(target: Record<string, unknown>, path: readonly string[], leaf: FieldError): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  });
  const last = path.at(-1);
  if (last !== undefined && node[last] === undefined) node[last] = leaf;
}

/** `individual[dob][day]` → `individual.dob.day`. */
export function paramPath(param: string): string {
  return param.replace(/\[([^\]]*)\]/g, '.$1');
}

/**
 * Where a server refusal belongs in a form: the form path of its `param` under `prefix` (the
 * hash the form submits, such as `individual` or `external_account`), when the form has that field.
 */
export function serverErrorPath(error: unknown, prefix: string, hasField: (path: string) => boolean) {
  if (!(error instanceof AtriumApiError) || error.param === undefined || error.status !== 400) return undefined;
  const full = paramPath(error.param);
  const path = prefix === '' ? full : full.startsWith(`${prefix}.`) ? full.slice(prefix.length + 1) : undefined;
  if (path === undefined) return undefined;
  const target = path === 'dob' || path.startsWith('dob.') ? 'dob.day' : path;
  return hasField(target) ? target : undefined;
}
