// Tests for tenge formatting and parsing (shared/locale/money).
import { describe, it, expect } from 'vitest';
import { formatNumber, formatNumberInput, formatPercent, formatTenge, formatTengeExact, formatTengeFull, parseTenge, tengeTooPrecise } from '../../../shared/locale/money';
import { LANGS } from '../../../shared/locale/lang';

/** Expected output written with ordinary spaces; the formatter uses no-break spaces. */
const nb = (text: string): string => text.replace(/ /g, '\u00A0');

describe('formatTenge', () => {
  it.each([
    [1.2e12, '1,2 трлн ₸', '1,2 трлн ₸', '1.2 trn ₸'],
    [892e9, '892 млрд ₸', '892 млрд ₸', '892 bn ₸'],
    [892.1e9, '892,1 млрд ₸', '892,1 млрд ₸', '892.1 bn ₸'],
    [5.3e6, '5,3 млн ₸', '5,3 млн ₸', '5.3 mn ₸'],
    [1e6, '1 млн ₸', '1 млн ₸', '1 mn ₸'],
    [850_000, '850 000 ₸', '850 000 ₸', '850,000 ₸'],
    [1234.5, '1 234,5 ₸', '1 234,5 ₸', '1,234.5 ₸'],
    [0, '0 ₸', '0 ₸', '0 ₸'],
    [-5.3e6, '-5,3 млн ₸', '-5,3 млн ₸', '-5.3 mn ₸'],
    [1234e12, '1 234 трлн ₸', '1 234 трлн ₸', '1,234 trn ₸'],
  ])('%d → ru %s, kk %s, en %s', (amount, ru, kk, en) => {
    expect(formatTenge(amount, 'ru')).toBe(nb(ru));
    expect(formatTenge(amount, 'kk')).toBe(nb(kk));
    expect(formatTenge(amount, 'en')).toBe(nb(en));
  });

  it('writes the currency as a word on request', () => {
    expect(formatTenge(892.1e9, 'kk', { unit: 'word' })).toBe(nb('892,1 млрд теңге'));
    expect(formatTenge(892.1e9, 'ru', { unit: 'word' })).toBe(nb('892,1 млрд тенге'));
    expect(formatTenge(892.1e9, 'en', { unit: 'word' })).toBe(nb('892.1 bn tenge'));
  });

  it('drops a trailing zero and honours maxFractionDigits', () => {
    expect(formatTenge(892.04e9, 'ru')).toBe(nb('892 млрд ₸'));
    expect(formatTenge(1.234e12, 'ru', { maxFractionDigits: 2 })).toBe(nb('1,23 трлн ₸'));
    expect(formatTenge(1.26e12, 'ru', { maxFractionDigits: 0 })).toBe(nb('1 трлн ₸'));
  });

  it('moves to the next scale when rounding reaches it', () => {
    expect(formatTenge(999.96e9, 'ru')).toBe(nb('1 трлн ₸'));
    expect(formatTenge(999_999.97, 'ru')).toBe(nb('1 млн ₸'));
    expect(formatTenge(999.97e6, 'en')).toBe(nb('1 bn ₸'));
  });

  it('keeps the scale of the amount when rounding does not reach the next one', () => {
    expect(formatTenge(960e9, 'ru')).toBe(nb('960 млрд ₸'));
    expect(formatTenge(999.9e9, 'ru')).toBe(nb('999,9 млрд ₸'));
    expect(formatTenge(999_999, 'ru')).toBe(nb('999 999 ₸'));
    expect(formatTenge(999_999.9, 'ru')).toBe(nb('999 999,9 ₸'));
  });

  it('never prints a negative zero', () => {
    expect(formatTenge(-0, 'ru')).toBe(nb('0 ₸'));
    expect(formatTenge(-0.01, 'ru')).toBe(nb('0 ₸'));
  });

  it('prints a dash for NaN and Infinity', () => {
    for (const lang of LANGS) {
      expect(formatTenge(Number.NaN, lang)).toBe('—');
      expect(formatTenge(Number.POSITIVE_INFINITY, lang)).toBe('—');
      expect(formatTengeFull(Number.NEGATIVE_INFINITY, lang)).toBe('—');
    }
  });
});

