// A meeting's form: what the clerk types reaches the record as it means (or is refused with the
// field's own message), a save sends only what changed, the repository's refusals (a duplicate
// number in the year, markup) land on their field, and agenda titles get their gentle hint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { openHarness, type Harness } from '../db/harness';
import { ValidationError } from '../../../renderer/src/db/repository';
import {
  changedMeetingFields, fieldError, formToInput, issuesToErrors, latestMeetingDate, meetingPatch, meetingToForm, newMeetingForm, numberValue, timeText, titleHint, titleNeedsHint,
  validateMeetingForm, yearOfTyped,
  type MeetingForm,
} from '../../../renderer/src/features/meetings/meeting-form';
import { messageFor } from '../../../renderer/src/features/meetings/messages';
import { strings } from '../../../renderer/src/features/meetings/strings';
import { ru as shared } from '../../../renderer/src/i18n/ru';

/** The day the tests run on (Kazakhstan's date). */
const TODAY = '2026-11-29';
const form = (over: Partial<MeetingForm> = {}): MeetingForm => ({ ...newMeetingForm('2026-03-15', 4), place: 'Акимат области', ...over });

describe('typed values', () => {
  it('reads the number strictly: digits only, «№» allowed, anything else refused', () => {
    expect(numberValue('12')).toBe(12);
    expect(numberValue('№ 5')).toBe(5);
    expect(numberValue('  ')).toBeUndefined();
    expect(numberValue('3a')).toBeNaN();
    expect(numberValue('2.5')).toBeNaN();
    expect(numberValue('-1')).toBeNaN();
  });

  it('says why a field is refused, per field', () => {
    expect(fieldError(form({ number: '' }), 'number', TODAY)).toBe('required');
    expect(fieldError(form({ number: 'три' }), 'number', TODAY)).toBe('not_integer');
    expect(fieldError(form({ number: '0' }), 'number', TODAY)).toBe('min_1');
    expect(fieldError(form({ date: '31.02.2026' }), 'date', TODAY)).toBe('invalid_date');
    expect(fieldError(form({ time: '25:00' }), 'time', TODAY)).toBe('invalid_time');
    expect(fieldError(form({ place: '   ' }), 'place', TODAY)).toBe('required');
    expect(fieldError(form({ place: '<b>Завод</b>' }), 'place', TODAY)).toBe('no_markup');
    expect(fieldError(form({ title: '<img src=x onerror=alert(1)>' }), 'title', TODAY)).toBe('no_markup');
    expect(validateMeetingForm(form(), TODAY)).toEqual({});
  });

  it('reads a time typed as 10.00, 1000 or 9:30 as HH:mm, and refuses 24:00', () => {
    expect(timeText('10.00')).toBe('10:00');
    expect(timeText('1000')).toBe('10:00');
    expect(timeText('9:30')).toBe('09:30');
    expect(timeText('24:00')).toBe('24:00');
    expect(fieldError(form({ time: '9.30' }), 'time', TODAY)).toBeUndefined();
    expect(formToInput(form({ time: '9.30' }), 'aktobe')).toMatchObject({ time: '09:30' });
    expect(fieldError(form({ time: '24:00' }), 'time', TODAY)).toBe('invalid_time');
  });

  it('reads an hour alone or hours and minutes typed any common way: 9, 930, 9.30, 9:30, 09 30, 14', () => {
    const typed = ['9', '930', '9.30', '9:30', '09 30', '9,30', '14', '0', '2359', ' 8 '];
    expect(typed.map(timeText)).toEqual(['09:00', '09:30', '09:30', '09:30', '09:30', '09:30', '14:00', '00:00', '23:59', '08:00']);
    expect(formToInput(form({ time: '9' }), 'aktobe')).toMatchObject({ time: '09:00' });
    expect(fieldError(form({ time: '14' }), 'time', TODAY)).toBeUndefined();
  });

  it('refuses 25:00, 9:75, 24, letters and half a minute, kept as typed', () => {
    for (const typed of ['25:00', '9:75', '24', '99', 'девять', '9ч', '9:5', '12345', '9 30 00']) {
      expect(timeText(typed)).toBe(typed);
      expect(fieldError(form({ time: typed }), 'time', TODAY)).toBe('invalid_time');
    }
    expect(validateMeetingForm(form({ time: '9:75' }), TODAY)).toEqual({ time: 'invalid_time' });
  });

  it('refuses a meeting dated before 2000 or more than two years after today, a mistyped year', () => {
    expect(fieldError(form({ date: '12.02.2999' }), 'date', TODAY)).toBe('date_out_of_range');
    expect(fieldError(form({ date: '31.12.1999' }), 'date', TODAY)).toBe('date_out_of_range');
    expect(fieldError(form({ date: '30.11.2028' }), 'date', TODAY)).toBe('date_out_of_range');
    expect(fieldError(form({ date: '01.01.2000' }), 'date', TODAY)).toBeUndefined();
    expect(fieldError(form({ date: '29.11.2028' }), 'date', TODAY)).toBeUndefined();
    expect(fieldError(form({ date: '2028-11-29' }), 'date', TODAY)).toBeUndefined();
    // The bound moves with today: 2028 is near in 2027.
    expect(fieldError(form({ date: '30.11.2028' }), 'date', '2027-01-10')).toBeUndefined();
    expect(validateMeetingForm(form({ date: '12.02.2999' }), TODAY)).toEqual({ date: 'date_out_of_range' });
    // An impossible day is still said as such.
    expect(fieldError(form({ date: '31.02.2999' }), 'date', TODAY)).toBe('invalid_date');
  });

  it('ends the dates taken two years after today, 29 February on 28 February', () => {
    expect(latestMeetingDate('2026-11-29')).toBe('2028-11-29');
    expect(latestMeetingDate('2028-02-29')).toBe('2030-02-28');
  });

  it('keeps text that only looks like markup: «a < b», «5 > 3»', () => {
    expect(fieldError(form({ place: 'Цех < 5 > 3' }), 'place', TODAY)).toBeUndefined();
  });

  it('gives the record a date typed as DD.MM.YYYY as its ISO date, and the year it counts in', () => {
    expect(formToInput(form({ date: '1.4.2026' }), 'aktobe')).toMatchObject({ date: '2026-04-01', number: 4, regionId: 'aktobe', kind: 'regular' });
    expect(yearOfTyped('31.12.2027')).toBe(2027);
    expect(yearOfTyped('31.02.2027')).toBeNull();
  });
});

