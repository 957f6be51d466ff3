// Taking a snapshot of the local database (issue 11): every table read in one read transaction (a
// consistent state), written as JSON table by table, gzip-compressed, with a manifest that counts
// the rows and carries the payload's SHA-256. Binary values (the minutes' Yjs updates) travel as
// base64. Our own dump rather than dexie-export-import: it reads each table with one getAll and
// compresses natively, which the 100,000-project benchmark needs; and it leaves out what the app
// derives or caches (board rows, control rows, their saved snapshots), which the restore rebuilds.
import type { Dexie, Table } from 'dexie';
import { encodeBackupFile, type BackupManifest, type BackupReason } from '@shared/backup/snapshot-format';
import { gzipParts, sha256Hex } from './codec';
import { toBase64 } from '../db/doc-store';

/** A binary value in the payload's JSON. */
export const BYTES_KEY = '$bytes';
/** The payload's own key naming the tables that hold binary values. */
export const BINARY_TABLES_KEY = '$binary';

/**
 * Projections the repository derives from other tables (the board's rows, the control rows): not
 * in a snapshot — a third of a large register's bytes — and rebuilt by the restore.
 */
export const DERIVED_TABLES: readonly string[] = ['boardRows', 'controlRows'];
/**
 * Local caches kept in `settings` (the board's, the control rows' and the dashboard's saved
 * snapshots, rebuilt when missing): not in a snapshot either, and not even read — for a large
 * register they hold megabytes.
 */
export const CACHE_SETTINGS: readonly string[] = ['board.snapshot', 'control.snapshot', 'dashboard.facts'];

export type SnapshotOptions = {
  appVersion: string;
  reason: BackupReason;
  now: Date;
};

export type Snapshot = { bytes: Uint8Array<ArrayBuffer>; manifest: BackupManifest };

/** The sync client id stored in the database ('' before the first write). */
async function storedClientId(db: Dexie): Promise<string> {
  const row = (await db.table('syncState').get('client')) as { clientId?: string } | undefined;
  return row?.clientId ?? '';
}

async function lastKey(table: Table): Promise<string> {
  const keys = await table.toCollection().reverse().limit(1).primaryKeys();
  return String(keys[0] ?? 0);
}

/**
 * What the database has seen: the last change-log entry, document update and outbox key, how many
 * changes wait, and the pulled cursor. Every local write and every pulled change moves one of
 * them, so two equal markers mean nothing changed between (caches in `settings` do not count).
 */
export async function stateMarker(db: Dexie): Promise<string> {
  return db.transaction('r', ['auditLog', 'docUpdates', 'outbox', 'syncState'], async () => {
    const [audit, docs, outbox, pending, cursor] = await Promise.all([
      lastKey(db.table('auditLog')), lastKey(db.table('docUpdates')), lastKey(db.table('outbox')), db.table('outbox').count(),
      db.table('syncState').get('cursor') as Promise<{ version?: number; scope?: string } | undefined>,
    ]);
    return `a${audit}:d${docs}:o${outbox}/${pending}:c${cursor?.version ?? 0}@${cursor?.scope ?? ''}`;
  });
}

/** Takes a snapshot of every table of `db`; returns the whole file and its manifest. */
export async function takeSnapshot(db: Dexie, options: SnapshotOptions): Promise<Snapshot> {
  const tables = db.tables.filter((t) => !DERIVED_TABLES.includes(t.name));
  const read = await db.transaction('r', tables, async () => {
    const readTable = (t: Table) => (t.name === 'settings' ? t.where(':id').noneOf([...CACHE_SETTINGS]).toArray() : t.toArray());
    const [rows, marker, clientId] = await Promise.all([Promise.all(tables.map(readTable)), stateMarker(db), storedClientId(db)]);
    return { rows, marker, clientId };
  });
  const counts: Record<string, number> = {};
  const binary: string[] = [];
  const parts: string[] = ['{'];
  tables.forEach((table, i) => {
    const rows = read.rows[i] ?? [];
    counts[table.name] = rows.length;
    let hasBytes = false;
    const json = JSON.stringify(rows, (_key, value: unknown) => {
      if (value instanceof Uint8Array) {
        hasBytes = true;
        return { [BYTES_KEY]: toBase64(value) };
      }
      return value;
    });
    if (hasBytes) binary.push(table.name);
    parts.push(`${JSON.stringify(table.name)}:`, json, ',');
  });
  parts.push(`${JSON.stringify(BINARY_TABLES_KEY)}:${JSON.stringify(binary)}}`);
  const payload = await gzipParts(parts);
  const manifest: BackupManifest = {
    format: 'hattama-backup',
    formatVersion: 1,
    appVersion: options.appVersion,
    schemaVersion: db.verno,
    createdAt: options.now.toISOString(),
    clientId: read.clientId,
    reason: options.reason,
    tables: counts,
    marker: read.marker,
    compression: 'gzip',
    payloadBytes: payload.byteLength,
    sha256: await sha256Hex(payload),
  };
  return { bytes: encodeBackupFile(manifest, payload), manifest };
}
