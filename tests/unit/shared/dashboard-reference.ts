// The dashboard's figures counted the plain way — over one object per project, with maps by key —
// as they were before the columns (project-columns.ts): the reference the column count is checked
// against on random registers (dashboard-columns.test.ts).
import { BARRIER_KINDS, STAGES, type BarrierKind } from '@shared/domain/project.schema';
import { addTiyn, newSum, sumTenge, toTiyn, type MoneySum } from '@shared/dashboard/money-sum';
import { executionOf, hasProjectFilters, investmentByYear, type AssignmentFacts, type Bucket, type DashboardData, type DashboardFilters, type ExecutionCounts, type JobsTotals, type ProjectFacts, type StatFacts, type ZoneView } from '@shared/dashboard/aggregate';

function inList(list: readonly string[] | undefined, value: string | undefined): boolean {
  return !list || list.length === 0 || list.includes(value ?? '');
}

/** Whether a live project passes the district, sector and zone filters. */
function projectMatches(p: ProjectFacts, f: DashboardFilters): boolean {
  return inList(f.districts, p.districtId) && inList(f.sectors, p.okedSection) && inList(f.zones, p.zoneId);
}

function inPeriod(year: number, f: DashboardFilters): boolean {
  return (f.fromYear === undefined || year >= f.fromYear) && (f.toYear === undefined || year <= f.toYear);
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

/** Every figure of the dashboard under the filters (the former count over objects), as of `today` (YYYY-MM-DD, Kazakhstan). */
export function referenceAggregate(input: {
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

/** The figures of one zone as of `today`. */
export function referenceZoneView(input: { projects: readonly ProjectFacts[]; assignments: readonly AssignmentFacts[]; zoneId: string; today: string }): ZoneView {
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
