// Tenge amounts as the press writes them («1,2 трлн ₸») and as clerks type them back.
import type { Lang, Localized } from './lang';

const NBSP = '\u00A0';
const DASH = '—';
const SIGN = '₸';
const MAX_PARSED = 1e16;

const UNIT_WORD: Localized = { ru: 'тенге', kk: 'теңге', en: 'tenge' };

/** Scales used when formatting; below a million the full number is printed. */
const FORMAT_SCALES: readonly { exp: number; word: Localized }[] = [
  { exp: 12, word: { ru: 'трлн', kk: 'трлн', en: 'trn' } },
  { exp: 9, word: { ru: 'млрд', kk: 'млрд', en: 'bn' } },
  { exp: 6, word: { ru: 'млн', kk: 'млн', en: 'mn' } },
];

/** Every scale word a clerk might type, lower case, without a trailing dot. */
const PARSE_SCALES: ReadonlyMap<string, number> = new Map([
  ...['трлн', 'триллион', 'триллиона', 'триллионов', 'trn', 'tn', 'tln', 'trillion', 'trillions'].map((w) => [w, 12] as const),
  ...['млрд', 'миллиард', 'миллиарда', 'миллиардов', 'bn', 'bln', 'b', 'billion', 'billions'].map((w) => [w, 9] as const),
  ...['млн', 'миллион', 'миллиона', 'миллионов', 'mn', 'mln', 'm', 'million', 'millions'].map((w) => [w, 6] as const),
  ...['тыс', 'тысяча', 'тысячи', 'тысяч', 'мың', 'k', 'th', 'thousand', 'thousands'].map((w) => [w, 3] as const),
]);

/** A fraction-digit count that toFixed accepts. */
function clampDigits(n: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), 20) : 0;
}

function separators(lang: Lang): { group: string; decimal: string } {
  return lang === 'en' ? { group: ',', decimal: '.' } : { group: NBSP, decimal: ',' };
}

