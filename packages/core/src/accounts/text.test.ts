import { describe, expect, test } from 'vitest';
import { compactIdentifier, emailParam, fileIdParam, identifierParam, textParam, unsetParam, urlParam } from './text';

describe('textParam', () => {
  test.each([
    ['Jenny', 'Jenny'],
    ['  Jenny Rosen  ', 'Jenny Rosen'],
    ["O'Brien-Smith", "O'Brien-Smith"],
    ['José Müller', 'José Müller'],
    ['Jose\u0301', 'José'],
    ['李小龍', '李小龍'],
    ['محمد', 'محمد'],
    ['می\u200Cخواهم', 'می\u200Cخواهم'],
    ['\uFEFFJenny', 'Jenny'],
  ])('accepts %j as %j', (value, expected) => {
    expect(textParam(100).parse(value)).toBe(expected);
  });

  test.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['x'.repeat(101), 'must be at most 100 characters'],
    ['x'.repeat(100_000), 'must be at most 100 characters'],
    ['Jenny\u0000', 'must not contain control or invisible characters'],
    ['Jen\nny', 'must not contain control or invisible characters'],
    ['Jenny\u202Eevil', 'must not contain control or invisible characters'],
    ['Jen\u200Bny', 'must not contain control or invisible characters'],
    ['Jen\uFEFFny', 'must not contain control or invisible characters'],
  ])('refuses %j: %s', (value, message) => {
    const result = textParam(100).safeParse(value);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  test.each([[42], [true], [null], [{}], [['Jenny']]])('refuses the non-string %j', (value) => {
    expect(textParam(100).safeParse(value).success).toBe(false);
  });

  test('allows line breaks and tabs only in multiline text', () => {
    expect(textParam(100, { multiline: true }).parse('Watches\n\tand straps')).toBe('Watches\n\tand straps');
    expect(textParam(100, { multiline: true }).safeParse('Watches\u0007').success).toBe(false);
    expect(textParam(100).safeParse('Watches\nand straps').success).toBe(false);
  });
});

describe('identifierParam', () => {
  const ein = identifierParam(/^\d{9}$/, 'a 9-digit EIN');

  test('removes spaces, dashes, dots and slashes and upper-cases', () => {
    expect(ein.parse('12-345 67.8/9')).toBe('123456789');
    expect(compactIdentifier('de 123.456/789')).toBe('DE123456789');
  });

  test.each([['12345678'], ['1234567890'], ['12345678a'], ['１２３４５６７８９'], ['1'.repeat(65)]])(
    'refuses %j with the format in the message',
    (value) => {
      expect(ein.safeParse(value).error?.issues[0]?.message).toBe('must be a 9-digit EIN');
    },
  );

  test('refuses a number, where leading zeros would be lost', () => {
    expect(ein.safeParse(123456789).success).toBe(false);
  });
});

describe('emailParam', () => {
  test.each([['jenny@example.com'], [' jenny.rosen+shop@example.co.uk ']])('accepts %j', (value) => {
    expect(emailParam().parse(value)).toBe(value.trim());
  });

  test.each([
    ['jenny'],
    ['jenny@'],
    ['@example.com'],
    ['jenny@example'],
    [`${'a'.repeat(250)}@example.com`],
    ['a b@c.com'],
  ])('refuses %j', (value) => {
    expect(emailParam().safeParse(value).success).toBe(false);
  });
});

describe('urlParam', () => {
  test.each([
    ['https://accessible.stripe.com'],
    ['accessible.stripe.com'],
    ['http://example.com:8080/shop?item=1#top'],
    ['https://münchen.de'],
    ['https://xn--mnchen-3ya.de/'],
  ])('accepts %j', (value) => {
    expect(urlParam().parse(value)).toBe(value);
  });

  test.each([
    ['javascript:alert(1)'],
    ['ftp://example.com'],
    ['https://localhost'],
    ['https://exa mple.com'],
    ['https://'],
    ['example'],
    [`https://example.com/${'a'.repeat(2048)}`],
  ])('refuses %j', (value) => {
    expect(urlParam().safeParse(value).success).toBe(false);
  });

  test('answers quickly for a long hostile host name', () => {
    const started = Date.now();
    expect(urlParam().safeParse(`https://${'a-'.repeat(1000)}`).success).toBe(false);
    expect(Date.now() - started).toBeLessThan(100);
  });
});

describe('fileIdParam and unsetParam', () => {
  test('accept a file id and the empty string that unsets a hash', () => {
    expect(fileIdParam().parse('file_identity_document_success')).toBe('file_identity_document_success');
    expect(fileIdParam().safeParse('https://example.com/id.png').success).toBe(false);
    expect(unsetParam().parse('')).toBeNull();
    expect(unsetParam().safeParse(' ').success).toBe(false);
  });
});
