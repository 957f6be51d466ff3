// The dashboard's compact projection of the register: of each live project only what the charts
// count (stage, district, sector, zone, volume, jobs, commissioning date, kinds of open barriers),
// saved as one record of typed columns — stage and places as small numbers into a dictionary,
// amounts as doubles, barrier kinds as bits — so opening the dashboard on 100,000 projects reads a
// few megabytes of plain arrays instead of the board's rows with their search texts. It is a
// snapshot as of a board revision (`rev`): board rows written since are read by index and laid
// over it, exactly as the board's own snapshot (board-snapshot.ts). The facts of one project are a
// pure function of its board row (`factsOf`), so snapshot + later rows always equal a recount.
import { BARRIER_KINDS, STAGES, type BarrierKind, type Stage } from '@shared/domain/project.schema';
import type { ProjectFacts } from '@shared/dashboard/aggregate';
import type { BoardRow, HattamaDb } from './db';
import { currentBoardRev } from './board-snapshot';
import { dictionary, joinIds, loadCompactSnapshot, splitIds, storedCount } from './compact-columns';

const KEY = 'dashboard.facts';
/** Bump when the stored shape changes. 1: ids as an array of strings. */
const SHAPE = 2;

/** What the dashboard keeps of a project: the facts, plus its id. */
export type DashFacts = ProjectFacts & { id: string };

/** The facts of a project's board row. */
export function factsOf(r: BoardRow): DashFacts {
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

type Stored = {
  shape: number;
  rev: number;
  count: number;
  /** The ids, one after another, each followed by a line break (one string clones far faster than 100,000). */
  ids: string;
  /** District, sector and zone values; 0 stands for "not set". */
  dict: string[];
  stage: Uint8Array;
  district: Uint16Array;
  sector: Uint16Array;
  zone: Uint16Array;
  /** Each amount, or NaN for none. */
  tenge: Float64Array;
  /**
   * Four per project (construction planned, created; permanent planned, created): in the smallest
   * array that holds every count exactly — 16 or 32-bit with the largest value for none, or doubles
   * with NaN for none (a count that is not a whole number, or too large).
   */
  jobs: Uint16Array | Uint32Array | Float64Array;
  /** Index into `dates` (0: none). */
  commissioned: Uint16Array;
  dates: string[];
  /** Bit i: an open barrier of BARRIER_KINDS[i]. */
  kinds: Uint16Array;
};

const num = (v: number | undefined) => (v === undefined ? NaN : v);
const opt = (v: number) => (Number.isNaN(v) ? undefined : v);

const JOB_FIELDS = ['jobsConstructionPlanned', 'jobsConstructionCreated', 'jobsPermanentPlanned', 'jobsPermanentCreated'] as const;

/** The value standing for "none" in a jobs column. */
function noneIn(jobs: Uint16Array | Uint32Array | Float64Array): number {
  return jobs instanceof Uint16Array ? 0xffff : jobs instanceof Uint32Array ? 0xffffffff : NaN;
}

/** An empty jobs column of the smallest kind that holds every count of `rows` exactly. */
function jobsColumn(rows: readonly DashFacts[]): Uint16Array | Uint32Array | Float64Array {
  let max = 0;
  for (const r of rows) {
    for (const f of JOB_FIELDS) {
      const v = r[f];
      if (v === undefined) continue;
      if (!Number.isInteger(v) || v < 0 || v >= 0xffffffff || Object.is(v, -0)) return new Float64Array(rows.length * 4);
      if (v > max) max = v;
    }
  }
  return max < 0xffff ? new Uint16Array(rows.length * 4) : new Uint32Array(rows.length * 4);
}

/** The facts as stored columns. */
export function encodeFacts(rows: readonly DashFacts[], rev: number): Stored {
  const n = rows.length;
  const places = dictionary(['']);
  const code = (v: string | undefined) => (v === undefined ? 0 : places.code(v));
  const dates = dictionary(['']);
  const stageIndex = new Map<string, number>(STAGES.map((s, i) => [s, i]));
  const kindBit = new Map<string, number>(BARRIER_KINDS.map((k, i) => [k, 1 << i]));
  const out: Stored = {
    shape: SHAPE, rev, count: n, ids: joinIds(rows.map((r) => r.id)), dict: places.values, dates: dates.values,
    stage: new Uint8Array(n), district: new Uint16Array(n), sector: new Uint16Array(n), zone: new Uint16Array(n),
    tenge: new Float64Array(n), jobs: jobsColumn(rows), commissioned: new Uint16Array(n), kinds: new Uint16Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i] as DashFacts;
    out.stage[i] = stageIndex.get(r.stage) ?? 0;
    out.district[i] = code(r.districtId);
    out.sector[i] = code(r.okedSection);
    out.zone[i] = code(r.zoneId);
    out.tenge[i] = num(r.investmentTenge);
    const none = noneIn(out.jobs);
    out.jobs[i * 4] = r.jobsConstructionPlanned ?? none;
    out.jobs[i * 4 + 1] = r.jobsConstructionCreated ?? none;
    out.jobs[i * 4 + 2] = r.jobsPermanentPlanned ?? none;
    out.jobs[i * 4 + 3] = r.jobsPermanentCreated ?? none;
    const d = r.actualCommissioningDate;
    if (d) out.commissioned[i] = dates.code(d);
    let bits = 0;
    for (const k of r.openBarrierKinds ?? []) bits |= kindBit.get(k) ?? 0;
    out.kinds[i] = bits;
  }
  if (places.values.length > 0xffff || dates.values.length > 0xffff) throw new Error('Too many distinct places or dates for the compact facts');
  return out;
}