/**
 * `n` grouped by thousands with at most `maxFractionDigits` fraction digits, trailing zeros
 * dropped: no-break space groups and a decimal comma in ru/kk ("1 200 000,5"), commas and a
 * decimal point in en ("1,200,000.5"). Negative numbers take a hyphen-minus; a value that
 * rounds to zero prints "0". NaN and ±Infinity print "—".
 */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 0): string {
  if (!Number.isFinite(n)) return DASH;
  const digits = clampDigits(maxFractionDigits);
  const abs = Math.abs(n);
  let int: string;
  let frac: string;
  if (abs >= 1e21) {
    int = BigInt(abs).toString();
    frac = '';
  } else {
    const [i = '0', f = ''] = abs.toFixed(digits).split('.');
    int = i;
    frac = f.replace(/0+$/, '');
  }
  const { group, decimal } = separators(lang);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = n < 0 && (int !== '0' || frac !== '');
  return `${negative ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

/** Fraction digits of the shortest decimal form of `n` (0.1 → 1, 1.5e-7 → 8, 1e21 → 0). */
function fractionDigitsOf(n: number): number {
  const [mantissa = '', exp = '0'] = String(Math.abs(n)).split('e');
  return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exp));
}

/**
 * A number written out in full as a clerk types it into a field, the way the register prints
 * numbers in ru/kk: no-break-space groups and a decimal comma, every fraction digit the number
 * has ("25 000 000 000", "1 500,5"). `parseTenge` and `parseNumber` read it back to the same
 * number; so that `parseTenge` does not take exactly three fraction digits for a thousands group
 * ("234,567" is 234 567 to it), such a fraction gets a fourth, zero digit ("234,5670").
 * NaN and ±Infinity print "".
 */
export function formatNumberInput(n: number): string {
  if (!Number.isFinite(n)) return '';
  const digits = clampDigits(fractionDigitsOf(n));
  const text = formatNumber(n, 'ru', digits);
  return digits === 3 && text.includes(',') && text.length - text.indexOf(',') === 4 ? `${text}0` : text;
}

/** The scale formatTenge writes `abs` in (after rounding to `digits`), or null below a million. */
function scaleOf(abs: number, digits: number): { exp: number; word: Localized } | null {
  const round = (x: number): number => Number(x.toFixed(digits));
  return FORMAT_SCALES.find((s, i) => {
    const lower = FORMAT_SCALES[i + 1];
    return abs >= 10 ** s.exp || (lower ? round(abs / 10 ** lower.exp) >= 1000 : round(abs) >= 10 ** s.exp);
  }) ?? null;
}

/**
 * A tenge amount with the press's scale words: трлн / млрд / млн (kk the same, en trn / bn / mn),
 * and the full grouped number below a million ("850 000 ₸"). One fraction digit by default,
 * trailing zero dropped: ru "1,2 трлн ₸", kk "892,1 млрд теңге" (`unit: 'word'`),
 * en "892.1 bn ₸". The scale is chosen after rounding, so 999.96 bn prints "1 trn ₸".
 * No-break spaces join number, scale and unit. NaN and ±Infinity print "—".
 * `scaleOf`: write the amount in the scale chosen for that other amount instead (the figures of one
 * chart or column in one scale, that of the largest: 892 bn next to 1.2 trn prints "0,9 трлн ₸").
 */
export function formatTenge(
  amount: number,
  lang: Lang,
  opts?: { unit?: 'sign' | 'word'; maxFractionDigits?: number; scaleOf?: number },
): string {
  if (!Number.isFinite(amount)) return DASH;
  const digits = clampDigits(opts?.maxFractionDigits ?? 1);
  const unit = opts?.unit === 'word' ? UNIT_WORD[lang] : SIGN;
  const round = (x: number): number => Number(x.toFixed(digits));
  const abs = Math.abs(amount);
  const scale = scaleOf(Math.abs(opts?.scaleOf !== undefined && Number.isFinite(opts.scaleOf) ? opts.scaleOf : amount), digits);
  if (!scale) return `${formatNumber(amount, lang, digits)}${NBSP}${unit}`;
  const scaled = round(abs / 10 ** scale.exp);
  return `${formatNumber(amount < 0 ? -scaled : scaled, lang, digits)}${NBSP}${scale.word[lang]}${NBSP}${unit}`;
}

/** The power of ten formatTenge scales `amount` by: 12 (трлн), 9 (млрд), 6 (млн), 0 below a million. */
export function tengeScale(amount: number, opts?: { maxFractionDigits?: number }): number {
  return (Number.isFinite(amount) ? scaleOf(Math.abs(amount), clampDigits(opts?.maxFractionDigits ?? 1))?.exp : undefined) ?? 0;
}

/**
 * The unit formatTenge writes `amount` in, for a chart's or a column's heading: ru "трлн ₸",
 * "млрд ₸", "₸" below a million; kk with `unit: 'word'` "трлн теңге"; en "bn ₸".
 */
export function tengeUnit(amount: number, lang: Lang, opts?: { unit?: 'sign' | 'word'; maxFractionDigits?: number }): string {
  const unit = opts?.unit === 'word' ? UNIT_WORD[lang] : SIGN;
  const scale = Number.isFinite(amount) ? scaleOf(Math.abs(amount), clampDigits(opts?.maxFractionDigits ?? 1)) : null;
  return scale ? `${scale.word[lang]}${NBSP}${unit}` : unit;
}

/**
 * An amount as entered, never rounded: with the press's scale word and as few fraction digits (up
 * to three) as make it exact — "1,2 трлн ₸", "1,25 трлн ₸", "892 млрд ₸" — else written out in full
 * ("1 234 567 891 ₸"). For official figures, where "1,3 трлн" for 1,25 трлн would misstate them.
 */
export function formatTengeExact(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount)) return DASH;
  for (let digits = 1; digits <= 3; digits++) {
    const exp = tengeScale(amount, { maxFractionDigits: digits });
    const scaled = Math.abs(amount) / 10 ** exp;
    if (Math.abs(Number(scaled.toFixed(digits)) - scaled) <= scaled * 1e-12) return formatTenge(amount, lang, { maxFractionDigits: digits });
  }
  return formatTengeFull(amount, lang);
}

/**
 * A tenge amount written out in full, "1 200 000 000 000 ₸", with up to two fraction digits
 * (tiyn) only when present. NaN and ±Infinity print "—".
 */
export function formatTengeFull(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount)) return DASH;
  return `${formatNumber(amount, lang, 2)}${NBSP}${SIGN}`;
}

/**
 * A percentage given in percent points (125 → "125%"), at most one fraction digit, no space
 * before the sign in any language (Russian typography writes "125%"). NaN prints "—".
 */
export function formatPercent(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return DASH;
  return `${formatNumber(n, lang, 1)}%`;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** Splits the digits of a typed number into integer and fraction digits, or null. */
function splitNumber(raw: string, hasScale: boolean): { int: string; frac: string } | null {
  const s = raw.replace(/ /g, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const commas = count(s, ',');
  const dots = count(s, '.');
  let group: string | null = null;
  let decimal: string | null = null;
  if (commas > 0 && dots > 0) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    group = decimal === ',' ? '.' : ',';
    if (count(s, decimal) > 1) return null;
  } else if (commas + dots > 1) {
    group = commas > 0 ? ',' : '.';
  } else if (commas + dots === 1) {
    const ch = commas > 0 ? ',' : '.';
    const fractionLength = s.length - s.indexOf(ch) - 1;
    if (!hasScale && fractionLength === 3) group = ch;
    else decimal = ch;
  }
  let int = s;
  let frac = '';
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    int = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!/^\d+$/.test(frac)) return null;
  }
  if (group !== null) {
    const groups = int.split(group);
    const [head = '', ...rest] = groups;
    if (head.length < 1 || head.length > 3 || rest.some((g) => g.length !== 3)) return null;
    int = groups.join('');
  }
  return /^\d+$/.test(int) ? { int, frac } : null;
}

/** The decimal digits `int.frac` times 10^exp, shifted as text so 1,2 трлн is exactly 1.2e12. */
function shiftedText(int: string, frac: string, exp: number): string {
  const digits = int + frac;
  const point = int.length + exp;
  return point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A typed amount and whether the number stored keeps every digit typed, or null (see parseTenge). */
function readTenge(input: string): { value: number; exact: boolean } | null {
  const text = input
    .toLowerCase()
    .replace(/[\s\u00A0\u202F\u2009]+/gu, ' ')
    .trim()
    .replace(/^₸\s*/u, '')
    .replace(/\s*(₸|kzt|тенге|теңге|tenge|тг\.?)$/u, '');
  const match = /^(\d[\d ,.]*?)\s*(?:(\p{L}+)\.?)?$/u.exec(text);
  if (!match) return null;
  const [, numberPart = '', word] = match;
  let exp = 0;
  if (word !== undefined) {
    const found = PARSE_SCALES.get(word);
    if (found === undefined) return null;
    exp = found;
  }
  const parts = splitNumber(numberPart, word !== undefined);
  if (!parts) return null;
  const typed = shiftedText(parts.int, parts.frac, exp);
  const value = Number(typed);
  if (!Number.isFinite(value) || value > MAX_PARSED) return null;
  return { value, exact: keepsDigits(typed, value) };
}

/** Whether `value` is the very number written in `text` (a plain decimal): no typed digit was lost to the double's precision. */
function keepsDigits(text: string, value: number): boolean {
  const plain = String(value);
  if (plain.includes('e')) return true; // below a millionth of a tenge: not an amount anyone types digit by digit
  const canonical = (s: string) => {
    const [int = '', frac = ''] = s.split('.');
    const f = frac.replace(/0+$/, '');
    return `${int.replace(/^0+(?=\d)/, '') || '0'}${f ? `.${f}` : ''}`;
  };
  return canonical(text) === canonical(plain);
}

/**
 * An amount in tenge as a clerk types it, or null. Accepts grouped numbers ("1 200 000",
 * "1,200,000.50"), a decimal comma or point ("1200000,50"), a scale word in ru/kk/en
 * ("1,2 трлн", "892 млрд", "3,5 mln", "892.1 bn", "5 тыс", "5 мың") and a trailing
 * ₸ / тенге / теңге / tenge / KZT / тг. A single comma or point followed by exactly three
 * digits and no scale word is a thousands separator ("1,200" = 1200, as tenge never has three
 * fraction digits); with a scale word it is the decimal mark ("1,125 млрд"). Negative amounts,
 * amounts above 1e16, more digits than a number keeps (see tengeTooPrecise) and anything else
 * return null.
 */
export function parseTenge(input: string): number | null {
  const read = readTenge(input);
  return read?.exact ? read.value : null;
}

/**
 * An amount typed with more significant digits than are kept exactly («9 999 999 999 999 999» would
 * be stored as 10 000 трлн): parseTenge refuses it, and this says why.
 */
export function tengeTooPrecise(input: string): boolean {
  const read = readTenge(input);
  return read !== null && !read.exact;
}
