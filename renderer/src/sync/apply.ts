// Applies a pulled page of record changes inside the caller's transaction, through the
// repositories' merge path in bulk (`applyRemoteMany`: the same per-field merge, audit entries
// naming who pushed, the clock moved past every stamp, the board rows rebuilt once per project),
// table by table, parents first; one record's changes keep their order.
import { SYNCED_TABLES, type ChangeRow, type SyncedTable } from '@shared/sync/contract';
import type { HattamaDb } from '../db/db';
import type { Repos } from '../db/repos';
import type { ApplyManyOptions, RemoteChange } from '../db/repository';
import { repoOf } from './conflicts';

/**
 * A first sync into this install: the tables that held nothing when it began, and the records its
 * pages have brought since. A record of such a table that no page has brought is not here, so it
 * need not be read. Valid only while no one else writes pulled records meanwhile: the engine drops
 * it when another tab moves the cursor.
 */
export class FirstSync {
  private empty: Set<SyncedTable> | null = null;
  private readonly written = new Set<string>();

  /** Notes which tables are empty (once, inside the first page's transaction). */
  async begin(db: HattamaDb): Promise<void> {
    if (this.empty) return;
    const empty = new Set<SyncedTable>();
    for (const table of SYNCED_TABLES) if ((await db.table(table).limit(1).primaryKeys()).length === 0) empty.add(table);
    this.empty = empty;
  }

  /** The records of `table` known to be absent here. */
  absent(table: SyncedTable): ((recordId: string) => boolean) | undefined {
    if (!this.empty?.has(table)) return undefined;
    return (recordId) => !this.written.has(`${table}/${recordId}`);
  }

  /** A page's records are here now. */
  wrote(changes: readonly ChangeRow[]): void {
    for (const c of changes) this.written.add(`${c.table}/${c.recordId}`);
  }
}

/**
 * Applies the changes; returns how many took effect (the rest were older than what is here). With
 * `first`, a first sync: no audit entry per record, records not here yet are not read, and the
 * projections are left to be built once at the end (the caller notes them stale).
 */
export async function applyChanges(repos: Repos, changes: readonly ChangeRow[], options: { first?: FirstSync } = {}): Promise<number> {
  const byTable = new Map<SyncedTable, RemoteChange[]>();
  for (const c of changes) {
    const change: RemoteChange = { recordId: c.recordId, fields: c.fields, actor: c.by ?? '—' };
    const list = byTable.get(c.table);
    if (list) list.push(change);
    else byTable.set(c.table, [change]);
  }
  let applied = 0;
  // Each table's rows are stored while the next is merged; all are stored before this returns.
  const pending: Promise<unknown>[] = [];
  for (const table of SYNCED_TABLES) {
    const list = byTable.get(table);
    if (!list) continue;
    const opts: ApplyManyOptions = { pending };
    if (options.first) {
      opts.audit = false;
      opts.projections = false;
      const absent = options.first.absent(table);
      if (absent) opts.isAbsent = absent;
    }
    applied += await repoOf(repos, table).applyRemoteMany(list, opts);
  }
  await Promise.all(pending);
  options.first?.wrote(changes);
  return applied;
}
