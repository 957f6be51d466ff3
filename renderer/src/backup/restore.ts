// Restoring a snapshot (issue 11): the file is checked whole before anything is touched (manifest,
// size, checksum, gzip, JSON, every table known and its row count as the manifest says), a preview
// compares what it holds with the database now, and the restore replaces every table in one
// transaction — either the snapshot's state entirely or, on any failure, the state before.
// The restored database takes a new sync client id: the server has seen the old id's sequence
// numbers (possibly beyond what the snapshot knew) and would skip the same numbers as duplicates.
// The snapshot's unsent changes stay in the outbox and go out under the new id, numbered from 1.
import type { Dexie } from 'dexie';
import { BackupError, verifyBackupFile, type BackupManifest } from '@shared/backup/snapshot-format';
import { gunzipText, sha256Hex } from './codec';
import { BINARY_TABLES_KEY, BYTES_KEY } from './snapshot';
import { fromBase64 } from '../db/doc-store';
import { rebuildProjections } from '../db/repos';
import { changesIn, countOutbox, withClientId, type OutboxRow } from '../db/outbox';
import { packClocks } from '@shared/sync/packed-clocks';
import { clocksOfRow, type FieldClockRow, type HattamaDb } from '../db/db';

type Row = Record<string, unknown>;

/** A snapshot read and checked, ready to preview and restore. */
export type ParsedSnapshot = { manifest: BackupManifest; tables: ReadonlyMap<string, Row[]> };

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === 'object' && value !== null) {
    const obj = value as Row;
    const b = obj[BYTES_KEY];
    if (typeof b === 'string' && Object.keys(obj).length === 1) return fromBase64(b);
    for (const k of Object.keys(obj)) obj[k] = revive(obj[k]);
  }
  return value;
}

/**
 * Reads and checks a snapshot file against `db` (its tables, its schema version).
 * @throws BackupError with the reason; nothing is written either way
 */
export async function readSnapshot(db: Dexie, bytes: Uint8Array): Promise<ParsedSnapshot> {
  const { manifest, payload } = await verifyBackupFile(bytes, sha256Hex);
  if (manifest.schemaVersion > db.verno) {
    throw new BackupError('newer_schema', `The snapshot was made by a newer version of the app (database ${manifest.schemaVersion}, this app ${db.verno})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(await gunzipText(payload));
  } catch {
    throw new BackupError('corrupt', 'The snapshot\'s data cannot be read');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BackupError('corrupt', 'The snapshot\'s data is not a set of tables');
  const known = new Map(db.tables.map((t) => [t.name, t]));
  const binary = (data as Row)[BINARY_TABLES_KEY];
  const binaryTables = new Set(Array.isArray(binary) ? binary.filter((b): b is string => typeof b === 'string') : []);
  const tables = new Map<string, Row[]>();
  let legacyClocks: Row[] | null = null;
  for (const [name, rows] of Object.entries(data as Row)) {
    if (name === BINARY_TABLES_KEY) continue;
    if (name === LEGACY_CLOCKS && !known.has(name) && manifest.schemaVersion < 8) {
      if (!Array.isArray(rows) || rows.length !== manifest.tables[name]) throw new BackupError('corrupt', `The snapshot's table ${name} does not match its description`);
      legacyClocks = rows as Row[];
      continue;
    }
    const table = known.get(name);
    if (!table) throw new BackupError('corrupt', `The snapshot holds a table this app does not know: ${name}`);
    if (!Array.isArray(rows)) throw new BackupError('corrupt', `The snapshot's table ${name} is not a list`);
    if (rows.length !== manifest.tables[name]) throw new BackupError('corrupt', `The snapshot's table ${name} has ${rows.length} rows, its description says ${manifest.tables[name] ?? 0}`);
    const key = table.schema.primKey.keyPath;
    if (typeof key !== 'string') throw new BackupError('corrupt', `Table ${name} cannot be restored`);
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || Array.isArray(row) || (row as Row)[key] === undefined) {
        throw new BackupError('corrupt', `A row of the snapshot's table ${name} has no key`);
      }
    }
    tables.set(name, binaryTables.has(name) ? (rows.map(revive) as Row[]) : (rows as Row[]));
  }
  for (const name of Object.keys(manifest.tables)) {
    if (!tables.has(name) && !(name === LEGACY_CLOCKS && legacyClocks)) throw new BackupError('corrupt', `The snapshot's table ${name} is missing`);
  }
  if (legacyClocks) foldLegacyClocks(tables, legacyClocks);
  return { manifest, tables };
}

/** The store a snapshot made before schema 8 keeps the records' field clocks in (key `table/id`). */
const LEGACY_CLOCKS = 'fieldClocks';

