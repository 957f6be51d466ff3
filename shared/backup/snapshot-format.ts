// The snapshot (backup) file of the local database, declared once for the renderer that makes and
// restores it and the main process that stores it. A file is a magic line, one line of manifest
// JSON (zod-checked: versions, when, whose, table counts, the SHA-256 of the payload), then the
// payload: the tables as JSON, gzip-compressed. The manifest can be read without decompressing
// anything (the main process lists 30 snapshots by reading their first bytes), and a truncated or
// damaged file is refused before a single byte of the payload is trusted.
import { z } from 'zod';

/** The file's first line. */
export const BACKUP_MAGIC = 'HATTAMA-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;
/** The file name extension of a snapshot. */
export const BACKUP_EXTENSION = '.hbak';
export const BACKUP_MIME = 'application/octet-stream';
/** Longest manifest line accepted (bytes). */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** Largest snapshot file the bridge carries (bytes, compressed). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/** Why a snapshot was taken. */
export const BACKUP_REASONS = ['auto', 'quit', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

export const backupManifestSchema = z
  .object({
    format: z.literal('hattama-backup'),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    /** The app version that wrote it. */
    appVersion: z.string().min(1).max(50),
    /** The local database's schema version (Dexie's `verno`). */
    schemaVersion: z.number().int().positive(),
    createdAt: z.iso.datetime({ offset: false }),
    /** The sync client id of the database it was taken from. */
    clientId: z.string().max(64),
    reason: z.enum(BACKUP_REASONS),
    /** Rows per table. */
    tables: z.record(tableName, z.number().int().min(0)).refine((t) => Object.keys(t).length <= 200, { message: 'Too many tables' }),
    /** What the database had seen when it was taken (see the renderer's stateMarker): equal markers, nothing changed between. */
    marker: z.string().max(500),
    compression: z.literal('gzip'),
    /** Size of the compressed payload that follows the manifest (bytes). */
    payloadBytes: z.number().int().min(0),
    /** SHA-256 of the compressed payload, hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Why a file is not a snapshot that can be restored; the UI says each in the clerk's words. */
export const BACKUP_ERROR_CODES = ['not_a_backup', 'bad_manifest', 'truncated', 'checksum', 'corrupt', 'newer_schema', 'newer_format'] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(readonly code: BackupErrorCode, message: string) {
    super(message);
  }
}

const NL = 0x0a;
const utf8 = new TextEncoder();
const MAGIC_LINE = utf8.encode(`${BACKUP_MAGIC}\n`);

/** Puts a snapshot file together: magic line, manifest line, payload. */
export function encodeBackupFile(manifest: BackupManifest, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = utf8.encode(`${JSON.stringify(backupManifestSchema.parse(manifest))}\n`);
  if (manifest.payloadBytes !== payload.byteLength) throw new Error('payloadBytes does not match the payload');
  const out = new Uint8Array(MAGIC_LINE.length + head.length + payload.byteLength);
  out.set(MAGIC_LINE, 0);
  out.set(head, MAGIC_LINE.length);
  out.set(payload, MAGIC_LINE.length + head.length);
  return out;
}

/**
 * Reads a snapshot's manifest from the start of its file (the whole file or only its first bytes).
 * @returns the manifest and where the payload starts
 * @throws BackupError `not_a_backup`, `newer_format` or `bad_manifest`
 */
export function readBackupHeader(bytes: Uint8Array): { manifest: BackupManifest; payloadOffset: number } {
  for (let i = 0; i < MAGIC_LINE.length; i++) {
    if (bytes[i] !== MAGIC_LINE[i]) throw new BackupError('not_a_backup', 'This file is not a Hattama snapshot');
  }
  const start = MAGIC_LINE.length;
  const limit = Math.min(bytes.length, start + MAX_MANIFEST_BYTES);
  let end = -1;
  for (let i = start; i < limit; i++) {
    if (bytes[i] === NL) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new BackupError(bytes.length < limit + 1 ? 'truncated' : 'bad_manifest', 'The snapshot\'s description is cut off or too long');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end)));
  } catch {
    throw new BackupError('bad_manifest', 'The snapshot\'s description cannot be read');
  }
  if (typeof json === 'object' && json !== null && typeof (json as { formatVersion?: unknown }).formatVersion === 'number'
    && (json as { formatVersion: number }).formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer_format', 'The snapshot was made by a newer version of the app');
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError('bad_manifest', `The snapshot's description is invalid (${parsed.error.issues.map((i) => i.path.join('.') || '(manifest)').join(', ')})`);
  return { manifest: parsed.data, payloadOffset: end + 1 };
}

/**
 * Checks a whole snapshot file: a valid manifest, the payload complete and its checksum right.
 * Nothing of the payload is decompressed or parsed here.
 * @param sha256 the digest function (Web Crypto, node:crypto or sha256HexSync)
 * @returns the manifest and the (still compressed) payload
 */
export async function verifyBackupFile(
  bytes: Uint8Array,
  sha256: (data: Uint8Array) => string | Promise<string>,
): Promise<{ manifest: BackupManifest; payload: Uint8Array }> {
  const { manifest, payloadOffset } = readBackupHeader(bytes);
  const payload = bytes.subarray(payloadOffset);
  if (payload.byteLength < manifest.payloadBytes) throw new BackupError('truncated', `The snapshot is incomplete: ${payload.byteLength} of ${manifest.payloadBytes} bytes`);
  if (payload.byteLength > manifest.payloadBytes) throw new BackupError('corrupt', 'The snapshot has bytes after its data');
  if ((await sha256(payload)) !== manifest.sha256) throw new BackupError('checksum', 'The snapshot\'s checksum does not match: the file is damaged');
  return { manifest, payload };
}

/** The file name a snapshot is stored under: its time (sortable) and why it was taken. */
export function backupFileName(manifest: Pick<BackupManifest, 'createdAt' | 'reason'>): string {
  const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  return `hattama-${stamp}-${manifest.reason}${BACKUP_EXTENSION}`;
}

/** A stored snapshot's file name as the bridge accepts it (no path, the snapshot extension). */
export const backupNameSchema = z.string().max(120).regex(/^hattama-[0-9TZ-]+-[a-z-]+(?:-\d+)?\.hbak$/, { message: 'Invalid snapshot name' });
