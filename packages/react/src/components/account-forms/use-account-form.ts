import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type {
  DefaultValues,
  FieldErrors,
  FieldValues,
  Path,
  Resolver,
  UseFormRegister,
  UseFormReturn,
} from 'react-hook-form';
import { z } from 'zod/mini';
import { fieldMessage, keyedFieldError, localizeErrors, serverErrorPath } from './field-errors';
import type { MessageContext } from './field-errors';

export interface AccountFormConfig<V extends FieldValues> {
  defaultValues: V;
  /** The changed values as Stripe's parameters: what the save sends. */
  toParams: (values: V, defaults: V) => Record<string, unknown>;
  /** The server's own schema for those parameters (from `@atrium/core`), for the account's country. */
  schema: (nowSeconds: number) => z.ZodMiniType;
  /**
   * Form paths that must be filled: the step's due requirements. `unless` names a field that
   * may be filled instead (a website, or a description of what the business sells).
   */
  required: readonly (string | { path: string; unless: string })[];
  messages: MessageContext;
}

/** A form whose submit handler receives the checked parameters of what changed. */
export type AccountForm<V extends FieldValues> = UseFormReturn<V, unknown, Record<string, unknown>> & {
  /**
   * Shows a server refusal on its field (and focuses it) when the form shows that field under
   * `prefix`; returns false when it belongs to no field on screen, for the form to show it as a whole.
   */
  showServerError: (error: unknown, prefix: string) => boolean;
};

// An unticked box is blank too: a required checkbox is a statement that must be made.
const isBlank = (value: unknown) =>
  value === undefined || value === null || value === false || (typeof value === 'string' && value.trim() === '');

function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

function requiredErrors(values: FieldValues, required: AccountFormConfig<FieldValues>['required']) {
  const errors: Record<string, unknown> = {};
  for (const rule of required) {
    const { path, unless } = typeof rule === 'string' ? { path: rule, unless: undefined } : rule;
    if (!isBlank(valueAt(values, path)) || (unless !== undefined && !isBlank(valueAt(values, unless)))) continue;
    const keys = path.split('.');
    let node = errors;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const type = unless === undefined ? 'required' : 'required_alternative';
    node[keys.at(-1) ?? path] = { type, message: type };
  }
  return errors;
}

/**
 * The schema's output as parameters again: where it normalizes a value to `null` (an IBAN's
 * `routing_number`), the parameter is left out, as the server's schema expects it.
 */
function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => [
        key,
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? withoutNulls(value as Record<string, unknown>)
          : value,
      ]),
  );
}

function merge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (existing === undefined) into[key] = value;
    else if (typeof existing === 'object' && existing !== null && !('type' in existing)) {
      merge(existing as Record<string, unknown>, value as Record<string, unknown>);
    }
  }
  return into;
}

/**
 * The resolver of an account form: the values' changes become Stripe's parameters, which the
 * server's zod schema checks through `@hookform/resolvers/zod`; due fields must be filled; and
 * every error is keyed, to be said in the user's language when it is shown (`fieldErrorText`).
 */
export function accountResolver<V extends FieldValues>(
  config: AccountFormConfig<V>,
): Resolver<V, unknown, Record<string, unknown>> {
  return async (values, context, options) => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const schema = z.pipe(
      z.transform((input: unknown): unknown => config.toParams(input as V, config.defaultValues)),
      config.schema(nowSeconds),
    );
    const checked = await zodResolver(schema as z.ZodMiniType<Record<string, unknown>, V>)(values, context, options);
    const missing = requiredErrors(values, config.required);
    const errors = merge(missing, checked.errors);
    if (Object.keys(errors).length === 0) return { values: withoutNulls(checked.values), errors: {} };
    return {
      values: {},
      errors: localizeErrors(errors as FieldErrors<V>, values, config.messages, nowSeconds),
    };
  };
}

/** `react-hook-form` set up for an account form (see `accountResolver`). */
export function useAccountForm<V extends FieldValues>(config: AccountFormConfig<V>): AccountForm<V> {
  const { defaultValues } = config;
  // The resolver reads the latest config (the chosen bank country) when it runs.
  const latest = useRef(config);
  useEffect(() => {
    latest.current = config;
  });
  const resolver = useCallback<Resolver<V, unknown, Record<string, unknown>>>(
    (values, context, options) => accountResolver(latest.current)(values, context, options),
    [],
  );
  const form = useForm<V, unknown, Record<string, unknown>>({
    defaultValues: defaultValues as DefaultValues<V>,
    resolver,
  });
  // The controls on screen, by name: a form holds values it does not show (a country's other
  // fields, a bank's one possible currency), and an error there would be seen by no one.
  const [shown] = useState(() => new Map<string, Element>());
  // `form` is the same object at every render, so its own `register` is replaced below: the
  // control's is react-hook-form's.
  const register: UseFormRegister<V> = (name, options) => {
    const registration = form.control.register(name, options);
    return {
      ...registration,
      ref: (element: Element | null) => {
        registration.ref(element);
        if (element === null) shown.delete(name);
        else shown.set(name, element);
      },
    };
  };
  const showServerError = (error: unknown, prefix: string) => {
    const path = serverErrorPath(error, prefix, (candidate) => shown.get(candidate)?.isConnected === true);
    if (path === undefined) return false;
    form.setError(path as Path<V>, keyedFieldError('server', fieldMessage(path, 'invalid', config.messages)), {
      shouldFocus: true,
    });
    return true;
  };
  return Object.assign(form, { register, showServerError });
}
