// A decision's deadline as the clerk picks it — a date, «в течение N рабочих дней» (its date
// computed from the meeting date and the working-day calendar), «постоянно», «ежеквартально» —
// turned into the assignment's deadline, and back. Pure.
import { parseDate, formatDate } from '@shared/locale/dates';
import { addWorkingDays, type WorkCalendar } from '@shared/domain/work-calendar';
import type { Deadline, DeadlineKind } from '@shared/domain/assignment.schema';

/** What the deadline controls hold: the kind, the typed date (DD.MM.YYYY) and the typed number of days. */
export type DeadlineChoice = { kind: DeadlineKind | ''; dateText: string; daysText: string };

export type DeadlineResult = { ok: true; deadline: Deadline | undefined } | { ok: false; error: 'invalid_date' | 'days_range' };

export const MAX_WORKDAYS = 365;

/** The controls' values for a stored deadline. */
export function choiceOf(deadline: Deadline | undefined): DeadlineChoice {
  if (!deadline) return { kind: '', dateText: '', daysText: '' };
  switch (deadline.kind) {
    case 'date':
      return { kind: 'date', dateText: formatDate(deadline.due), daysText: '' };
    case 'workdays':
      return { kind: 'workdays', dateText: '', daysText: String(deadline.days) };
    default:
      return { kind: deadline.kind, dateText: '', daysText: '' };
  }
}

/**
 * The deadline the controls mean. An empty date or number is no deadline yet (undefined, the
 * minutes' problems list asks for one); a bad one is an error to show, nothing to store.
 */
export function deadlineOf(choice: DeadlineChoice, meetingDate: string, cal: WorkCalendar): DeadlineResult {
  switch (choice.kind) {
    case '':
      return { ok: true, deadline: undefined };
    case 'permanent':
    case 'quarterly':
      return { ok: true, deadline: { kind: choice.kind } };
    case 'date': {
      if (choice.dateText.trim() === '') return { ok: true, deadline: undefined };
      const due = parseDate(choice.dateText.trim());
      return due ? { ok: true, deadline: { kind: 'date', due } } : { ok: false, error: 'invalid_date' };
    }
    case 'workdays': {
      const text = choice.daysText.trim();
      if (text === '') return { ok: true, deadline: undefined };
      const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(days) || days < 1 || days > MAX_WORKDAYS) return { ok: false, error: 'days_range' };
      return { ok: true, deadline: { kind: 'workdays', days, due: addWorkingDays(meetingDate, days, cal) } };
    }
  }
}

/** Two deadlines are the same (no write needed). */
export function sameDeadline(a: Deadline | undefined, b: Deadline | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
