// The whole-workspace archive (.zip) for moving to a new laptop: every synced table, the field
// clocks, the settings, the minutes' text updates and the unsent changes as JSON, the attachments'
// bytes, and a manifest with versions, counts and the SHA-256 of every file. Reading one checks
// EVERYTHING (manifest, every checksum, every record against its table's schema) before it hands
// anything back, so a broken archive is refused whole and the caller writes nothing.
// Pure: the hash function is passed in (crypto.subtle in the browser, node:crypto in Node).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { isoInstant, recordMeta, uuidV7 } from '../domain/record';
import { SYNCED_TABLES, docIdSchema, fieldNameSchema, hlcStampSchema, outboxItemSchema, syncedTableSchema, type SyncedTable } from '../sync/contract';
import { MAX_ATTACHMENT_BYTES, isSha256Hex, sha256HexSchema } from '../attachments/policy';
import { TABLE_FIELD_SCHEMAS } from './table-schemas';

/** The archive's format name and version (the manifest's `format` / `formatVersion`). */
export const ARCHIVE_FORMAT = 'hattama-workspace';
export const ARCHIVE_FORMAT_VERSION = 1;
/** The first database schema version archives are made from (attachments came with it). */
export const MIN_ARCHIVE_SCHEMA_VERSION = 7;

/** Largest archive file read (the zip itself) and largest total of its unpacked files. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;
/** Most files an archive may hold. */
export const MAX_ARCHIVE_FILES = 200_000;

export const MANIFEST_PATH = 'manifest.json';
const DATA_PREFIX = 'data/';
const FILES_PREFIX = 'attachments/';

/** Hashes bytes to lower-case hex SHA-256. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/** A stored record as the archive carries it: meta and fields, no derived local fields. */
export type ArchiveRecord = z.infer<typeof recordMeta> & Record<string, unknown>;
export type ArchiveDocUpdate = { docId: string; update: Uint8Array; at: string };
export type ArchiveFieldClock = { key: string; clock: Record<string, string> };
export type ArchiveSetting = { key: string; value: unknown };
export type ArchiveOutboxItem = z.infer<typeof outboxItemSchema>;

/** One entry of the change history (who changed what and when). */
export const archiveAuditSchema = z
  .object({
    at: isoInstant,
    actor: z.string().max(300),
    table: syncedTableSchema,
    recordId: uuidV7,
    action: z.enum(['create', 'update', 'delete', 'restore']),
    changes: z.array(z.object({ field: z.string().max(200), from: z.unknown(), to: z.unknown() }).strict()).max(10_000),
  })
  .strict();
export type ArchiveAuditEntry = z.infer<typeof archiveAuditSchema>;

/** What a workspace is made of, as the archive carries it. */
export type WorkspaceData = {
  tables: Record<SyncedTable, ArchiveRecord[]>;
  fieldClocks: ArchiveFieldClock[];
  settings: ArchiveSetting[];
  docUpdates: ArchiveDocUpdate[];
  /** Changes not yet pushed to the server (kept, so moving a laptop loses none). */
  outbox: ArchiveOutboxItem[];
  /** The change history shown on each record's card. */
  auditLog: ArchiveAuditEntry[];
};

/** The data and the attachments' bytes by SHA-256. */
export type WorkspaceContent = { data: WorkspaceData; files: ReadonlyMap<string, Uint8Array> };

const EXTRA_PARTS = ['fieldClocks', 'settings', 'docUpdates', 'outbox', 'auditLog'] as const;
type Part = SyncedTable | (typeof EXTRA_PARTS)[number];
const PARTS: readonly Part[] = [...SYNCED_TABLES, ...EXTRA_PARTS];

const countSchema = z.number().int().min(0);

export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
    appVersion: z.string().min(1).max(50),
    schemaVersion: z.number().int().min(MIN_ARCHIVE_SCHEMA_VERSION),
    createdAt: isoInstant,
    /** Records per table and part, and `attachments`: attachment files carried. */
    counts: z.record(z.string(), countSchema),
    /** Every file of the archive but the manifest, with its SHA-256 and size. */
    files: z
      .array(z.object({ path: z.string().min(1).max(200).regex(/^(data\/[A-Za-z]+\.json|attachments\/[0-9a-f]{64})$/), sha256: sha256HexSchema, size: countSchema }).strict())
      .max(MAX_ARCHIVE_FILES),
  })
  .strict();
export type ArchiveManifest = z.infer<typeof manifestSchema>;

