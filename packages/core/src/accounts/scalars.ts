import { z } from 'zod/mini';
import { boolParam, intParam } from '../contracts/params';
import { unsetParam } from './text';

/*
 * The shared number and boolean parameters (form-encoded strings or JSON), each with one clear
 * message when the value is neither form: a union's default message says only "Invalid input".
 */

/** An integer as a JSON number or a decimal string. */
export const integerParam = () => z.union(intParam().def.options, 'must be an integer');

/** A boolean as true/false or "true"/"false". */
export const booleanParam = () => z.union(boolParam().def.options, 'must be true or false');

/** `schema`, or the empty string that unsets the field (parsed to null); `message` when it is neither. */
export const orUnset = <T extends z.core.SomeType>(schema: T, message: string) =>
  z.union([schema, unsetParam()], message);
