// Taking a snapshot of the local database (issue 11): every table read in one read transaction (a
// consistent state), written as JSON table by table, gzip-compressed, with a manifest that counts
// the rows and carries the payload's SHA-256. Binary values (the minutes' Yjs updates) travel as
// base64. Our own dump rather than dexie-export-import: it reads each table in pages of a few
// thousand rows (a packed table's packs as they are stored) and hands the JSON, part by part, to a
// gzip worker (codec.ts), which compresses it natively while the next page is read — reading and
// compressing side by side, in parts of a few hundred kilobytes, is what the
// 100,000-project benchmark needs; and it leaves out what the app derives or caches (board rows,
// control rows, their saved snapshots), which the restore rebuilds.
import type { Dexie, IndexableType as IndexableKey, Table } from 'dexie';
import { encodeBackupFile, type BackupManifest, type BackupReason } from '@shared/backup/snapshot-format';
import { gzipHere, openGzipSink, sha256Hex, type GzipSink, type GzipThread } from './codec';
import { toBase64 } from '../db/doc-store';
import { LOCAL_SETTINGS } from '../db/local-settings';
import { PACK_SIZE, isPackedTable, readPacks } from '../db/packed-table';

/** A binary value in the payload's JSON. */
export const BYTES_KEY = '$bytes';
/** The payload's own key naming the tables that hold binary values. */
export const BINARY_TABLES_KEY = '$binary';

/**
 * Projections the repository derives from other tables (the board's rows, the control rows): not
 * in a snapshot — a third of a large register's bytes — and rebuilt by the restore.
 */
export const DERIVED_TABLES: readonly string[] = ['boardRows', 'controlRows'];

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

/**
 * Whether `value` holds bytes (a Uint8Array) anywhere. Only pages that do are written through the
 * replacer that turns bytes into base64: a replacer takes JSON.stringify off its fast path.
 */
function holdsBytes(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(holdsBytes);
  return Object.values(value).some(holdsBytes);
}

/** Rows read at a time: the next page is read while this one is written out. */
export const SNAPSHOT_PAGE = 5000;

/**
 * Rows written to JSON at a time, each part sent on to the gzip as it is made. Measured in
 * Chromium here on 100,000 projects (77 MB of JSON): parts of 5,000 rows took 1.7–2.5 s to write
 * and 2.0–2.6 s to encode as UTF-8; parts of 256, 0.6–1.0 s and 0.1–0.3 s (utf8.ts).
 */
export const JSON_PART = 256;

/**
 * Reads `table` page after page by primary key (inside the caller's transaction), handing each to
 * `write` while the next is read.
 */
async function readInPages(table: Table, write: (rows: unknown[]) => void): Promise<void> {
  if (isPackedTable(table)) return readPacksInPages(table, write);
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`Snapshot: the table ${table.name} has no inline primary key`);
  const keyOf = (row: unknown) => (row as Record<string, IndexableKey>)[keyPath] as IndexableKey;
  const page = (after: IndexableKey | undefined) =>
    (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(SNAPSHOT_PAGE).toArray();
  let next = page(undefined);
  for (;;) {
    const rows = await next;
    if (rows.length === SNAPSHOT_PAGE) next = page(keyOf(rows[rows.length - 1]));
    write(rows);
    if (rows.length < SNAPSHOT_PAGE) return;
  }
}

/** A packed table's records, its packs read page after page, each pack's records handed to `write`. */
async function readPacksInPages(table: Table, write: (rows: unknown[]) => void): Promise<void> {
  const packs = Math.max(1, Math.floor(SNAPSHOT_PAGE / PACK_SIZE));
  let next = readPacks(table, undefined, packs);
  for (;;) {
    const page = await next;
    const last = page[page.length - 1];
    if (page.length === packs && last) next = readPacks(table, last.id, packs);
    for (const pack of page) write(pack.records);
    if (page.length < packs) return;
  }
}

/**
 * Takes a snapshot of every table of `db`; returns the whole file, its manifest, and where its
 * gzip was made. The tables are read in pages in one read transaction (one consistent state), and
 * each page's JSON goes to a gzip worker as soon as it is written; should that worker fail
 * part-way, the snapshot is taken again with its gzip on this thread.
 */
export async function takeSnapshot(db: Dexie, options: SnapshotOptions): Promise<Snapshot & { gzip: GzipThread }> {
  const taken = await snapshotInto(openGzipSink(), db, options);
  if (taken) return taken;
  const again = await snapshotInto(gzipHere(), db, options);
  if (!again) throw new Error('Snapshot: the gzip on this thread gave nothing');
  return again;
}

/** A snapshot written to `sink`; null when the sink lost it (its worker failed). */
async function snapshotInto(sink: GzipSink, db: Dexie, options: SnapshotOptions): Promise<(Snapshot & { gzip: GzipThread }) | null> {
  const tables = db.tables.filter((t) => !DERIVED_TABLES.includes(t.name));
  const counts: Record<string, number> = {};
  const binary: string[] = [];
  const replacer = (table: string) => (_key: string, value: unknown) => {
    if (value instanceof Uint8Array) {
      if (!binary.includes(table)) binary.push(table);
      return { [BYTES_KEY]: toBase64(value) };
    }
    return value;
  };
  sink.write('{');
  const read = await db.transaction('r', tables, async () => {
    for (const table of tables) {
      let count = 0;
      sink.write(`${JSON.stringify(table.name)}:[`);
      const write = (rows: unknown[]) => {
        // The page in parts of JSON_PART rows: V8 writes (and the gzip worker encodes) a few
        // hundred kilobytes at a time several times faster than megabytes at once.
        for (let at = 0; at < rows.length; at += JSON_PART) {
          const part = rows.slice(at, at + JSON_PART);
          // The part's array without its brackets, after a comma from the part before.
          const json = holdsBytes(part) ? JSON.stringify(part, replacer(table.name)) : JSON.stringify(part);
          sink.write(`${count > 0 ? ',' : ''}${json.slice(1, -1)}`);
          count += part.length;
        }
      };
      // The settings but the caches (not even read: megabytes for a large register); the rest in pages.
      // The local caches in `settings` (db/local-settings.ts) are left out too, and not even read.
      if (table.name === 'settings') write(await table.where(':id').noneOf([...LOCAL_SETTINGS]).toArray());
      else await readInPages(table, write);
      sink.write('],');
      counts[table.name] = count;
    }
    const [marker, clientId] = await Promise.all([stateMarker(db), storedClientId(db)]);
    return { marker, clientId };
  }).catch((e: unknown) => {
    sink.abort();
    throw e;
  });
  sink.write(`${JSON.stringify(BINARY_TABLES_KEY)}:${JSON.stringify(binary)}}`);
  const gzipped = await sink.finish();
  if (!gzipped) return null;
  const { bytes: payload, thread } = gzipped;
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
  return { bytes: encodeBackupFile(manifest, payload), manifest, gzip: thread };
}
