// The dashboard's figures (DESIGN §1.6), as pure functions: the register's lean rows, the
// assignments' lean rows and the official statistics in, numbers out. One pass over the projects
// and one over the assignments give every chart, so 100,000 projects take milliseconds; money is
// summed exactly (money-sum.ts).
import { BARRIER_KINDS, STAGES, type BarrierKind, type Stage } from '../domain/project.schema';
import type { AssignmentStatus } from '../domain/assignment.schema';
import type { StatIndicator } from '../domain/investment-stat.schema';
import { addTiyn, newSum, sumTenge, toTiyn, type MoneySum } from './money-sum';

/** What the dashboard needs of a project (the board's row carries it). */
export type ProjectFacts = {
  id: string;
  /** 0 for a deleted project (skipped); absent means live. */
  alive?: 0 | 1;
  stage: Stage;
  districtId?: string | undefined;
  okedSection?: string | undefined;
  zoneId?: string | undefined;
  investmentTenge?: number | undefined;
  jobsConstructionPlanned?: number | undefined;
  jobsConstructionCreated?: number | undefined;
  jobsPermanentPlanned?: number | undefined;
  jobsPermanentCreated?: number | undefined;
  actualCommissioningDate?: string | undefined;
  /** Kinds of the project's open barriers, each once. */
  openBarrierKinds?: readonly BarrierKind[] | undefined;
};

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
export type StatFacts = {
  regionId: string;
  year: number;
  indicator: StatIndicator;
  value: number;
  qualifier: 'exact' | 'more_than';
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

function inList(list: readonly string[] | undefined, value: string | undefined): boolean {
  return !list || list.length === 0 || list.includes(value ?? '');
}

/** Whether a live project passes the district, sector and zone filters. */
export function projectMatches(p: ProjectFacts, f: DashboardFilters): boolean {
  return inList(f.districts, p.districtId) && inList(f.sectors, p.okedSection) && inList(f.zones, p.zoneId);
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

/** The official figures of a region by year, with growth computed where the previous year is known. */
export function investmentByYear(stats: readonly StatFacts[], regionId: string, f: DashboardFilters = {}): InvestmentYear[] {
  // The latest entry of a year and indicator wins (a corrected figure replaces the first one).
  const latest = new Map<string, StatFacts>();
  for (const s of stats) {
    if (s.deletedAt || s.regionId !== regionId) continue;
    const key = `${s.year}/${s.indicator}`;
    const seen = latest.get(key);
    if (!seen || s.updatedAt > seen.updatedAt) latest.set(key, s);
  }
  const years = [...new Set([...latest.values()].map((s) => s.year))].sort((a, b) => a - b);
  const get = (year: number, ind: StatIndicator) => latest.get(`${year}/${ind}`);
  return years
    .map((year): InvestmentYear => {
      const attracted = get(year, 'investment_attracted_tenge');
      const previous = get(year - 1, 'investment_attracted_tenge');
      const official = get(year, 'investment_growth_pct');
      const computed = attracted && previous && attracted.qualifier === 'exact' && previous.qualifier === 'exact' ? growthIndex(attracted.value, previous.value) : null;
      const growth = computed !== null ? { growthPct: computed, growthSource: 'computed' as const, growthMoreThan: false }
        : official ? { growthPct: official.value, growthSource: 'official' as const, growthMoreThan: official.qualifier === 'more_than' }
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
function bump(map: Map<string, Acc>, key: string, tiyn: number) {
  let a = map.get(key);
  if (!a) map.set(key, (a = acc()));
  a.count++;
  addTiyn(a.sum, tiyn);
}
const toBucket = (key: string, a: Acc): Bucket => ({ key, count: a.count, tenge: sumTenge(a.sum) });
/** Largest volume first, then most projects; "not set" ('') last. */
function ranked(map: Map<string, Acc>): Bucket[] {
  return [...map].map(([k, a]) => toBucket(k, a)).sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : b.tenge - a.tenge || b.count - a.count || (a.key < b.key ? -1 : 1));
}
const noCounts = (): ExecutionCounts => ({ on_time: 0, late: 0, overdue: 0, pending: 0 });

/** Every figure of the dashboard under the filters, as of `today` (YYYY-MM-DD, Kazakhstan). */
export function aggregateDashboard(input: {
  projects: readonly ProjectFacts[];
  assignments: readonly AssignmentFacts[];
  stats: readonly StatFacts[];
  regionId: string;
  today: string;
  filters?: DashboardFilters;
}): DashboardData {
  const f = input.filters ?? {};
  const filtered = hasProjectFilters(f);
  const matched = filtered ? new Set<string>() : null;
  const stage = new Map<string, Acc>(STAGES.map((s) => [s, acc()]));
  const sector = new Map<string, Acc>();
  const district = new Map<string, Acc>();
  const zone = new Map<string, Acc>();
  const commissioned = new Map<string, Acc>();
  const barrierProjects = new Map<BarrierKind, number>(BARRIER_KINDS.map((k) => [k, 0]));
  const jobs: JobsTotals = { constructionPlanned: 0, constructionCreated: 0, permanentPlanned: 0, permanentCreated: 0 };
  const total = acc();
  let withBarriers = 0;
  for (const p of input.projects) {
    if (p.alive === 0 || (filtered && !projectMatches(p, f))) continue;
    matched?.add(p.id);
    const t = toTiyn(p.investmentTenge);
    total.count++;
    addTiyn(total.sum, t);
    bump(stage, p.stage, t);
    bump(sector, p.okedSection ?? '', t);
    bump(district, p.districtId ?? '', t);
    bump(zone, p.zoneId ?? '', t);
    jobs.constructionPlanned += p.jobsConstructionPlanned ?? 0;
    jobs.constructionCreated += p.jobsConstructionCreated ?? 0;
    jobs.permanentPlanned += p.jobsPermanentPlanned ?? 0;
    jobs.permanentCreated += p.jobsPermanentCreated ?? 0;
    if (p.actualCommissioningDate) {
      const year = Number(p.actualCommissioningDate.slice(0, 4));
      if (inPeriod(year, f)) bump(commissioned, String(year), t);
    }
    const kinds = p.openBarrierKinds;
    if (kinds && kinds.length > 0) {
      withBarriers++;
      for (const k of kinds) barrierProjects.set(k, (barrierProjects.get(k) ?? 0) + 1);
    }
  }

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
    byStage: STAGES.map((s) => toBucket(s, stage.get(s) ?? acc())),
    bySector: ranked(sector),
    byDistrict: ranked(district),
    byZone: ranked(zone),
    jobs,
    commissioned: [...commissioned].map(([k, a]) => toBucket(k, a)).sort((a, b) => Number(a.key) - Number(b.key)),
    openBarriers: BARRIER_KINDS.map((kind) => ({ kind, projects: barrierProjects.get(kind) ?? 0 })),
    projectsWithOpenBarriers: withBarriers,
    assignmentsByMonth: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, c]) => ({ month, ...c })),
    assignmentsByBody: [...bodies]
      .sort(([ka, a], [kb, b]) => (ka === '') !== (kb === '') ? (ka === '' ? 1 : -1) : b.overdue - a.overdue || sumCounts(b) - sumCounts(a) || (ka < kb ? -1 : 1))
      .map(([orgId, c]) => ({ orgId, ...c })),
    totals: { projects: total.count, tenge: sumTenge(total.sum), assignments },
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

/** The figures of one zone as of `today`. */
export function zoneView(input: { projects: readonly ProjectFacts[]; assignments: readonly AssignmentFacts[]; zoneId: string; today: string }): ZoneView {
  const stage = new Map<string, Acc>(STAGES.map((s) => [s, acc()]));
  const planned = newSum();
  const commissioned = newSum();
  const jobs: JobsTotals = { constructionPlanned: 0, constructionCreated: 0, permanentPlanned: 0, permanentCreated: 0 };
  const barrierProjects = new Map<BarrierKind, number>(BARRIER_KINDS.map((k) => [k, 0]));
  for (const p of input.projects) {
    if (p.alive === 0 || p.zoneId !== input.zoneId) continue;
    const t = toTiyn(p.investmentTenge);
    bump(stage, p.stage, t);
    if (p.stage !== 'cancelled') addTiyn(planned, t);
    if (p.stage === 'operating' || (p.actualCommissioningDate && p.stage !== 'cancelled')) addTiyn(commissioned, t);
    jobs.constructionPlanned += p.jobsConstructionPlanned ?? 0;
    jobs.constructionCreated += p.jobsConstructionCreated ?? 0;
    jobs.permanentPlanned += p.jobsPermanentPlanned ?? 0;
    jobs.permanentCreated += p.jobsPermanentCreated ?? 0;
    for (const k of p.openBarrierKinds ?? []) barrierProjects.set(k, (barrierProjects.get(k) ?? 0) + 1);
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
    byStage: STAGES.map((s) => toBucket(s, stage.get(s) ?? acc())),
    investment: { planned: sumTenge(planned), commissioned: sumTenge(commissioned) },
    jobs,
    openBarriers: BARRIER_KINDS.map((kind) => ({ kind, projects: barrierProjects.get(kind) ?? 0 })),
    instructions,
  };
}
