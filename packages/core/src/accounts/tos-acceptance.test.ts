import { describe, expect, test } from 'vitest';
import { EARLIEST_TOS_ACCEPTANCE_SECONDS, tosAcceptanceParamsSchema } from './tos-acceptance';

const NOW = Date.UTC(2025, 5, 15, 12) / 1000;
const schema = tosAcceptanceParamsSchema({ country: 'US', nowSeconds: NOW });

describe('tosAcceptanceParamsSchema', () => {
  test.each([
    [
      { date: String(NOW), ip: '203.0.113.7', user_agent: 'Mozilla/5.0' },
      { date: NOW, ip: '203.0.113.7', user_agent: 'Mozilla/5.0' },
    ],
    [
      { date: EARLIEST_TOS_ACCEPTANCE_SECONDS, ip: '2001:db8::1' },
      { date: EARLIEST_TOS_ACCEPTANCE_SECONDS, ip: '2001:db8::1' },
    ],
    [{ date: NOW + 60 }, { date: NOW + 60 }],
  ])('accepts %j', (input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });

  test.each([
    [{ date: EARLIEST_TOS_ACCEPTANCE_SECONDS - 1 }, ['date'], 'must be a Unix timestamp after 2009'],
    [{ date: NOW + 3600 }, ['date'], 'must not be in the future'],
    [{ date: '2025-06-15' }, ['date'], 'must be an integer'],
    [{ ip: '999.1.1.1' }, ['ip'], 'must be an IPv4 or IPv6 address'],
    [{ ip: 'localhost' }, ['ip'], 'must be an IPv4 or IPv6 address'],
    [{ user_agent: 'x'.repeat(1001) }, ['user_agent'], 'must be at most 1000 characters'],
  ])('refuses %j at %j: %s', (input, path, message) => {
    const issue = schema.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  test('refuses an unknown parameter such as service_agreement', () => {
    expect(schema.safeParse({ service_agreement: 'full' }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});
