import type { JournalEntryDraft, LedgerLineDraft } from '@atrium/core';
import { accountTransferEntry, connectedAccount, topupEntry } from '@atrium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../store/testing';
import type { TestDatabase } from '../store/testing';
import { openLedgerFor } from './accounts';
import { LEDGER_ISOLATION, MAX_ENTRIES_PER_POSTING, postEntries, postEntry } from './post';

const transfer = (amountMinor: number): JournalEntryDraft =>
  accountTransferEntry({ transferId: 'tr_1', from: 'acct_a', to: 'acct_b', currency: 'usd', amountMinor, feeMinor: 0 });
const withLines = (draft: JournalEntryDraft, change: (line: LedgerLineDraft, index: number) => LedgerLineDraft) => ({
  ...draft,
  lines: draft.lines.map(change),
});

describe.each(await testDatabaseKinds())('bad input to postEntry on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      await openLedgerFor(tx, 'platform', 'usd');
      await openLedgerFor(tx, 'acct_a', 'usd');
      await openLedgerFor(tx, 'acct_b', 'usd');
      await openLedgerFor(tx, 'acct_b', 'eur');
      expect((await postEntry(tx, topupEntry({ topupId: 'tu_1', currency: 'usd', amountMinor: 500 }))).ok).toBe(true);
    });
  });
  afterAll(async () => {
    await db.destroy();
  });

  /** Everything the ledger holds, to compare before and after a refusal. */
  const snapshot = () =>
    db.query(
      `SELECT (SELECT count(*) FROM ledger_accounts) AS accounts, (SELECT count(*) FROM ledger_entries) AS entries,
              (SELECT count(*) FROM ledger_lines) AS lines,
              (SELECT string_agg(account_id || ':' || shard || '=' || balance_minor, ',' ORDER BY account_id, shard)
                 FROM ledger_balances WHERE balance_minor <> 0) AS balances`,
    );

  const refusal = async (drafts: JournalEntryDraft[]) => {
    const before = await snapshot();
    const result = await db.transaction(LEDGER_ISOLATION, (tx) => postEntries(tx, drafts));
    expect(await snapshot()).toEqual(before);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  };
  const entryCode = async (draft: JournalEntryDraft) => {
    const error = await refusal([draft]);
    return error.code === 'invalid_entry' ? error.error.code : error.code;
  };

  it('refuses zero and negative amounts', async () => {
    expect(await entryCode(withLines(transfer(1), (line) => ({ ...line, amountMinor: 0 })))).toBe(
      'amount_not_positive',
    );
    expect(await entryCode(withLines(transfer(1), (line) => ({ ...line, amountMinor: -100 })))).toBe(
      'amount_not_positive',
    );
  });

  it('refuses amounts that are not safe integers', async () => {
    expect(await entryCode(withLines(transfer(1), (line) => ({ ...line, amountMinor: 1.5 })))).toBe(
      'amount_not_integer',
    );
    expect(await entryCode(withLines(transfer(1), (line) => ({ ...line, amountMinor: Number.NaN })))).toBe(
      'amount_not_integer',
    );
    expect(await entryCode(withLines(transfer(1), (line) => ({ ...line, amountMinor: 2 ** 53 })))).toBe(
      'amount_not_integer',
    );
    expect(
      await entryCode(withLines(transfer(1), (line) => ({ ...line, amountMinor: '100' as unknown as number }))),
    ).toBe('amount_not_integer');
  });

  it('refuses amounts past the maximum', async () => {
    expect(await entryCode(transfer(100_000_000))).toBe('amount_too_large');
  });

  it('refuses mismatched and unknown currencies', async () => {
    const mixed = withLines(transfer(100), (line, index) =>
      index === 1 ? { ...line, account: connectedAccount('acct_b', 'available', 'eur') } : line,
    );
    expect(await entryCode(mixed)).toBe('currency_mismatch');
    const unknown = withLines(transfer(100), (line) => ({ ...line, account: { ...line.account, currency: 'abc' } }));
    expect(await entryCode(unknown)).toBe('unknown_currency');
    const upper = withLines(transfer(100), (line) => ({ ...line, account: { ...line.account, currency: 'USD' } }));
    expect(await entryCode(upper)).toBe('unknown_currency');
  });

  it('refuses unknown and malformed accounts', async () => {
    const error = await refusal([
      accountTransferEntry({
        transferId: 'tr_2',
        from: 'acct_a',
        to: 'acct_nobody',
        currency: 'usd',
        amountMinor: 1,
        feeMinor: 0,
      }),
    ]);
    expect(error).toEqual({ code: 'unknown_account', account: 'acct_nobody/available/usd' });
    const malformed = withLines(transfer(100), (line) => ({
      ...line,
      account: { ...line.account, owner: 'acct_' },
    }));
    expect(await entryCode(malformed)).toBe('malformed_account');
    const bank = withLines(transfer(100), (line) => ({
      ...line,
      account: { ...line.account, owner: 'bank' as 'platform' },
    }));
    expect(await entryCode(bank)).toBe('malformed_account');
  });

  it('refuses malformed source ids, operations and line types', async () => {
    expect(await entryCode({ ...transfer(1), sourceId: 'tr_1; DROP TABLE ledger_lines' })).toBe('malformed_source_id');
    expect(await entryCode({ ...transfer(1), operation: 'gift' as 'transfer' })).toBe('unknown_operation');
    expect(await entryCode(withLines(transfer(1), (line) => ({ ...line, type: 'gift' as 'transfer' })))).toBe(
      'unknown_line_type',
    );
  });

  it('refuses a whole batch when one entry is bad, naming it', async () => {
    const zero = withLines(transfer(1), (line) => ({ ...line, amountMinor: 0 }));
    const error = await refusal([topupEntry({ topupId: 'tu_2', currency: 'usd', amountMinor: 5 }), zero]);
    expect(error).toMatchObject({ code: 'invalid_entry', entryIndex: 1 });
    const tooMany = Array.from({ length: MAX_ENTRIES_PER_POSTING + 1 }, () => transfer(1));
    expect(await refusal(tooMany)).toEqual({ code: 'too_many_entries', max: MAX_ENTRIES_PER_POSTING });
  });
});
