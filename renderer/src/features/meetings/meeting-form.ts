// A meeting's fields as the clerk types them, and back: the number and the date stay the text
// typed (an impossible date or "3a" is refused with a message, never replaced), a save sends only
// the fields that changed, each field is checked by the record's own schema, and the message keys
// of a refused write (duplicate number, markup) land on the field they concern.
import { meetingFieldsSchema, type MeetingFields, type MeetingFieldsInput, type MeetingKind } from '@shared/domain/meeting.schema';
import { formatDate, parseDate } from '@shared/locale/dates';

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

/** A time typed as 10:00, 10.00, 1000 or 9:30 read as HH:mm; any other text stays as typed (→ 'invalid_time'). */
export function timeText(text: string): string {
  const m = /^(\d{1,2})[:.\s-]?(\d{2})$/.exec(text.trim());
  if (!m) return text.trim();
  const [hh, mm] = [Number(m[1]), Number(m[2])];
  return hh <= 23 && mm <= 59 ? `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}` : text.trim();
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

/** What the schema says of one field (a message key), or undefined when it is fine. */
export function fieldError(form: MeetingForm, field: MeetingFormField): string | undefined {
  const value = inputOf(form, field);
  if (field === 'number' && Number.isNaN(value)) return 'not_integer';
  const parsed = meetingFieldsSchema.shape[field].safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message ?? 'unknown';
}

/** Every field's message key (only the fields with a problem). */
export function validateMeetingForm(form: MeetingForm): MeetingFormErrors {
  const out: MeetingFormErrors = {};
  for (const f of MEETING_FORM_FIELDS) {
    const e = fieldError(form, f);
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
