// The sync contract, declared once for the client and the server (DESIGN §4): the synced tables,
// field names (plain fields and set elements), an outbox entry, a server change row, the push and
// pull bodies and the error codes. Every body that crosses the wire is parsed with these schemas.
import { z } from 'zod';
import { isoInstant, uuidV7 } from '../domain/record';

/** Every table whose records travel through sync, in the order a pull applies them (parents first). */
export const SYNCED_TABLES = [
  'people', 'organizations', 'projects', 'barriers', 'stageLog', 'investmentStats',
  'meetings', 'agendaItems', 'attendance', 'minutes', 'assignments', 'extensions', 'reports', 'calendarDays',
  // Metadata of files attached to projects, meetings and assignments (their bytes stay on each computer).
  'attachments',
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

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}(\/.{1,136})?$/s;
const MAX_FIELD_NAME = 200;
/** A field name: a plain identifier, or `field/element` for one element of a set field. */
export const fieldNameSchema = z.string().max(MAX_FIELD_NAME).regex(FIELD_NAME, { message: 'invalid_field' });

/** Field names seen valid lately: a page names the same few fields thousands of times. */
const validNames = new Set<string>();
function isFieldName(name: string): boolean {
  if (validNames.has(name)) return true;
  if (name.length > MAX_FIELD_NAME || !FIELD_NAME.test(name)) return false;
  if (validNames.size >= 4096) validNames.clear();
  validNames.add(name);
  return true;
}

/**
 * Values by field name (a compact change's `values`): the same check as
 * `z.record(fieldNameSchema, z.unknown())` on a JSON object, at a fraction of its cost per field.
 */
const fieldValuesSchema = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).every(isFieldName),
  { message: 'invalid_field' },
);

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
    /** Display name of the signed-in user who pushed the change (for the audit log). */
    by: z.string().max(200).optional(),
    /** When the server stored the change (server clock). */
    at: isoInstant.optional(),
  })
  .strict();
export type ChangeRow = z.infer<typeof changeRowSchema>;

/**
 * A change as a compact pull page carries it ({@link PULL_COMPACT_FEATURE}): the stamp most of its
 * fields share written once (`hlc`), those fields' values by name (`values`), and any field stamped
 * otherwise as in a change row (`fields`). One write stamps all its fields alike, so a change
 * usually has no `fields`; without the repeated stamps a first sync's pages are about 40 % smaller
 * (and so quicker to decode, parse and check). Read as the {@link ChangeRow} it stands for; a field
 * named in both `values` and `fields` is refused.
 */
export const compactChangeRowSchema = changeRowSchema
  .extend({ hlc: hlcStampSchema, values: fieldValuesSchema, fields: changeRowSchema.shape.fields.optional() })
  .superRefine((c, ctx) => {
    if (!c.fields) return;
    for (const name of Object.keys(c.fields)) if (Object.hasOwn(c.values, name)) ctx.addIssue({ code: 'custom', path: ['fields', name], message: 'field_twice' });
  })
  .transform((c): ChangeRow => {
    const change: ChangeRow = { version: c.version, table: c.table, recordId: c.recordId, fields: joinStamped(c) };
    if (c.by !== undefined) change.by = c.by;
    if (c.at !== undefined) change.at = c.at;
    return change;
  });
export type CompactChangeRow = z.input<typeof compactChangeRowSchema>;

/**
 * A change's fields as a compact change carries them (and the log stores them): the stamp most of
 * them share (`hlc`), their values by name (`values`), and the fields stamped otherwise (`fields`,
 * only when there are any).
 */
export type StampedParts = { hlc: string; values: Record<string, unknown>; fields?: ChangeRow['fields'] | undefined };

/** Splits a change's fields by their most common stamp ({@link StampedParts}); null when it has none. */
export function splitByStamp(fields: ChangeRow['fields']): StampedParts | null {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  const counts = new Map<string, number>();
  let hlc = entries[0]![1].hlc;
  for (const [, f] of entries) {
    const n = (counts.get(f.hlc) ?? 0) + 1;
    counts.set(f.hlc, n);
    if (n > (counts.get(hlc) ?? 0)) hlc = f.hlc;
  }
  const values: Record<string, unknown> = {};
  const others: ChangeRow['fields'] = {};
  for (const [name, f] of entries) {
    if (f.hlc === hlc) values[name] = f.value;
    else others[name] = f;
  }
  return counts.size > 1 ? { hlc, values, fields: others } : { hlc, values };
}