describe('formatTengeExact (official figures: never rounded)', () => {
  const plain = (x: string) => x.replace(/[\u00a0\u202f]/g, ' ');
  it('uses the scale word with as few fraction digits as make the amount exact', () => {
    expect(plain(formatTengeExact(1.2e12, 'ru'))).toBe('1,2 трлн ₸');
    expect(plain(formatTengeExact(1.25e12, 'ru'))).toBe('1,25 трлн ₸');
    expect(plain(formatTengeExact(1.255e12, 'kk'))).toBe('1,255 трлн ₸');
    expect(plain(formatTengeExact(892e9, 'en'))).toBe('892 bn ₸');
  });
  it('writes the amount out in full when the scale word would round it', () => {
    expect(plain(formatTengeExact(1_234_567_891, 'ru'))).toBe('1 234 567 891 ₸');
    expect(plain(formatTengeExact(1_500_001, 'en'))).toBe('1,500,001 ₸');
    expect(formatTengeExact(Number.NaN, 'ru')).toBe('—');
  });
  it('reads back to the same amount in every case above', () => {
    for (const v of [1.2e12, 1.25e12, 1.255e12, 892e9, 1_234_567_891, 1_500_001, 750]) expect(parseTenge(plain(formatTengeExact(v, 'ru')).replace(/\s*₸$/, ''))).toBe(v);
  });
});

describe('formatTengeFull', () => {
  it('writes the whole number with groups', () => {
    expect(formatTengeFull(1.2e12, 'ru')).toBe(nb('1 200 000 000 000 ₸'));
    expect(formatTengeFull(1.2e12, 'kk')).toBe(nb('1 200 000 000 000 ₸'));
    expect(formatTengeFull(1.2e12, 'en')).toBe(nb('1,200,000,000,000 ₸'));
  });

  it('shows up to two fraction digits only when present', () => {
    expect(formatTengeFull(1_200_000.5, 'ru')).toBe(nb('1 200 000,5 ₸'));
    expect(formatTengeFull(1_200_000.25, 'en')).toBe(nb('1,200,000.25 ₸'));
    expect(formatTengeFull(1_200_000.001, 'ru')).toBe(nb('1 200 000 ₸'));
    expect(formatTengeFull(0, 'ru')).toBe(nb('0 ₸'));
  });
});

