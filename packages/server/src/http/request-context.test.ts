import { describe, expect, it } from 'vitest';
import { loggedPath } from './request-context';

describe('the path as logged', () => {
  it.each([
    ['/connect/link/Abc123', '/connect/link/[redacted]'],
    ['/CONNECT/LINK/Abc123?x=1', '/connect/link/[redacted]'],
    ['//connect/link/Abc123', '//connect/link/[redacted]'],
    ['/connect//link/Abc123/next', '/connect/link/[redacted]/next'],
    ['/v1/accounts/acct_1?expand[]=x', '/v1/accounts/acct_1'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggedPath(url)).toBe(logged);
  });
});
