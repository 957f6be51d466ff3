// A saved snapshot of the board's rows, so that opening a large register reads one record and the
// few rows written since, instead of 100,000 records. The snapshot holds the rows column by column
// (one array per field: no per-row object to store or to revive, no repeated field names) as of a
// board revision (`rev`, which every board-row write increases in its own transaction); rows with
// a higher revision are read by index and laid over it. It is taken at idle after a full read and
// after changes; a snapshot of another shape, or an unreadable one, is ignored (a full read follows).
import type { BoardRow, HattamaDb } from './db';
import { BOARD_FIELDS } from './board-rows';
import { loadCompactSnapshot } from './compact-columns';

const KEY = 'board.snapshot';
/** The syncState key noting the revision of the board rows' base. */
export const BOARD_BASE_MARKER = 'boardBase';
/** Bump when BoardRow changes shape. */
const SHAPE = 3;
/** Every field of a board row, in the order the columns are stored. */
const FIELDS = ['id', 'createdAt', 'updatedAt', 'alive', 'search', 'openBarriers', 'openBarrierKinds', 'stageHlc', 'rev', ...BOARD_FIELDS] as const;

type Stored = { shape: number; rev: number; count: number; cols: Record<string, unknown[]> };

/** The board revision now (0 before any board row was written with one). */
export async function currentBoardRev(db: HattamaDb): Promise<number> {
  return (await db.syncState.get('boardRev'))?.version ?? 0;
}

/** The revision of the board rows' base (projections.ts), or null when there is none. */
export async function boardBaseRev(db: HattamaDb): Promise<number | null> {
  return (await db.syncState.get(BOARD_BASE_MARKER))?.version ?? null;
}

/** The rows as columns. */
export function toColumns(rows: readonly BoardRow[]): Record<string, unknown[]> {
  const cols: Record<string, unknown[]> = {};
  for (const f of FIELDS) {
    const col = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) col[i] = (rows[i] as Record<string, unknown>)[f];
    cols[f] = col;
  }
  return cols;
}

/** Rows from columns (every row with the same fields, so they share one shape in memory). */
export function fromColumns(cols: Record<string, unknown[]>, count: number): BoardRow[] | null {
  for (const f of FIELDS) if (!Array.isArray(cols[f]) || cols[f].length !== count) return null;
  const rows = new Array<BoardRow>(count);
  for (let i = 0; i < count; i++) {
    const r: Record<string, unknown> = {};
    for (const f of FIELDS) r[f] = (cols[f] as unknown[])[i];
    rows[i] = r as BoardRow;
  }
  return rows;
}

/** The rows as stored columns, as of revision `rev`. */
export function encodeBoardRows(rows: readonly BoardRow[], rev: number): Stored {
  return { shape: SHAPE, rev, count: rows.length, cols: toColumns(rows) };
}

/** Saves the live rows as of revision `rev`. */
export async function saveBoardSnapshot(db: HattamaDb, rows: readonly BoardRow[], rev: number): Promise<void> {
  await db.settings.put({ key: KEY, value: encodeBoardRows(rows, rev) });
}

/** The saved rows and what was written since, or null when there is no usable snapshot. */
export async function loadBoardSnapshot(db: HattamaDb): Promise<{ rows: BoardRow[]; since: BoardRow[]; rev: number } | null> {
  return loadCompactSnapshot(db, { key: KEY, decode: decodeBoardRows, since: db.boardRows, currentRev: currentBoardRev, baseRev: boardBaseRev });
}

/** The rows of stored columns, or null when they are not of this shape. */
export function decodeBoardRows(value: unknown): BoardRow[] | null {
  const stored = value as Stored | undefined;
  if (!stored || stored.shape !== SHAPE || typeof stored.count !== 'number' || typeof stored.rev !== 'number' || !stored.cols || typeof stored.cols !== 'object') return null;
  return fromColumns(stored.cols, stored.count);
}
