import { get } from 'react-hook-form';
import type { FieldError, FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { fieldErrorText } from '../field-errors';
import type { Messages } from '../field-errors';

/**
 * What a group of fields needs from its form, relative to where the group sits in the values
 * (`company.address.` for a company's address): register a control, read its error, watch a value.
 * The same address or person fields then serve every form.
 */
export interface FieldBinding {
  register: (name: string) => UseFormRegisterReturn;
  error: (name: string) => string | undefined;
  value: (name: string) => unknown;
  /** The value as text ('' when it is not a string). */
  text: (name: string) => string;
  /** The id prefix of the group's controls, unique per form. */
  id: (name: string) => string;
}

export function bindFields<V extends FieldValues>(
  form: UseFormReturn<V, unknown, Record<string, unknown>>,
  prefix: string,
  idPrefix: string,
  /** The render's messages, so errors are said in the language of this render. */
  messages: Messages,
): FieldBinding {
  const path = (name: string) => `${prefix}${name}` as Path<V>;
  // Read while the form renders, which subscribes it to its errors.
  const { errors } = form.formState;
  return {
    register: (name) => form.register(path(name)),
    error: (name) => {
      const found: FieldError | undefined = get(errors, path(name));
      return fieldErrorText(found, messages);
    },
    value: (name) => form.watch(path(name)),
    text: (name) => {
      const value: unknown = form.watch(path(name));
      return typeof value === 'string' ? value : '';
    },
    id: (name) => `${idPrefix}-${prefix}${name}`.replace(/\./g, '-'),
  };
}

/** The group nested under `name` (`address.` inside a person's fields). */
export function nested(binding: FieldBinding, name: string): FieldBinding {
  return {
    register: (field) => binding.register(`${name}.${field}`),
    error: (field) => binding.error(`${name}.${field}`),
    value: (field) => binding.value(`${name}.${field}`),
    text: (field) => binding.text(`${name}.${field}`),
    id: (field) => binding.id(`${name}.${field}`),
  };
}
