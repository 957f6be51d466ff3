// The board's and the dashboard's projections: a project's board row (board-rows.ts) and an
// assignment's control row (control-rows.ts) — derived, local, never synced. The repository keeps
// them in the transaction of every write to their records (refresh…), one row each.
//
// When all of them are built at once (the end of a first sync, a restore), they are stored as one
// record each instead — a base (settings `board.base`, `control.base`, in the columns of the board's
// and the control rows' snapshots) as of a revision, noted in syncState — and the tables emptied.
// A stored row costs IndexedDB about a tenth of a millisecond whatever it holds: the 23,000 rows of
// a first sync's 50,000 records were a fifth of its time. Rows written afterwards go to the tables
// as before, with higher revisions, and lay over the base. So while a base is there, a table holds
// only the rows written since: read a projection whole with readBoardRows / readControlRows, rows
// by id with boardRowsOf. A base that cannot be read (damaged, or of an earlier shape) is built again
// from the records.
import type { Project, Barrier } from '@shared/domain/project.schema';
import type { Assignment, Report } from '@shared/domain/assignment.schema';
import type { FieldClocks } from '@shared/sync/merge';
import type { Table } from 'dexie';
import { aliveRows, clocksOf, type BoardRow, type ControlRow, type HattamaDb } from './db';
import { toBoardRow } from './board-rows';
import { toControlRow } from './control-rows';
import { rowsByIndex } from './by-index';
import { BOARD_BASE_MARKER, decodeBoardRows, encodeBoardRows } from './board-snapshot';
import { CONTROL_BASE_MARKER, decodeControlRows, encodeControlRows } from './control-snapshot';
import { BOARD_BASE, CONTROL_BASE } from './local-settings';

export { BOARD_BASE, CONTROL_BASE } from './local-settings';

/** Where a projection is kept. */
type Kind<R> = {
  table: 'boardRows' | 'controlRows';
  revKey: 'boardRev' | 'controlRev';
  marker: typeof BOARD_BASE_MARKER | typeof CONTROL_BASE_MARKER;
  baseKey: string;
  encode: (rows: readonly R[], rev: number) => unknown;
  decode: (stored: unknown) => R[] | null;
};
const BOARD: Kind<BoardRow> = { table: 'boardRows', revKey: 'boardRev', marker: BOARD_BASE_MARKER, baseKey: BOARD_BASE, encode: encodeBoardRows, decode: decodeBoardRows };
const CONTROL: Kind<ControlRow> = { table: 'controlRows', revKey: 'controlRev', marker: CONTROL_BASE_MARKER, baseKey: CONTROL_BASE, encode: encodeControlRows, decode: decodeControlRows };

/**
 * A batch of at least this many rows, and at least a quarter of the projection, is folded into the
 * base (an import of 10,000 projects into an empty register: one record instead of 10,000 rows).
 */
export const FOLD_MIN = 1000;

/**
 * Stores a batch of rows written under revision `rev` (inside the caller's transaction): as rows of
 * the table, or — a batch large against the whole projection — folded with the base and the rows
 * since into a new base, the table emptied. Folding reads and writes the whole projection; rows
 * cost about a tenth of a millisecond each.
 */
async function storeRows<R extends { id: string }>(db: HattamaDb, kind: Kind<R>, rows: readonly R[], rev: number): Promise<void> {
  if (rows.length === 0) return;
  const held = holding.get(db);
  if (held) {
    const into = held[kind.table] as unknown as Map<string, R>;
    for (const r of rows) into.set(r.id, r);
    return;
  }
  const table = db[kind.table] as unknown as Table<R, string>;
  if (rows.length >= FOLD_MIN) {
    const [marker, later] = await Promise.all([db.syncState.get(kind.marker), table.count()]);
    if (rows.length * 4 >= (marker?.count ?? 0) + later + rows.length) {
      const [laterRows, stored] = await Promise.all([table.toArray(), marker ? db.settings.get(kind.baseKey) : undefined]);
      const base = marker ? kind.decode(stored?.value) : [];
      if (base) {
        const all = new Map(base.map((r) => [r.id, r]));
        for (const r of laterRows) all.set(r.id, r);
        for (const r of rows) all.set(r.id, r);
        await writeBase(db, kind, [...all.values()], rev);
        return;
      }
    }
  }
  await Promise.all([db.syncState.put({ key: kind.revKey, version: rev }), table.bulkPut([...rows])]);
}