describe('formatNumber and formatPercent', () => {
  it('groups numbers per language', () => {
    expect(formatNumber(1_234_567, 'ru')).toBe(nb('1 234 567'));
    expect(formatNumber(1_234_567.891, 'kk', 2)).toBe(nb('1 234 567,89'));
    expect(formatNumber(1_234_567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatNumber(999, 'ru')).toBe('999');
    expect(formatNumber(-1000, 'ru')).toBe(nb('-1 000'));
    expect(formatNumber(Number.NaN, 'ru')).toBe('—');
  });

  it('writes percent points without a space', () => {
    expect(formatPercent(125, 'ru')).toBe('125%');
    expect(formatPercent(12.55, 'kk')).toMatch(/^12,[56]%$/);
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
    expect(formatPercent(1250, 'ru')).toBe(nb('1 250%'));
    expect(formatPercent(Number.NaN, 'ru')).toBe('—');
  });
});

describe('parseTenge', () => {
  it.each([
    ['1 200 000', 1_200_000],
    ['1\u00A0200\u00A0000', 1_200_000],
    ['1200000,50', 1_200_000.5],
    ['1200000.50', 1_200_000.5],
    ['1,200,000', 1_200_000],
    ['1,200,000.50', 1_200_000.5],
    ['1.200.000,50', 1_200_000.5],
    ['1,200', 1200],
    ['1,2', 1.2],
    ['1,2 трлн', 1.2e12],
    ['892 млрд', 892e9],
    ['5 млн', 5e6],
    ['5 млн ₸', 5e6],
    ['5млн₸', 5e6],
    ['3,5 mln', 3.5e6],
    ['892.1 bn', 892.1e9],
    ['1,125 млрд', 1.125e9],
    ['1,2 трлн теңге', 1.2e12],
    ['1,2 трлн тенге', 1.2e12],
    ['5 тыс. тенге', 5000],
    ['5 мың теңге', 5000],
    ['2 миллиарда', 2e9],
    ['₸1.2 trn', 1.2e12],
    ['850 000 KZT', 850_000],
    ['  0  ', 0],
    ['1e16', null],
    ['', null],
    ['abc', null],
    ['млн', null],
    ['5 лимонов', null],
    ['-5 млн', null],
    ['−5', null],
    ['5,', null],
    ['1,2,3', null],
    ['1,20,000', null],
    ['1,2.3,4', null],
    ['20 000 трлн', null],
    ['10 000 трлн', 1e16],
    // A number that would not keep every digit typed is refused (9 999 999 999 999 999 would be 1e16).
    ['999 999 999 999 999', 999_999_999_999_999],
    ['1 234 567 890 123,45', 1_234_567_890_123.45],
    ['9 999 999 999 999 999', null],
    ['1 234 567 890 123,4567', null],
    ['1 000 000 000 000 000', 1e15],
    ['0,5', 0.5],
    [',5', null],
  ])('%j → %s', (input, expected) => {
    expect(parseTenge(input)).toBe(expected);
  });

  it('reads back what formatTenge and formatTengeFull print, in every language', () => {
    const amounts = [0, 850_000, 1234.5, 5.3e6, 892e9, 892.1e9, 1.2e12, 47.8e9, 999_999];
    for (const lang of LANGS) {
      for (const amount of amounts) {
        expect(parseTenge(formatTenge(amount, lang))).toBe(amount);
        expect(parseTenge(formatTenge(amount, lang, { unit: 'word' }))).toBe(amount);
        expect(parseTenge(formatTengeFull(amount, lang))).toBe(amount);
      }
      expect(parseTenge(formatTengeFull(1_200_000.25, lang))).toBe(1_200_000.25);
    }
  });

  it('reads back a rounded amount to within the printed precision', () => {
    const amount = 1_234_567_891_234;
    for (const lang of LANGS) {
      expect(parseTenge(formatTenge(amount, lang))).toBe(1.2e12);
      expect(parseTenge(formatTengeFull(amount, lang))).toBe(amount);
    }
  });
});

describe('parseTenge refuses what is not plainly an amount', () => {
  it.each(['0x10', '0X10', '1e3', '1E3', '1e9', '2.5e9', '1e-3', 'Infinity', 'NaN', '0b101', '+5', '5 млн 3'])('%j → null', (input) => {
    expect(parseTenge(input)).toBeNull();
  });
});

describe('formatNumberInput', () => {
  it('writes a number out in full, grouped with no-break spaces, with a decimal comma', () => {
    expect(formatNumberInput(25e9)).toBe(nb('25 000 000 000'));
    expect(formatNumberInput(1_500.5)).toBe(nb('1 500,5'));
    expect(formatNumberInput(120)).toBe('120');
    expect(formatNumberInput(0)).toBe('0');
    expect(formatNumberInput(12.25)).toBe('12,25');
    expect(formatNumberInput(Number.NaN)).toBe('');
  });

  it('is read back by parseTenge to the very same amount, whatever its fraction digits', () => {
    const amounts = [0, 1, 999, 1000, 1200, 234.567, 1234.567, 1_200_000.5, 1_200_000.25, 0.1 + 0.2, 25e9, 1.5e9, 892.1e9, 1.2e12, 1e16, 0.001, 1.5e-7];
    for (const amount of amounts) {
      expect(parseTenge(formatNumberInput(amount)), String(amount)).toBe(amount);
    }
    expect(formatNumberInput(234.567)).toBe('234,5670');
  });
});

describe('tengeTooPrecise', () => {
  it('says why a typed amount was refused when it has more digits than are kept exactly', () => {
    expect(tengeTooPrecise('9 999 999 999 999 999')).toBe(true);
    expect(tengeTooPrecise('1 234 567 890 123,4567')).toBe(true);
    expect(tengeTooPrecise('1 234 567 890 123,45')).toBe(false);
    expect(tengeTooPrecise('10 000 трлн')).toBe(false);
    expect(tengeTooPrecise('abc')).toBe(false);
    expect(tengeTooPrecise('20 000 трлн')).toBe(false); // too big, not too precise
  });
});
