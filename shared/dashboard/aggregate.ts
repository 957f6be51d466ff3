// The dashboard's figures (DESIGN §1.6), as pure functions: the register's columns
// (project-columns.ts), the assignments' lean rows and the official statistics in, numbers out.
// One pass over the projects' columns and one over the assignments give every chart, so 100,000
// projects take milliseconds — the first time too; money is summed exactly (money-sum.ts).
import { BARRIER_KINDS, STAGES, type BarrierKind } from '../domain/project.schema';
import type { AssignmentStatus } from '../domain/assignment.schema';
import { periodOf, type StatIndicator, type StatPeriod } from '../domain/investment-stat.schema';
import { compareHlc } from '../sync/hlc';
import { addTiyn, newSum, sumTenge, TiynSums, toTiyn, type MoneySum } from './money-sum';
import { idsOf, type ProjectColumns } from './project-columns';

export { toProjectColumns, type ProjectColumns, type ProjectFacts } from './project-columns';

/** What the dashboard needs of an assignment (поручение). */
export type AssignmentFacts = {
  id: string;
  alive?: 0 | 1;
  status: AssignmentStatus;
  /** The date the deadline falls on (none for «постоянно» / «ежеквартально»). */
  due: string | null;
  /** The date of the latest execution report of an executed assignment. */
  doneOn: string | null;
  responsibleOrgIds: readonly string[];
  zoneIds: readonly string[];
  projectIds: readonly string[];
};

/** One official figure (investmentStats). */
export type StatFacts = StatOrder & {
  regionId: string;
  year: number;
  indicator: StatIndicator;
  /** Absent: the year (figures entered before periods). */
  period?: StatPeriod | undefined;
  periodNo?: number | undefined;
  value: number;
  qualifier: 'exact' | 'more_than';
  /** The figure's own official growth index, % of the same period of the previous year. */
  growthPct?: number | undefined;
  growthQualifier?: 'exact' | 'more_than' | undefined;
  updatedAt: string;
  deletedAt?: string | null;
};

/**
 * Filters shared by every chart: a period in years (inclusive; open ends allowed) for the charts
 * over time, and the districts, ОКЭД sections and zones of the projects ('' selects "not set").
 * An empty list does not filter.
 */
export type DashboardFilters = {
  fromYear?: number | undefined;
  toYear?: number | undefined;
  districts?: readonly string[];
  sectors?: readonly string[];
  zones?: readonly string[];
};

export type Bucket = { key: string; count: number; tenge: number };
export type JobsTotals = { constructionPlanned: number; constructionCreated: number; permanentPlanned: number; permanentCreated: number };
export type Execution = 'on_time' | 'late' | 'overdue' | 'pending';
export const EXECUTIONS: readonly Execution[] = ['on_time', 'late', 'overdue', 'pending'];
export type ExecutionCounts = Record<Execution, number>;

/** The official figures of one year, with the growth index. */
export type InvestmentYear = {
  year: number;
  attracted: number | null;
  /** «более 1,2 трлн»: the figure is a lower bound. */
  attractedMoreThan: boolean;
  plan: number | null;
  /** Growth index, % of the previous year (current / previous × 100), or the official figure. */
  growthPct: number | null;
  growthSource: 'computed' | 'official' | null;
  growthMoreThan: boolean;
  largeCommissioned: number | null;
};

export type DashboardData = {
  investment: InvestmentYear[];
  /** Every stage, in the funnel's order (idea → operating, then suspended, cancelled). */
  byStage: Bucket[];
  bySector: Bucket[];
  byDistrict: Bucket[];
  byZone: Bucket[];
  jobs: JobsTotals;
  /** Projects commissioned (actual date) per year, ascending. */
  commissioned: Bucket[];
  /** Projects with at least one open barrier of each kind (a project counts once per kind). */
  openBarriers: { kind: BarrierKind; projects: number }[];
  projectsWithOpenBarriers: number;
  /** Assignments by the month of their due date, ascending. */
  assignmentsByMonth: ({ month: string } & ExecutionCounts)[];
  /** Assignments by responsible body ('' for none yet); an assignment counts for each of its bodies. */
  assignmentsByBody: ({ orgId: string } & ExecutionCounts)[];
  totals: { projects: number; tenge: number; assignments: number };
};

