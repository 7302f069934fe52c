import { AtriumApiError, AtriumNetworkError, AtriumResponseError, AtriumSessionError } from '@atrium/client';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

const apiError = (status: number, code?: string) =>
  new AtriumApiError({
    status,
    type: 'invalid_request_error',
    message: 'English, for developers.',
    code,
    requestId: 'req_1',
  });

describe('describeError', () => {
  it.each<[string, unknown, string]>([
    ['a network failure', new AtriumNetworkError('offline'), 'error.network'],
    ['a failing fetchClientSecret', new AtriumSessionError('no secret'), 'error.session'],
    ['an expired session', apiError(401, 'session_expired'), 'error.session'],
    ['a component the session lacks', apiError(403, 'component_not_granted'), 'error.notGranted'],
    ['another account’s object', apiError(404, 'resource_missing'), 'error.notFound'],
    ['a rate limit', apiError(429), 'error.rateLimited'],
    ['a server error', apiError(503), 'error.server'],
    ['a bad request', apiError(400, 'parameter_invalid'), 'error.unexpected'],
    ['a broken contract', new AtriumResponseError('bad', { status: 200, requestId: undefined }), 'error.unexpected'],
    ['anything else', new TypeError('x'), 'error.unexpected'],
  ])('chooses a message for %s', (_name, error, messageKey) => {
    expect(describeError(error).messageKey).toBe(messageKey);
  });

  it('keeps the request id of an API error for support', () => {
    expect(describeError(apiError(500)).requestId).toBe('req_1');
    expect(describeError(new AtriumNetworkError('offline')).requestId).toBeUndefined();
  });
});
