import express from 'express';
import type { RequestHandler } from 'express';
import qs from 'qs';
import { ApiError, invalidRequest } from './errors';

/** The largest request body Atrium reads; larger ones are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

const QS_OPTIONS: qs.IParseOptions = {
  depth: 6,
  strictDepth: true,
  arrayLimit: 100,
  parameterLimit: 1000,
  throwOnLimitExceeded: true,
  allowPrototypes: false,
  plainObjects: true,
  allowDots: false,
};

/**
 * Parses a query string or form body with Stripe's bracket notation (`metadata[order]=6735`,
 * `expand[0]=balance_transaction`). Limits on depth and size are errors, not silent truncation;
 * `__proto__` keys never reach an object's prototype.
 */
export function parseBracketNotation(text: string | null): Record<string, unknown> {
  // Express passes null for a URL without a query string.
  if (text === null || text === '') return {};
  refusePrototypeKeys(text);
  try {
    return qs.parse(text, QS_OPTIONS);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'malformed parameters';
    throw invalidRequest(`Could not parse parameters: ${message}`, undefined, 'parameters_invalid');
  }
}

/**
 * qs drops `__proto__` keys silently; a request that sends one is refused by name instead, as any
 * other unknown parameter is, so a hostile request never succeeds as if it were a normal one.
 */
function refusePrototypeKeys(text: string): void {
  for (const pair of text.split('&')) {
    const rawKey = pair.split('=', 1)[0] ?? '';
    let key: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    } catch {
      throw invalidRequest('Could not parse parameters: malformed percent-encoding.', undefined, 'parameters_invalid');
    }
    if (/(^|\[)__proto__(\]|\[|$)/.test(key)) {
      throw invalidRequest(`Received unknown parameter: ${key}`, key, 'parameter_unknown');
    }
  }
}

const readText = express.text({ type: () => true, limit: MAX_BODY_BYTES });

/**
 * Reads the body as text and parses it by content type: JSON or form-encoded. A body of any other
 * type is refused. Requests without a body get `{}`.
 */
export const parseBody: RequestHandler = (req, res, next) => {
  // express.text() is the body-parser middleware; calling it inline keeps the decode step here.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  readText(req, res, (error?: unknown) => {
    if (error) {
      next(error);
      return;
    }
    try {
      req.body = decodeBody(req.headers['content-type'], typeof req.body === 'string' ? req.body : '');
      next();
    } catch (decodeError) {
      next(decodeError);
    }
  });
};

function decodeBody(contentType: string | undefined, text: string): unknown {
  if (text.length === 0) return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') return parseBracketNotation(text);
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidRequest('Request body is not valid JSON.', undefined, 'body_invalid');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw invalidRequest('Request body must be a JSON object.', undefined, 'body_invalid');
    }
    return parsed;
  }
  throw new ApiError(
    415,
    'invalid_request_error',
    `Content-Type must be application/x-www-form-urlencoded or application/json, not '${type || 'missing'}'.`,
    {
      code: 'content_type_unsupported',
      beforeRun: true,
    },
  );
}
