import { readFileSync } from 'node:fs';
import { checkBankNumbers } from '@atrium/core';
import { describe, expect, it } from 'vitest';
import { cardOutcome } from '../../simulators/cards';
import { payoutOutcome, supportsInstantPayouts } from '../../simulators/payout-rail';

const doc = readFileSync(new URL('../../../../../docs/test-values.md', import.meta.url), 'utf8');

/** The rows of the markdown table whose header's first cells are `columns`. */
function tableAfter(...columns: string[]): string[][] {
  const lines = doc.split('\n');
  const header = new RegExp(`^\\|${columns.map((column) => ` ${column} +\\|`).join('')}`);
  const start = lines.findIndex((line) => header.test(line));
  if (start < 0) throw new Error(`docs/test-values.md has no table starting ${columns.join(', ')}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/`/g, '')),
    );
  }
  return rows;
}

const ROUTING: Record<string, string | undefined> = {
  US: '110000000',
  CA: '11000-000',
  GB: '108800',
  AU: '110000',
};

describe('the documented test values', () => {
  it('lists bank account numbers that pass their country checks and do what the table says', () => {
    const rows = tableAfter('country', 'routing number');
    expect(rows.map((row) => row[0])).toEqual(['US', 'CA', 'GB', 'AU', 'DE', 'FR', 'IE', 'NL', 'ES', 'IT']);
    for (const [country = '', , paid = '', noAccount = '', noInstant = ''] of rows) {
      for (const number of [paid, noAccount, noInstant]) {
        const routing = ROUTING[country];
        const check = checkBankNumbers({
          country,
          account_number: number,
          ...(routing ? { routing_number: routing } : {}),
        });
        expect(check.ok, `${country} ${number}`).toBe(true);
      }
      expect(payoutOutcome(paid), paid).toEqual({ kind: 'paid' });
      expect(payoutOutcome(noAccount), noAccount).toMatchObject({ kind: 'failed', code: 'no_account' });
      expect(supportsInstantPayouts(noInstant), noInstant).toBe(false);
      expect(supportsInstantPayouts(paid), paid).toBe(true);
    }
  });

  it('lists the endings the payout rail fails, with their codes', () => {
    for (const [ending = '', usNumber = '', result = ''] of tableAfter('ending', 'US account number')) {
      const code = /fails with (\w+)/.exec(result)?.[1];
      expect(usNumber.endsWith(ending) || ending === 'anything', usNumber).toBe(true);
      if (code) expect(payoutOutcome(usNumber)).toMatchObject({ kind: 'failed', code });
      else expect(payoutOutcome(usNumber)).toEqual({ kind: 'paid' });
    }
  });

  it('lists every test card with the outcome the simulator gives it', () => {
    const rows = tableAfter('payment method');
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const [paymentMethod = '', , result = ''] of rows) {
      const outcome = cardOutcome(paymentMethod);
      expect(outcome, paymentMethod).toBeDefined();
      const declineCode = /decline code (\w+)/.exec(result)?.[1];
      if (result.startsWith('succeeds')) expect(outcome?.ok, paymentMethod).toBe(true);
      else expect(outcome, paymentMethod).toMatchObject({ ok: false, ...(declineCode ? { declineCode } : {}) });
    }
  });
});
