import { describe, expect, test } from 'vitest';
import { businessProfileParamsSchema } from './business-profile';

const NOW = Date.UTC(2025, 5, 15, 12) / 1000;
const schema = businessProfileParamsSchema({ country: 'AU', nowSeconds: NOW });

describe('businessProfileParamsSchema', () => {
  test('accepts a whole business profile and normalizes the phone', () => {
    expect(
      schema.parse({
        name: 'Tick Tock Watches',
        url: 'accessible.stripe.com',
        mcc: '5944',
        product_description: 'Pre-owned watches.\nServiced in house.',
        support_email: 'help@example.com',
        support_phone: '02 9374 4000',
        support_url: 'https://example.com/help',
      }),
    ).toEqual({
      name: 'Tick Tock Watches',
      url: 'accessible.stripe.com',
      mcc: '5944',
      product_description: 'Pre-owned watches.\nServiced in house.',
      support_email: 'help@example.com',
      support_phone: '+61293744000',
      support_url: 'https://example.com/help',
    });
  });

  test.each([
    [{ mcc: 5944 }, ['mcc']],
    [{ mcc: '594' }, ['mcc']],
    [{ url: 'not a url' }, ['url']],
    [{ product_description: 'x'.repeat(5001) }, ['product_description']],
    [{ support_email: 'help' }, ['support_email']],
    [{ support_phone: '+61 2' }, ['support_phone']],
    [{ twitter: '@shop' }, []],
  ])('refuses %j at %j', (profile, path) => {
    expect(schema.safeParse(profile).error?.issues[0]?.path).toEqual(path);
  });
});
