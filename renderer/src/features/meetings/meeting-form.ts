// A meeting's fields as the clerk types them, and back: the number and the date stay the text
// typed (an impossible date, a mistyped year such as 2999, or "3a" is refused with a message, never
// replaced), a time typed as 9 or 930 reads as 09:00 or 09:30, a save sends only
// the fields that changed, each field is checked by the record's own schema, and the message keys
// of a refused write (duplicate number, markup) land on the field they concern.
import { meetingFieldsSchema, type MeetingFields, type MeetingFieldsInput, type MeetingKind } from '@shared/domain/meeting.schema';
import { formatDate, parseDate, type IsoDate } from '@shared/locale/dates';

export type MeetingForm = {
  number: string;
  kind: MeetingKind;
  /** As typed: DD.MM.YYYY (or YYYY-MM-DD). */
  date: string;
  /** HH:mm, or ''. */
  time: string;
  place: string;
  title: string;
  chairId: string | null;
  secretaryId: string | null;
  notes: string;
};
export type MeetingFormField = keyof MeetingForm;
export const MEETING_FORM_FIELDS: readonly MeetingFormField[] = ['number', 'kind', 'date', 'time', 'place', 'title', 'chairId', 'secretaryId', 'notes'];

/** A message key per field ('required', 'no_markup', 'duplicate_number' …). */
export type MeetingFormErrors = Partial<Record<MeetingFormField, string>>;

/** The form of a stored meeting. */
export function meetingToForm(m: Pick<MeetingFields, 'number' | 'kind' | 'date' | 'time' | 'place' | 'title' | 'chairId' | 'secretaryId' | 'notes'>): MeetingForm {
  return {
    number: String(m.number), kind: m.kind, date: formatDate(m.date), time: m.time ?? '', place: m.place, title: m.title ?? '',
    chairId: m.chairId ?? null, secretaryId: m.secretaryId ?? null, notes: m.notes ?? '',
  };
}

/** The form of a new meeting on `date` (ISO) with the number proposed for its year. */
export function newMeetingForm(date: string, number: number | null): MeetingForm {
  return { number: number === null ? '' : String(number), kind: 'regular', date: formatDate(date), time: '', place: '', title: '', chairId: null, secretaryId: null, notes: '' };
}

/**
 * A typed number: undefined when empty (→ 'required'), the number for digits only, and NaN for
 * anything else ("3a", "2.5", "-1") — refused as 'not_integer'.
 */
