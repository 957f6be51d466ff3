// Kazakhstan BIN/IIN (БИН/ИИН) validation: 12 digits, the last one the official check digit.

/** Why a value is not a valid BIN/IIN. */
export type BinProblem = 'empty' | 'length' | 'digits' | 'checksum';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of a BIN/IIN: the weighted sum with weights 1..11
 * mod 11; if that is 10, the sum with weights 3..11,1,2 mod 11. Returns null when `first11`
 * is not 11 digits or the second pass gives 10 too — such a number is never issued.
 */
export function binCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const first = weightedMod11(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/**
 * Checks a BIN/IIN as a clerk types or pastes it. All whitespace is ignored, inside as well
 * as around ("123 456 789 012" is accepted), because documents print the number in groups;
 * any other character, hyphens included, is a `digits` problem. On success `bin` holds the
 * bare 12 digits to store.
 */
export function checkBin(value: string): { ok: true; bin: string } | { ok: false; problem: BinProblem } {
  const bin = value.replace(/\s+/g, '');
  if (bin === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(bin)) return { ok: false, problem: 'digits' };
  if (bin.length !== 12) return { ok: false, problem: 'length' };
  const check = binCheckDigit(bin.slice(0, 11));
  if (check === null || check !== Number(bin[11])) return { ok: false, problem: 'checksum' };
  return { ok: true, bin };
}

/**
 * The validation message of each problem, which the UI words (`validation.bin_*`): too few or too
 * many digits (an empty value among them), characters other than digits, a wrong check digit.
 */
export type BinIssue = 'bin_length' | 'bin_digits' | 'bin_checksum';

/** Every message code, for telling one apart from other messages. */
export const BIN_ISSUES: ReadonlySet<string> = new Set<BinIssue>(['bin_length', 'bin_digits', 'bin_checksum']);

const ISSUE_OF: Record<BinProblem, BinIssue> = { empty: 'bin_length', length: 'bin_length', digits: 'bin_digits', checksum: 'bin_checksum' };

/** The message code of a problem {@link checkBin} found. */
export function binIssueOf(problem: BinProblem): BinIssue {
  return ISSUE_OF[problem];
}

/** Why `value` is not a valid BIN/IIN as a message code, or null when it is valid. */
export function binIssue(value: string): BinIssue | null {
  const checked = checkBin(value);
  return checked.ok ? null : binIssueOf(checked.problem);
}

/** How many digits a clerk typed into `value` (what a wrong-length message tells them). */
export function binDigitCount(value: string): number {
  return value.replace(/\D+/g, '').length;
}

/** True when `value` is a valid BIN/IIN (whitespace ignored, see {@link checkBin}). */
export function isValidBin(value: string): boolean {
  return checkBin(value).ok;
}
