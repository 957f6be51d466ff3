// Tests for Kazakhstan's working-day calendar (shared/domain/work-calendar).
// Weekdays used below: 2026-03-19 Thu, 2026-03-21 Sat, 2026-05-27 Wed, 2027-12-31 Fri,
// 2028-01-01 Sat, 2024-01-07 Sun, 2024-06-16 Sun, 2025-12-30 Tue.
import { describe, it, expect } from 'vitest';
import {
  HOLIDAY_KEYS,
  addWorkingDays,
  buildWorkCalendar,
  holidaysOf,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from '@shared/domain/work-calendar';

const cal = buildWorkCalendar();

describe('holidaysOf', () => {
  it('lists 2026 with the days carried from weekend holidays', () => {
    // Weekend holidays in 2026: 8 Mar (Sun), 21–22 Mar (Sat, Sun), 9 May (Sat), 30 Aug (Sun), 25 Oct (Sun).
    expect(holidaysOf(2026)).toEqual([
      { date: '2026-01-01', key: 'new_year' },
      { date: '2026-01-02', key: 'new_year' },
      { date: '2026-01-07', key: 'orthodox_christmas' },
      { date: '2026-03-08', key: 'womens_day' },
      { date: '2026-03-09', key: 'womens_day', carried: true },
      { date: '2026-03-21', key: 'nauryz' },
      { date: '2026-03-22', key: 'nauryz' },
      { date: '2026-03-23', key: 'nauryz' },
      { date: '2026-03-24', key: 'nauryz', carried: true },
      { date: '2026-03-25', key: 'nauryz', carried: true },
      { date: '2026-05-01', key: 'unity_day' },
      { date: '2026-05-07', key: 'defender_day' },
      { date: '2026-05-09', key: 'victory_day' },
      { date: '2026-05-11', key: 'victory_day', carried: true },
      { date: '2026-05-27', key: 'kurban_ait' },
      { date: '2026-07-06', key: 'capital_day' },
      { date: '2026-08-30', key: 'constitution_day' },
      { date: '2026-08-31', key: 'constitution_day', carried: true },
      { date: '2026-10-25', key: 'republic_day' },
      { date: '2026-10-26', key: 'republic_day', carried: true },
      { date: '2026-12-16', key: 'independence_day' },
    ]);
  });

  it('uses every holiday key in 2026', () => {
    const keys = new Set(holidaysOf(2026).map((h) => h.key));
    expect([...keys].sort()).toEqual([...HOLIDAY_KEYS].sort());
  });

  it('does not carry 7 January falling on Sunday (2024)', () => {
    const christmas = holidaysOf(2024).filter((h) => h.key === 'orthodox_christmas');
    expect(christmas).toEqual([{ date: '2024-01-07', key: 'orthodox_christmas' }]);
  });

  it('omits a year Kurban Ait is not known for', () => {
    expect(holidaysOf(2030).some((h) => h.key === 'kurban_ait')).toBe(false);
    expect(holidaysOf(2025).filter((h) => h.key === 'kurban_ait')).toEqual([{ date: '2025-06-06', key: 'kurban_ait' }]);
  });

  it('leaves out a holiday an override makes a working day', () => {
    const withOverride = buildWorkCalendar([{ date: '2026-03-24', kind: 'workday' }]);
    const march = holidaysOf(2026, withOverride).filter((h) => h.date.startsWith('2026-03-2'));
    expect(march.map((h) => h.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-25']);
  });

  it('returns a copy the caller cannot use to change the calendar', () => {
    const first = holidaysOf(2026, cal);
    first.length = 0;
    expect(holidaysOf(2026, cal)).toHaveLength(21);
    expect(isWorkingDay('2026-03-24', cal)).toBe(false);
  });

  it('rejects a year outside 1000..9999 or not an integer', () => {
    expect(() => holidaysOf(999)).toThrow(RangeError);
    expect(() => holidaysOf(2026.5)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('treats weekdays as working and weekends as days off', () => {
    expect(isWorkingDay('2026-03-19', cal)).toBe(true); // Thu
    expect(isWorkingDay('2026-03-28', cal)).toBe(false); // Sat
    expect(isWorkingDay('2026-03-29', cal)).toBe(false); // Sun
  });

  it('carries New Year 2028 (Sat 1, Sun 2 Jan) to Mon 3 and Tue 4 Jan', () => {
    expect(isWorkingDay('2028-01-03', cal)).toBe(false);
    expect(isWorkingDay('2028-01-04', cal)).toBe(false);
    expect(isWorkingDay('2028-01-05', cal)).toBe(true);
    expect(holidaysOf(2028).filter((h) => h.key === 'new_year')).toEqual([
      { date: '2028-01-01', key: 'new_year' },
      { date: '2028-01-02', key: 'new_year' },
      { date: '2028-01-03', key: 'new_year', carried: true },
      { date: '2028-01-04', key: 'new_year', carried: true },
    ]);
  });

  it('keeps Monday 8 January 2024 working: 7 January is religious, not carried', () => {
    expect(isWorkingDay('2024-01-08', cal)).toBe(true);
  });

  it('keeps Monday 17 June 2024 working: Kurban Ait on Sunday 16 June is not carried', () => {
    expect(isWorkingDay('2024-06-17', cal)).toBe(true);
  });

  it('lets an override win over weekends and holidays', () => {
    const decree = buildWorkCalendar([
      { date: '2026-03-28', kind: 'workday', note: 'Sat made working' },
      { date: '2026-03-27', kind: 'day_off', note: 'Fri made free' },
      { date: '2026-03-24', kind: 'workday' },
    ]);
    expect(isWorkingDay('2026-03-28', decree)).toBe(true);
    expect(isWorkingDay('2026-03-27', decree)).toBe(false);
    expect(isWorkingDay('2026-03-24', decree)).toBe(true);
    expect(isWorkingDay('2026-03-25', decree)).toBe(false);
  });

  it('rejects dates that are not real YYYY-MM-DD', () => {
    expect(() => isWorkingDay('2026-02-30', cal)).toThrow(RangeError);
    expect(() => isWorkingDay('19.03.2026', cal)).toThrow(RangeError);
    expect(() => isWorkingDay(' 2026-03-19', cal)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips the Nauryz block: 5 working days from Thu 2026-03-19 is Tue 2026-03-31', () => {
    // Fri 20 = 1; Sat 21–Mon 23 Nauryz, Tue 24 and Wed 25 carried from Sat 21 and Sun 22;
    // Thu 26 = 2, Fri 27 = 3; Sat 28, Sun 29; Mon 30 = 4, Tue 31 = 5.
    expect(addWorkingDays('2026-03-19', 5, cal)).toBe('2026-03-31');
  });

  it('does not count the start day', () => {
    expect(addWorkingDays('2026-03-19', 1, cal)).toBe('2026-03-20');
    // From Sat 21 Mar the first working day is Thu 26.
    expect(addWorkingDays('2026-03-21', 1, cal)).toBe('2026-03-26');
  });

  it('counts a Saturday an override makes working', () => {
    // As above, but Sat 28 = 4, Sun 29 off, Mon 30 = 5.
    const decree = buildWorkCalendar([{ date: '2026-03-28', kind: 'workday' }]);
    expect(addWorkingDays('2026-03-19', 5, decree)).toBe('2026-03-30');
  });

  it('skips a Friday an override makes a day off', () => {
    // Fri 20 = 1, Thu 26 = 2, Fri 27 off, Mon 30 = 3, Tue 31 = 4, Wed 1 Apr = 5.
    const decree = buildWorkCalendar([{ date: '2026-03-27', kind: 'day_off' }]);
    expect(addWorkingDays('2026-03-19', 5, decree)).toBe('2026-04-01');
  });

  it('skips Kurban Ait on Wed 2026-05-27', () => {
    expect(addWorkingDays('2026-05-26', 1, cal)).toBe('2026-05-28');
  });

  it('skips the carried New Year 2028', () => {
    // From Fri 31 Dec 2027: Sat 1, Sun 2, carried Mon 3 and Tue 4; Wed 5 = 1.
    expect(addWorkingDays('2027-12-31', 1, cal)).toBe('2028-01-05');
  });

  it('crosses a year end', () => {
    // From Tue 30 Dec 2025: Wed 31 = 1; Thu 1, Fri 2 New Year; Sat 3, Sun 4; Mon 5 = 2, Tue 6 = 3;
    // Wed 7 Christmas; Thu 8 = 4.
    expect(addWorkingDays('2025-12-30', 3, cal)).toBe('2026-01-06');
    expect(addWorkingDays('2025-12-30', 4, cal)).toBe('2026-01-08');
  });

  it('accepts n = 365 and throws RangeError for n outside 1..365 or not an integer', () => {
    expect(addWorkingDays('2026-01-05', 365, cal)).toMatch(/^2027-\d{2}-\d{2}$/);
    for (const n of [0, -1, 366, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays('2026-03-19', n, cal)).toThrow(RangeError);
    }
  });

  it('throws RangeError for an invalid start date', () => {
    expect(() => addWorkingDays('2026-13-01', 1, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to] with the sign of the direction', () => {
    expect(workingDaysBetween('2026-03-19', '2026-03-31', cal)).toBe(5);
    expect(workingDaysBetween('2026-03-31', '2026-03-19', cal)).toBe(-5);
    expect(workingDaysBetween('2026-03-19', '2026-03-19', cal)).toBe(0);
  });

  it('excludes from and includes to', () => {
    // (Fri 20, Thu 26]: only Thu 26 is working.
    expect(workingDaysBetween('2026-03-20', '2026-03-26', cal)).toBe(1);
    expect(workingDaysBetween('2026-03-26', '2026-03-20', cal)).toBe(-1);
  });

  it('agrees with addWorkingDays across a year end and with overrides', () => {
    const decree = buildWorkCalendar([
      { date: '2026-03-28', kind: 'workday' },
      { date: '2026-03-27', kind: 'day_off' },
    ]);
    for (const [from, n] of [['2025-12-30', 4], ['2026-03-19', 5], ['2026-12-20', 30], ['2026-01-05', 365]] as const) {
      expect(workingDaysBetween(from, addWorkingDays(from, n, decree), decree)).toBe(n);
    }
  });

  it('counts March 2026 as 22 weekdays less 4 weekday days off', () => {
    // March 2026 has 22 weekdays; Mon 9, Mon 23, Tue 24, Wed 25 are days off on weekdays: 18.
    expect(workingDaysBetween('2026-02-28', '2026-03-31', cal)).toBe(18);
  });
});

describe('nextWorkingDay', () => {
  it('returns the date itself when it is working', () => {
    expect(nextWorkingDay('2026-03-26', cal)).toBe('2026-03-26');
  });

  it('moves past weekends and holidays', () => {
    expect(nextWorkingDay('2026-03-21', cal)).toBe('2026-03-26');
    expect(nextWorkingDay('2028-01-01', cal)).toBe('2028-01-05');
  });
});

describe('buildWorkCalendar', () => {
  it('rejects an invalid override date and conflicting overrides for one date', () => {
    expect(() => buildWorkCalendar([{ date: '2026-02-29', kind: 'day_off' }])).toThrow(RangeError);
    expect(() =>
      buildWorkCalendar([
        { date: '2026-03-28', kind: 'workday' },
        { date: '2026-03-28', kind: 'day_off' },
      ]),
    ).toThrow(RangeError);
  });

  it('does not share overrides between calendars', () => {
    buildWorkCalendar([{ date: '2026-03-26', kind: 'day_off' }]);
    expect(isWorkingDay('2026-03-26', cal)).toBe(true);
  });
});