/** Why an archive was refused; `detail` says where (a file, a table and record). */
export type ArchiveErrorCode =
  | 'too_large' | 'not_zip' | 'no_manifest' | 'bad_manifest' | 'newer_schema' | 'missing_file' | 'extra_file'
  | 'checksum' | 'bad_json' | 'bad_record' | 'count_mismatch' | 'duplicate_id';

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    readonly detail = '',
  ) {
    super(`Workspace archive refused (${code})${detail ? `: ${detail}` : ''}`);
    this.name = 'ArchiveError';
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Bytes to standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += B64.charAt(a >> 2) + B64.charAt(((a & 3) << 4) | (b >> 4));
    out += i + 1 < bytes.length ? B64.charAt(((b & 15) << 2) | (c >> 6)) : '=';
    out += i + 2 < bytes.length ? B64.charAt(c & 63) : '=';
  }
  return out;
}

/** Standard base64 to bytes; throws on anything else. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('invalid base64');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => B64_INDEX.get(text[i + k] ?? '=') ?? 0);
    const v = ((n[0] ?? 0) << 18) | ((n[1] ?? 0) << 12) | ((n[2] ?? 0) << 6) | (n[3] ?? 0);
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

function partJson(data: WorkspaceData, part: Part): unknown[] {
  if (part === 'docUpdates') return data.docUpdates.map((d) => ({ docId: d.docId, update: bytesToBase64(d.update), at: d.at }));
  if (part === 'fieldClocks' || part === 'settings' || part === 'outbox' || part === 'auditLog') return data[part];
  return data.tables[part];
}

/** Counts of a workspace: records per table and part, and attachment files. */
export function countsOf(content: WorkspaceContent): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const part of PARTS) counts[part] = partJson(content.data, part).length;
  counts.attachmentFiles = content.files.size;
  return counts;
}

/**
 * Packs a workspace into a .zip: one JSON file per table and part, one file per attachment, and
 * the manifest.
 */
export async function buildWorkspaceArchive(
  content: WorkspaceContent,
  opts: { appVersion: string; schemaVersion: number; now: Date; sha256: Sha256 },
): Promise<Uint8Array> {
  const zip: Zippable = {};
  const files: ArchiveManifest['files'] = [];
  for (const part of PARTS) {
    const bytes = strToU8(JSON.stringify(partJson(content.data, part)));
    const path = `${DATA_PREFIX}${part}.json`;
    zip[path] = bytes;
    files.push({ path, sha256: await opts.sha256(bytes), size: bytes.byteLength });
  }
  for (const [sha, bytes] of [...content.files].sort(([a], [b]) => a.localeCompare(b))) {
    const path = `${FILES_PREFIX}${sha}`;
    // Photos and PDFs are compressed already: stored, not deflated again.
    zip[path] = [bytes, { level: 0 }];
    files.push({ path, sha256: await opts.sha256(bytes), size: bytes.byteLength });
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, appVersion: opts.appVersion, schemaVersion: opts.schemaVersion,
    createdAt: opts.now.toISOString(), counts: countsOf(content), files,
  };
  zip[MANIFEST_PATH] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(zip, { level: 6, mtime: opts.now });
}

const fieldClockSchema = z.object({ key: z.string().max(100).regex(/^[A-Za-z]+\/[0-9a-f-]{36}$/), clock: z.record(fieldNameSchema, hlcStampSchema) }).strict();
const settingSchema = z.object({ key: z.string().min(1).max(200), value: z.unknown() }).strict();
const docUpdateSchema = z.object({ docId: docIdSchema, update: z.string().max(64 * 1024 * 1024), at: isoInstant }).strict();

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(record)'} ${i.message}`).join('; ');
}

