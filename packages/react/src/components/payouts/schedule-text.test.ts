import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { createMoneyI18n } from '../money-tables/use-money-i18n';
import { scheduleSummary, weekdayName } from './schedule-text';

describe('weekdayName', () => {
  it('names every weekday in the locale', () => {
    expect(weekdayName('sunday', 'en')).toBe('Sunday');
    expect(weekdayName('friday', 'en')).toBe('Friday');
    expect(weekdayName('monday', 'fr')).toBe('lundi');
    expect(weekdayName('saturday', 'de')).toBe('Samstag');
  });
});

describe('scheduleSummary', () => {
  it('says each interval in a sentence', () => {
    const i18n = createMoneyI18n(createI18n('en', 'UTC'));
    expect(scheduleSummary({ interval: 'manual', delay_days: 2 }, i18n)).toBe('Manual: you withdraw when you choose');
    expect(scheduleSummary({ interval: 'daily', delay_days: 2 }, i18n)).toBe('Every day');
    expect(scheduleSummary({ interval: 'weekly', weekly_anchor: 'friday', delay_days: 2 }, i18n)).toBe(
      'Every week on Friday',
    );
    expect(scheduleSummary({ interval: 'monthly', monthly_anchor: 31, delay_days: 2 }, i18n)).toBe(
      'Every month on day 31 (the last day in shorter months)',
    );
  });
});
