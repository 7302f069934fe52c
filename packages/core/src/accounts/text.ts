import { z } from 'zod/mini';

/*
 * Text building blocks for account fields. Values arrive from forms, the `stripe` SDK's form
 * encoding and JSON; every one is a string here (a JSON number where a string belongs is refused,
 * because leading zeros of account and id numbers would be lost).
 */

// Control characters and the invisible characters that reorder or hide text (bidirectional
// overrides and isolates, zero-width space, byte-order mark). Joiners (U+200C, U+200D) stay
// allowed: Persian and Indic names need them.
const UNSAFE_CHARACTERS = /[\p{Cc}\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

// The same, but line breaks and tabs are allowed, for descriptions.
const UNSAFE_IN_MULTILINE = /[^\P{Cc}\t\n\r]|[\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/**
 * Free text such as a name or a street: Unicode normalized (NFC), trimmed, not empty, at most
 * `maxLength` characters, without control or invisible formatting characters (line breaks and
 * tabs only when `multiline`).
 */
export const textParam = (maxLength: number, options: { multiline?: boolean } = {}) => {
  const unsafe = options.multiline ? UNSAFE_IN_MULTILINE : UNSAFE_CHARACTERS;
  return z.pipe(
    z.pipe(
      z.string().check(z.maxLength(maxLength * 4, `must be at most ${maxLength} characters`)),
      z.transform((value: string) => value.normalize('NFC').trim()),
    ),
    z.string().check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(maxLength, `must be at most ${maxLength} characters`),
      z.refine((value: string) => !unsafe.test(value), 'must not contain control or invisible characters'),
    ),
  );
};

// Separators people type inside numbers: spaces, dashes, dots and slashes.
const SEPARATORS = /[\s\-./]/g;

/** Removes the separators people type inside identifiers and upper-cases the rest. */
export function compactIdentifier(value: string): string {
  return value.replace(SEPARATORS, '').toUpperCase();
}

/**
 * An identifier such as a tax id or a routing number: separators removed, upper-cased, then
 * matched against `pattern`. The error message is "must be <description>".
 */
export const identifierParam = (pattern: RegExp, description: string) =>
  z.pipe(
    z.pipe(z.string().check(z.maxLength(64, `must be ${description}`)), z.transform(compactIdentifier)),
    z.string().check(z.regex(pattern, `must be ${description}`)),
  );

/** An email address, at most 254 characters (RFC 5321). */
export const emailParam = () =>
  z.pipe(
    z.string().check(z.trim(), z.maxLength(254, 'must be at most 254 characters')),
    z.email('must be a valid email address'),
  );

/** A file id from a file upload (`file_...`), as Stripe's identity document fields take it. */
export const fileIdParam = () =>
  z.string().check(z.regex(/^file_[A-Za-z0-9_]{1,200}$/, 'must be a file id (file_...)'));

// An optional http(s) scheme, a host name with at least one dot (Unicode or punycode labels),
// an optional port, then an optional path, query or fragment without spaces.
const WEBSITE =
  /^(https?:\/\/)?([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(\p{L}{2,63}|xn--[a-z0-9-]{1,59})(:\d{1,5})?([/?#]\S*)?$/iu;

/**
 * A website: http or https, with a host name that has a dot. Stripe accepts it without a scheme
 * (`example.com`), so the scheme is optional. The value is kept as given, trimmed.
 */
export const urlParam = () =>
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(2048, 'must be at most 2048 characters'),
      z.regex(WEBSITE, 'must be a valid http or https URL'),
    );

/**
 * An empty string, which Stripe's form encoding sends to unset an optional hash (`individual[dob]=`).
 * It parses to `null`.
 */
export const unsetParam = () =>
  z.pipe(
    z.literal(''),
    z.transform(() => null),
  );
