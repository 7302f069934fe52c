import { describe, expect, it } from 'vitest';
import { formatMessage, LANGUAGES, loadCatalog, loadedCatalog, resolveLocale } from './catalog';
import type { Catalog } from './catalog';
import { de } from './catalogs/de';
import { en } from './catalogs/en';
import { es } from './catalogs/es';
import { fr } from './catalogs/fr';
import { ja } from './catalogs/ja';

const CATALOGS: Record<(typeof LANGUAGES)[number], Catalog> = { en, fr, de, es, ja };
import type { Message } from './catalog';
import { formatDate, formatRelativeTime } from './format';
import { createI18n } from './i18n';

const placeholders = (message: Message) => {
  const text = typeof message === 'string' ? message : Object.values(message).join(' ');
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
};

describe('catalogs', () => {
  it.each(LANGUAGES)('%s has a non-empty message for every key, with the same placeholders as English', (language) => {
    const catalog = CATALOGS[language];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, message] of Object.entries(catalog)) {
      expect(typeof message === 'string' ? message.trim() : message.other.trim(), key).not.toBe('');
      expect(placeholders(message), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('translate every message, not copy the English one, except words that are the same', () => {
    const sameInEnglish = new Set(['common.optional']);
    for (const language of LANGUAGES.filter((name) => name !== 'en')) {
      const copied = Object.entries(CATALOGS[language]).filter(
        ([key, message]) => !sameInEnglish.has(key) && message === en[key as keyof typeof en],
      );
      expect(copied, language).toEqual([]);
    }
  });
});

describe('resolveLocale', () => {
  it.each([
    ['fr-CA', 'fr-CA', 'fr'],
    ['DE-de', 'de-DE', 'de'],
    ['ja', 'ja', 'ja'],
    ['es-419', 'es-419', 'es'],
    ['pt-BR', 'pt-BR', 'en'],
    ['not a tag!', 'en', 'en'],
    [undefined, 'en', 'en'],
  ])('resolves %s to the Intl locale %s with the %s catalog', (requested, locale, language) => {
    expect(resolveLocale(requested)).toEqual({ locale, language });
  });
});

describe('formatMessage', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(formatMessage('Step {current} of {total}', { current: 1, total: 1200 }, 'de')).toBe('Step 1 of 1.200');
  });

  it('picks the plural form for the count by the locale’s rules', () => {
    const message = { one: '{count} payout', other: '{count} payouts' };
    expect(formatMessage(message, { count: 1 }, 'en')).toBe('1 payout');
    expect(formatMessage(message, { count: 0 }, 'en')).toBe('0 payouts');
    expect(formatMessage({ one: '{count} virement', other: '{count} virements' }, { count: 0 }, 'fr')).toBe(
      '0 virement',
    );
  });

  it('keeps a placeholder that has no value, so the gap is visible rather than silent', () => {
    expect(formatMessage('Request ID: {requestId}', {}, 'en')).toBe('Request ID: {requestId}');
  });
});

describe('createI18n', () => {
  it('speaks English until a language is loaded, then translates with its catalog', async () => {
    expect(createI18n('fr-FR')).toMatchObject({ ready: false, language: 'fr' });
    expect(createI18n('fr-FR').t('common.retry')).toBe('Try again');
    await Promise.all([loadCatalog('fr'), loadCatalog('ja')]);
    expect(createI18n('fr-FR').ready).toBe(true);
    expect(createI18n('fr-FR').t('common.retry')).toBe('Réessayer');
    expect(createI18n('ja-JP').t('error.requestId', { requestId: 'req_1' })).toBe('リクエスト ID: req_1');
  });

  it.each([
    ['en-US', 123456, 'usd', '$1,234.56'],
    ['de-DE', 123456, 'eur', '1.234,56\u00a0€'],
    ['fr-FR', -2500, 'eur', '-25,00\u00a0€'],
    ['ja-JP', 1234, 'jpy', '￥1,234'],
    ['en-US', 1234, 'kwd', 'KWD\u00a01.234'],
    ['es-ES', 99, 'usd', '0,99\u00a0US$'],
  ])('formats money in %s: %i %s', (locale, amount, currency, expected) => {
    expect(createI18n(locale).formatMoney(amount, currency)).toBe(expected);
  });

  it('formats dates in the given time zone', () => {
    const i18n = createI18n('en-US', 'UTC');
    expect(i18n.formatDate(1_700_000_000)).toBe('Nov 14, 2023');
    expect(createI18n('de-DE', 'Asia/Tokyo').formatDate(1_700_000_000, 'datetime')).toBe('15.11.2023, 07:13');
  });
});

describe('formatDate and formatRelativeTime', () => {
  it('writes a month in the locale’s words', () => {
    expect(formatDate(1_700_000_000, 'month', 'fr', 'UTC')).toBe('novembre 2023');
  });

  it('says a relative time in the largest unit that fits', () => {
    const now = 1_700_000_000_000;
    expect(formatRelativeTime(1_700_000_000 + 2 * 86_400, now, 'en')).toBe('in 2 days');
    expect(formatRelativeTime(1_700_000_000 - 3 * 3600, now, 'fr')).toBe('il y a 3 heures');
    expect(formatRelativeTime(1_700_000_000 - 86_400, now, 'de')).toBe('gestern');
    expect(formatRelativeTime(1_700_000_000, now, 'ja')).toBe('今');
  });
});

describe('catalog loading', () => {
  it('has English at once and loads another language on first use, once', async () => {
    expect(loadedCatalog('en')).toBe(en);
    expect(loadedCatalog('de')).toBeUndefined();
    const loaded = await loadCatalog('de');
    expect(loaded).toEqual(de);
    expect(loadedCatalog('de')).toBe(loaded);
    expect(await loadCatalog('de')).toBe(loaded);
  });
});