/** Whether any of the project filters is set. */
export function hasProjectFilters(f: DashboardFilters): boolean {
  return (f.districts?.length ?? 0) > 0 || (f.sectors?.length ?? 0) > 0 || (f.zones?.length ?? 0) > 0;
}

/** For a filter's list, 1 at the place codes it selects ('' selects code 0, "not set"); null for no filter. */
function selected(places: readonly string[], list: readonly string[] | undefined): Uint8Array | null {
  if (!list || list.length === 0) return null;
  const flags = new Uint8Array(places.length);
  for (const v of list) {
    const code = v === '' ? 0 : places.indexOf(v);
    if (code >= 0) flags[code] = 1;
  }
  return flags;
}

function inPeriod(year: number, f: DashboardFilters): boolean {
  return (f.fromYear === undefined || year >= f.fromYear) && (f.toYear === undefined || year <= f.toYear);
}

/** Where an assignment stands on `today`; null for a cancelled one. */
export function executionOf(a: Pick<AssignmentFacts, 'status' | 'due' | 'doneOn'>, today: string): Execution | null {
  switch (a.status) {
    case 'cancelled':
      return null;
    case 'done':
      return a.due && a.doneOn && a.doneOn > a.due ? 'late' : 'on_time';
    default:
      return a.due && a.due < today ? 'overdue' : 'pending';
  }
}

/** Growth index as the statistics bureau gives it: current / previous × 100, one decimal. */
export function growthIndex(current: number, previous: number): number | null {
  if (!(previous > 0) || !Number.isFinite(current)) return null;
  return Math.round((current / previous) * 1000) / 10;
}

/** What decides which of two figures for one period counts (countsOver). */
export type StatOrder = {
  /**
   * The figure's latest field stamp (HLC): when it was last entered or corrected, by whoever did —
   * the same on every replica. A row's `updatedAt` is when this replica wrote it (a pulled figure
   * gets the time of the pull), so alone it would let two clerks' screens disagree.
   */
  stamp?: string | undefined;
  updatedAt?: string | undefined;
  id?: string | undefined;
};

/**
 * Of two figures entered for the same period and indicator (two clerks offline, then synced),
 * whether `a` is the one that counts: the one entered or corrected later by its stamps, and on
 * equal stamps the greater id — the same answer on every replica whatever order its rows come in.
 * Figures without stamps (never written through the repository) fall back to `updatedAt`.
 */
export function countsOver(a: StatOrder, b: StatOrder): boolean {
  if (a.stamp && b.stamp) return a.stamp !== b.stamp ? compareHlc(a.stamp, b.stamp) > 0 : (a.id ?? '') > (b.id ?? '');
  const [x, y] = [a.updatedAt ?? '', b.updatedAt ?? ''];
  return x !== y ? x > y : (a.id ?? '') > (b.id ?? '');
}

/** The official figures of a region by year, with growth computed where the previous year is known. */
export function investmentByYear(stats: readonly StatFacts[], regionId: string, f: DashboardFilters = {}): InvestmentYear[] {
  // The latest entry of a year and indicator wins (a corrected figure replaces the first one).
  const latest = new Map<string, StatFacts>();
  for (const s of stats) {
    // The chart is by year: quarters, months and cumulative figures are listed, not drawn.
    if (s.deletedAt || s.regionId !== regionId || periodOf(s) !== 'year') continue;
    const key = `${s.year}/${s.indicator}`;
    const seen = latest.get(key);
    if (!seen || countsOver(s, seen)) latest.set(key, s);
  }
  const years = [...new Set([...latest.values()].map((s) => s.year))].sort((a, b) => a - b);
  const get = (year: number, ind: StatIndicator) => latest.get(`${year}/${ind}`);
  return years
    .map((year): InvestmentYear => {
      const attracted = get(year, 'investment_attracted_tenge');
      const previous = get(year - 1, 'investment_attracted_tenge');
      const official = get(year, 'investment_growth_pct');
      const computed = attracted && previous && attracted.qualifier === 'exact' && previous.qualifier === 'exact' ? growthIndex(attracted.value, previous.value) : null;
      // The official index: a figure of its own, or the one entered with the amount.
      const own = attracted?.growthPct !== undefined ? { value: attracted.growthPct, qualifier: attracted.growthQualifier ?? 'exact' } : null;
      const stated = official ? { value: official.value, qualifier: official.qualifier } : own;
      const growth = computed !== null ? { growthPct: computed, growthSource: 'computed' as const, growthMoreThan: false }
        : stated ? { growthPct: stated.value, growthSource: 'official' as const, growthMoreThan: stated.qualifier === 'more_than' }
        : { growthPct: null, growthSource: null, growthMoreThan: false };
      return {
        year,
        attracted: attracted?.value ?? null,
        attractedMoreThan: attracted?.qualifier === 'more_than',
        plan: get(year, 'investment_plan_tenge')?.value ?? null,
        ...growth,
        largeCommissioned: get(year, 'large_projects_commissioned')?.value ?? null,
      };
    })
    .filter((y) => inPeriod(y.year, f));
}

