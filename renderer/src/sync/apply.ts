// Applies a pulled page of record changes inside the caller's transaction, through the
// repositories' merge path in bulk (`applyRemoteMany`: the same per-field merge, audit entries
// naming who pushed, the clock moved past every stamp, the board rows rebuilt once per project),
// table by table, parents first; one record's changes keep their order.
import { SYNCED_TABLES, type ChangeRow, type SyncedTable } from '@shared/sync/contract';
import type { Repos } from '../db/repos';
import type { RemoteChange } from '../db/repository';
import { repoOf } from './conflicts';

/** Applies the changes; returns how many took effect (the rest were older than what is here). */
export async function applyChanges(repos: Repos, changes: readonly ChangeRow[]): Promise<number> {
  const byTable = new Map<SyncedTable, RemoteChange[]>();
  for (const c of changes) {
    const change: RemoteChange = { recordId: c.recordId, fields: c.fields, actor: c.by ?? '—' };
    const list = byTable.get(c.table);
    if (list) list.push(change);
    else byTable.set(c.table, [change]);
  }
  let applied = 0;
  for (const table of SYNCED_TABLES) {
    const list = byTable.get(table);
    if (list) applied += await repoOf(repos, table).applyRemoteMany(list);
  }
  return applied;
}
