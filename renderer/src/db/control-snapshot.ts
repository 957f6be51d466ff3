// A saved snapshot of the assignments' control rows (the dashboard's projection), so that opening
// the dashboard reads one record and the rows written since instead of 50,000 records — the same
// scheme as the board's snapshot (board-snapshot.ts): rows stored column by column as of a control
// revision (`rev`, which every control-row write increases in its own transaction); rows with a
// higher revision are read by index and laid over it. A snapshot of another shape is ignored.
import type { ControlRow, HattamaDb } from './db';

const KEY = 'control.snapshot';
/** Bump when ControlRow changes shape. */
const SHAPE = 1;
const FIELDS = ['id', 'alive', 'status', 'due', 'doneOn', 'responsibleOrgIds', 'zoneIds', 'projectIds', 'rev'] as const;

type Stored = { shape: number; rev: number; count: number; cols: Record<string, unknown[]> };

/** The control revision now (0 before any control row was written with one). */
export async function currentControlRev(db: HattamaDb): Promise<number> {
  return (await db.syncState.get('controlRev'))?.version ?? 0;
}

/** Saves the live rows as of revision `rev`. */
export async function saveControlSnapshot(db: HattamaDb, rows: readonly ControlRow[], rev: number): Promise<void> {
  const cols: Record<string, unknown[]> = {};
  for (const f of FIELDS) cols[f] = rows.map((r) => r[f]);
  await db.settings.put({ key: KEY, value: { shape: SHAPE, rev, count: rows.length, cols } satisfies Stored });
}

/** The saved rows and the rows written since, or null when there is no usable snapshot. */
export async function loadControlSnapshot(db: HattamaDb): Promise<{ rows: ControlRow[]; since: ControlRow[]; rev: number } | null> {
  return db.transaction('r', [db.settings, db.controlRows, db.syncState], async () => {
    const stored = (await db.settings.get(KEY))?.value as Stored | undefined;
    if (!stored || stored.shape !== SHAPE || typeof stored.count !== 'number' || !stored.cols || typeof stored.cols !== 'object') return null;
    const { cols, count } = stored;
    for (const f of FIELDS) if (!Array.isArray(cols[f]) || cols[f].length !== count) return null;
    const rows = new Array<ControlRow>(count);
    for (let i = 0; i < count; i++) {
      const r: Record<string, unknown> = {};
      for (const f of FIELDS) r[f] = (cols[f] as unknown[])[i];
      rows[i] = r as ControlRow;
    }
    const since = await db.controlRows.where('rev').above(stored.rev).toArray();
    return { rows, since, rev: Math.max(stored.rev, await currentControlRev(db)) };
  });
}
