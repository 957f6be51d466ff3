// Reminders of assignments under control, pure: which are overdue and which fall due within the
// next N working days (Kazakhstan's calendar with the clerk's moved days), and the bounds of the
// current week. Light on purpose: the feature's index.ts exports it for badges elsewhere.
import { controlState } from '@shared/domain/decisions';
import { addWorkingDays, type WorkCalendar } from '@shared/domain/work-calendar';
import type { AssignmentStatus, Deadline } from '@shared/domain/assignment.schema';
import { daysBetween, type IsoDate } from '@shared/locale/dates';

/** What a reminder needs of an assignment. */
export type Remindable = { status: AssignmentStatus; deadline?: Deadline | undefined };

/** The last date that still counts as «due within `workingDays` working days» of `today`. */
export function soonUntil(today: IsoDate, calendar: WorkCalendar, workingDays: number): IsoDate {
  return workingDays < 1 ? today : addWorkingDays(today, Math.min(365, Math.floor(workingDays)), calendar);
}

/**
 * The assignments under control that are overdue on `today`, and those not overdue whose due
 * date is at most `workingDays` working days away (today's included). Done and cancelled ones,
 * and ones without a date («постоянно», «ежеквартально»), are in neither list.
 */
export function dueSoon<T extends Remindable>(assignments: readonly T[], today: IsoDate, calendar: WorkCalendar, workingDays: number): { overdue: T[]; soon: T[] } {
  const until = soonUntil(today, calendar, workingDays);
  const overdue: T[] = [];
  const soon: T[] = [];
  for (const a of assignments) {
    const s = controlState(a, today);
    if (!s.active || s.due === null) continue;
    if (s.overdue) overdue.push(a);
    else if (s.due <= until) soon.push(a);
  }
  return { overdue, soon };
}

/** Monday and Sunday of the week `today` falls in. */
export function weekOf(today: IsoDate): { start: IsoDate; end: IsoDate } {
  // 1970-01-05 was a Monday.
  const weekday = ((daysBetween('1970-01-05', today) % 7) + 7) % 7;
  const at = (offset: number) => new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) + offset)).toISOString().slice(0, 10);
  return { start: at(-weekday), end: at(6 - weekday) };
}
