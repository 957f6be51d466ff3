// Tests for numbers as clerks type them (shared/locale/numbers): read strictly, never guessed at.
import { describe, expect, it } from 'vitest';
import { parseNumber, readNumber } from '../../../shared/locale/numbers';
import { formatNumber, formatNumberInput } from '../../../shared/locale/money';

describe('readNumber', () => {
  it.each([
    ['0', 0],
    ['120', 120],
    ['007', 7],
    ['1 200', 1200],
    ['1\u00A0200\u00A0000', 1_200_000],
    ['1\u202F200', 1200],
    ['1\u2009200', 1200],
    ['  12 345  ', 12_345],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,75', 1234.75],
    ['0,05', 0.05],
    ['-5', -5],
    ['\u22125', -5],
    ['-1 200,5', -1200.5],
    ['-0', 0],
  ])('%j is the number %d', (input, value) => {
    expect(readNumber(input)).toEqual({ kind: 'number', value });
  });

  it.each(['', '   ', '\u00A0'])('%j is empty', (input) => {
    expect(readNumber(input)).toEqual({ kind: 'empty' });
  });

  it.each([
    '1e9', '1E3', '1e-3', '0x10', '0X1A', '0b11', '0o7', 'Infinity', '-Infinity', 'NaN', 'abc', '12a', 'двенадцать',
    '+5', '--5', '-', '−', ',', '.', '5,', '5.', ',5', '.5', '1,2,3', '1.2.3', '1,200,000', '1.200.000', '1.200,5',
    '12 00', '1 2', '1  200', '1 200 00', ' 1 2000', '1_000', "1'000", '5%', '10 чел.', '½', '١٢٣',
  ])('%j is not a number', (input) => {
    expect(readNumber(input)).toEqual({ kind: 'invalid' });
  });
});

describe('parseNumber', () => {
  it('gives undefined for an empty field, NaN for text that is not a number, the number otherwise', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('  ')).toBeUndefined();
    expect(parseNumber('1e9')).toBeNaN();
    expect(parseNumber('0x10')).toBeNaN();
    expect(parseNumber('1e3')).toBeNaN();
    expect(parseNumber('1 000')).toBe(1000);
  });

  it('keeps a minus sign and a fraction, so the schema can say why they do not fit', () => {
    expect(parseNumber('-5')).toBe(-5);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('100,01')).toBe(100.01);
  });

  it('reads back what formatNumber prints in ru and kk, and what formatNumberInput prints', () => {
    for (const n of [0, 7, 999, 1000, 1200, 1_234_567, 10_000_000, -1000, 12.5, 1234.75]) {
      expect(parseNumber(formatNumber(n, 'ru', 2))).toBe(n);
      expect(parseNumber(formatNumber(n, 'kk', 2))).toBe(n);
      expect(parseNumber(formatNumberInput(n))).toBe(n);
    }
  });
});