/** A snapshot made before schema 8: each record's field clocks go into its row, as schema 8 keeps them. */
function foldLegacyClocks(tables: Map<string, Row[]>, clocks: readonly Row[]): void {
  const byKey = new Map<string, FieldClockRow>();
  for (const c of clocks) {
    if (typeof c !== 'object' || c === null || typeof c.key !== 'string') throw new BackupError('corrupt', 'A field-clock row of the snapshot has no key');
    byKey.set(c.key, c as FieldClockRow);
  }
  for (const [name, rows] of tables) {
    for (const row of rows) {
      const c = byKey.get(`${name}/${String(row.id)}`);
      if (c) row.clocks = packClocks(clocksOfRow(c));
    }
  }
}

/** The revisions of the board's and the control rows' projections (db/projections.ts). */
const PROJECTION_REVS = ['boardRev', 'controlRev'] as const;

/** The tables a preview shows, in the clerk's order. */
export const PREVIEW_TABLES = ['projects', 'meetings', 'minutes', 'assignments', 'people', 'organizations', 'investmentStats'] as const;
export type PreviewTable = (typeof PREVIEW_TABLES)[number] | 'outbox';

/** One line of the preview: records (not deleted) now and in the snapshot. */
export type PreviewLine = { table: PreviewTable; now: number; snapshot: number };

function aliveCount(rows: readonly Row[] | undefined): number {
  let n = 0;
  for (const r of rows ?? []) if (r.deletedAt === null || r.deletedAt === undefined) n++;
  return n;
}

/** What the snapshot holds against what the database holds now: live records per table and unsent changes. */
export async function previewRestore(db: Dexie, snapshot: ParsedSnapshot): Promise<PreviewLine[]> {
  const lines: PreviewLine[] = [];
  for (const table of PREVIEW_TABLES) {
    const now = await db.table(table).filter((r: Row) => r.deletedAt === null || r.deletedAt === undefined).count();
    lines.push({ table, now, snapshot: aliveCount(snapshot.tables.get(table)) });
  }
  lines.push({ table: 'outbox', now: await countOutbox(db), snapshot: changesIn((snapshot.tables.get('outbox') ?? []) as OutboxRow[]) });
  return lines;
}

/** The sync bookkeeping of the restored database under `clientId`: a new id, its clock's node, no push numbers yet. */
function resetSyncState(rows: readonly Row[], clientId: string): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    // The projections' bases are not in a snapshot: the restore builds them again.
    if (row.key === 'pushed' || row.key === 'pushBatch' || row.key === 'client' || row.key === 'boardBase' || row.key === 'controlBase') continue;
    if (row.key === 'clock' && typeof row.clock === 'object' && row.clock !== null) out.push({ ...row, clock: { ...(row.clock as Row), node: clientId } });
    else out.push(row);
  }
  out.push({ key: 'client', clientId });
  return out;
}

/**
 * Replaces the whole database with the snapshot, in one transaction, under a new sync client id.
 * Tables the snapshot does not have (made by an older version) are emptied; the board's and the
 * control rows' projections are rebuilt, under revisions newer than any before. The unsent changes
 * (outbox) are kept in their order and carry the new id; the push numbering starts again at 1.
 * @returns how many unsent changes were kept
 */
export async function restoreSnapshot(db: HattamaDb, snapshot: ParsedSnapshot, newClientId: string): Promise<{ unsent: number }> {
  let unsent = 0;
  await db.transaction('rw', db.tables, async () => {
    const revsBefore = await db.syncState.bulkGet([...PROJECTION_REVS]);
    for (const table of db.tables) await table.clear();
    for (const table of db.tables) {
      let rows = snapshot.tables.get(table.name) ?? [];
      if (table.name === 'syncState') rows = resetSyncState(rows, newClientId);
      if (table.name === 'outbox') {
        // An import's changes are queued many to a row (db/outbox.ts): each takes the new id.
        const queued = (rows as OutboxRow[]).map((r) => withClientId(r, newClientId));
        unsent = changesIn(queued);
        rows = queued as Row[];
      }
      if (rows.length > 0) await table.bulkAdd(rows);
    }
    // The projections are built again from what was restored, under revisions above both the ones
    // this database had and the snapshot's. A saved board or dashboard snapshot (db/compact-columns.ts)
    // is then older than the new base and is not used: the snapshot's own, and one that a window
    // still showing the state before writes in the moment before it reloads — with the rows it
    // shows and a revision the restore took back (the register looked empty after a restore).
    const revsRestored = await db.syncState.bulkGet([...PROJECTION_REVS]);
    await db.syncState.bulkPut(PROJECTION_REVS.map((key, i) => ({ key, version: Math.max(revsBefore[i]?.version ?? 0, revsRestored[i]?.version ?? 0) })));
    await rebuildProjections(db);
  });
  return { unsent };
}