/** The rows held back by {@link holdingProjections}, per database. */
const holding = new Map<HattamaDb, { boardRows: Map<string, BoardRow>; controlRows: Map<string, ControlRow> }>();

/**
 * Runs `work` (inside the caller's transaction, which nothing else writes meanwhile) with the
 * projection rows its writes make held back, then stores them once — an import written in batches
 * for its progress is then one batch, folded into the base when large (see storeRows) instead of
 * a fold or 2,000 rows per batch. The rows are stored under one new revision.
 */
export async function holdingProjections<T>(db: HattamaDb, work: () => Promise<T>): Promise<T> {
  if (holding.has(db)) return work();
  const held = { boardRows: new Map<string, BoardRow>(), controlRows: new Map<string, ControlRow>() };
  holding.set(db, held);
  let result: T;
  try {
    result = await work();
  } finally {
    holding.delete(db);
  }
  for (const [kind, rows] of [[BOARD, held.boardRows], [CONTROL, held.controlRows]] as const) {
    if (rows.size === 0) continue;
    const rev = ((await db.syncState.get(kind.revKey))?.version ?? 0) + 1;
    await storeRows<BoardRow | ControlRow>(db, kind as Kind<BoardRow | ControlRow>, [...rows.values()].map((r) => ({ ...r, rev })), rev);
  }
  return result;
}

/** Stores `rows` as the whole projection as of `rev`: its base record, the marker, the table emptied. */
async function writeBase<R>(db: HattamaDb, kind: Kind<R>, rows: readonly R[], rev: number): Promise<void> {
  await Promise.all([
    db.settings.put({ key: kind.baseKey, value: kind.encode(rows, rev) }),
    db.syncState.bulkPut([{ key: kind.revKey, version: rev }, { key: kind.marker, version: rev, count: rows.length }]),
    db[kind.table].clear(),
  ]);
}

/** Rows grouped by the value of `key`, each group in the rows' order. */
function groupBy<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T[]> {
  const groups = new Map<T[K], T[]>();
  for (const r of rows) {
    const list = groups.get(r[key]);
    if (list) list.push(r);
    else groups.set(r[key], [r]);
  }
  return groups;
}

/**
 * Rebuilds a project's board row from the project and its barriers (inside the caller's
 * transaction). `known` passes the project and its stamps when the caller has just written them.
 */
export async function refreshBoardRow(db: HattamaDb, projectId: string, known?: { project: Project; clocks: FieldClocks }): Promise<void> {
  await refreshBoardRows(db, [projectId], known ? new Map([[projectId, known]]) : undefined);
}

/**
 * Rebuilds the board rows of many projects at once (a pulled page), inside the caller's
 * transaction: the same rows as {@link refreshBoardRow}, read and written in bulk under one new
 * revision. `known` passes projects (and their stamps) the caller has just written.
 */
export async function refreshBoardRows(db: HattamaDb, projectIds: Iterable<string>, known?: ReadonlyMap<string, { project: Project; clocks: FieldClocks }>): Promise<void> {
  const ids = [...new Set(projectIds)];
  if (ids.length === 0) return;
  const [made, revRow] = await Promise.all([boardRowsFromRecords(db, ids, known), db.syncState.get('boardRev')]);
  const rev = (revRow?.version ?? 0) + 1;
  await storeRows(db, BOARD, [...made.values()].map((row) => ({ ...row, rev })), rev);
}

/** The board rows of these projects made from the projects (read, or `known`) and their barriers, by id; an unknown id has none. */
async function boardRowsFromRecords(db: HattamaDb, ids: readonly string[], known?: ReadonlyMap<string, { project: Project; clocks: FieldClocks }>): Promise<Map<string, BoardRow>> {
  const unknown = ids.filter((id) => !known?.has(id));
  const [projects, barriers] = await Promise.all([unknown.length > 0 ? db.projects.bulkGet(unknown) : [], rowsByIndex(db.barriers, 'projectId', ids)]);
  const read = new Map(unknown.map((id, i) => [id, { project: projects[i] as Project | undefined, clocks: clocksOf(projects[i]) }]));
  const byProject = groupBy(barriers as Barrier[], 'projectId');
  const made = new Map<string, BoardRow>();
  for (const id of ids) {
    const { project, clocks } = known?.get(id) ?? read.get(id) ?? { project: undefined, clocks: {} };
    if (project) made.set(id, toBoardRow(project, byProject.get(id) ?? [], clocks.stage ?? null));
  }
  return made;
}

