import { paramName } from '@atrium/core';
import { z } from 'zod';
import { invalidRequest } from './errors';

/**
 * Parses request parameters with a strict schema. The first problem becomes a 400 naming the
 * parameter in Stripe's bracket notation, so the SDK's `err.param` points at the field. The
 * schema may be the server's own (classic zod) or one of `@atrium/core` (zod/mini).
 */
export function parseParams<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw invalidRequest('Invalid parameters.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = paramName([...issue.path, key]);
    throw invalidRequest(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
  }
  const param = paramName(issue.path);
  // zod leaves `issue.input` out unless asked to report inputs (which could put a secret into an
  // issue), so whether the parameter was sent is read from the input itself.
  // A union (an integer given as a number or as form text) reports a missing value as no option
  // matching; it is as missing as any other.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(input, issue.path) === undefined) {
    throw invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing');
  }
  throw invalidRequest(`Invalid ${param || 'parameters'}: ${issue.message}`, param || undefined);
}

/** The value at `path` in parsed parameters, or undefined when some step of it is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
