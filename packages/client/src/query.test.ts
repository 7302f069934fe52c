import { describe, expect, it } from 'vitest';
import { encodeQuery } from './query';

describe('encodeQuery', () => {
  it("writes lists and ranges in Stripe's bracket notation", () => {
    const query = encodeQuery({ limit: 10, expand: ['data.destination'], created: { gte: 100, lt: 200 } });
    expect(decodeURIComponent(query)).toBe('?limit=10&expand[0]=data.destination&created[gte]=100&created[lt]=200');
  });

  it('leaves undefined values out', () => {
    expect(encodeQuery({ starting_after: undefined, status: 'paid', created: { gte: undefined } })).toBe(
      '?status=paid',
    );
  });

  it('gives an empty string when there is nothing to send', () => {
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({})).toBe('');
  });

  it('escapes values', () => {
    expect(encodeQuery({ description: 'a&b=c' })).toBe('?description=a%26b%3Dc');
  });
});
