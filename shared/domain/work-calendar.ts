// Kazakhstan's working-day calendar, for assignment deadlines such as «в течение 5 рабочих дней».
//
// Rules (Law «О праздниках в Республике Казахстан», Labour Code art. 84–85), five-day week:
// - Saturday and Sunday are days off.
// - The public holidays in HOLIDAY_DATES and the first day of Kurban Ait are days off.
// - A holiday that falls on a Saturday, Sunday or another holiday moves its day off to the next
//   working day after it (for 21–23 March: to the working days after the block). Religious
//   holidays (7 January, Kurban Ait) are not moved.
// - Days moved by Government decree or Ministry of Labour order are not built in: the clerk keeps
//   them as CalendarOverride rows, and an override wins over every rule above.
//
// The holiday list is the one in force since 2022 (Republic Day restored, 17 December dropped);
// earlier years are computed with the same list and are not historically exact.
import { parseDate } from '../locale/dates';
import type { IsoDate } from '../locale/dates';

/** Holidays that are days off, in calendar order. */
export const HOLIDAY_KEYS = [
  'new_year',
  'orthodox_christmas',
  'womens_day',
  'nauryz',
  'unity_day',
  'defender_day',
  'victory_day',
  'capital_day',
  'constitution_day',
  'republic_day',
  'independence_day',
  'kurban_ait',
] as const;

export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

/** A holiday day off, or (carried: true) the working day that took over its day off. */
export type Holiday = { date: IsoDate; key: HolidayKey; carried?: boolean };

/** A day moved by decree: 'day_off' makes a day free, 'workday' makes it a working day. */
export type CalendarOverride = { date: IsoDate; kind: 'day_off' | 'workday'; note?: string };

type FixedHoliday = { month: number; day: number; key: HolidayKey; religious: boolean };

/** Fixed-date holidays, month 1–12. */
const HOLIDAY_DATES: readonly FixedHoliday[] = [
  { month: 1, day: 1, key: 'new_year', religious: false },
  { month: 1, day: 2, key: 'new_year', religious: false },
  { month: 1, day: 7, key: 'orthodox_christmas', religious: true },
  { month: 3, day: 8, key: 'womens_day', religious: false },
  { month: 3, day: 21, key: 'nauryz', religious: false },
  { month: 3, day: 22, key: 'nauryz', religious: false },
  { month: 3, day: 23, key: 'nauryz', religious: false },
  { month: 5, day: 1, key: 'unity_day', religious: false },
  { month: 5, day: 7, key: 'defender_day', religious: false },
  { month: 5, day: 9, key: 'victory_day', religious: false },
  { month: 7, day: 6, key: 'capital_day', religious: false },
  { month: 8, day: 30, key: 'constitution_day', religious: false },
  { month: 10, day: 25, key: 'republic_day', religious: false },
  { month: 12, day: 16, key: 'independence_day', religious: false },
];

/**
 * First day of Kurban Ait as fixed for Kazakhstan (ДУМК / Ministry of Labour). 2026 is ДУМК's
 * calendar published in November 2025 and may shift by a day with the moon; fix a shift, or a
 * year missing here, with overrides.
 */
export const KURBAN_AIT_FIRST_DAY: Readonly<Record<number, IsoDate>> = Object.freeze({
  2023: '2023-06-28',
  2024: '2024-06-16',
  2025: '2025-06-06',
  2026: '2026-05-27',
});

const DAY_MS = 86_400_000;
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const MAX_ADD = 365;

