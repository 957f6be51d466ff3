// The assignment card's and dialogs' logic as the clerk meets it: a deadline in working days comes
// to a date past the holidays and stays fixed when the card is reopened; a wrong date, a deadline
// before the meeting, a new date not later than the current one and a missing reason are refused;
// the card sends only what the clerk changed and takes over what changed elsewhere.
import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from '@shared/domain/work-calendar';
import { checkExtension, checkReport, deadlineOfDraft, draftOf } from '../../../renderer/src/features/assignments/deadline-form';
import { cardSave, dirtyFields, fieldOfPath, takeOver, toCardForm } from '../../../renderer/src/features/assignments/card-form';
import { workCalendarOf } from '../../../renderer/src/features/assignments/use-today';

const cal = buildWorkCalendar();
const MEETING = '2026-03-20';

describe('the deadline editor', () => {
  it('counts N working days from the meeting date past Nauryz and the days it carries', () => {
    const r = deadlineOfDraft({ kind: 'workdays', date: null, days: 3 }, { base: MEETING, calendar: cal });
    expect(r).toEqual({ ok: true, deadline: { kind: 'workdays', days: 3, due: '2026-03-30' } });
  });

  it('counts with the days the clerk moved', () => {
    const moved = workCalendarOf([{ date: '2026-03-25', kind: 'workday' }]);
    expect(deadlineOfDraft({ kind: 'workdays', date: null, days: '3' }, { base: MEETING, calendar: moved })).toEqual({ ok: true, deadline: { kind: 'workdays', days: 3, due: '2026-03-27' } });
  });

  it('keeps the date a working-day deadline came to when the number of days is unchanged', () => {
    const previous = { kind: 'workdays', days: 3, due: '2026-03-31' } as const;
    expect(deadlineOfDraft({ kind: 'workdays', date: null, days: 3 }, { base: MEETING, calendar: cal, previous })).toEqual({ ok: true, deadline: previous });
    expect(deadlineOfDraft({ kind: 'workdays', date: null, days: 4 }, { base: MEETING, calendar: cal, previous })).toEqual({ ok: true, deadline: { kind: 'workdays', days: 4, due: '2026-03-31' } });
  });

  it('refuses a number of days that is not a whole number from 1 to 365', () => {
    const err = (days: number | string) => deadlineOfDraft({ kind: 'workdays', date: null, days }, { base: MEETING, calendar: cal });
    expect(err('')).toEqual({ ok: false, error: 'min_1' });
    expect(err(0)).toEqual({ ok: false, error: 'min_1' });
    expect(err('1,5')).toEqual({ ok: false, error: 'not_integer' });
    expect(err(400)).toEqual({ ok: false, error: 'too_big' });
  });

  it('reads a typed date, refuses one that does not exist or precedes the meeting, and takes an empty one as no deadline', () => {
    const date = (text: string) => deadlineOfDraft({ kind: 'date', date: text, days: '' }, { base: MEETING, calendar: cal, notBefore: MEETING });
    expect(date('1.4.2026')).toEqual({ ok: true, deadline: { kind: 'date', due: '2026-04-01' } });
    expect(date('31.02.2026')).toEqual({ ok: false, error: 'invalid_date' });
    expect(date('19.03.2026')).toEqual({ ok: false, error: 'before_meeting' });
    expect(date('20.03.2026')).toEqual({ ok: true, deadline: { kind: 'date', due: '2026-03-20' } });
    expect(date('')).toEqual({ ok: true, deadline: undefined });
    // An instruction from above: not before the instruction's own date, said so.
    const ofSource = (text: string) => deadlineOfDraft({ kind: 'date', date: text, days: '' }, { base: MEETING, calendar: cal, notBefore: MEETING, notBeforeIs: 'source' });
    expect(ofSource('19.03.2026')).toEqual({ ok: false, error: 'before_source' });
    expect(ofSource('20.03.2026')).toEqual({ ok: true, deadline: { kind: 'date', due: '2026-03-20' } });
    expect(deadlineOfDraft({ kind: 'quarterly', date: null, days: '' }, { base: MEETING, calendar: cal })).toEqual({ ok: true, deadline: { kind: 'quarterly' } });
  });

  it('opens with the stored deadline', () => {
    expect(draftOf({ kind: 'workdays', days: 5, due: '2026-03-27' })).toEqual({ kind: 'workdays', date: null, days: 5 });
    expect(draftOf(undefined)).toEqual({ kind: 'date', date: null, days: '' });
  });
});