type Acc = { count: number; sum: MoneySum };
const acc = (): Acc => ({ count: 0, sum: newSum() });
const toBucket = (key: string, a: Acc): Bucket => ({ key, count: a.count, tenge: sumTenge(a.sum) });
/** Largest volume first, then most projects; "not set" ('') last. */
function ranked(buckets: Bucket[]): Bucket[] {
  return buckets.sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : b.tenge - a.tenge || b.count - a.count || (a.key < b.key ? -1 : 1));
}
const noCounts = (): ExecutionCounts => ({ on_time: 0, late: 0, overdue: 0, pending: 0 });

/** Counts and exact sums by code. */
class Tally {
  readonly count: Float64Array;
  readonly sums: TiynSums;
  constructor(size: number) {
    this.count = new Float64Array(size);
    this.sums = new TiynSums(size);
  }
  bucket(code: number, key: string): Bucket {
    return { key, count: this.count[code] as number, tenge: this.sums.tenge(code) };
  }
  /** The buckets of the codes counted, keyed by `keyOf`. */
  buckets(keyOf: (code: number) => string): Bucket[] {
    const out: Bucket[] = [];
    for (let c = 0; c < this.count.length; c++) if ((this.count[c] as number) > 0) out.push(this.bucket(c, keyOf(c)));
    return out;
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;


/** Every figure of the dashboard under the filters, as of `today` (YYYY-MM-DD, Kazakhstan). */
export function aggregateDashboard(input: {
  projects: ProjectColumns;
  assignments: readonly AssignmentFacts[];
  stats: readonly StatFacts[];
  regionId: string;
  today: string;
  filters?: DashboardFilters;
}): DashboardData {
  const f = input.filters ?? {};
  const c = input.projects;
  const n = c.count;
  const places = c.places;
  const inDistricts = selected(places, f.districts);
  const inSectors = selected(places, f.sectors);
  const inZones = selected(places, f.zones);
  const filtered = inDistricts !== null || inSectors !== null || inZones !== null;
  const ids = filtered ? idsOf(c) : null;
  const matched = filtered ? new Set<string>() : null;
  const stage = new Tally(STAGES.length);
  const district = new Tally(places.length);
  const sector = new Tally(places.length);
  const zone = new Tally(places.length);
  const commissioned = new Map<number, Acc>();
  const barrierProjects = new Float64Array(BARRIER_KINDS.length);
  let jcp = 0, jcc = 0, jpp = 0, jpc = 0;
  let totalN = 0;
  let withBarriers = 0;
  const { alive, tenge, jobs, year, kinds } = c;
  const stageCodes = c.stage, districtCodes = c.district, sectorCodes = c.sector, zoneCodes = c.zone;
  const stageN = stage.count, districtN = district.count, sectorN = sector.count, zoneN = zone.count;
  const totalS = new TiynSums(1);
  // Several small loops over typed arrays, each without calls on its common path, rather than one
  // large one: the engine compiles a small hot loop after a few thousand turns, so the first count
  // when the dashboard opens is nearly as fast as the next ones.
  // Which rows count: alive, and through the filters.
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (alive[i] !== 1) continue;
    if (filtered) {
      if ((inDistricts && inDistricts[districtCodes[i] as number] !== 1) || (inSectors && inSectors[sectorCodes[i] as number] !== 1) || (inZones && inZones[zoneCodes[i] as number] !== 1)) continue;
      matched?.add(ids?.[i] as string);
    }
    keep[i] = 1;
    totalN++;
  }
  // Projects by stage and place.
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    const st = stageCodes[i] as number;
    const d = districtCodes[i] as number;
    const s = sectorCodes[i] as number;
    const z = zoneCodes[i] as number;
    stageN[st] = (stageN[st] as number) + 1;
    districtN[d] = (districtN[d] as number) + 1;
    sectorN[s] = (sectorN[s] as number) + 1;
    zoneN[z] = (zoneN[z] as number) + 1;
  }
  // Amounts in whole tiyn (none, NaN, is 0), by row.
  const tiyn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tg = tenge[i] as number;
    // `tg - tg === 0` holds for finite amounts only.
    if (keep[i] === 1 && tg - tg === 0) tiyn[i] = Math.round(tg * 100);
  }
  // Each sum in place while it stays exact in a double (|v| < 2^53), moved to a BigInt past it.
  const sumBy = (codes: Uint8Array | Uint16Array | null, sums: TiynSums) => {
    const small = sums.small;
    for (let i = 0; i < n; i++) {
      const t = tiyn[i] as number;
      if (t === 0) continue;
      const code = codes === null ? 0 : (codes[i] as number);
      const v = (small[code] as number) + t;
      if (v <= MAX_SAFE && v >= -MAX_SAFE) small[code] = v;
      else sums.spill(code, t);
    }
  };
  sumBy(null, totalS);
  sumBy(stageCodes, stage.sums);
  sumBy(districtCodes, district.sums);
  sumBy(sectorCodes, sector.sums);
  sumBy(zoneCodes, zone.sums);
  // Jobs.
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    jcp += jobs[i * 4] as number;
    jcc += jobs[i * 4 + 1] as number;
    jpp += jobs[i * 4 + 2] as number;
    jpc += jobs[i * 4 + 3] as number;
  }
  // Commissioned by year, open barriers by kind.
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    const y = year[i] as number;
    if (y !== 0 && inPeriod(y, f)) {
      let a = commissioned.get(y);
      if (!a) commissioned.set(y, (a = acc()));
      a.count++;
      addTiyn(a.sum, tiyn[i] as number);
    }
    const k = kinds[i] as number;
    if (k !== 0) {
      withBarriers++;
      for (let b = 0; b < BARRIER_KINDS.length; b++) if ((k & (1 << b)) !== 0) barrierProjects[b] = (barrierProjects[b] as number) + 1;
    }
  }
  const jobsTotals: JobsTotals = { constructionPlanned: jcp, constructionCreated: jcc, permanentPlanned: jpp, permanentCreated: jpc };
  const place = (code: number) => places[code] ?? '';

  const months = new Map<string, ExecutionCounts>();
  const bodies = new Map<string, ExecutionCounts>();
  const zones = f.zones && f.zones.length > 0 ? f.zones : null;
  let assignments = 0;
  for (const a of input.assignments) {
    if (a.alive === 0) continue;
    if (matched && !(a.projectIds.some((id) => matched.has(id)) || (zones !== null && a.zoneIds.some((z) => zones.includes(z))))) continue;
    const state = executionOf(a, input.today);
    if (state === null) continue;
    if (a.due && !inPeriod(Number(a.due.slice(0, 4)), f)) continue;
    if (!a.due && (f.fromYear !== undefined || f.toYear !== undefined)) continue;
    assignments++;
    if (a.due) {
      const month = a.due.slice(0, 7);
      let m = months.get(month);
      if (!m) months.set(month, (m = noCounts()));
      m[state]++;
    }
    const owners = a.responsibleOrgIds.length > 0 ? a.responsibleOrgIds : [''];
    for (const org of owners) {
      let b = bodies.get(org);
      if (!b) bodies.set(org, (b = noCounts()));
      b[state]++;
    }
  }
  const sumCounts = (c: ExecutionCounts) => c.on_time + c.late + c.overdue + c.pending;

  return {
    investment: investmentByYear(input.stats, input.regionId, f),
    byStage: STAGES.map((s, code) => stage.bucket(code, s)),
    bySector: ranked(sector.buckets(place)),
    byDistrict: ranked(district.buckets(place)),
    byZone: ranked(zone.buckets(place)),
    jobs: jobsTotals,
    commissioned: [...commissioned].sort(([a], [b]) => a - b).map(([y, a]) => toBucket(String(y), a)),
    openBarriers: BARRIER_KINDS.map((kind, b) => ({ kind, projects: barrierProjects[b] as number })),
    projectsWithOpenBarriers: withBarriers,
    assignmentsByMonth: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, c]) => ({ month, ...c })),
    assignmentsByBody: [...bodies]
      .sort(([ka, a], [kb, b]) => (ka === '') !== (kb === '') ? (ka === '' ? 1 : -1) : b.overdue - a.overdue || sumCounts(b) - sumCounts(a) || (ka < kb ? -1 : 1))
      .map(([orgId, c]) => ({ orgId, ...c })),
    totals: { projects: totalN, tenge: totalS.tenge(0), assignments },
  };
}