/**
 * Rebuilds an assignment's control row from the assignment and its reports (inside the caller's
 * transaction). `known` passes the assignment when the caller has just written it.
 */
export async function refreshControlRow(db: HattamaDb, assignmentId: string, known?: Assignment): Promise<void> {
  await refreshControlRows(db, [assignmentId], known ? new Map([[assignmentId, known]]) : undefined);
}

/**
 * Rebuilds the control rows of many assignments at once (a pulled page, an import), inside the
 * caller's transaction: the same rows as {@link refreshControlRow}, read and written in bulk under
 * one new revision. `known` passes assignments the caller has just written.
 */
export async function refreshControlRows(db: HattamaDb, assignmentIds: Iterable<string>, known?: ReadonlyMap<string, Assignment>): Promise<void> {
  const ids = [...new Set(assignmentIds)];
  if (ids.length === 0) return;
  const unknown = ids.filter((id) => !known?.has(id));
  const [assignments, reports, revRow] = await Promise.all([
    unknown.length > 0 ? db.assignments.bulkGet(unknown) : [],
    rowsByIndex(db.reports, 'assignmentId', ids),
    db.syncState.get('controlRev'),
  ]);
  const read = new Map(unknown.map((id, i) => [id, assignments[i] as Assignment | undefined]));
  const byAssignment = groupBy(reports as Report[], 'assignmentId');
  const rev = (revRow?.version ?? 0) + 1;
  const rows = [];
  for (const id of ids) {
    const assignment = known?.get(id) ?? read.get(id);
    if (assignment) rows.push({ ...toControlRow(assignment, byAssignment.get(id) ?? []), rev });
  }
  await storeRows(db, CONTROL, rows, rev);
}

/**
 * Rebuilds every project's board row and every assignment's control row from the records, inside
 * the caller's transaction, each table read once (a restore; the end of a first sync; a base that
 * cannot be read). They are stored as the two bases, each one record, and the tables emptied.
 */
export async function rebuildProjections(db: HattamaDb): Promise<void> {
  const { boardRows, board, controlRows, control } = await buildProjections(db);
  await Promise.all([writeBase(db, BOARD, boardRows, board), writeBase(db, CONTROL, controlRows, control)]);
}

type Built = { boardRows: BoardRow[]; board: number; controlRows: ControlRow[]; control: number };

/** Every board row and control row made from the records (each table read once), under the next revisions; nothing is written. */
async function buildProjections(db: HattamaDb): Promise<Built> {
  const [projects, barriers, assignments, reports, boardRev, controlRev] = await Promise.all([
    db.projects.toArray(), db.barriers.toArray(), db.assignments.toArray(), db.reports.toArray(), db.syncState.get('boardRev'), db.syncState.get('controlRev'),
  ]);
  const barriersOf = groupBy(barriers as Barrier[], 'projectId');
  const reportsOf = groupBy(reports as Report[], 'assignmentId');
  const board = (boardRev?.version ?? 0) + 1;
  const control = (controlRev?.version ?? 0) + 1;
  const boardRows: BoardRow[] = projects.map((p) => ({ ...toBoardRow(p as Project, barriersOf.get(p.id) ?? [], clocksOf(p).stage ?? null), rev: board }));
  const controlRows: ControlRow[] = assignments.map((a) => ({ ...toControlRow(a as Assignment, reportsOf.get(a.id) ?? []), rev: control }));
  return { boardRows, board, controlRows, control };
}

/**
 * Notes, inside the caller's transaction, that records were stored without their projections (a
 * first sync's pages): {@link rebuildStaleProjections} builds them, and a crash before that leaves
 * the note for the next run.
 */
