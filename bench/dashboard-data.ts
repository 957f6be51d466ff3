// Synthetic data for the dashboard benchmarks: a region's register of N projects (districts,
// sectors, zones, stages, investment, jobs, commissioning dates, open barriers) and M assignments
// (statuses, due and execution dates, responsible bodies, zones, projects), deterministic.
import { BARRIER_KINDS, STAGES, type BarrierKind } from '../shared/domain/project.schema';
import type { AssignmentStatus } from '../shared/domain/assignment.schema';
import type { AssignmentFacts, ProjectFacts, StatFacts } from '../shared/dashboard/aggregate';
import { DISTRICTS, ZONES } from '../shared/geo/regions';

const OKED = ['A', 'B', 'C', 'C', 'C', 'D', 'F', 'G', 'H', 'H', 'I', 'J'];
const STATUSES: AssignmentStatus[] = ['open', 'in_progress', 'done', 'done', 'done', 'cancelled'];
export const BENCH_TODAY = '2026-03-15';

export function benchId(kind: number, i: number): string {
  return `0190${kind.toString(16).padStart(4, '0')}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** Ids of the bench's responsible bodies. */
export const BODY_IDS = Array.from({ length: 24 }, (_, i) => benchId(0xb0d, i));

export function makeFacts(nProjects: number, nAssignments: number): { projects: ProjectFacts[]; assignments: AssignmentFacts[]; stats: StatFacts[] } {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const districts = DISTRICTS.filter((d) => d.regionId === 'aktobe').map((d) => d.id);
  const zones = ZONES.filter((z) => z.regionId === 'aktobe').map((z) => z.id);
  const projects: ProjectFacts[] = [];
  for (let i = 0; i < nProjects; i++) {
    const stage = pick(STAGES);
    const kinds = new Set<BarrierKind>();
    if (rnd() < 0.25) kinds.add(pick(BARRIER_KINDS));
    if (rnd() < 0.1) kinds.add(pick(BARRIER_KINDS));
    const p: ProjectFacts = {
      id: benchId(1, i), alive: 1, stage,
      districtId: rnd() < 0.95 ? pick(districts) : undefined,
      okedSection: pick(OKED),
      zoneId: rnd() < 0.2 ? pick(zones) : undefined,
      investmentTenge: Math.round(rnd() * 2e12) / 100,
      jobsConstructionPlanned: Math.floor(rnd() * 900), jobsConstructionCreated: Math.floor(rnd() * 400),
      jobsPermanentPlanned: Math.floor(rnd() * 500), jobsPermanentCreated: Math.floor(rnd() * 200),
      actualCommissioningDate: stage === 'operating' ? `${2018 + Math.floor(rnd() * 8)}-0${1 + Math.floor(rnd() * 9)}-15` : undefined,
      openBarrierKinds: BARRIER_KINDS.filter((k) => kinds.has(k)),
    };
    projects.push(p);
  }
  const assignments: AssignmentFacts[] = [];
  for (let i = 0; i < nAssignments; i++) {
    const status = pick(STATUSES);
    const due = rnd() < 0.9 ? `${2024 + Math.floor(rnd() * 3)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : null;
    const doneOn = status === 'done' && due ? (rnd() < 0.8 ? due : `${due.slice(0, 8)}28`) : null;
    assignments.push({
      id: benchId(2, i), alive: 1, status, due, doneOn,
      responsibleOrgIds: rnd() < 0.9 ? [pick(BODY_IDS)] : [],
      zoneIds: rnd() < 0.1 ? [pick(zones)] : [],
      projectIds: rnd() < 0.7 ? [benchId(1, Math.floor(rnd() * nProjects))] : [],
    });
  }
  const stats: StatFacts[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((year, k) => [
    { regionId: 'aktobe', year, indicator: 'investment_attracted_tenge' as const, value: (500 + k * 110) * 1e9, qualifier: 'exact' as const, updatedAt: '2026-01-10T00:00:00.000Z' },
    { regionId: 'aktobe', year, indicator: 'investment_plan_tenge' as const, value: (520 + k * 100) * 1e9, qualifier: 'exact' as const, updatedAt: '2026-01-10T00:00:00.000Z' },
  ]);
  return { projects, assignments, stats };
}
