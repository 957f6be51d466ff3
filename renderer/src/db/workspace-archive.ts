// The workspace archive on the renderer's side: gathering the whole workspace (every synced table,
// field clocks, settings, the minutes' text, unsent changes, history, the attachments' bytes) into
// a checked .zip, and replacing the workspace with a checked archive in ONE transaction. The
// archive is built and checked by shared/archive/workspace-archive.ts; the host writes and reads the file.
import {
  buildWorkspaceArchive, countsOf, readWorkspaceArchive, type ArchiveRecord, type CheckedArchive, type WorkspaceContent, type WorkspaceData,
} from '@shared/archive/workspace-archive';
import { SYNCED_TABLES, type SyncedTable } from '@shared/sync/contract';
import type { HostBridge } from '../host';
import { DB_SCHEMA_VERSION, clocksOf, type HattamaDb } from './db';
import { rebuildProjections } from './projections';
import { LOCAL_SETTINGS } from './local-settings';
import type { Repos } from './repos';
import { fieldsOf } from './repository';
import { sha256Hex } from './sha256';
import { allAudit, auditRowsOf } from './audit';
import { allOutboxItems, outboxRowsOf } from './outbox';

/** Settings that are this computer's caches of derived rows (rebuilt here, never carried). */
const LOCAL = new Set(LOCAL_SETTINGS);

export type ArchiveHost = Pick<HostBridge, 'attachmentGet' | 'attachmentPut'>;

/** A record as the archive carries it: meta and fields, without the local derived fields. */
function toArchiveRecord(row: Record<string, unknown>): ArchiveRecord {
  const { id, createdAt, updatedAt, deletedAt } = row as ArchiveRecord;
  return { ...fieldsOf<Record<string, unknown>>(row), id, createdAt, updatedAt, deletedAt };
}

/**
 * Reads the whole workspace (one read transaction) and the bytes of its attachments.
 * @returns the content, and `missing`: attachments whose bytes are not on this computer (added
 *   elsewhere and synced here as metadata only)
 */
export async function collectWorkspace(db: HattamaDb, host: ArchiveHost): Promise<{ content: WorkspaceContent; missing: number }> {
  const data = await db.transaction('r', [...SYNCED_TABLES.map((t) => db.table(t)), db.settings, db.docUpdates, db.outbox, db.auditLog], async () => {
    const tables = {} as Record<SyncedTable, ArchiveRecord[]>;
    const fieldClocks: WorkspaceData['fieldClocks'] = [];
    for (const t of SYNCED_TABLES) {
      const rows = (await db.table(t).toArray()) as (Record<string, unknown> & { id: string; clocks?: string })[];
      tables[t] = rows.map(toArchiveRecord);
      for (const row of rows) if (row.clocks) fieldClocks.push({ key: `${t}/${row.id}`, clock: clocksOf(row) });
    }
    const out: WorkspaceData = {
      tables,
      fieldClocks,
      settings: (await db.settings.toArray()).filter((s) => !LOCAL.has(s.key)).map((s) => ({ key: s.key, value: s.value })),
      docUpdates: (await db.docUpdates.toArray()).map((d) => ({ docId: d.docId, update: d.update, at: d.at })),
      outbox: await allOutboxItems(db),
      auditLog: (await allAudit(db)).map(({ seq: _seq, part: _part, ...entry }) => entry),
    };
    return out;
  });
  const files = new Map<string, Uint8Array>();
  let missing = 0;
  for (const sha of new Set(data.tables.attachments.map((a) => String(a.sha256)))) {
    const got = await host.attachmentGet({ sha256: sha });
    if (got.found && got.bytes) files.set(sha, got.bytes);
    else missing += 1;
  }
  return { content: { data, files }, missing };
}

/** Builds the archive of the whole workspace. */
export async function exportWorkspace(db: HattamaDb, host: ArchiveHost, opts: { appVersion: string; now: Date }) {
  const { content, missing } = await collectWorkspace(db, host);
  const bytes = await buildWorkspaceArchive(content, { appVersion: opts.appVersion, schemaVersion: DB_SCHEMA_VERSION, now: opts.now, sha256: sha256Hex });
  return { bytes, counts: countsOf(content), missing };
}

/** Reads and checks an archive completely (throws ArchiveError); nothing is written. */
export function checkWorkspaceArchive(bytes: Uint8Array): Promise<CheckedArchive> {
  return readWorkspaceArchive(bytes, { sha256: sha256Hex, maxSchemaVersion: DB_SCHEMA_VERSION });
}

/**
 * Replaces this workspace with a checked archive's. The attachments' bytes go to the host's store
 * first (content-addressed: adding them changes nothing the workspace shows); then every table is
 * cleared and refilled in ONE transaction — a failure leaves the workspace as it was. The sync
 * state starts afresh: a new client id (the old one's sequence numbers belong to the other
 * computer), pulled again from the start; the archive's unsent changes stay queued.
 */
export async function replaceWorkspace(db: HattamaDb, repos: Repos, host: ArchiveHost, archive: CheckedArchive): Promise<void> {
  for (const [sha256, bytes] of archive.content.files) await host.attachmentPut({ sha256, bytes: bytes as Uint8Array<ArrayBuffer> });
  const { data } = archive.content;
  await db.transaction('rw', db.writeTables(), async () => {
    await Promise.all(db.writeTables().map((t) => t.clear()));
    const clocks = new Map(data.fieldClocks.map((c) => [c.key, c.clock]));
    for (const table of SYNCED_TABLES) {
      const repo = repos[table];
      await db.table(table).bulkPut(data.tables[table].map((r) => repo.storedRow(r, clocks.get(`${table}/${r.id}`))));
    }
    await db.settings.bulkPut(data.settings.filter((s) => !LOCAL.has(s.key)));
    await db.docUpdates.bulkAdd(data.docUpdates.map((d) => ({ ...d })));
    await db.outbox.bulkAdd(outboxRowsOf(data.outbox));
    await db.auditLog.bulkAdd(auditRowsOf(data.auditLog));
    // The derived rows, rebuilt here from what was restored.
    await rebuildProjections(db);
  });
}