export function numberValue(text: string): number | undefined {
  const s = text.trim().replace(/^№\s*/, '');
  if (s === '') return undefined;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * A time as the clerk types it read as HH:mm: an hour alone (9, 14 → 09:00, 14:00), or hours and
 * minutes with or without a separator (930, 9.30, 9,30, 9:30, 09 30, 1000 → 09:30 … 10:00). Any
 * other text — 25:00, 9:75, letters — stays as typed and is refused as 'invalid_time'.
 */
export function timeText(text: string): string {
  const s = text.trim();
  const m = /^(\d{1,2})(?:\s*[:.,\s-]?\s*(\d{2}))?$/.exec(s);
  if (!m) return s;
  const [hh, mm] = [Number(m[1]), Number(m[2] ?? '0')];
  return hh <= 23 && mm <= 59 ? `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}` : s;
}

/** The earliest meeting date taken: an earlier one is a mistyped year. */
export const EARLIEST_MEETING_DATE: IsoDate = '2000-01-01';
/** How many years ahead of today a meeting may be dated. */
export const MEETING_YEARS_AHEAD = 2;

/** The latest meeting date taken on `today`: the same day two years on (29 February → 28 February). */
export function latestMeetingDate(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4)) + MEETING_YEARS_AHEAD;
  const monthDay = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${year}-${monthDay}`;
}

/**
 * 'date_out_of_range' for a real date before 2000 or more than two years after `today` (2999 for
 * 2026, 1926 for 2026 — a mistyped year), else undefined.
 */
export function meetingDateRangeError(iso: IsoDate, today: IsoDate): 'date_out_of_range' | undefined {
  return iso < EARLIEST_MEETING_DATE || iso > latestMeetingDate(today) ? 'date_out_of_range' : undefined;
}

/** The ISO date of a typed date, or the text itself (which the schema refuses as 'invalid_date'). */
export function dateValue(text: string): string {
  const s = text.trim();
  return parseDate(s) ?? s;
}

/** The year a typed date falls in, or null while it is not a date. */
export function yearOfTyped(text: string): number | null {
  const iso = parseDate(text.trim());
  return iso ? Number(iso.slice(0, 4)) : null;
}

/** The record's input for one form field. */
function inputOf(form: MeetingForm, field: MeetingFormField): unknown {
  switch (field) {
    case 'number': return numberValue(form.number);
    case 'date': return dateValue(form.date);
    case 'time': return timeText(form.time);
    case 'chairId': return form.chairId ?? '';
    case 'secretaryId': return form.secretaryId ?? '';
    default: return form[field];
  }
}

/** The record's input for the whole form. */
export function formToInput(form: MeetingForm, regionId: string): MeetingFieldsInput {
  const out: Record<string, unknown> = { regionId };
  for (const f of MEETING_FORM_FIELDS) out[f] = inputOf(form, f);
  return out as MeetingFieldsInput;
}

/**
 * What the schema says of one field (a message key), or undefined when it is fine; a real date
 * is also checked against `today` (Kazakhstan's date) for a mistyped year.
 */
export function fieldError(form: MeetingForm, field: MeetingFormField, today: IsoDate): string | undefined {
  const value = inputOf(form, field);
  if (field === 'number' && Number.isNaN(value)) return 'not_integer';
  const parsed = meetingFieldsSchema.shape[field].safeParse(value);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'unknown';
  return field === 'date' ? meetingDateRangeError(String(value), today) : undefined;
}

/** Every field's message key (only the fields with a problem) on `today`. */
export function validateMeetingForm(form: MeetingForm, today: IsoDate): MeetingFormErrors {
  const out: MeetingFormErrors = {};
  for (const f of MEETING_FORM_FIELDS) {
    const e = fieldError(form, f, today);
    if (e) out[f] = e;
  }
  return out;
}

/** Whether two values of a field mean the same (a date typed either way, spaces around text). */
function sameField(field: MeetingFormField, a: MeetingForm, b: MeetingForm): boolean {
  const x = inputOf(a, field);
  const y = inputOf(b, field);
  if (typeof x === 'string' && typeof y === 'string') return x.trim() === y.trim();
  return Object.is(x, y);
}

/** The fields the clerk changed from `baseline`. */
export function changedMeetingFields(baseline: MeetingForm, form: MeetingForm): MeetingFormField[] {
  return MEETING_FORM_FIELDS.filter((f) => !sameField(f, baseline, form));
}

/** The update of the changed fields only (what `repos.meetings.update` is given). */
export function meetingPatch(baseline: MeetingForm, form: MeetingForm): Partial<MeetingFieldsInput> {
  const out: Record<string, unknown> = {};
  for (const f of changedMeetingFields(baseline, form)) out[f] = inputOf(form, f);
  return out as Partial<MeetingFieldsInput>;
}

/** A refused write's issues on the form's fields (paths outside the form go to ''). */
export function issuesToErrors(issues: readonly { path: string; message: string }[]): MeetingFormErrors & { '': string | undefined } {
  const out: MeetingFormErrors & { '': string | undefined } = { '': undefined };
  for (const i of issues) {
    const field = (MEETING_FORM_FIELDS as readonly string[]).includes(i.path) ? (i.path as MeetingFormField) : '';
    if (field === '') out[''] ??= i.message;
    else out[field] ??= i.message;
  }
  return out;
}

/** Why an agenda item's title may not read as the minutes word it, if it may not. */
export type TitleHint = 'about' | 'ob';

/**
 * A gentle hint on an agenda item's title: in Russian it begins «О …» / «Об …» («about») — «Об»
 * before a vowel («Об инвестиционных проектах», «ob»); in Kazakh it ends with «туралы». Empty
 * titles need none.
 */
export function titleHint(title: string, lang: 'ru' | 'kk'): TitleHint | null {
  const s = title.trim();
  if (s === '') return null;
  if (lang === 'kk') return /туралы[.»"]*$/iu.test(s) ? null : 'about';
  if (/^о\s+[«"]?[аоуыэи]/iu.test(s)) return 'ob';
  return /^(о|об|обо)[\s«"]/iu.test(s) ? null : 'about';
}

/** Whether an agenda item's title gets a hint. */
export function titleNeedsHint(title: string, lang: 'ru' | 'kk'): boolean {
  return titleHint(title, lang) !== null;
}
