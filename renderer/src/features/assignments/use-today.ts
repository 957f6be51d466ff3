// Today in Kazakhstan (UTC+5), and the working-day calendar with the clerk's moved days — what the
// control state and the deadline editor count from. Today changes at midnight while the app is open.
import { useEffect, useMemo, useState } from 'react';
import { todayIso, type IsoDate } from '@shared/locale/dates';
import { buildWorkCalendar, type CalendarOverride, type WorkCalendar } from '@shared/domain/work-calendar';

/** Today's date, checked once a minute. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => todayIso(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(todayIso(Date.now())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * The calendar with the moved days applied. Two moved-day records of one date that disagree (made
 * on two machines) cannot both apply: the calendar then keeps the first of each date.
 */
export function workCalendarOf(overrides: readonly CalendarOverride[]): WorkCalendar {
  const seen = new Set<string>();
  const valid = overrides.filter((o) => !seen.has(o.date) && seen.add(o.date));
  try {
    return buildWorkCalendar(valid);
  } catch {
    return buildWorkCalendar();
  }
}

export function useWorkCalendar(overrides: readonly CalendarOverride[]): WorkCalendar {
  return useMemo(() => workCalendarOf(overrides), [overrides]);
}
