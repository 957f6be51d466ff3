// Conflicts of guarded fields (DESIGN §4): the server kept its value because it had changed since
// the value the clerk saw. The engine stores each one (one per record field, in the `sync.conflicts`
// setting) and puts the server's value back in the local record, so every replica shows what the
// server has; the clerk then picks — applying their own value is a normal local update based on
// the value they now see, so it wins on the server.
import { SYNCED_TABLES, type PushConflict, type SyncedTable } from '@shared/sync/contract';
import { sameValue } from '@shared/sync/merge';
import { packClocks } from '@shared/sync/packed-clocks';
import { clocksOf, type HattamaDb } from '../db/db';
import { fieldsOf, type ApplyManyOptions, type RemoteChange } from '../db/repository';
import type { Repos } from '../db/repos';

/** The setting that holds the open conflicts. */
export const CONFLICTS_KEY = 'sync.conflicts';

/** An open conflict: the push's conflict, its id (`table/recordId/field`) and when it came back. */
export type StoredConflict = PushConflict & { id: string; at: string };

/** What a synced table's repository offers the sync engine. */
export type SyncRepo = {
  applyRemote: (recordId: string, fields: Record<string, { value: unknown; hlc: string }>, actor?: string) => Promise<unknown>;
  applyRemoteMany: (changes: readonly RemoteChange[], options?: ApplyManyOptions) => Promise<number>;
  get: (id: string) => Promise<object | undefined>;
  clocks: (id: string) => Promise<Record<string, string>>;
  update: (id: string, patch: Record<string, unknown>, options?: { seen?: Record<string, string> }) => Promise<unknown>;
};

/** The repository of a synced table. */
export function repoOf(repos: Repos, table: SyncedTable): SyncRepo {
  if (!SYNCED_TABLES.includes(table)) throw new Error(`Not a synced table: ${String(table)}`);
  return repos[table] as unknown as SyncRepo;
}

export function conflictId(c: Pick<PushConflict, 'table' | 'recordId' | 'field'>): string {
  return `${c.table}/${c.recordId}/${c.field}`;
}

/** The open conflicts, oldest first. */
export async function readConflicts(db: HattamaDb): Promise<StoredConflict[]> {
  const row = await db.settings.get(CONFLICTS_KEY);
  return Array.isArray(row?.value) ? (row.value as StoredConflict[]) : [];
}

async function writeConflicts(db: HattamaDb, list: StoredConflict[]): Promise<void> {
  if (list.length === 0) await db.settings.delete(CONFLICTS_KEY);
  else await db.settings.put({ key: CONFLICTS_KEY, value: list });
}

/**
 * Records the conflicts a push answered with, inside the caller's transaction (over the write
 * tables): a conflict already open for the same field is replaced; the same conflict reported again
 * (a retried batch) changes nothing. Where the local field still carries the refused stamp, the
 * server's value and stamp are put back through the repository's merge path.
 */
export async function recordConflicts(db: HattamaDb, repos: Repos, conflicts: readonly PushConflict[], at: string): Promise<number> {
  if (conflicts.length === 0) return 0;
  const list = await readConflicts(db);
  let added = 0;
  for (const c of conflicts) {
    const id = conflictId(c);
    const open = list.findIndex((o) => o.id === id);
    if (open >= 0 && list[open]?.hlc === c.hlc) continue;
    const stored: StoredConflict = { ...c, id, at };
    if (open >= 0) list[open] = stored;
    else list.push(stored);
    added++;
    await takeServerValue(db, repos, c);
  }
  await writeConflicts(db, list);
  return added;
}

/** Puts the server's value of a conflicting field back, when the local field still holds the refused change. */
async function takeServerValue(db: HattamaDb, repos: Repos, c: PushConflict): Promise<void> {
  if (c.serverHlc === null) return;
  const table = db.table<Record<string, unknown> & { clocks?: string }, string>(c.table);
  const row = await table.get(c.recordId);
  if (!row || clocksOf(row)[c.field] !== c.hlc) return; // the clerk changed it again since: that change is on its way
  // The field's stamp goes back to none, so the merge takes the server's (older) stamp and value.
  const clock = { ...clocksOf(row) };
  delete clock[c.field];
  await table.put({ ...row, clocks: packClocks(clock) });
  await repoOf(repos, c.table).applyRemote(c.recordId, { [c.field]: { value: c.serverValue, hlc: c.serverHlc } }, '—');
  if (c.table === 'projects' && c.field === 'stage') await withdrawStageEntry(db, repos, c);
}

/**
 * A refused stage change did not happen: the stage-log entry it wrote (the project's latest, to
 * the refused stage) is deleted, here and — through the outbox — everywhere. Picking the clerk's
 * value later is a new stage change with an entry of its own.
 */
async function withdrawStageEntry(db: HattamaDb, repos: Repos, c: PushConflict): Promise<void> {
  const entries = await db.stageLog.where('projectId').equals(c.recordId).filter((e) => e.alive === 1).toArray();
  const latest = entries.sort((x, y) => x.at.localeCompare(y.at)).at(-1);
  if (latest && latest.to === c.value) await repos.stageLog.remove(latest.id);
}

export type Resolution = 'applied' | 'kept' | 'gone';

/**
 * Resolves a conflict with the clerk's pick: `mine` applies the clerk's value as a local update
 * based on the field's current stamp (so it wins on the server unless it changes again meanwhile);
 * `current` keeps what the record has now. Either way the conflict is closed, in one transaction.
 * A record deleted meanwhile closes it too (`gone`).
 * @throws ValidationError when the clerk's value no longer fits the record (nothing is changed then)
 */
export async function resolveConflict(db: HattamaDb, repos: Repos, id: string, pick: 'mine' | 'current'): Promise<Resolution> {
  return db.transaction('rw', db.writeTables(), async () => {
    const list = await readConflicts(db);
    const c = list.find((o) => o.id === id);
    if (!c) return 'kept';
    const repo = repoOf(repos, c.table);
    let result: Resolution = 'kept';
    const row = (await repo.get(c.recordId)) as { deletedAt?: string | null } | undefined;
    if (!row || row.deletedAt) result = 'gone';
    else if (pick === 'mine') {
      const current = fieldsOf<Record<string, unknown>>(row)[c.field] ?? null;
      if (!sameValue(current, c.value)) {
        await repo.update(c.recordId, { [c.field]: c.value }, { seen: await repo.clocks(c.recordId) });
        result = 'applied';
      }
    }
    await writeConflicts(db, list.filter((o) => o.id !== id));
    return result;
  });
}
