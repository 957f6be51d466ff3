// Reading one spreadsheet cell as a number or a date, the way clerks' registers write them:
// «1 200 000», «1,2 млрд», «1 200,5», «350 млн», «-5», spaces of any width between thousands;
// dates as DD.MM.YYYY text, Excel serial numbers, or the Date a spreadsheet reader gives.
import { parseTenge } from '../locale/money';
import { formatDate, parseDate, type IsoDate } from '../locale/dates';

/** A cell as a reader gives it: text, a number, a date, a boolean, or nothing. */
export type Cell = string | number | boolean | Date | null;

/** What a cell reads as: empty, a value, or unreadable. */
export type CellRead<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'invalid' };

const EMPTY = { kind: 'empty' } as const;
const INVALID = { kind: 'invalid' } as const;

/** Spaces a register puts between thousands: space, no-break, narrow no-break, thin, figure space. */
const SPACES = /[\s\u00A0\u202F\u2009\u2007]+/gu;

/** True when a cell holds nothing but spaces (or is absent). */
export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.replace(SPACES, '') === '');
}

/**
 * A number cell: a number as it is; text read as a tenge amount is read (grouped digits, a decimal
 * comma or point, a scale word трлн / млрд / млн / тыс in ru/kk/en, a trailing ₸ or тенге, a
 * trailing %), with a leading minus (hyphen or U+2212) kept so a schema can say "negative".
 */
export function readNumberCell(cell: Cell | undefined): CellRead<number> {
  if (isEmptyCell(cell)) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'value', value: cell } : INVALID;
  if (typeof cell !== 'string') return INVALID;
  let text = cell.replace(SPACES, ' ').trim().replace(/\s*%$/u, '');
  let sign = 1;
  if (/^[-\u2212]/u.test(text)) {
    sign = -1;
    text = text.slice(1).trim();
  }
  // Spaces inside the digits only between thousands: «1 200 000», never «1 2 3».
  const digits = /^[\d ,.]+/u.exec(text)?.[0].trim() ?? '';
  if (digits.includes(' ') && !/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/u.test(digits)) return INVALID;
  const value = parseTenge(text);
  if (value === null) return INVALID;
  return { kind: 'value', value: sign * value === 0 ? 0 : sign * value };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials of 01.01.1900 … 31.12.9999; Excel has none outside. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2_958_465;

function isoOfUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The calendar date of an Excel serial (days since 30.12.1899, which absorbs Excel's fictitious
 * 29.02.1900 for every date after it); the time of day is dropped. Null outside Excel's range.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL + 1) return null;
  return isoOfUtc(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/**
 * A date cell: a Date (spreadsheet readers give a date cell as the UTC midnight of its day), an
 * Excel serial (a number, or digits as text, e.g. from a CSV), or text DD.MM.YYYY, D.M.YYYY,
 * DD/MM/YYYY or YYYY-MM-DD. Dates that do not exist (31.02.2025) are invalid.
 */
export function readDateCell(cell: Cell | undefined): CellRead<IsoDate> {
  if (isEmptyCell(cell)) return EMPTY;
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return INVALID;
    // A date-and-time cell rounds to its day: noon and later is still that day in UTC terms.
    return { kind: 'value', value: isoOfUtc(ms) };
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? { kind: 'value', value: iso } : INVALID;
  }
  if (typeof cell !== 'string') return INVALID;
  const text = cell.trim();
  if (/^\d{1,7}(?:[.,]\d+)?$/.test(text)) {
    const serial = Number(text.replace(',', '.'));
    if (serial >= 367) {
      const iso = excelSerialToIso(serial);
      return iso ? { kind: 'value', value: iso } : INVALID;
    }
  }
  // A date with a time after it ("15.03.2026 0:00:00", as some exports write it): the day.
  const day = text.split(/\s+/)[0] ?? '';
  const iso = parseDate(day.replace(/\//g, '.'));
  return iso ? { kind: 'value', value: iso } : INVALID;
}

/** A text cell as a trimmed string with inner runs of spaces kept; numbers print plainly, dates as DD.MM.YYYY. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = Number.isNaN(cell.getTime()) ? '' : isoOfUtc(cell.getTime());
    return iso ? iso.split('-').reverse().join('.') : '';
  }
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  return String(cell).replace(/[\u00A0\u202F\u2009]/gu, ' ').trim();
}

/**
 * A cell as the clerk sees it in Excel, for the wizard's samples and previews. In a column of
 * dates (`date`), a date in any form the import reads — a date cell, an Excel serial such as
 * 46387 (a date typed into a cell formatted as a number, or a serial in a CSV), DD.MM.YYYY or
 * YYYY-MM-DD text — shows as DD.MM.YYYY, the date the import will store; a cell that is not a
 * date shows as it is. Every other column shows {@link cellText}.
 */
export function cellDisplayText(cell: Cell | undefined, date = false): string {
  if (date) {
    const read = readDateCell(cell);
    if (read.kind === 'value') return formatDate(read.value);
  }
  return cellText(cell);
}