describe('a report of execution', () => {
  it('is dated from the meeting or the instruction to today; an empty date is today', () => {
    const check = (date: string) => checkReport({ date, text: 'Исполнено', notBefore: MEETING, today: '2026-11-29' });
    expect(check('')).toEqual({});
    expect(check('20.03.2026')).toEqual({});
    expect(check('29.11.2026')).toEqual({});
    expect(check('19.03.2026')).toEqual({ date: 'report_before' });
    expect(check('01.01.1990')).toEqual({ date: 'report_before' });
    expect(check('30.11.2026')).toEqual({ date: 'report_future' });
    expect(check('31.02.2026')).toEqual({ date: 'invalid_date' });
    expect(checkReport({ date: '', text: ' ', notBefore: null, today: '2026-11-29' })).toEqual({ text: 'required' });
  });
});

describe('extending a deadline', () => {
  const base = { currentDue: '2026-04-01', meetingDate: MEETING };
  it('needs a real date later than the current deadline, and a reason', () => {
    expect(checkExtension({ ...base, date: '15.04.2026', reason: 'Ожидается заключение экспертизы' })).toEqual({});
    expect(checkExtension({ ...base, date: '01.04.2026', reason: 'x' })).toEqual({ date: 'not_later' });
    expect(checkExtension({ ...base, date: '32.04.2026', reason: 'x' })).toEqual({ date: 'invalid_date' });
    expect(checkExtension({ ...base, date: '', reason: '  ' })).toEqual({ date: 'required', text: 'required' });
  });

  it('refuses a date before the meeting for an assignment that had no date', () => {
    expect(checkExtension({ currentDue: null, meetingDate: MEETING, date: '10.03.2026', reason: 'x' })).toEqual({ date: 'before_meeting' });
  });
});

describe('the card form', () => {
  const stored = {
    textRu: 'Обеспечить подключение', responsibleOrgIds: ['a', 'b'], status: 'open' as const, projectIds: ['p'], zoneIds: [], meetingIds: [],
    deadline: { kind: 'date' as const, due: '2026-04-01' }, sourceKind: 'akim' as const, sourceDate: '2026-02-10',
  };
  const baseline = toCardForm(stored);

  it('shows dates as the clerk types them and sees no change where the meaning is the same', () => {
    expect(baseline.deadline.date).toBe('01.04.2026');
    expect(baseline.sourceDate).toBe('10.02.2026');
    const same = { ...baseline, deadline: { ...baseline.deadline, date: '1.4.2026' }, responsible: ['b', 'a'], sourceDate: '2026-02-10' };
    expect(dirtyFields(baseline, same)).toEqual([]);
  });

  it('sends only the fields the clerk changed', () => {
    const form = { ...baseline, textKk: 'Қосуды қамтамасыз ету', status: 'in_progress' as const, deadline: { kind: 'permanent' as const, date: '', days: '' } };
    expect(dirtyFields(baseline, form)).toEqual(['textKk', 'deadline', 'status']);
    const save = cardSave(baseline, form, { kind: 'permanent' });
    expect(save).toEqual({ content: { textKk: 'Қосуды қамтамасыз ету', deadline: { kind: 'permanent' } }, status: 'in_progress', directive: {} });
    // A cleared text is sent as removed.
    expect(cardSave(baseline, { ...baseline, textRu: '  ' }, undefined).content).toEqual({ textRu: undefined });
  });

  it('takes over what changed elsewhere in the fields the clerk is not editing, and keeps the clerk’s own', () => {
    const mine = { ...baseline, textRu: 'Обеспечить подключение к сетям' };
    const after = toCardForm({ ...stored, textRu: 'Другой текст', deadline: { kind: 'date', due: '2026-05-01' } });
    const merged = takeOver(baseline, after, mine);
    expect(merged.textRu).toBe('Обеспечить подключение к сетям');
    expect(merged.deadline.date).toBe('01.05.2026');
  });

  it('puts what the repository refuses under the field it concerns', () => {
    expect(fieldOfPath('deadline')).toBe('deadline');
    expect(fieldOfPath('responsibleOrgIds.0')).toBe('responsible');
    expect(fieldOfPath('status')).toBe('status');
    expect(fieldOfPath('')).toBe('form');
  });
});

describe('the working-day calendar of the clerk', () => {
  it('survives two moved-day records of one date that disagree', () => {
    const c = workCalendarOf([{ date: '2026-03-25', kind: 'workday' }, { date: '2026-03-25', kind: 'day_off' }]);
    expect(deadlineOfDraft({ kind: 'workdays', date: null, days: 3 }, { base: MEETING, calendar: c })).toEqual({ ok: true, deadline: { kind: 'workdays', days: 3, due: '2026-03-27' } });
  });
});
