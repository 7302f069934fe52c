import { maxAmountMinor } from '@atrium/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { NO_FILTERS } from './list-query';
import { readDraft, toDraft } from './filter-draft';
import type { FilterErrors } from './filter-draft';
import { sayMoney } from './money-message';
import { createMoneyI18n } from './use-money-i18n';

const english = createMoneyI18n(createI18n('en-US', 'UTC'));
const empty = toDraft(NO_FILTERS, 'usd', 'en-US');

describe('readDraft', () => {
  it('reads amounts the way the locale writes them', () => {
    expect(readDraft({ ...empty, amountMin: '1,234.50' }, 'usd', 'en-US')).toMatchObject({
      ok: true,
      filters: { amountMin: 123_450, amountMax: undefined },
    });
    expect(readDraft({ ...empty, amountMax: '1.234,50' }, 'eur', 'de-DE')).toMatchObject({
      ok: true,
      filters: { amountMax: 123_450 },
    });
  });

  it('says what is wrong with each field, and filters nothing then', () => {
    const read = readDraft(
      { ...empty, amountMin: 'ten', amountMax: '1.005', createdFrom: '2025-06-10', createdTo: '2025-06-01' },
      'usd',
      'en-US',
    );

    expect(read.ok).toBe(false);
    const errors: FilterErrors = read.ok ? {} : read.errors;
    expect({
      amountMin: errors.amountMin && sayMoney(errors.amountMin, english),
      amountMax: errors.amountMax && sayMoney(errors.amountMax, english),
      createdTo: errors.createdTo && sayMoney(errors.createdTo, english),
    }).toEqual({
      amountMin: 'Enter an amount as a number, such as 1,234.56.',
      amountMax: 'USD amounts have at most 2 decimals.',
      createdTo: 'Choose a day on or after the “From” day.',
    });
  });

  it('refuses a minimum above the maximum, on the maximum, and takes equal bounds', () => {
    const read = readDraft({ ...empty, amountMin: '500', amountMax: '499.99' }, 'usd', 'en-US');

    expect(read.ok).toBe(false);
    const errors: FilterErrors = read.ok ? {} : read.errors;
    expect(errors.amountMin).toBeUndefined();
    expect(errors.amountMax && sayMoney(errors.amountMax, english)).toBe(
      'Enter an amount no lower than the minimum amount.',
    );
    expect(readDraft({ ...empty, amountMin: '500', amountMax: '500.00' }, 'usd', 'en-US')).toMatchObject({
      ok: true,
      filters: { amountMin: 50_000, amountMax: 50_000 },
    });
  });

  it('gives back the filters it was drafted from, in any locale', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', 'es-ES'),
        fc.constantFrom('usd' as const, 'jpy' as const, 'kwd' as const),
        (minShare, maxShare, locale, currency) => {
          // Any amount up to the largest the currency allows.
          const amount = (share: number | undefined) =>
            share === undefined ? undefined : Math.max(1, Math.floor(share * maxAmountMinor(currency)));
          // A range the filters hold is in order: the fields refuse one that is not.
          const [low, high] = [amount(minShare), amount(maxShare)];
          const [amountMin, amountMax] =
            low !== undefined && high !== undefined && low > high ? [high, low] : [low, high];
          const filters = { ...NO_FILTERS, status: 'paid', amountMin, amountMax };
          const read = readDraft(toDraft(filters, currency, locale), currency, locale);
          expect(read).toEqual({ ok: true, filters });
        },
      ),
    );
  });
});