/** Days since 1970-01-01 of a real 'YYYY-MM-DD' date; RangeError for anything else. */
function dayNumber(date: IsoDate, fn: string): number {
  if (typeof date !== 'string' || !ISO_SHAPE.test(date) || parseDate(date) !== date) {
    throw new RangeError(`${fn}: invalid date ${String(date)}`);
  }
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function isoOf(dayNum: number): IsoDate {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

function yearOf(dayNum: number): number {
  return new Date(dayNum * DAY_MS).getUTCFullYear();
}

/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
function isWeekend(dayNum: number): boolean {
  const weekday = (((dayNum + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** The year's holidays and the days off carried from them (a carry may land in year + 1). */
function statutoryHolidays(year: number): Holiday[] {
  const base: { dayNum: number; key: HolidayKey; religious: boolean }[] = HOLIDAY_DATES.map((h) => ({
    dayNum: Date.UTC(year, h.month - 1, h.day) / DAY_MS,
    key: h.key,
    religious: h.religious,
  }));
  const kurban = KURBAN_AIT_FIRST_DAY[year];
  if (kurban !== undefined) base.push({ dayNum: dayNumber(kurban, 'KURBAN_AIT_FIRST_DAY'), key: 'kurban_ait', religious: true });
  base.sort((a, b) => a.dayNum - b.dayNum);

  const taken = new Set(base.map((h) => h.dayNum));
  const result: { dayNum: number; holiday: Holiday }[] = base.map((h) => ({ dayNum: h.dayNum, holiday: { date: isoOf(h.dayNum), key: h.key } }));
  for (const h of base) {
    if (h.religious || !isWeekend(h.dayNum)) continue;
    let d = h.dayNum + 1;
    while (isWeekend(d) || taken.has(d)) d += 1;
    taken.add(d);
    result.push({ dayNum: d, holiday: { date: isoOf(d), key: h.key, carried: true } });
  }
  result.sort((a, b) => a.dayNum - b.dayNum);
  return result.map((r) => Object.freeze(r.holiday));
}

const CAL = Symbol('WorkCalendar');

type YearTable = {
  /** Day number of 1 January. */
  start: number;
  /** 1 = working day, 0 = day off, indexed by day of year. */
  working: Uint8Array;
  /** Holidays and carried days off falling in the year, overrides applied. */
  holidays: readonly Holiday[];
};

type Internals = {
  overrides: ReadonlyMap<number, CalendarOverride['kind']>;
  years: Map<number, YearTable>;
};

/** A calendar built from the clerk's override table; caches each year it is asked about. */
export type WorkCalendar = {
  readonly overrides: readonly CalendarOverride[];
  readonly [CAL]: Internals;
};

/**
 * A calendar with `overrides` applied on top of the statutory rules. Throws RangeError for an
 * invalid override date or for two overrides of the same date with different kinds.
 */
export function buildWorkCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  const byDay = new Map<number, CalendarOverride['kind']>();
  for (const o of overrides) {
    const dayNum = dayNumber(o.date, 'buildWorkCalendar');
    if (o.kind !== 'day_off' && o.kind !== 'workday') throw new RangeError(`buildWorkCalendar: invalid kind for ${o.date}`);
    const previous = byDay.get(dayNum);
    if (previous !== undefined && previous !== o.kind) {
      throw new RangeError(`buildWorkCalendar: conflicting overrides for ${o.date}`);
    }
    byDay.set(dayNum, o.kind);
  }
  return Object.freeze({
    overrides: Object.freeze(overrides.map((o) => Object.freeze({ ...o }))),
    [CAL]: { overrides: byDay, years: new Map<number, YearTable>() },
  });
}

const DEFAULT_CALENDAR = buildWorkCalendar();

function yearTable(cal: WorkCalendar, year: number, fn: string): YearTable {
  const internals = cal[CAL];
  const cached = internals.years.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`${fn}: year out of range ${year}`);

  const start = yearStart(year);
  const length = yearStart(year + 1) - start;
  const inYear = (h: Holiday): boolean => h.date.startsWith(`${year}-`);
  const statutory = [...(year > MIN_YEAR ? statutoryHolidays(year - 1).filter(inYear) : []), ...statutoryHolidays(year).filter(inYear)];

  const working = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) working[i] = isWeekend(start + i) ? 0 : 1;
  for (const h of statutory) working[dayNumber(h.date, fn) - start] = 0;
  for (const [dayNum, kind] of internals.overrides) {
    const i = dayNum - start;
    if (i >= 0 && i < length) working[i] = kind === 'workday' ? 1 : 0;
  }
  const holidays = Object.freeze(statutory.filter((h) => internals.overrides.get(dayNumber(h.date, fn)) !== 'workday'));

  const table: YearTable = { start, working, holidays };
  internals.years.set(year, table);
  return table;
}

function isWorkingDayNum(cal: WorkCalendar, dayNum: number, fn: string): boolean {
  const table = yearTable(cal, yearOf(dayNum), fn);
  return table.working[dayNum - table.start] === 1;
}

/**
 * The holidays and carried days off that fall in `year`, in date order. With `cal`, a day its
 * overrides make a working day is left out (override days off have no holiday key and are not
 * listed). A Kurban Ait missing from KURBAN_AIT_FIRST_DAY is not listed.
 */
export function holidaysOf(year: number, cal: WorkCalendar = DEFAULT_CALENDAR): Holiday[] {
  return yearTable(cal, year, 'holidaysOf').holidays.slice();
}

/** Whether `date` is a working day. Throws RangeError for an invalid date. */
export function isWorkingDay(date: IsoDate, cal: WorkCalendar): boolean {
  return isWorkingDayNum(cal, dayNumber(date, 'isWorkingDay'), 'isWorkingDay');
}

/** `date` itself if it is a working day, else the first working day after it. */
export function nextWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  let d = dayNumber(date, 'nextWorkingDay');
  while (!isWorkingDayNum(cal, d, 'nextWorkingDay')) d += 1;
  return isoOf(d);
}

/**
 * The deadline «в течение n рабочих дней» from an event on `from`: the n-th working day after
 * `from` (`from` itself never counts). `n` must be an integer 1..365, else RangeError.
 */
export function addWorkingDays(from: IsoDate, n: number, cal: WorkCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ADD) throw new RangeError(`addWorkingDays: n must be an integer 1..${MAX_ADD}, got ${n}`);
  let d = dayNumber(from, 'addWorkingDays');
  let table = yearTable(cal, yearOf(d), 'addWorkingDays');
  let left = n;
  while (left > 0) {
    d += 1;
    let i = d - table.start;
    if (i >= table.working.length) {
      table = yearTable(cal, yearOf(d), 'addWorkingDays');
      i = d - table.start;
    }
    if (table.working[i] === 1) left -= 1;
  }
  return isoOf(d);
}

/**
 * Working days in (from, to]: `from` excluded, `to` included. Negative (the count in (to, from])
 * when `to` is before `from`, 0 for the same day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): number {
  const a = dayNumber(from, 'workingDaysBetween');
  const b = dayNumber(to, 'workingDaysBetween');
  if (b < a) return -countWorking(cal, b, a);
  return countWorking(cal, a, b);
}

/** Working days in (lo, hi], lo <= hi. */
function countWorking(cal: WorkCalendar, lo: number, hi: number): number {
  let count = 0;
  let d = lo + 1;
  while (d <= hi) {
    const table = yearTable(cal, yearOf(d), 'workingDaysBetween');
    const end = Math.min(hi, table.start + table.working.length - 1);
    for (let i = d - table.start; i <= end - table.start; i += 1) count += table.working[i] ?? 0;
    d = end + 1;
  }
  return count;
}
