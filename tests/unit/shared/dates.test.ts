// Tests for Kazakhstan dates and times (shared/locale/dates).
import { describe, it, expect } from 'vitest';
import { KZ_OFFSET_MINUTES, daysBetween, formatDate, formatDateTime, parseDate, todayIso } from '../../../shared/locale/dates';

const EVENING_UTC = Date.UTC(2025, 2, 14, 20, 30);

describe('formatDate', () => {
  it('prints an IsoDate as DD.MM.YYYY without shifting it', () => {
    expect(formatDate('2025-03-01')).toBe('01.03.2025');
    expect(formatDate('2024-12-31')).toBe('31.12.2024');
  });

  it('prints an instant as its calendar date in Kazakhstan', () => {
    expect(KZ_OFFSET_MINUTES).toBe(300);
    expect(formatDate(EVENING_UTC)).toBe('15.03.2025');
    expect(formatDate(new Date(EVENING_UTC))).toBe('15.03.2025');
    expect(formatDate('2025-03-14T20:30:00Z')).toBe('15.03.2025');
    expect(formatDate(Date.UTC(2025, 2, 14, 18, 59))).toBe('14.03.2025');
    expect(formatDate(Date.UTC(2025, 2, 14, 19, 0))).toBe('15.03.2025');
  });

  it('prints nothing for null, undefined and unreadable values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('2025-02-31')).toBe('');
    expect(formatDate('soon')).toBe('');
    expect(formatDate(new Date(Number.NaN))).toBe('');
    expect(formatDate(Number.NaN)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows the time on Kazakhstan clocks', () => {
    expect(formatDateTime(EVENING_UTC)).toBe('15.03.2025 01:30');
    expect(formatDateTime(new Date(EVENING_UTC))).toBe('15.03.2025 01:30');
    expect(formatDateTime('2025-03-14T20:30:00.000Z')).toBe('15.03.2025 01:30');
    expect(formatDateTime('2025-03-14T22:30:00+02:00')).toBe('15.03.2025 01:30');
    expect(formatDateTime('2025-03-15T01:30:00+05:00')).toBe('15.03.2025 01:30');
  });

  it('reads ISO strings without an offset as Kazakhstan time', () => {
    expect(formatDateTime('2025-03-15T09:05')).toBe('15.03.2025 09:05');
    expect(formatDateTime('2025-03-15')).toBe('15.03.2025 00:00');
  });

  it('prints nothing for unreadable values', () => {
    expect(formatDateTime('15.03.2025')).toBe('');
    expect(formatDateTime('2025-03-15T24:00')).toBe('');
    expect(formatDateTime(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('parseDate', () => {
  it.each([
    ['01.03.2025', '2025-03-01'],
    ['1.3.2025', '2025-03-01'],
    [' 29.02.2024 ', '2024-02-29'],
    ['2025-03-01', '2025-03-01'],
    ['31.12.2025', '2025-12-31'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['31.02.2025', '29.02.2025', '2025-02-29', '00.01.2025', '01.13.2025', '32.01.2025', '2025-1-1', '01.03.25', '', 'вчера', '01/03/2025'])(
    'rejects %j',
    (input) => {
      expect(parseDate(input)).toBeNull();
    },
  );

  it('round-trips with formatDate', () => {
    for (const iso of ['2024-02-29', '2025-01-01', '2030-12-31']) expect(parseDate(formatDate(iso))).toBe(iso);
  });
});

describe('todayIso', () => {
  it('is the date in Kazakhstan, taking the clock as input', () => {
    expect(todayIso(EVENING_UTC)).toBe('2025-03-15');
    expect(todayIso(new Date(Date.UTC(2025, 2, 14, 12)))).toBe('2025-03-14');
    expect(todayIso(Date.UTC(2025, 11, 31, 19, 0))).toBe('2026-01-01');
  });

  it('refuses an invalid clock', () => {
    expect(() => todayIso(Number.NaN)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, negative when going back', () => {
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('refuses dates that are not IsoDate', () => {
    expect(() => daysBetween('01.03.2025', '2025-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2025-03-01', '2025-02-30')).toThrow(RangeError);
  });
});
