import { describe, expect, it } from 'vitest';
import { connectedAccount, platformAccount } from './accounts';
import type { JournalEntryDraft, LedgerLineDraft } from './entry';
import { MAX_LINES_PER_ENTRY, validateEntry } from './entry';

const from = connectedAccount('acct_a', 'available', 'usd');
const to = connectedAccount('acct_b', 'available', 'usd');
const debit = (amountMinor: number, account = from): LedgerLineDraft => ({
  account,
  direction: 'debit',
  amountMinor,
  type: 'transfer',
  sourceId: 'tr_1',
});
const credit = (amountMinor: number, account = to): LedgerLineDraft => ({
  ...debit(amountMinor, account),
  direction: 'credit',
});
const entry = (lines: LedgerLineDraft[]): JournalEntryDraft => ({ operation: 'transfer', sourceId: 'tr_1', lines });
const code = (draft: JournalEntryDraft) => {
  const check = validateEntry(draft);
  return check.ok ? 'ok' : check.error.code;
};

describe('validateEntry', () => {
  it('accepts a balanced entry', () => {
    expect(validateEntry(entry([debit(100), credit(100)]))).toEqual({ ok: true });
  });

  it('refuses zero, negative and fractional amounts, naming the line', () => {
    expect(validateEntry(entry([debit(0), credit(0)]))).toMatchObject({
      ok: false,
      error: { code: 'amount_not_positive', lineIndex: 0 },
    });
    expect(code(entry([debit(-5), credit(-5)]))).toBe('amount_not_positive');
    expect(code(entry([debit(100), credit(99.5), credit(0.5)]))).toBe('amount_not_integer');
    expect(code(entry([debit(Number.NaN), credit(1)]))).toBe('amount_not_integer');
    expect(code(entry([debit(2 ** 53), credit(2 ** 53)]))).toBe('amount_not_integer');
  });

  it('refuses amounts past the currency maximum', () => {
    expect(code(entry([debit(99_999_999), credit(99_999_999)]))).toBe('ok');
    expect(code(entry([debit(100_000_000), credit(100_000_000)]))).toBe('amount_too_large');
  });

  it('refuses unbalanced entries', () => {
    expect(validateEntry(entry([debit(100), credit(99)]))).toMatchObject({ ok: false, error: { code: 'unbalanced' } });
    expect(code(entry([credit(100), credit(100, from)]))).toBe('unbalanced');
  });

  it('refuses lines in mixed or unknown currencies', () => {
    const eur = connectedAccount('acct_b', 'available', 'eur');
    expect(code(entry([debit(100), credit(100, eur)]))).toBe('currency_mismatch');
    expect(code(entry([debit(100, { ...from, currency: 'abc' }), credit(100, { ...to, currency: 'abc' })]))).toBe(
      'unknown_currency',
    );
    expect(code(entry([debit(100, { ...from, currency: 'USD' }), credit(100)]))).toBe('unknown_currency');
  });

  it('refuses malformed accounts, ids, operations and types', () => {
    expect(code(entry([debit(100, { ...from, owner: 'acct_' as 'acct_x' }), credit(100)]))).toBe('malformed_account');
    expect(code(entry([debit(100, { ...from, kind: 'clearing' }), credit(100)]))).toBe('malformed_account');
    expect(code(entry([debit(100), { ...credit(100), sourceId: 'tr 1' }]))).toBe('malformed_source_id');
    expect(code({ ...entry([debit(100), credit(100)]), sourceId: '' })).toBe('malformed_source_id');
    expect(code({ ...entry([debit(100), credit(100)]), operation: 'gift' as 'transfer' })).toBe('unknown_operation');
    expect(code(entry([debit(100), { ...credit(100), type: 'gift' as 'transfer' }]))).toBe('unknown_line_type');
    expect(code(entry([debit(100), { ...credit(100), direction: 'up' as 'credit' }]))).toBe('malformed_direction');
  });

  it('refuses entries with too few or too many lines, or a long description', () => {
    expect(code(entry([]))).toBe('too_few_lines');
    expect(code(entry([debit(100)]))).toBe('too_few_lines');
    const many = Array.from({ length: MAX_LINES_PER_ENTRY / 2 + 1 }, () => [debit(1), credit(1)]).flat();
    expect(code(entry(many))).toBe('too_many_lines');
    expect(code({ ...entry([debit(1), credit(1)]), description: 'x'.repeat(501) })).toBe('description_too_long');
  });

  it('accepts lines on the platform and on system accounts alike', () => {
    expect(code(entry([debit(100), credit(100, platformAccount('pending', 'usd'))]))).toBe('ok');
  });
});
