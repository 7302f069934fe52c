import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../catalog';
import type { Message } from '../../catalog';
import { en } from './en';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { de as sharedDe } from '../de';
import { en as sharedEn } from '../en';
import { es as sharedEs } from '../es';
import { fr as sharedFr } from '../fr';
import { ja as sharedJa } from '../ja';

const MONEY_CATALOGS = { en, fr, de, es, ja };
const SHARED_CATALOGS = { en: sharedEn, fr: sharedFr, de: sharedDe, es: sharedEs, ja: sharedJa };
import type { MoneyCatalog } from '.';

const placeholders = (message: Message) => {
  const text = typeof message === 'string' ? message : Object.values(message).join(' ');
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
};

/**
 * Messages that are rightly the same as in English: formats made of placeholders, the "ID"
 * abbreviation, and words the language shares with English (German "Status", "Standard").
 */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  all: ['money.banks.label', 'money.paymentMethod.cardEnding', 'money.column.id'],
  fr: [
    'money.method.standard',
    'money.column.created',
    'money.column.description',
    'money.column.type',
    'money.column.net',
  ],
  de: [
    'money.method.standard',
    'money.filters.status',
    'money.column.status',
    'money.transfers.title',
    'money.txnType.transfer',
    'money.txnType.reserve_transaction',
  ],
  es: ['money.schedule.interval.manual'],
  ja: [],
};

describe('money catalogs', () => {
  it.each(LANGUAGES)('%s has a non-empty message for every key, with the same placeholders as English', (language) => {
    const catalog: MoneyCatalog = MONEY_CATALOGS[language];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, message] of Object.entries(catalog)) {
      expect(typeof message === 'string' ? message.trim() : message.other.trim(), key).not.toBe('');
      expect(placeholders(message), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s is translated, not copied from English',
    (language) => {
      const allowed = new Set([...(SAME_AS_ENGLISH['all'] ?? []), ...(SAME_AS_ENGLISH[language] ?? [])]);
      const catalog: MoneyCatalog = MONEY_CATALOGS[language];
      const copied = Object.entries(catalog).filter(
        ([key, message]) => !allowed.has(key) && JSON.stringify(message) === JSON.stringify(en[key as keyof typeof en]),
      );
      expect(copied).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s uses only the plural forms its language has', (language) => {
    const forms = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
    const catalog: MoneyCatalog = MONEY_CATALOGS[language];
    for (const [key, message] of Object.entries(catalog)) {
      if (typeof message === 'string') continue;
      for (const form of Object.keys(message)) expect(forms.has(form), `${key}: ${form}`).toBe(true);
    }
  });

  // The payout portal shows "Withdraw" beside each bank account's "Remove" (French once said
  // "Retirer" for both).
  it.each(LANGUAGES)('%s names the actions on one screen apart', (language) => {
    expect(MONEY_CATALOGS[language]['money.balances.withdraw']).not.toBe(
      SHARED_CATALOGS[language]['management.bank.remove'],
    );
  });

  it('keeps its keys apart from the shared catalogs, so the two never collide', () => {
    expect(Object.keys(en).every((key) => key.startsWith('money.'))).toBe(true);
  });
});