/** A record read back: meta checked, fields checked against its table's schema. */
function checkRecord(table: SyncedTable, raw: unknown, index: number): ArchiveRecord {
  const where = `${table}[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ArchiveError('bad_record', `${where}: not an object`);
  const { id, createdAt, updatedAt, deletedAt, ...fields } = raw as Record<string, unknown>;
  const meta = recordMeta.strict().safeParse({ id, createdAt, updatedAt, deletedAt });
  if (!meta.success) throw new ArchiveError('bad_record', `${where}: ${describe(meta.error)}`);
  const parsed = TABLE_FIELD_SCHEMAS[table].safeParse(fields);
  if (!parsed.success) throw new ArchiveError('bad_record', `${where} (${meta.data.id}): ${describe(parsed.error)}`);
  return { ...(parsed.data as Record<string, unknown>), ...meta.data };
}

function parseJsonArray(bytes: Uint8Array, path: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(bytes));
  } catch {
    throw new ArchiveError('bad_json', path);
  }
  if (!Array.isArray(value)) throw new ArchiveError('bad_json', `${path}: not a list`);
  return value;
}

function checkAll<T>(schema: z.ZodType<T>, items: unknown[], part: string): T[] {
  return items.map((item, i) => {
    const r = schema.safeParse(item);
    if (!r.success) throw new ArchiveError('bad_record', `${part}[${i}]: ${describe(r.error)}`);
    return r.data;
  });
}

/** The manifest of an archive that was read and checked, with what it holds. */
export type CheckedArchive = { manifest: ArchiveManifest; content: WorkspaceContent };

/**
 * Reads an archive and checks everything: the zip, the manifest (zod), that the files are exactly
 * those the manifest lists, every checksum and size, every record against its schema, the counts,
 * that record ids are unique, and that every attachment file is named by its own hash.
 * @throws ArchiveError — nothing of a refused archive is returned
 */
export async function readWorkspaceArchive(
  bytes: Uint8Array,
  opts: { sha256: Sha256; maxSchemaVersion: number; /** Default {@link MAX_UNPACKED_BYTES}. */ maxUnpackedBytes?: number },
): Promise<CheckedArchive> {
  const maxUnpacked = opts.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) throw new ArchiveError('too_large');
  let unpacked: Record<string, Uint8Array>;
  try {
    let total = 0;
    let count = 0;
    unpacked = unzipSync(bytes, {
      filter: (f) => {
        // A zip bomb is refused before it is inflated: by the sizes the zip declares.
        total += f.originalSize;
        count += 1;
        if (total > maxUnpacked || count > MAX_ARCHIVE_FILES) throw new ArchiveError('too_large');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError('not_zip');
  }
  const manifestBytes = unpacked[MANIFEST_PATH];
  if (!manifestBytes) throw new ArchiveError('no_manifest');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new ArchiveError('bad_manifest', 'not JSON');
  }
  const parsed = manifestSchema.safeParse(manifestJson);
  if (!parsed.success) throw new ArchiveError('bad_manifest', describe(parsed.error));
  const manifest = parsed.data;
  if (manifest.schemaVersion > opts.maxSchemaVersion) throw new ArchiveError('newer_schema', String(manifest.schemaVersion));

  // Exactly the listed files, each with its size and hash.
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) throw new ArchiveError('bad_manifest', 'a file is listed twice');
  for (const name of Object.keys(unpacked)) {
    if (name !== MANIFEST_PATH && !listed.has(name)) throw new ArchiveError('extra_file', name);
  }
  for (const f of manifest.files) {
    const data = unpacked[f.path];
    if (!data) throw new ArchiveError('missing_file', f.path);
    if (data.byteLength !== f.size || (await opts.sha256(data)) !== f.sha256) throw new ArchiveError('checksum', f.path);
  }
  for (const part of PARTS) if (!listed.has(`${DATA_PREFIX}${part}.json`)) throw new ArchiveError('missing_file', `${DATA_PREFIX}${part}.json`);

  const json = (part: Part) => parseJsonArray(unpacked[`${DATA_PREFIX}${part}.json`] as Uint8Array, part);
  const tables = {} as Record<SyncedTable, ArchiveRecord[]>;
  for (const table of SYNCED_TABLES) {
    const rows = json(table).map((raw, i) => checkRecord(table, raw, i));
    const ids = new Set(rows.map((r) => r.id));
    if (ids.size !== rows.length) throw new ArchiveError('duplicate_id', table);
    tables[table] = rows;
  }
  const fieldClocks = checkAll(fieldClockSchema, json('fieldClocks'), 'fieldClocks');
  for (const c of fieldClocks) {
    if (!(SYNCED_TABLES as readonly string[]).includes(c.key.slice(0, c.key.indexOf('/')))) throw new ArchiveError('bad_record', `fieldClocks: ${c.key}`);
  }
  const settings = checkAll(settingSchema, json('settings'), 'settings') as ArchiveSetting[];
  const docUpdates = checkAll(docUpdateSchema, json('docUpdates'), 'docUpdates').map((d, i) => {
    try {
      return { docId: d.docId, update: base64ToBytes(d.update), at: d.at };
    } catch {
      throw new ArchiveError('bad_record', `docUpdates[${i}]: update is not base64`);
    }
  });
  const outbox = checkAll(outboxItemSchema, json('outbox'), 'outbox');
  const auditLog = checkAll(archiveAuditSchema, json('auditLog'), 'auditLog');

  const files = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    if (!f.path.startsWith(FILES_PREFIX)) continue;
    const sha = f.path.slice(FILES_PREFIX.length);
    // The file's name is its hash: the listed hash must be that hash (checked against the bytes above).
    if (!isSha256Hex(sha) || sha !== f.sha256) throw new ArchiveError('checksum', f.path);
    const data = unpacked[f.path] as Uint8Array;
    if (data.byteLength > MAX_ATTACHMENT_BYTES) throw new ArchiveError('bad_record', `${f.path}: larger than an attachment may be`);
    files.set(sha, data);
  }
  const content: WorkspaceContent = { data: { tables, fieldClocks, settings, docUpdates, outbox, auditLog }, files };
  const counts = countsOf(content);
  for (const [key, n] of Object.entries(counts)) {
    if (manifest.counts[key] !== n) throw new ArchiveError('count_mismatch', `${key}: manifest ${manifest.counts[key] ?? 'none'}, archive ${n}`);
  }
  return { manifest, content };
}
