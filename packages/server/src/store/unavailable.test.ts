import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, asUnavailable, isConnectionFailure } from './unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('database outages', () => {
  it.each([
    ['57P01', 'a backend ended by pg_terminate_backend'],
    ['57P02', 'a crash shutdown'],
    ['57P03', 'a server starting up or shutting down'],
    ['08006', 'a connection failure'],
    ['08003', 'a connection that does not exist'],
    ['53300', 'too many connections'],
    ['ECONNREFUSED', 'a server that refuses connections'],
    ['ECONNRESET', 'a connection reset'],
  ])('counts %s (%s) as an outage', (code) => {
    expect(isConnectionFailure(withCode(code))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Client has encountered a connection error and is not queryable',
    'timeout exceeded when trying to connect',
  ])('counts the driver\'s "%s" as an outage', (message) => {
    expect(isConnectionFailure(new Error(message))).toBe(true);
  });

  it.each([
    ['23505', 'a unique violation'],
    ['40001', 'a serialization failure, which the operation runner retries'],
    ['40P01', 'a deadlock'],
    ['42P01', 'a missing table'],
    ['08P01', 'a protocol violation'],
  ])('leaves %s (%s) alone', (code) => {
    const error = withCode(code);
    expect(isConnectionFailure(error)).toBe(false);
    expect(asUnavailable(error, 'unknown')).toBe(error);
  });

  it('leaves errors without a code alone unless the driver lost the connection', () => {
    expect(isConnectionFailure(new Error('syntax error at or near "SELEC"'))).toBe(false);
    expect(isConnectionFailure('a string')).toBe(false);
    expect(isConnectionFailure(null)).toBe(false);
  });

  it('says the work never ran when the server refused the connection, whatever the phase', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('57P03'),
      withCode('53300'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(asUnavailable(error, 'unknown')).toMatchObject({ outcome: 'not_run' });
    }
  });

  it('keeps the outcome of the phase the connection was lost in, and the reason', () => {
    const lost = asUnavailable(withCode('57P01', 'terminating connection due to administrator command'), 'unknown');
    expect(lost).toBeInstanceOf(DatabaseUnavailableError);
    expect(lost).toMatchObject({ outcome: 'unknown', reason: '57P01' });
    expect(asUnavailable(new Error('Connection terminated unexpectedly'), 'rolled_back')).toMatchObject({
      outcome: 'rolled_back',
      reason: undefined,
    });
  });

  it('does not wrap an outage twice', () => {
    const first = asUnavailable(withCode('57P01'), 'rolled_back');
    expect(asUnavailable(first, 'unknown')).toBe(first);
  });
});
