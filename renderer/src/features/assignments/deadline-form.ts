// The deadline editor's logic, pure: what the clerk chose (a date; N working days; «постоянно»;
// «ежеквартально») becomes a stored deadline. N working days are counted with Kazakhstan's
// calendar from the meeting date (a decision) or from today (an instruction from above), and the
// date they come to is fixed when set: reopening the card does not move it.
import { addWorkingDays, type WorkCalendar } from '@shared/domain/work-calendar';
import type { Deadline, DeadlineKind } from '@shared/domain/assignment.schema';
import { parseDate, type IsoDate } from '@shared/locale/dates';

/** What the editor holds while the clerk types. */
export type DeadlineDraft = {
  kind: DeadlineKind;
  /** The date typed or picked (kind 'date'), ISO; null when empty. */
  date: IsoDate | null;
  /** The number of working days as typed (kind 'workdays'). */
  days: number | string;
};

export type DeadlineErrorKey = 'invalid_date' | 'min_1' | 'too_big' | 'not_integer' | 'before_meeting' | 'before_source';

/** The editor's start from a stored deadline (none: an empty date). */
export function draftOf(d: Deadline | undefined): DeadlineDraft {
  if (!d) return { kind: 'date', date: null, days: '' };
  if (d.kind === 'date') return { kind: 'date', date: d.due, days: '' };
  if (d.kind === 'workdays') return { kind: 'workdays', date: null, days: d.days };
  return { kind: d.kind, date: null, days: '' };
}

/** The working days as a number, or the reason they are not one. */
function daysOf(raw: number | string): number | DeadlineErrorKey {
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
  if (String(raw).trim() === '' || Number.isNaN(n)) return 'min_1';
  if (!Number.isInteger(n)) return 'not_integer';
  if (n < 1) return 'min_1';
  if (n > 365) return 'too_big';
  return n;
}

/**
 * The deadline the draft stands for, or why it cannot be one. An empty date means «no deadline»
 * (undefined). `base` is the date working days are counted from; `notBefore` the date a deadline
 * may not precede (the meeting's; `notBeforeIs: 'source'`: the instruction's own); `previous` the stored deadline, whose fixed date is kept when the
 * number of working days has not changed.
 */
export function deadlineOfDraft(
  draft: DeadlineDraft,
  opts: { base: IsoDate; calendar: WorkCalendar; notBefore?: IsoDate | undefined; notBeforeIs?: 'meeting' | 'source'; previous?: Deadline | undefined },
): { ok: true; deadline: Deadline | undefined } | { ok: false; error: DeadlineErrorKey } {
  const tooEarly = (due: IsoDate) => opts.notBefore !== undefined && due < opts.notBefore;
  const early = opts.notBeforeIs === 'source' ? 'before_source' : 'before_meeting';
  switch (draft.kind) {
    case 'date': {
      if (draft.date === null || draft.date === '') return { ok: true, deadline: undefined };
      const due = parseDate(draft.date);
      if (due === null) return { ok: false, error: 'invalid_date' };
      if (tooEarly(due)) return { ok: false, error: early };
      return { ok: true, deadline: { kind: 'date', due } };
    }
    case 'workdays': {
      const days = daysOf(draft.days);
      if (typeof days !== 'number') return { ok: false, error: days };
      const prev = opts.previous;
      const due = prev?.kind === 'workdays' && prev.days === days ? prev.due : addWorkingDays(opts.base, days, opts.calendar);
      if (tooEarly(due)) return { ok: false, error: early };
      return { ok: true, deadline: { kind: 'workdays', days, due } };
    }
    case 'permanent':
      return { ok: true, deadline: { kind: 'permanent' } };
    case 'quarterly':
      return { ok: true, deadline: { kind: 'quarterly' } };
  }
}

/**
 * Checks the extension before it is sent: a real date, later than the current deadline and not
 * before the meeting, and a reason. Returns the errors (none: empty).
 */
export function checkExtension(input: { date: string; reason: string; currentDue: IsoDate | null; meetingDate: IsoDate | null }): { date?: 'required' | 'invalid_date' | 'not_later' | 'before_meeting'; text?: 'required' } {
  const out: { date?: 'required' | 'invalid_date' | 'not_later' | 'before_meeting'; text?: 'required' } = {};
  const due = parseDate(input.date);
  if (input.date.trim() === '') out.date = 'required';
  else if (!due) out.date = 'invalid_date';
  else if (input.currentDue && due <= input.currentDue) out.date = 'not_later';
  else if (input.meetingDate && due < input.meetingDate) out.date = 'before_meeting';
  if (input.reason.trim() === '') out.text = 'required';
  return out;
}

/**
 * Checks a report of execution before it is sent: a real date (empty: today), not before the
 * meeting or the instruction it answers, not after today; and its text. Returns the errors (none: empty).
 */
export function checkReport(input: { date: string; text: string; notBefore: IsoDate | null; today: IsoDate }): { date?: 'invalid_date' | 'report_before' | 'report_future'; text?: 'required' } {
  const out: { date?: 'invalid_date' | 'report_before' | 'report_future'; text?: 'required' } = {};
  if (input.date.trim() !== '') {
    const on = parseDate(input.date);
    if (!on) out.date = 'invalid_date';
    else if (input.notBefore && on < input.notBefore) out.date = 'report_before';
    else if (on > input.today) out.date = 'report_future';
  }
  if (input.text.trim() === '') out.text = 'required';
  return out;
}
