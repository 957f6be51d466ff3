// Plain numbers as a clerk types them (jobs, per cent), read strictly: what is not plainly a
// number is refused, never guessed at. `Number()` would read "0x10" as 16, "1e3" as 1000 and
// "1 0" as nothing at all, and a number input would drop a minus sign without a word; here the
// text either is a number as written or it is not, and the caller says why not.

/** Spaces a clerk (or a pasted figure) puts between thousands: space, no-break, narrow no-break, thin. */
const GROUP_SPACE = /[ \u00A0\u202F\u2009]/gu;
/** Minus signs: hyphen-minus and the typographic minus (U+2212). */
const MINUS = /^[-\u2212]/u;
/** Digits grouped by thousands with single spaces ("1 200 000"), or ungrouped ("1200000"). */
const INTEGER_PART = /^(?:\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)$/u;
const FRACTION_PART = /^\d+$/;

/** A typed number: empty, a number (possibly negative or with a fraction), or not a number at all. */
export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/**
 * Reads a number as a clerk types it: decimal digits, optionally grouped by thousands with
 * single spaces (ordinary, no-break, narrow no-break or thin), an optional leading minus
 * (hyphen-minus or U+2212), and an optional fraction after one decimal comma or point
 * ("1 200", "12,5", "-3.75"). Anything else is `invalid`: exponents ("1e9"), hex ("0x10"),
 * letters, a plus sign, "Infinity", commas or points as thousand separators ("1,200,000"),
 * misplaced spaces ("12 00"), a bare sign or separator. Surrounding spaces are ignored; nothing
 * but spaces is `empty`.
 */
export function readNumber(input: string): TypedNumber {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const negative = MINUS.test(text);
  const unsigned = negative ? text.slice(1) : text;
  const decimalAt = Math.max(unsigned.indexOf(','), unsigned.indexOf('.'));
  const intPart = decimalAt < 0 ? unsigned : unsigned.slice(0, decimalAt);
  const fracPart = decimalAt < 0 ? '' : unsigned.slice(decimalAt + 1);
  if (!INTEGER_PART.test(intPart)) return { kind: 'invalid' };
  if (decimalAt >= 0 && !FRACTION_PART.test(fracPart)) return { kind: 'invalid' };
  const value = Number(`${intPart.replace(GROUP_SPACE, '')}${fracPart ? `.${fracPart}` : ''}`);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  return { kind: 'number', value: negative && value !== 0 ? -value : value };
}

/**
 * A typed number, strictly (see `readNumber`): the number, `undefined` for an empty field, NaN
 * for text that is not a number. Negative numbers and fractions are returned as they are, so a
 * schema that refuses them says why ('negative', 'not_integer') instead of seeing another number.
 */
export function parseNumber(input: string): number | undefined {
  const read = readNumber(input);
  return read.kind === 'empty' ? undefined : read.kind === 'number' ? read.value : Number.NaN;
}