export async function markProjectionsStale(db: HattamaDb): Promise<void> {
  await db.syncState.put({ key: 'projectionsStale', version: 1 });
}

/** The tables a rebuild reads and writes. */
const projectionTables = (db: HattamaDb) => [db.projects, db.barriers, db.assignments, db.reports, db.boardRows, db.controlRows, db.syncState, db.settings];

/** Rebuilds the projections in their own transaction when they were noted stale; true if it did. */
export async function rebuildStaleProjections(db: HattamaDb): Promise<boolean> {
  return db.transaction('rw', projectionTables(db), async () => {
    if (!(await db.syncState.get('projectionsStale'))) return false;
    await rebuildProjections(db);
    await db.syncState.delete('projectionsStale');
    return true;
  });
}

/** A projection whole: its base (when there is one) with the rows written since laid over it, and the revision they are as of. */
async function readProjection<R extends { id: string }>(db: HattamaDb, kind: Kind<R>, fromRecords: (built: Built) => { rows: R[]; rev: number }): Promise<{ rows: R[]; rev: number }> {
  const table = db[kind.table] as unknown as Table<R, string>;
  const read = () =>
    db.transaction('r', [db.settings, db.syncState, table], async () => {
      const [marker, rows, revRow] = await Promise.all([db.syncState.get(kind.marker), table.toArray(), db.syncState.get(kind.revKey)]);
      const rev = revRow?.version ?? 0;
      if (!marker) return { rows, rev };
      const based = kind.decode((await db.settings.get(kind.baseKey))?.value);
      if (!based) return null;
      if (rows.length === 0) return { rows: based, rev };
      const later = new Set(rows.map((r) => r.id));
      return { rows: [...based.filter((r) => !later.has(r.id)), ...rows], rev };
    });
  const first = await read();
  if (first) return first;
  console.warn(`[hattama] the base of ${kind.table} cannot be read; building it again from the records`);
  try {
    await rebuildProjectionsNow(db);
  } catch (error) {
    // Where nothing may be written (a live query: the project picker), the rows are made from the
    // records for this read; the next reader outside stores them.
    console.warn('[hattama] the projections could not be stored now', error);
    return fromRecords(await buildProjections(db));
  }
  const again = await read();
  if (!again) throw new Error(`The base of ${kind.table} cannot be read after it was built again`);
  return again;
}

/** Every board row (of removed projects too) and the board revision they are as of. */
export function readBoardRows(db: HattamaDb): Promise<{ rows: BoardRow[]; rev: number }> {
  return readProjection(db, BOARD, (built) => ({ rows: built.boardRows, rev: built.board }));
}

/** Every control row (of removed assignments too) and the control revision they are as of. */
export function readControlRows(db: HattamaDb): Promise<{ rows: ControlRow[]; rev: number }> {
  return readProjection(db, CONTROL, (built) => ({ rows: built.controlRows, rev: built.control }));
}

/**
 * The board rows of these projects (undefined for an unknown one). A row in the base only is made
 * from the project and its barriers, as the base was: a few titles need not read the whole base.
 */
export async function boardRowsOf(db: HattamaDb, ids: readonly string[]): Promise<(BoardRow | undefined)[]> {
  const rows = await db.boardRows.bulkGet([...ids]);
  const missing = ids.filter((_, i) => rows[i] === undefined);
  if (missing.length === 0 || !(await db.syncState.get(BOARD_BASE_MARKER))) return rows;
  const made = await boardRowsFromRecords(db, missing);
  return rows.map((r, i) => r ?? made.get(ids[i] ?? ''));
}

/** The first `limit` live board rows that match, by time of their last change (oldest first). */
export async function findBoardRows(db: HattamaDb, match: (row: BoardRow) => boolean, limit: number): Promise<BoardRow[]> {
  if (!(await db.syncState.get(BOARD_BASE_MARKER))) return aliveRows(db.boardRows).filter(match).limit(limit).toArray();
  const rows = (await readBoardRows(db)).rows.filter((r) => r.alive === 1 && match(r));
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0)).slice(0, limit);
}

/** Builds the projections again in their own transaction. */
async function rebuildProjectionsNow(db: HattamaDb): Promise<void> {
  await db.transaction('rw', projectionTables(db), () => rebuildProjections(db));
}
