import { AtriumApiError, AtriumNetworkError, AtriumSessionError } from '@atrium/client';
import { describe, expect, it } from 'vitest';
import { toLoadError } from './embedded-component';

describe('toLoadError', () => {
  it('passes on the type, code and request id of an API error', () => {
    const error = new AtriumApiError({
      status: 401,
      type: 'authentication_error',
      code: 'session_expired',
      message: 'Expired.',
      requestId: 'req_9',
    });
    expect(toLoadError(error)).toEqual({
      type: 'authentication_error',
      code: 'session_expired',
      message: 'Expired.',
      requestId: 'req_9',
    });
  });

  it('names a failure to reach the BFF as Stripe does', () => {
    expect(toLoadError(new AtriumNetworkError('offline')).type).toBe('api_connection_error');
  });

  it('names a failing fetchClientSecret as Stripe does', () => {
    expect(toLoadError(new AtriumSessionError('no secret')).type).toBe('account_session_create_error');
  });

  it('reports anything else as an api_error with its message', () => {
    expect(toLoadError('weird')).toEqual({
      type: 'api_error',
      code: undefined,
      message: 'weird',
      requestId: undefined,
    });
  });
});