describe('saving only what changed', () => {
  const stored = meetingToForm({ number: 3, kind: 'on_site', date: '2026-02-12', time: '10:00', place: 'Завод', title: undefined, chairId: undefined, secretaryId: undefined, notes: undefined });

  it('shows the stored meeting as the clerk would type it', () => {
    expect(stored).toMatchObject({ number: '3', date: '12.02.2026', time: '10:00', title: '', chairId: null });
  });

  it('sends the changed fields only, a cleared one as empty', () => {
    const edited = { ...stored, place: 'Акимат', time: '' };
    expect(changedMeetingFields(stored, edited)).toEqual(['time', 'place']);
    expect(meetingPatch(stored, edited)).toEqual({ time: '', place: 'Акимат' });
  });

  it('sees no change in the same date typed another way or spaces around the text', () => {
    expect(changedMeetingFields(stored, { ...stored, date: '2026-02-12', place: ' Завод ' })).toEqual([]);
  });
});

describe('refusals of the repository', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  const t = ((key: string, opts?: Record<string, unknown>) => {
    const tree = { ...shared, ...strings.ru } as unknown as Record<string, unknown>;
    const found = key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree);
    const text = typeof found === 'string' ? found : (opts?.defaultValue as string | undefined) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(opts?.[k] ?? ''));
  }) as unknown as TFunction;

  it('says «Заседание № N в этом году уже есть» under the number, and lets the same number be used next year', async () => {
    await h.repos.ops.createMeeting(formToInput(form({ number: '1', date: '12.02.2026' }), 'aktobe'));
    const again = form({ number: '1', date: '20.05.2026' });
    const error = await h.repos.ops.createMeeting(formToInput(again, 'aktobe')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const errors = issuesToErrors((error as ValidationError).issues);
    expect(errors.number).toBe('duplicate_number');
    expect(messageFor(t, 'number', errors.number ?? '', { number: 1 })).toBe('Заседание № 1 в этом году уже есть');
    expect(await h.repos.ops.nextMeetingNumber('aktobe', '2026-05-20')).toBe(2);
    expect(await h.repos.ops.nextMeetingNumber('aktobe', '2027-01-10')).toBe(1);
    await expect(h.repos.ops.createMeeting(formToInput(form({ number: '1', date: '10.01.2027' }), 'aktobe'))).resolves.toMatchObject({ number: 1 });
  });

  it('says a mistyped year and an impossible time in words under the field', () => {
    expect(messageFor(t, 'date', 'date_out_of_range')).toBe(strings.ru.meetings.validation.date_out_of_range);
    expect(messageFor(t, 'date', 'date_out_of_range')).toMatch(/^Проверьте год/);
    expect(messageFor(t, 'time', 'invalid_time')).toBe('Время от 00:00 до 23:59, например 9:30');
  });

  it('says an empty number in the field’s own words, and markup in the app’s', () => {
    expect(messageFor(t, 'number', 'required')).toBe('Укажите номер заседания');
    expect(messageFor(t, 'place', 'no_markup')).toBe(shared.validation.no_markup);
    expect(messageFor(t, 'place', 'something_new')).toBe(shared.validation.unknown);
  });

  it('writes nothing when the place is HTML', async () => {
    const before = await h.db.meetings.count();
    await expect(h.repos.ops.createMeeting(formToInput(form({ place: '<script>alert(1)</script>' }), 'aktobe'))).rejects.toMatchObject({ issues: [{ path: 'place', message: 'no_markup' }] });
    expect(await h.db.meetings.count()).toBe(before);
  });
});

describe('the hint on agenda titles', () => {
  it('asks for «О …» / «Об …» in Russian and «… туралы» in Kazakh, and says nothing of an empty title', () => {
    expect(titleNeedsHint('О развитии СЭЗ «Актобе»', 'ru')).toBe(false);
    expect(titleNeedsHint('Об исполнении ранее данных поручений', 'ru')).toBe(false);
    expect(titleNeedsHint('о проектах', 'ru')).toBe(false);
    expect(titleNeedsHint('Развитие СЭЗ', 'ru')).toBe(true);
    expect(titleNeedsHint('Обзор проектов', 'ru')).toBe(true);
    expect(titleNeedsHint('«Ақтөбе» АЭА дамыту туралы', 'kk')).toBe(false);
    expect(titleNeedsHint('«Ақтөбе» АЭА дамыту', 'kk')).toBe(true);
    expect(titleNeedsHint('  ', 'ru')).toBe(false);
  });

  it('asks for «Об» before a vowel', () => {
    expect(titleHint('О инвестиционных проектах', 'ru')).toBe('ob');
    expect(titleHint('О «Актобе»', 'ru')).toBe('ob');
    expect(titleHint('Об инвестиционных проектах', 'ru')).toBeNull();
    expect(titleHint('О развитии СЭЗ', 'ru')).toBeNull();
    expect(titleHint('О ежегодном отчёте', 'ru')).toBeNull();
  });
});