/** The change's fields {@link splitByStamp} split, each with its stamp again. */
export function joinStamped(parts: StampedParts): ChangeRow['fields'] {
  const fields: ChangeRow['fields'] = {};
  for (const [name, value] of Object.entries(parts.values)) fields[name] = { value, hlc: parts.hlc };
  if (parts.fields) Object.assign(fields, parts.fields);
  return fields;
}

/**
 * A change row written compact (what {@link compactChangeRowSchema} reads back as the same row):
 * the stamp most of its fields carry once. A change without fields stays as it is.
 */
export function compactChange(change: ChangeRow): CompactChangeRow | ChangeRow {
  const parts = splitByStamp(change.fields);
  if (!parts) return change;
  const compact: CompactChangeRow = { version: change.version, table: change.table, recordId: change.recordId, ...parts };
  if (change.by !== undefined) compact.by = change.by;
  if (change.at !== undefined) compact.at = change.at;
  return compact;
}

/** Error codes every sync endpoint may answer with. */
export const SYNC_ERROR_CODES = [
  'bad_request', 'unauthorized', 'forbidden', 'payload_too_large', 'clock_ahead', 'seq_gap', 'schema_outdated', 'rate_limited', 'server_error',
  'not_found',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
/**
 * An error answer. `serverTime` (ms since the epoch, server clock) comes with every error, so a
 * refused client can measure its clock's offset; `lastSeq` comes with `seq_gap` (the last seq the
 * server applied for that client: push again from `lastSeq + 1`); `entrySeq` comes when one entry of
 * a push is refused for itself (`bad_request`, `forbidden`): the seq of that entry — nothing of the
 * batch was stored, and the batch without it may be pushed again.
 */
export const syncErrorSchema = z
  .object({
    code: z.enum(SYNC_ERROR_CODES), message: z.string().max(2000), serverTime: z.number().int().optional(), lastSeq: z.number().int().nonnegative().optional(),
    entrySeq: z.number().int().positive().optional(),
  })
  .strict();
export type SyncError = z.infer<typeof syncErrorSchema>;

/** Largest batch a client pushes at once. */
export const MAX_PUSH_ENTRIES = 1000;

/** A region (workspace) id, as in shared/geo/regions.ts: the partition every record lives in. */
export const regionIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, { message: 'invalid_region' });

/**
 * A guarded field's change the server did not apply (DESIGN §4): the server's value had changed
 * since the value the clerk saw (`base`) and differs from the clerk's. The server keeps its value;
 * the clerk picks one (pushing the pick with `base` = `serverHlc` applies it).
 */
export const pushConflictSchema = z
  .object({
    seq: z.number().int().positive(),
    table: syncedTableSchema,
    recordId: uuidV7,
    field: fieldNameSchema,
    /** The stamp the clerk's edit was based on (null: the field had none). */
    base: hlcStampSchema.nullable(),
    /** The value the clerk pushed, and its stamp. */
    value: z.unknown(),
    hlc: hlcStampSchema,
    /** The value the server kept, and its stamp. */
    serverValue: z.unknown(),
    serverHlc: hlcStampSchema.nullable(),
  })
  .strict();
export type PushConflict = z.infer<typeof pushConflictSchema>;

/**
 * `POST /api/v1/push`: the client's next outbox entries for one region, in `seq` order. Every entry
 * must carry its `seq`, consecutive from the server's `lastSeq + 1` (entries at or below `lastSeq`
 * are skipped as already applied); every entry's `clientId` equals the body's.
 */
export const pushRequestSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    /** The region (workspace) every entry of the batch belongs to. */
    regionId: regionIdSchema,
    entries: z.array(outboxItemSchema).max(MAX_PUSH_ENTRIES),
  })
  .strict();
/**
 * The acknowledgement: every entry up to `lastSeq` is applied (drop them from the outbox);
 * `version` is the region's log version after the push; `conflicts` lists the guarded-field
 * conflicts of this batch's entries — also those recorded when an earlier attempt of the same
 * batch was applied but its reply was lost, so a retry never loses one.
 */
export const pushResponseSchema = z
  .object({
    lastSeq: z.number().int().nonnegative(),
    version: z.number().int().nonnegative(),
    conflicts: z.array(pushConflictSchema),
    /** The server's clock (ms since the epoch) when it answered. */
    serverTime: z.number().int(),
  })
  .strict();

/** A document update in a pull (a Yjs update, base64). Compacted updates have no `by`. */
export const docRowSchema = z
  .object({ version: z.number().int().positive(), docId: docIdSchema, update: z.base64(), by: z.string().max(200).optional() })
  .strict();
export type DocRow = z.infer<typeof docRowSchema>;

