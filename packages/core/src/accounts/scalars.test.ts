import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { booleanParam, integerParam, orUnset } from './scalars';

describe('integerParam', () => {
  test.each([
    [7, 7],
    ['7', 7],
    ['-12', -12],
    ['0', 0],
  ])('reads %j as %j', (value, expected) => {
    expect(integerParam().parse(value)).toBe(expected);
  });

  test.each([[1.5], ['1.5'], ['07'], ['1e3'], [' 7'], [''], [true], [null], ['99999999999999999']])(
    'refuses %j saying it must be an integer',
    (value) => {
      const message = integerParam().safeParse(value).error?.issues[0]?.message;
      expect(['must be an integer', 'must be a safe integer']).toContain(message);
    },
  );
});

describe('booleanParam', () => {
  test.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
  ])('reads %j as %j', (value, expected) => {
    expect(booleanParam().parse(value)).toBe(expected);
  });

  test.each([['yes'], ['1'], [1], ['TRUE'], [null]])('refuses %j', (value) => {
    expect(booleanParam().safeParse(value).error?.issues[0]?.message).toBe('must be true or false');
  });
});

describe('orUnset', () => {
  const schema = orUnset(z.strictObject({ day: integerParam() }), 'must be a date, or empty to unset it');

  test('passes the value or turns the empty string into null', () => {
    expect(schema.parse({ day: '3' })).toEqual({ day: 3 });
    expect(schema.parse('')).toBeNull();
  });

  test('names what it expects when the value is neither', () => {
    expect(schema.safeParse('tomorrow').error?.issues[0]?.message).toBe('must be a date, or empty to unset it');
  });
});