/** One zone (SEZ or industrial zone) at a glance: the seed session's main question. */
export type ZoneView = {
  zoneId: string;
  byStage: Bucket[];
  /** Investment of all its projects (cancelled ones aside) against that of the commissioned ones. */
  investment: { planned: number; commissioned: number };
  jobs: JobsTotals;
  openBarriers: { kind: BarrierKind; projects: number }[];
  /** The instructions it carries out (assignments naming the zone), by where they stand. */
  instructions: ExecutionCounts & { total: number };
};

const CANCELLED = STAGES.indexOf('cancelled');
const OPERATING = STAGES.indexOf('operating');

/** The figures of one zone as of `today`. */
export function zoneView(input: { projects: ProjectColumns; assignments: readonly AssignmentFacts[]; zoneId: string; today: string }): ZoneView {
  const c = input.projects;
  const stage = new Tally(STAGES.length);
  const planned = newSum();
  const commissioned = newSum();
  const jobs: JobsTotals = { constructionPlanned: 0, constructionCreated: 0, permanentPlanned: 0, permanentCreated: 0 };
  const barrierProjects = new Float64Array(BARRIER_KINDS.length);
  const code = input.zoneId === '' ? -1 : c.places.indexOf(input.zoneId);
  for (let i = 0; code > 0 && i < c.count; i++) {
    if (c.alive[i] !== 1 || c.zone[i] !== code) continue;
    const t = toTiyn(c.tenge[i] as number); // none (NaN) is 0
    const st = c.stage[i] as number;
    stage.count[st] = (stage.count[st] as number) + 1;
    stage.sums.add(st, t);
    if (st !== CANCELLED) addTiyn(planned, t);
    if (st === OPERATING || (c.year[i] !== 0 && st !== CANCELLED)) addTiyn(commissioned, t);
    jobs.constructionPlanned += c.jobs[i * 4] as number;
    jobs.constructionCreated += c.jobs[i * 4 + 1] as number;
    jobs.permanentPlanned += c.jobs[i * 4 + 2] as number;
    jobs.permanentCreated += c.jobs[i * 4 + 3] as number;
    const k = c.kinds[i] as number;
    for (let b = 0; b < BARRIER_KINDS.length; b++) if ((k & (1 << b)) !== 0) barrierProjects[b] = (barrierProjects[b] as number) + 1;
  }
  const instructions = { ...noCounts(), total: 0 };
  for (const a of input.assignments) {
    if (a.alive === 0 || !a.zoneIds.includes(input.zoneId)) continue;
    const state = executionOf(a, input.today);
    if (state === null) continue;
    instructions[state]++;
    instructions.total++;
  }
  return {
    zoneId: input.zoneId,
    byStage: STAGES.map((s, code) => stage.bucket(code, s)),
    investment: { planned: sumTenge(planned), commissioned: sumTenge(commissioned) },
    jobs,
    openBarriers: BARRIER_KINDS.map((kind, b) => ({ kind, projects: barrierProjects[b] as number })),
    instructions,
  };
}