/** Largest page a pull returns (changes and documents together). */
export const MAX_PULL_LIMIT = 5000;

/** `GET /api/v1/pull?region=&since=&limit=`: the region's log after version `since`. */
export const pullQuerySchema = z
  .object({
    region: regionIdSchema,
    since: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
  })
  .strict();
export type PullQuery = z.infer<typeof pullQuerySchema>;

/**
 * The request header in which a client names what it understands beyond the first version of
 * the protocol (comma-separated). A server adds such a field only for a client that names it, so
 * a client that checks answers strictly never meets a field it does not know.
 */
export const SYNC_FEATURES_HEADER = 'x-hattama-features';
/** Feature: a pull page that has more after it says how many items are left (`remaining`). */
export const PULL_REMAINING_FEATURE = 'pull-remaining';
/** Feature: a pull page's changes come compact ({@link compactChangeRowSchema}). */
export const PULL_COMPACT_FEATURE = 'pull-compact';
/** What this build's clients send in {@link SYNC_FEATURES_HEADER}. */
export const CLIENT_SYNC_FEATURES = [PULL_REMAINING_FEATURE, PULL_COMPACT_FEATURE].join(',');

/**
 * Response header of a pull page: where the next page starts (the page's `version`), or nothing
 * when no page follows — so a client can ask for the next page as soon as the headers arrive,
 * while this page's body is still read and checked. A client takes the body's `version` as the
 * truth: an answer whose header disagrees only loses the head start.
 */
export const PULL_NEXT_HEADER = 'x-hattama-pull-next';

/**
 * One page of the log in version order: record changes and document updates (each list in
 * version order; `version` is the cursor to store — the last item's version, or `since` when
 * the page is empty); `more` says another page follows. `remaining`: how many changes and
 * document updates follow this page, for a client that asked ({@link PULL_REMAINING_FEATURE})
 * and when `more`. A client that asked for {@link PULL_COMPACT_FEATURE} gets its changes compact.
 */
export const pullResponseSchema = z
  .object({
    /** Compact ({@link PULL_COMPACT_FEATURE}) or whole, each read as a {@link ChangeRow}. */
    changes: z.array(z.union([compactChangeRowSchema, changeRowSchema])),
    docs: z.array(docRowSchema),
    version: z.number().int().nonnegative(),
    more: z.boolean(),
    remaining: z.number().int().nonnegative().optional(),
    serverTime: z.number().int(),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResponse = z.infer<typeof pushResponseSchema>;
export type PullResponse = z.infer<typeof pullResponseSchema>;
/** A pull page as the server writes it: its changes compact or whole (read as {@link PullResponse}). */
export type PullResponseBody = z.input<typeof pullResponseSchema>;

/** The sync protocol's schema version this code speaks (sent in every push). */
export const SYNC_SCHEMA_VERSION = 1;
/** The oldest schema version the server still accepts; older clients get `schema_outdated`. */
export const MIN_SYNC_SCHEMA_VERSION = 1;

/** Where the server's versioned API lives. */
export const SYNC_API_PREFIX = '/api/v1';

/** The HTTP status that comes with each error code. */
export const SYNC_ERROR_STATUS: Readonly<Record<SyncErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  seq_gap: 409,
  payload_too_large: 413,
  clock_ahead: 422,
  schema_outdated: 426,
  rate_limited: 429,
  server_error: 500,
};

export const USER_ROLES = ['admin', 'clerk', 'viewer'] as const;
/** admin and clerk write; a viewer only reads. */
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** `POST /api/v1/login`. */
export const loginRequestSchema = z
  .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Who is signed in: `regions` are the granted region ids; `allRegions` grants every region. */
export const sessionUserSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: userRoleSchema,
    regions: z.array(regionIdSchema),
    allRegions: z.boolean(),
  })
  .strict();
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * The answer to a login and to `GET /api/v1/session`: an opaque bearer token (send it as
 * `Authorization: Bearer <token>`), when it expires, and the user.
 */
export const loginResponseSchema = z
  .object({ token: z.string().min(32).max(200), expiresAt: isoInstant, user: sessionUserSchema, serverTime: z.number().int() })
  .strict();
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export const sessionResponseSchema = z.object({ expiresAt: isoInstant, user: sessionUserSchema, serverTime: z.number().int() }).strict();
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** `GET /api/v1/health`: no token needed. */
export const healthResponseSchema = z
  .object({ status: z.literal('ok'), schemaVersion: z.number().int(), minSchemaVersion: z.number().int(), serverTime: z.number().int() })
  .strict();
export type HealthResponse = z.infer<typeof healthResponseSchema>;
