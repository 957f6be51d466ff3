// The dashboard's columns of the register (shared/dashboard/project-columns.ts): of each live
// project only what the charts count (stage, district, sector, zone, volume, jobs, commissioning
// year, kinds of open barriers) as typed columns, saved as one record — so opening the dashboard on
// 100,000 projects reads a few megabytes of plain arrays, used as they are read, instead of the
// board's rows. It is a snapshot as of a board revision (`rev`): board rows written since are read
// by index and laid over it, exactly as the board's own snapshot (board-snapshot.ts). The facts of
// one project are a pure function of its board row (`factsOf`), so snapshot + later rows always
// equal a recount.
import { compacted, type JobsColumn, type ProjectColumns, type ProjectFacts } from '@shared/dashboard/project-columns';
import type { BoardRow, HattamaDb } from './db';
import { boardBaseRev, currentBoardRev } from './board-snapshot';
import { loadCompactSnapshot, storedCount } from './compact-columns';

const KEY = 'dashboard.facts';
/** Bump when the stored shape changes. 1: ids as an array of strings; 2: facts to decode into objects. */
const SHAPE = 3;

/** The facts of a project's board row. */
export function factsOf(r: BoardRow): ProjectFacts {
  return {
    id: r.id,
    stage: r.stage,
    districtId: r.districtId,
    okedSection: r.okedSection,
    zoneId: r.zoneId,
    investmentTenge: r.investmentTenge,
    jobsConstructionPlanned: r.jobsConstructionPlanned,
    jobsConstructionCreated: r.jobsConstructionCreated,
    jobsPermanentPlanned: r.jobsPermanentPlanned,
    jobsPermanentCreated: r.jobsPermanentCreated,
    actualCommissioningDate: r.actualCommissioningDate,
    openBarrierKinds: r.openBarrierKinds,
  };
}

type Stored = ProjectColumns & { shape: number; rev: number };

/** The columns as stored at board revision `rev` (the rows of removed projects left out). */
export function encodeFacts(columns: ProjectColumns, rev: number): Stored {
  return { ...compacted(columns), shape: SHAPE, rev };
}

const isJobs = (j: unknown): j is JobsColumn => j instanceof Uint16Array || j instanceof Uint32Array || j instanceof Float64Array;

/** The columns of a stored record, or null when it is not of this shape (or damaged). */
export function decodeFacts(s: unknown): ProjectColumns | null {
  const n = storedCount(s, SHAPE);
  if (n === null || !Number.isInteger(n) || n < 0) return null;
  const v = s as Partial<Stored>;
  const places = v.places;
  const ok = Array.isArray(places) && places[0] === '' && places.length <= 0x10000 && places.every((p) => typeof p === 'string')
    && v.alive instanceof Uint8Array && v.alive.length === n
    && v.stage instanceof Uint8Array && v.stage.length === n
    && v.district instanceof Uint16Array && v.district.length === n
    && v.sector instanceof Uint16Array && v.sector.length === n
    && v.zone instanceof Uint16Array && v.zone.length === n
    && v.tenge instanceof Float64Array && v.tenge.length === n
    && isJobs(v.jobs) && v.jobs.length === n * 4
    && v.year instanceof Uint16Array && v.year.length === n
    && v.kinds instanceof Uint16Array && v.kinds.length === n
    && typeof v.ids === 'string' && (n === 0 ? v.ids === '' : v.ids.endsWith('\n'));
  if (!ok) return null;
  // Every code within the dictionary, and exactly `n` ids.
  let lines = 0;
  for (let at = v.ids.indexOf('\n'); at !== -1; at = v.ids.indexOf('\n', at + 1)) lines++;
  if (lines !== n) return null;
  for (const col of [v.district, v.sector, v.zone]) for (let i = 0; i < n; i++) if ((col[i] as number) >= places.length) return null;
  return { count: n, ids: v.ids, places, alive: v.alive, stage: v.stage, district: v.district, sector: v.sector, zone: v.zone, tenge: v.tenge, jobs: v.jobs, year: v.year, kinds: v.kinds };
}

/** Saves the columns of the live projects as of board revision `rev`. */
export async function saveDashFacts(db: HattamaDb, columns: ProjectColumns, rev: number): Promise<void> {
  await db.settings.put({ key: KEY, value: encodeFacts(columns, rev) });
}

/** The saved columns and the board rows written since, or null when there is no usable snapshot. */
export async function loadDashFacts(db: HattamaDb): Promise<{ value: ProjectColumns; since: BoardRow[]; rev: number } | null> {
  const loaded = await loadCompactSnapshot(db, { key: KEY, decode: decodeFacts, since: db.boardRows, currentRev: currentBoardRev, baseRev: boardBaseRev });
  return loaded && { value: loaded.rows, since: loaded.since, rev: loaded.rev };
}
