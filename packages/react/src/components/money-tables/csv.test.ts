import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvNumber, csvText, toCsv } from './csv';

/** A strict RFC 4180 reader, to check that what we write reads back as it was. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < csv.length; index += 1) {
    const char = csv.charAt(index);
    if (quoted) {
      if (char !== '"') field += char;
      else if (csv.charAt(index + 1) === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && csv.charAt(index + 1) === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('toCsv', () => {
  it('writes a heading line and one line per row, with CRLF line ends', () => {
    const csv = toCsv(
      [
        { header: 'Amount', value: (row: { amount: string }) => csvNumber(row.amount) },
        { header: 'Description', value: () => csvText('Watch, steel') },
      ],
      [{ amount: '12.50' }, { amount: '-3.00' }],
    );

    expect(csv).toBe('Amount,Description\r\n12.50,"Watch, steel"\r\n-3.00,"Watch, steel"\r\n');
  });

  it('reads back every text exactly, whatever separators, quotes and line breaks it holds', () => {
    const safeText = fc.string({ unit: 'grapheme' }).filter((text) => !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const csv = toCsv(
          [
            { header: 'a', value: (row: string[]) => csvText(row[0]) },
            { header: 'b', value: (row: string[]) => csvText(row[1]) },
          ],
          rows,
        );
        expect(parseCsv(csv)).toEqual([['a', 'b'], ...rows]);
      }),
    );
  });
});

describe('csvField', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd'])(
    'keeps a spreadsheet from running %s as a formula',
    (text) => {
      expect(csvField(csvText(text)).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('writes negative numbers as numbers, not as neutralized text', () => {
    expect(csvField(csvNumber('-1234.56'))).toBe('-1234.56');
    expect(csvField(csvNumber(-5))).toBe('-5');
  });

  it('refuses a number that is not a plain decimal, such as a formatted amount', () => {
    expect(() => csvField(csvNumber('1,234.56'))).toThrow(RangeError);
    expect(() => csvField(csvNumber(Number.NaN))).toThrow(RangeError);
  });

  it('writes nothing for a missing value', () => {
    expect(csvField(csvText(null))).toBe('');
    expect(csvField(null)).toBe('');
  });
});