const isStored = (s: unknown): s is Stored => {
  const n = storedCount(s, SHAPE);
  if (n === null) return false;
  const v = s as Partial<Stored>;
  return Array.isArray(v.dict) && Array.isArray(v.dates)
    && v.stage instanceof Uint8Array && v.stage.length === n
    && v.district instanceof Uint16Array && v.district.length === n
    && v.sector instanceof Uint16Array && v.sector.length === n
    && v.zone instanceof Uint16Array && v.zone.length === n
    && v.tenge instanceof Float64Array && v.tenge.length === n
    && (v.jobs instanceof Uint16Array || v.jobs instanceof Uint32Array || v.jobs instanceof Float64Array) && v.jobs.length === n * 4
    && v.commissioned instanceof Uint16Array && v.commissioned.length === n
    && v.kinds instanceof Uint16Array && v.kinds.length === n;
};

/** The facts from stored columns (null when they are not of this shape). */
export function decodeFacts(s: unknown): DashFacts[] | null {
  if (!isStored(s)) return null;
  const ids = splitIds(s.ids, s.count);
  if (!ids) return null;
  const { dict, dates } = s;
  const kindsOf = new Map<number, BarrierKind[]>();
  const kinds = (bits: number) => {
    let k = kindsOf.get(bits);
    if (!k) kindsOf.set(bits, (k = BARRIER_KINDS.filter((_, i) => bits & (1 << i))));
    return k;
  };
  const place = (i: number) => (i === 0 ? undefined : dict[i]);
  const { jobs } = s;
  const none = noneIn(jobs);
  const count = (v: number) => (v === none || Number.isNaN(v) ? undefined : v);
  const rows = new Array<DashFacts>(s.count);
  for (let i = 0; i < s.count; i++) {
    rows[i] = {
      id: ids[i] as string,
      stage: (STAGES[s.stage[i] as number] ?? 'idea') as Stage,
      districtId: place(s.district[i] as number),
      okedSection: place(s.sector[i] as number),
      zoneId: place(s.zone[i] as number),
      investmentTenge: opt(s.tenge[i] as number),
      jobsConstructionPlanned: count(jobs[i * 4] as number),
      jobsConstructionCreated: count(jobs[i * 4 + 1] as number),
      jobsPermanentPlanned: count(jobs[i * 4 + 2] as number),
      jobsPermanentCreated: count(jobs[i * 4 + 3] as number),
      actualCommissioningDate: s.commissioned[i] ? dates[s.commissioned[i] as number] : undefined,
      openBarrierKinds: kinds(s.kinds[i] as number),
    };
  }
  return rows;
}

/** Saves the facts of the live projects as of board revision `rev`. */
export async function saveDashFacts(db: HattamaDb, rows: readonly DashFacts[], rev: number): Promise<void> {
  await db.settings.put({ key: KEY, value: encodeFacts(rows, rev) });
}

/** The saved facts and the board rows written since, or null when there is no usable snapshot. */
export async function loadDashFacts(db: HattamaDb): Promise<{ rows: DashFacts[]; since: BoardRow[]; rev: number } | null> {
  return loadCompactSnapshot(db, { key: KEY, decode: decodeFacts, since: db.boardRows, currentRev: currentBoardRev });
}
