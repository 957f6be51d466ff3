// The sync contract, declared once for the client and the server (DESIGN §4): the synced tables,
// field names (plain fields and set elements), an outbox entry, a server change row, the push and
// pull bodies and the error codes. Every body that crosses the wire is parsed with these schemas.
import { z } from 'zod';
import { isoInstant, uuidV7 } from '../domain/record';

/** Every table whose records travel through sync, in the order a pull applies them (parents first). */
export const SYNCED_TABLES = [
  'people', 'organizations', 'projects', 'barriers', 'stageLog', 'investmentStats',
  'meetings', 'agendaItems', 'attendance', 'minutes', 'assignments', 'extensions', 'reports', 'calendarDays',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
export const syncedTableSchema = z.enum(SYNCED_TABLES);

/**
 * Fields of a table that are sets: each element is added or removed under its own clock, as the
 * field name `field/element` with the value `true` (present) or `false` (removed). Two clerks who
 * each add a tag offline both keep theirs.
 */
export const SET_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = {
  projects: ['tags'],
  agendaItems: ['projectIds'],
  minutes: ['languages'],
  assignments: ['responsibleOrgIds', 'projectIds', 'zoneIds', 'meetingIds'],
};

/** Separator between a set field's name and one of its elements in a field name. */
export const SET_ELEMENT_SEPARATOR = '/';

/** The field name that carries one element of a set field. */
export function setElementField(field: string, element: string): string {
  return `${field}${SET_ELEMENT_SEPARATOR}${element}`;
}

/** Splits `field/element` into its parts; null for a plain field name. */
export function parseSetElementField(name: string): { field: string; element: string } | null {
  const i = name.indexOf(SET_ELEMENT_SEPARATOR);
  return i < 0 ? null : { field: name.slice(0, i), element: name.slice(i + 1) };
}

/** An HLC stamp as `formatHlc` writes it (shared/sync/hlc.ts). */
export const hlcStampSchema = z.string().regex(/^\d{15}-[0-9a-z]{6}-[A-Za-z0-9_-]{1,64}$/, { message: 'invalid_hlc' });

/** A field name: a plain identifier, or `field/element` for one element of a set field. */
export const fieldNameSchema = z.string().max(200).regex(/^[A-Za-z][A-Za-z0-9]{0,63}(\/.{1,136})?$/s, { message: 'invalid_field' });

/** One field's new value and the stamp of that change. */
export const fieldChangeSchema = z.object({ value: z.unknown(), hlc: hlcStampSchema }).strict();

export const OUTBOX_OPS = ['upsert', 'delete', 'restore'] as const;

/** One record's change waiting to be pushed: which fields changed, to what, under which stamps. */
export const outboxEntrySchema = z
  .object({
    /** The client's own sequence number (its outbox key): the server skips a seq it has applied. */
    seq: z.number().int().positive().optional(),
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    table: syncedTableSchema,
    recordId: uuidV7,
    op: z.enum(OUTBOX_OPS),
    fields: z.record(fieldNameSchema, fieldChangeSchema),
    /** For guarded fields: the stamp of the value the clerk saw when editing (null: the field had none). */
    base: z.record(fieldNameSchema, hlcStampSchema.nullable()).optional(),
    at: isoInstant,
  })
  .strict();
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** A rich-text document's id (e.g. `minutes/<minutesId>/ru`). */
export const docIdSchema = z.string().min(1).max(200).regex(/^[a-z]+\/[0-9a-f-]{36}\/[a-z]{2}$/, { message: 'invalid_doc' });

/** Largest Yjs update one entry carries (base64 characters). */
export const MAX_DOC_UPDATE_CHARS = 8_000_000;

/**
 * A change of a rich-text document (the minutes' text): a Yjs update, base64-encoded, travelling
 * through the same outbox as record changes, under the same `(clientId, seq)` (DESIGN §4). Yjs
 * merges updates in any order and applying one twice changes nothing.
 */
export const docUpdateEntrySchema = z
  .object({
    seq: z.number().int().positive().optional(),
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    kind: z.literal('doc'),
    docId: docIdSchema,
    update: z.base64().max(MAX_DOC_UPDATE_CHARS),
    at: isoInstant,
  })
  .strict();
export type DocUpdateEntry = z.infer<typeof docUpdateEntrySchema>;

/** Anything the outbox holds: a record's change, or a document's update. */
export const outboxItemSchema = z.union([outboxEntrySchema, docUpdateEntrySchema]);
export type OutboxItem = OutboxEntry | DocUpdateEntry;

/** True for a record's change (not a document update). */
export function isRecordChange(item: OutboxItem): item is OutboxEntry {
  return !('kind' in item);
}

/** A change as the server's log orders it (`version` increases monotonically on the server). */
export const changeRowSchema = z
  .object({
    version: z.number().int().positive(),
    table: syncedTableSchema,
    recordId: uuidV7,
    fields: z.record(fieldNameSchema, fieldChangeSchema),
  })
  .strict();
export type ChangeRow = z.infer<typeof changeRowSchema>;

/** Error codes every sync endpoint may answer with. */
export const SYNC_ERROR_CODES = [
  'bad_request', 'unauthorized', 'forbidden', 'payload_too_large', 'clock_ahead', 'seq_gap', 'schema_outdated', 'rate_limited', 'server_error',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
export const syncErrorSchema = z.object({ code: z.enum(SYNC_ERROR_CODES), message: z.string().max(2000) }).strict();
export type SyncError = z.infer<typeof syncErrorSchema>;

/** Largest batch a client pushes at once. */
export const MAX_PUSH_ENTRIES = 1000;

export const pushRequestSchema = z
  .object({ schemaVersion: z.number().int().positive(), clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), entries: z.array(outboxItemSchema).max(MAX_PUSH_ENTRIES) })
  .strict();
export const pushResponseSchema = z.object({ lastSeq: z.number().int().nonnegative(), version: z.number().int().nonnegative() }).strict();
export const pullResponseSchema = z.object({ changes: z.array(changeRowSchema), version: z.number().int().nonnegative(), more: z.boolean() }).strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResponse = z.infer<typeof pushResponseSchema>;
export type PullResponse = z.infer<typeof pullResponseSchema>;
