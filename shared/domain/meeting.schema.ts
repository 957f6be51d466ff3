// Meetings of the headquarters (заседания штаба), their agenda items, attendance and minutes
// (протокол). Each list is records of its own synced table pointing to the meeting, so two clerks'
// offline edits merge without loss (DESIGN §3): an agenda item added in one laptop and a person
// marked present in the other both survive.
import { z } from 'zod';
import { parseDate } from '../locale/dates';
import { uuidV7, type recordMeta } from './record';
import { optionalText, requiredLine } from './text';

type RecordMetaOf<T> = z.infer<typeof recordMeta> & T;

export const isoDate = z.string({ error: 'required' }).refine((s) => parseDate(s) === s, { error: 'invalid_date' });
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), uuidV7.optional());

export const MEETING_KINDS = ['regular', 'on_site', 'extended'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Languages a document (minutes, decision texts) is written in. */
export const DOC_LANGS = ['ru', 'kk'] as const;
export type DocLang = (typeof DOC_LANGS)[number];

/** The longest a meeting's texts may be (characters); the forms refuse a longer paste as it arrives. */
export const MEETING_TEXT_MAX = { title: 300, place: 300, notes: 5000 } as const;

/**
 * A meeting. Its number restarts each year (unique per region and year of its date — checked by
 * the repository against the other meetings); date and time are Kazakhstan's (UTC+5).
 */
export const meetingFieldsSchema = z.object({
  regionId: z.string().min(1),
  number: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.number({ error: 'required' }).int({ error: 'not_integer' }).min(1, { error: 'min_1' }).max(9999, { error: 'too_big' }),
  ),
  kind: z.enum(MEETING_KINDS, { error: 'required' }),
  /** Calendar date, 'YYYY-MM-DD'. */
  date: isoDate,
  /** Local time 'HH:mm' (UTC+5). */
  time: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' }).optional()),
  /** Title line of the minutes, e.g. «Выездное заседание регионального инвестиционного штаба». */
  title: optionalText(MEETING_TEXT_MAX.title),
  place: requiredLine(MEETING_TEXT_MAX.place),
  chairId: optionalId,
  secretaryId: optionalId,
  notes: optionalText(MEETING_TEXT_MAX.notes),
});
export type MeetingFieldsInput = z.input<typeof meetingFieldsSchema>;
export type MeetingFields = z.output<typeof meetingFieldsSchema>;
export type Meeting = RecordMetaOf<MeetingFields>;

/** The year a meeting's number counts in. */
export function meetingYear(m: Pick<MeetingFields, 'date'>): number {
  return Number(m.date.slice(0, 4));
}

export const ATTENDANCE_ROLES = ['participant', 'invitee'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];
export const PRESENCE = ['unknown', 'present', 'absent', 'video'] as const;
export type Presence = (typeof PRESENCE)[number];

/**
 * A person's place at a meeting: participant (member) or invitee, and whether they came. Its id is
 * derived from the meeting and the person, so two clerks who add the same person get one record.
 */
export const attendanceFieldsSchema = z.object({
  meetingId: uuidV7,
  personId: uuidV7,
  role: z.enum(ATTENDANCE_ROLES),
  presence: z.enum(PRESENCE),
});
export type AttendanceFields = z.output<typeof attendanceFieldsSchema>;
export type Attendance = RecordMetaOf<AttendanceFields>;

export const AGENDA_KINDS = ['topic', 'control'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** A fractional position key (fractional-indexing): items sort by it; a move rewrites one item. */
export const positionKey = z.string().min(1).max(200).regex(/^[0-9A-Za-z]+$/, { error: 'invalid_position' });

/** The longest an agenda item's texts may be (characters). */
export const AGENDA_TEXT_MAX = { titleRu: 1000, titleKk: 1000, speaker: 500 } as const;

/**
 * An agenda item: a question (topic) that may refer to projects of the register, or the control
 * item «Об исполнении ранее данных поручений» which lists the assignments open at the meeting date.
 * Titles per language; at least one is required.
 */
export const agendaItemFieldsSchema = z
  .object({
    meetingId: uuidV7,
    position: positionKey,
    kind: z.enum(AGENDA_KINDS),
    titleRu: optionalText(AGENDA_TEXT_MAX.titleRu),
    titleKk: optionalText(AGENDA_TEXT_MAX.titleKk),
    /** Speaker(s) as the minutes print them under СЛУШАЛИ. */
    speaker: optionalText(AGENDA_TEXT_MAX.speaker),
    /** A set (SET_FIELDS): each project is added or removed under its own clock. */
    projectIds: z.array(uuidV7).max(200, { error: 'too_many' }),
  })
  .superRefine((item, ctx) => {
    if (item.kind === 'topic' && !item.titleRu && !item.titleKk) ctx.addIssue({ code: 'custom', path: ['titleRu'], message: 'required' });
  });
export type AgendaItemFieldsInput = z.input<typeof agendaItemFieldsSchema>;
export type AgendaItemFields = z.output<typeof agendaItemFieldsSchema>;
export type AgendaItem = RecordMetaOf<AgendaItemFields>;

export const MINUTES_STATUSES = ['draft', 'agreed', 'signed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/**
 * The minutes of a meeting, one record per revision. Its texts are Yjs documents (one per
 * language: `docId(minutesId, lang)`), the structure (agenda items, decisions) is records. Signed
 * minutes are read-only; a correction makes revision n+1 (`supersedesId` → the signed one).
 */
export const minutesFieldsSchema = z.object({
  meetingId: uuidV7,
  revision: z.number().int().min(1).max(999),
  status: z.enum(MINUTES_STATUSES),
  /** A set: the languages the minutes are written in. */
  languages: z.array(z.enum(DOC_LANGS)).min(1, { error: 'required' }),
  supersedesId: optionalId,
  /** Why a signed revision was corrected. */
  correctionReason: optionalText(2000),
  signedAt: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
  /**
   * The decisions as they were signed (number, texts, responsible, deadline), written once at
   * signing and never edited — so an old revision still reads as it was signed.
   */
  signedDecisions: z.string().max(2_000_000).optional(),
});
export type MinutesFields = z.output<typeof minutesFieldsSchema>;
export type Minutes = RecordMetaOf<MinutesFields>;

/** The id of a minutes text document (a Yjs document), per minutes revision and language. */
export function minutesDocId(minutesId: string, lang: DocLang): string {
  return `minutes/${minutesId}/${lang}`;
}
