import { describe, expect, it } from 'vitest';
import { formatDate } from '../../i18n/format';
import { formatDay } from './cell-date';

describe('formatDay', () => {
  it.each([
    ['en-US', 'UTC'],
    ['de-DE', 'Europe/Berlin'],
    ['ja-JP', 'Asia/Tokyo'],
    ['fr-CA', undefined],
  ])('writes the same day as DateText does in %s', (locale, timeZone) => {
    for (const seconds of [0, 1_700_000_000, 1_749_988_800, 1_750_031_999]) {
      expect(formatDay(seconds, locale, timeZone)).toBe(formatDate(seconds, 'date', locale, timeZone));
    }
  });
});
