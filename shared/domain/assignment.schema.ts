// Assignments (поручения) under control: every decision of the minutes is one, and so is every
// instruction received from above (the Head of State, the Government, the akim). Deadline
// extensions and execution reports are records of their own synced tables pointing to the
// assignment; the working-day calendar's moved days are records too (calendarDays).
import { z } from 'zod';
import { uuidV7, type recordMeta } from './record';
import { optionalText, plainText } from './text';
import { isoDate, positionKey } from './meeting.schema';

type RecordMetaOf<T> = z.infer<typeof recordMeta> & T;
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), uuidV7.optional());
const optionalDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional());

export const ASSIGNMENT_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ORIGINS = ['decision', 'directive'] as const;
export type AssignmentOrigin = (typeof ASSIGNMENT_ORIGINS)[number];

/** Who gave an instruction received from above. */
export const DIRECTIVE_SOURCES = ['head_of_state', 'government', 'akim', 'other'] as const;
export type DirectiveSource = (typeof DIRECTIVE_SOURCES)[number];

/**
 * A deadline as the minutes word it: a date; «в течение N рабочих дней» (with the date it comes to,
 * fixed when set, from the meeting date and the working-day calendar); «постоянно»; «ежеквартально».
 */
export const deadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), due: isoDate }).strict(),
  z.object({ kind: z.literal('workdays'), days: z.number().int().min(1, { error: 'min_1' }).max(365, { error: 'too_big' }), due: isoDate }).strict(),
  z.object({ kind: z.literal('permanent') }).strict(),
  z.object({ kind: z.literal('quarterly') }).strict(),
]);
export type Deadline = z.output<typeof deadlineSchema>;
export const DEADLINE_KINDS = ['date', 'workdays', 'permanent', 'quarterly'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The date a deadline falls on (none for «постоянно» / «ежеквартально»). */
export function dueOf(deadline: Deadline | undefined): string | undefined {
  return deadline && (deadline.kind === 'date' || deadline.kind === 'workdays') ? deadline.due : undefined;
}

export const assignmentFieldsSchema = z
  .object({
    regionId: z.string().min(1),
    origin: z.enum(ASSIGNMENT_ORIGINS),
    /** A decision: the meeting and agenda item it was taken under, and its place among the item's decisions. */
    meetingId: optionalId,
    agendaItemId: optionalId,
    position: positionKey.optional(),
    /** Texts per language; at least one. */
    textRu: optionalText(10_000),
    textKk: optionalText(10_000),
    /** A set: the responsible bodies (organizations). A draft decision may have none yet. */
    responsibleOrgIds: z.array(uuidV7).max(50, { error: 'too_many' }),
    deadline: deadlineSchema.optional(),
    status: z.enum(ASSIGNMENT_STATUSES),
    /** A set: projects of the register the assignment concerns. */
    projectIds: z.array(uuidV7).max(200, { error: 'too_many' }),
    /** An instruction from above: who gave it, when, its number. */
    sourceKind: z.enum(DIRECTIVE_SOURCES).optional(),
    sourceDate: optionalDate,
    sourceNumber: optionalText(100),
    sourceTitle: optionalText(500),
    /** A set: zones (SEZ, industrial zones) that carry it out. */
    zoneIds: z.array(z.string().min(1).max(100)).max(50, { error: 'too_many' }),
    /** A set: meetings that took it up. */
    meetingIds: z.array(uuidV7).max(200, { error: 'too_many' }),
    /** The instruction from above a decision carries out. */
    directiveId: optionalId,
  })
  .superRefine((a, ctx) => {
    if (!a.textRu && !a.textKk) ctx.addIssue({ code: 'custom', path: ['textRu'], message: 'required' });
    if (a.origin === 'decision' && (!a.meetingId || !a.agendaItemId || !a.position)) {
      ctx.addIssue({ code: 'custom', path: ['agendaItemId'], message: 'required' });
    }
    if (a.origin === 'directive' && !a.sourceKind) ctx.addIssue({ code: 'custom', path: ['sourceKind'], message: 'required' });
  });
export type AssignmentFieldsInput = z.input<typeof assignmentFieldsSchema>;
export type AssignmentFields = z.output<typeof assignmentFieldsSchema>;
export type Assignment = RecordMetaOf<AssignmentFields>;

/** A deadline extension: from which date to which, why (required), when, by whom. */
export const extensionFieldsSchema = z
  .object({
    assignmentId: uuidV7,
    fromDue: optionalDate,
    toDue: isoDate,
    reason: plainText(2000).pipe(z.string().min(1, { error: 'required' })),
    on: isoDate,
    by: z.string().max(200),
  })
  .superRefine((e, ctx) => {
    if (e.fromDue && e.toDue <= e.fromDue) ctx.addIssue({ code: 'custom', path: ['toDue'], message: 'not_later' });
  });
export type ExtensionFields = z.output<typeof extensionFieldsSchema>;
export type Extension = RecordMetaOf<ExtensionFields>;

/** An execution report (информация об исполнении): date, text, who reported. */
export const reportFieldsSchema = z.object({
  assignmentId: uuidV7,
  on: isoDate,
  text: plainText(10_000).pipe(z.string().min(1, { error: 'required' })),
  by: z.string().max(300),
});
export type ReportFields = z.output<typeof reportFieldsSchema>;
export type Report = RecordMetaOf<ReportFields>;

/** A day moved by a Government decree: a day off on a weekday, or a working Saturday. */
export const calendarDayFieldsSchema = z.object({
  date: isoDate,
  kind: z.enum(['day_off', 'workday']),
  note: optionalText(300),
});
export type CalendarDayFields = z.output<typeof calendarDayFieldsSchema>;
export type CalendarDay = RecordMetaOf<CalendarDayFields>;
