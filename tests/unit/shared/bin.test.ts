// Tests for BIN/IIN validation (shared/domain/bin).
import { describe, it, expect } from 'vitest';
import { binCheckDigit, binDigitCount, binIssue, checkBin, isValidBin } from '../../../shared/domain/bin';

describe('binCheckDigit', () => {
  it('uses weights 1..11 mod 11', () => {
    // 9·1 + 4·2 + 0·3 + 6·4 + 4·5 + 0 + 0 + 0 + 0 + 4·10 + 2·11 = 123; 123 mod 11 = 2
    expect(binCheckDigit('94064000042')).toBe(2);
  });

  it('falls back to weights 3..11,1,2 when the first pass gives 10', () => {
    // first pass: 9+8+0+24+20+0+0+0+0+70+0 = 131, mod 11 = 10
    // second pass: 27+16+0+36+28+0+0+0+0+7+0 = 114, mod 11 = 4
    expect(binCheckDigit('94064000070')).toBe(4);
  });

  it('gives null when both passes give 10', () => {
    // first pass 164 mod 11 = 10, second pass 120 mod 11 = 10
    expect(binCheckDigit('94064000073')).toBeNull();
  });

  it('gives null for anything but 11 digits', () => {
    expect(binCheckDigit('9406400004')).toBeNull();
    expect(binCheckDigit('9406400004a')).toBeNull();
  });
});

describe('checkBin', () => {
  it.each(['940640000422', '990340003178', '880112301871', '050240000540', '190940005634', '701120300567', '940640000704'])(
    'accepts %s',
    (bin) => {
      expect(checkBin(bin)).toEqual({ ok: true, bin });
      expect(isValidBin(bin)).toBe(true);
    },
  );

  it('ignores whitespace around and inside, returning the bare digits', () => {
    expect(checkBin('  940 640 000 422 ')).toEqual({ ok: true, bin: '940640000422' });
    expect(checkBin('9406\u00A040000422')).toEqual({ ok: true, bin: '940640000422' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['94064000042', 'length'],
    ['9406400004220', 'length'],
    ['94064000042A', 'digits'],
    ['940-640-000-422', 'digits'],
    ['БИН940640000422', 'digits'],
    ['940640000423', 'checksum'],
    ['940640000705', 'checksum'],
    ['940640000730', 'checksum'],
    ['940640000739', 'checksum'],
  ] as const)('rejects %j as %s', (value, problem) => {
    expect(checkBin(value)).toEqual({ ok: false, problem });
    expect(isValidBin(value)).toBe(false);
  });

  it('finds no valid check digit after a prefix whose both passes give 10', () => {
    const valid = Array.from({ length: 10 }, (_, d) => `94064000073${d}`).filter(isValidBin);
    expect(valid).toEqual([]);
  });
});

describe('binIssue', () => {
  it.each([
    ['12345', 'bin_length', 5],
    ['94064000042', 'bin_length', 11],
    ['9406400004220', 'bin_length', 13],
    ['   ', 'bin_length', 0],
    ['94064000042A', 'bin_digits', 11],
    ['940-640-000-422', 'bin_digits', 12],
    ['abcdefghijkl', 'bin_digits', 0],
    ['940640000423', 'bin_checksum', 12],
    ['940640000730', 'bin_checksum', 12],
  ] as const)('%j breaks %s, with %d digits typed', (value, issue, digits) => {
    expect(binIssue(value)).toBe(issue);
    expect(binDigitCount(value)).toBe(digits);
  });

  it('is null for a valid BIN, grouped or not', () => {
    expect(binIssue('940640000422')).toBeNull();
    expect(binIssue(' 940 640 000 422 ')).toBeNull();
  });
});
