// Calendar dates and times as Kazakhstan reads them: DD.MM.YYYY, in the country's single zone UTC+5.
//
// Since 1 March 2024 all of Kazakhstan is on UTC+5 with no daylight saving time. We use that
// fixed offset instead of Intl with 'Asia/Almaty', because ICU/tzdata older than 2024b (still
// shipped by some Node, Electron and browser builds on clerks' machines) says Almaty is +06:00,
// and the same instant would then show a different hour or day on different machines. The cost:
// instants before 1 March 2024 in the former UTC+6 regions print one hour earlier than their
// local clock showed then, which does not change anything the secretariat dates.

/** Kazakhstan's offset from UTC in minutes (UTC+5). */
export const KZ_OFFSET_MINUTES = 300;

/** A calendar date without time or zone, 'YYYY-MM-DD'. */
export type IsoDate = string;

const OFFSET_MS = KZ_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

type Ymd = { y: number; m: number; d: number };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate({ y, m, d }: Ymd): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function toIso({ y, m, d }: Ymd): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function toDotted({ y, m, d }: Ymd): string {
  return `${pad(d)}.${pad(m)}.${pad(y, 4)}`;
}

function parseIso(value: string): Ymd | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isRealDate(ymd) ? ymd : null;
}

/** Milliseconds since the epoch; ISO strings without an offset are Kazakhstan wall time. */
function toInstantMs(value: Date | number | string): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const match = ISO_INSTANT.exec(value.trim());
  if (!match) return null;
  const [, y, m, d, hh = '0', mm = '0', ss = '0', fraction = '', zone] = match;
  const ymd = { y: Number(y), m: Number(m), d: Number(d) };
  if (!isRealDate(ymd) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  let offsetMs = OFFSET_MS;
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offsetMs = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      offsetMs = (zone.startsWith('-') ? -minutes : minutes) * 60_000;
    }
  }
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return Date.UTC(ymd.y, ymd.m - 1, ymd.d, Number(hh), Number(mm), Number(ss), ms) - offsetMs;
}

function kzWallClock(instantMs: number): Ymd & { hh: number; mm: number } {
  const shifted = new Date(instantMs + OFFSET_MS);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hh: shifted.getUTCHours(),
    mm: shifted.getUTCMinutes(),
  };
}

/**
 * A date as "DD.MM.YYYY". An IsoDate prints as the calendar date it names; a Date, epoch
 * milliseconds or an ISO date-time string is an instant and prints as its calendar date in
 * Kazakhstan (UTC+5). Null, undefined and unreadable values print as ''.
 */
export function formatDate(value: IsoDate | Date | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const ymd = parseIso(value.trim());
    if (ymd) return toDotted(ymd);
  }
  const ms = toInstantMs(value);
  return ms === null ? '' : toDotted(kzWallClock(ms));
}

/**
 * An instant as "DD.MM.YYYY HH:mm" on Kazakhstan's clock (UTC+5). Strings are ISO 8601;
 * without an offset they are read as Kazakhstan time. Unreadable values print as ''.
 */
export function formatDateTime(instant: Date | number | string): string {
  const ms = toInstantMs(instant);
  if (ms === null) return '';
  const t = kzWallClock(ms);
  return `${toDotted(t)} ${pad(t.hh)}:${pad(t.mm)}`;
}

/**
 * A date typed by a clerk, "DD.MM.YYYY" (day and month may be one digit) or "YYYY-MM-DD",
 * as an IsoDate; null for anything else and for dates that do not exist (31.02.2025).
 */
export function parseDate(input: string): IsoDate | null {
  const text = input.trim();
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) {
    const ymd = { y: Number(dotted[3]), m: Number(dotted[2]), d: Number(dotted[1]) };
    return isRealDate(ymd) ? toIso(ymd) : null;
  }
  const ymd = parseIso(text);
  return ymd ? toIso(ymd) : null;
}

/** Today's date in Kazakhstan (UTC+5) at the instant `now`; the clock is passed in. */
export function todayIso(now: Date | number): IsoDate {
  const ms = toInstantMs(now);
  if (ms === null) throw new RangeError('todayIso: invalid instant');
  return toIso(kzWallClock(ms));
}

/**
 * Whole calendar days from `from` to `to`: positive when `to` is later, 0 for the same day.
 * Throws RangeError if either is not a real 'YYYY-MM-DD' date.
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIso(from);
  const b = parseIso(to);
  if (!a || !b) throw new RangeError(`daysBetween: invalid date ${a ? to : from}`);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}
