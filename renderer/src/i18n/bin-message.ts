// A BIN's validation message in the UI language (validation.bin_*): the same words on the project
// card and in the import's report of rejected rows. With the value the clerk typed, a wrong length
// or a character that is not a digit also says how many digits there are.
import type { TFunction } from 'i18next';
import { BIN_ISSUES, binDigitCount, type BinIssue } from '@shared/domain/bin';

/** True for a message code of shared/domain/bin ({@link binIssue}). */
export function isBinMessage(message: string): message is BinIssue {
  return BIN_ISSUES.has(message);
}

/**
 * The text of a BIN message code.
 * @param value what the clerk typed (a form field, a spreadsheet cell); without it the count is left out
 */
export function binMessageText(message: BinIssue, value: string | null | undefined, t: TFunction): string {
  if (message !== 'bin_checksum' && typeof value === 'string') return t(`validation.${message}_typed`, { digits: binDigitCount(value) });
  return t(`validation.${message}`);
}
