// The dashboard's figures, from hand-made registers with exact expected values.
import { describe, expect, it } from 'vitest';
import { aggregateDashboard, executionOf, growthIndex, investmentByYear, toProjectColumns, zoneView, type AssignmentFacts, type ProjectFacts, type StatFacts } from '@shared/dashboard/aggregate';
import { addTenge, newSum, sumTenge } from '@shared/dashboard/money-sum';

const TODAY = '2026-03-15';
let n = 0;
const p = (over: Partial<ProjectFacts>): ProjectFacts => ({ id: `p${++n}`, stage: 'idea', ...over });
const a = (over: Partial<AssignmentFacts>): AssignmentFacts => ({ id: `a${++n}`, status: 'open', due: null, doneOn: null, responsibleOrgIds: [], zoneIds: [], projectIds: [], ...over });
const stat = (year: number, indicator: StatFacts['indicator'], value: number, over: Partial<StatFacts> = {}): StatFacts => ({ regionId: 'aktobe', year, indicator, value, qualifier: 'exact', updatedAt: '2026-01-01T00:00:00.000Z', ...over });

describe('money sums', () => {
  it('adds tiyn exactly where floats drift', () => {
    const s = newSum();
    for (const x of [0.1, 0.2, 0.3]) addTenge(s, x);
    expect(sumTenge(s)).toBe(0.6);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
  });
  it('stays exact past 2^53 tiyn (a thousand projects of 1e16 ₸ and a tiyn)', () => {
    const s = newSum();
    for (let i = 0; i < 1000; i++) addTenge(s, 1e16);
    addTenge(s, 0.01);
    expect(s.big).toBe(10n ** 21n + 1n);
    expect(sumTenge(s)).toBe(1e19 + 0.01);
  });
});

describe('investment by year', () => {
  it('the demo 2025: more than 1.2 trln, official growth over 125%, 10 large projects', () => {
    const y = investmentByYear([stat(2025, 'investment_attracted_tenge', 1.2e12, { qualifier: 'more_than' }), stat(2025, 'investment_growth_pct', 125, { qualifier: 'more_than' }), stat(2025, 'large_projects_commissioned', 10)], 'aktobe');
    expect(y).toEqual([{ year: 2025, attracted: 1.2e12, attractedMoreThan: true, plan: null, growthPct: 125, growthSource: 'official', growthMoreThan: true, largeCommissioned: 10 }]);
  });
  it('computes growth as current / previous × 100 where the previous year is known, and keeps the plan', () => {
    const y = investmentByYear([
      stat(2023, 'investment_attracted_tenge', 640e9),
      stat(2024, 'investment_attracted_tenge', 800e9),
      stat(2024, 'investment_plan_tenge', 750e9),
      stat(2024, 'investment_growth_pct', 118.3), // official index in comparable prices: the computed one is shown
      stat(2025, 'investment_attracted_tenge', 1.2e12),
      stat(2025, 'investment_attracted_tenge', 1.1e12, { regionId: 'atyrau' }),
    ], 'aktobe');
    expect(y.map((r) => [r.year, r.attracted, r.plan, r.growthPct, r.growthSource])).toEqual([
      [2023, 640e9, null, null, null],
      [2024, 800e9, 750e9, 125, 'computed'],
      [2025, 1.2e12, null, 150, 'computed'],
    ]);
    expect(growthIndex(1, 3)).toBe(33.3);
    expect(growthIndex(5, 0)).toBeNull();
  });
  it('a corrected figure replaces the first, a deleted one is ignored, the period cuts years', () => {
    const y = investmentByYear([
      stat(2024, 'investment_attracted_tenge', 700e9),
      stat(2024, 'investment_attracted_tenge', 800e9, { updatedAt: '2026-02-01T00:00:00.000Z' }),
      stat(2025, 'investment_attracted_tenge', 1e12, { deletedAt: '2026-02-01T00:00:00.000Z' }),
      stat(2022, 'investment_attracted_tenge', 1e9),
    ], 'aktobe', { fromYear: 2023 });
    expect(y.map((r) => [r.year, r.attracted])).toEqual([[2024, 800e9]]);
  });
});

describe('the register', () => {
  const projects: ProjectFacts[] = [
    p({ stage: 'idea', districtId: 'aktobe-alga', okedSection: 'C', investmentTenge: 1_000_000.1, jobsPermanentPlanned: 10, openBarrierKinds: ['land', 'gas'] }),
    p({ stage: 'construction', districtId: 'aktobe-alga', okedSection: 'C', zoneId: 'sez-aktobe', investmentTenge: 2_000_000.2, jobsConstructionPlanned: 100, jobsConstructionCreated: 40, openBarrierKinds: ['gas'] }),
    p({ stage: 'operating', districtId: 'aktobe-khromtau', okedSection: 'B', zoneId: 'sez-aktobe', investmentTenge: 5e9, jobsPermanentPlanned: 200, jobsPermanentCreated: 150, actualCommissioningDate: '2025-06-01' }),
    p({ stage: 'operating', okedSection: 'H', actualCommissioningDate: '2024-12-31', investmentTenge: 0.7 }),
    p({ stage: 'cancelled', districtId: 'aktobe-alga' }),
    p({ stage: 'design', districtId: 'aktobe-alga', investmentTenge: 9e12, alive: 0 }),
  ];
  const data = aggregateDashboard({ projects: toProjectColumns(projects), assignments: [], stats: [], regionId: 'aktobe', today: TODAY });

  it('counts and sums by stage in funnel order, deleted projects aside', () => {
    expect(data.byStage.map((b) => [b.key, b.count, b.tenge])).toEqual([
      ['idea', 1, 1_000_000.1], ['negotiation', 0, 0], ['design', 0, 0], ['construction', 1, 2_000_000.2],
      ['commissioning', 0, 0], ['operating', 2, 5_000_000_000.7], ['suspended', 0, 0], ['cancelled', 1, 0],
    ]);
    expect(data.totals).toEqual({ projects: 5, tenge: 5_003_000_001, assignments: 0 });
  });
  it('by district, sector and zone: largest volume first, "not set" last', () => {
    expect(data.byDistrict.map((b) => [b.key, b.count, b.tenge])).toEqual([['aktobe-khromtau', 1, 5e9], ['aktobe-alga', 3, 3_000_000.3], ['', 1, 0.7]]);
    expect(data.bySector.map((b) => [b.key, b.count])).toEqual([['B', 1], ['C', 2], ['H', 1], ['', 1]]);
    expect(data.byZone.map((b) => [b.key, b.count, b.tenge])).toEqual([['sez-aktobe', 2, 5_002_000_000.2], ['', 3, 1_000_000.8]]);
  });
  it('jobs planned and created, commissioned per year, projects with open barriers by kind', () => {
    expect(data.jobs).toEqual({ constructionPlanned: 100, constructionCreated: 40, permanentPlanned: 210, permanentCreated: 150 });
    expect(data.commissioned).toEqual([{ key: '2024', count: 1, tenge: 0.7 }, { key: '2025', count: 1, tenge: 5e9 }]);
    expect(data.openBarriers.filter((b) => b.projects > 0)).toEqual([{ kind: 'land', projects: 1 }, { kind: 'gas', projects: 2 }]);
    expect(data.projectsWithOpenBarriers).toBe(2);
  });
  it('filters by district, sector and zone ("" is "not set") and by period', () => {
    const alga = aggregateDashboard({ projects: toProjectColumns(projects), assignments: [], stats: [], regionId: 'aktobe', today: TODAY, filters: { districts: ['aktobe-alga'], sectors: ['C'] } });
    expect(alga.totals).toEqual({ projects: 2, tenge: 3_000_000.3, assignments: 0 });
    const unset = aggregateDashboard({ projects: toProjectColumns(projects), assignments: [], stats: [], regionId: 'aktobe', today: TODAY, filters: { districts: [''] } });
    expect(unset.totals.projects).toBe(1);
    const period = aggregateDashboard({ projects: toProjectColumns(projects), assignments: [], stats: [], regionId: 'aktobe', today: TODAY, filters: { fromYear: 2025, toYear: 2025 } });
    expect(period.commissioned).toEqual([{ key: '2025', count: 1, tenge: 5e9 }]);
  });
});

describe('assignments', () => {
  it('executed on time, late, overdue or pending, on today', () => {
    expect(executionOf({ status: 'done', due: '2026-03-01', doneOn: '2026-03-01' }, TODAY)).toBe('on_time');
    expect(executionOf({ status: 'done', due: '2026-03-01', doneOn: '2026-03-02' }, TODAY)).toBe('late');
    expect(executionOf({ status: 'in_progress', due: '2026-03-14', doneOn: null }, TODAY)).toBe('overdue');
    expect(executionOf({ status: 'open', due: TODAY, doneOn: null }, TODAY)).toBe('pending');
    expect(executionOf({ status: 'done', due: null, doneOn: '2026-01-01' }, TODAY)).toBe('on_time');
    expect(executionOf({ status: 'cancelled', due: '2020-01-01', doneOn: null }, TODAY)).toBeNull();
  });
  it('by month of the deadline and by responsible body; filters reach them through their projects and zones', () => {
    const pr = [p({ id: 'alga', districtId: 'aktobe-alga' }), p({ id: 'uil', districtId: 'aktobe-uil' })];
    const as = [
      a({ status: 'done', due: '2026-02-10', doneOn: '2026-02-09', responsibleOrgIds: ['energy', 'land'], projectIds: ['alga'] }),
      a({ status: 'done', due: '2026-02-20', doneOn: '2026-02-25', responsibleOrgIds: ['energy'], projectIds: ['uil'] }),
      a({ status: 'open', due: '2026-03-01', responsibleOrgIds: ['land'], zoneIds: ['sez-aktobe'] }),
      a({ status: 'open', due: '2026-04-01' }),
      a({ status: 'cancelled', due: '2026-02-01', responsibleOrgIds: ['energy'] }),
      a({ status: 'open', due: '2026-02-01', alive: 0 }),
      a({ status: 'open', responsibleOrgIds: ['energy'] }),
    ];
    const d = aggregateDashboard({ projects: toProjectColumns(pr), assignments: as, stats: [], regionId: 'aktobe', today: TODAY });
    expect(d.assignmentsByMonth).toEqual([
      { month: '2026-02', on_time: 1, late: 1, overdue: 0, pending: 0 },
      { month: '2026-03', on_time: 0, late: 0, overdue: 1, pending: 0 },
      { month: '2026-04', on_time: 0, late: 0, overdue: 0, pending: 1 },
    ]);
    expect(d.assignmentsByBody).toEqual([
      { orgId: 'land', on_time: 1, late: 0, overdue: 1, pending: 0 },
      { orgId: 'energy', on_time: 1, late: 1, overdue: 0, pending: 1 },
      { orgId: '', on_time: 0, late: 0, overdue: 0, pending: 1 },
    ]);
    expect(d.totals.assignments).toBe(5);
    const alga = aggregateDashboard({ projects: toProjectColumns(pr), assignments: as, stats: [], regionId: 'aktobe', today: TODAY, filters: { districts: ['aktobe-alga'] } });
    expect(alga.assignmentsByBody.map((b) => b.orgId)).toEqual(['energy', 'land']);
    const sez = aggregateDashboard({ projects: toProjectColumns(pr), assignments: as, stats: [], regionId: 'aktobe', today: TODAY, filters: { zones: ['sez-aktobe'] } });
    expect(sez.assignmentsByMonth).toEqual([{ month: '2026-03', on_time: 0, late: 0, overdue: 1, pending: 0 }]);
  });
});

describe('the zone view', () => {
  it('one SEZ: its projects by stage, investment and jobs planned against commissioned, open barriers, its instructions', () => {
    const pr = [
      p({ zoneId: 'sez-aktobe', stage: 'construction', investmentTenge: 3e9, jobsPermanentPlanned: 50, openBarrierKinds: ['power'] }),
      p({ zoneId: 'sez-aktobe', stage: 'operating', investmentTenge: 2e9, jobsPermanentPlanned: 30, jobsPermanentCreated: 28 }),
      p({ zoneId: 'sez-aktobe', stage: 'cancelled', investmentTenge: 7e9 }),
      p({ zoneId: 'iz-aktobe-city', stage: 'operating', investmentTenge: 1e9 }),
    ];
    const as = [a({ zoneIds: ['sez-aktobe'], due: '2026-01-01' }), a({ zoneIds: ['sez-aktobe'], status: 'done', due: '2026-05-01', doneOn: '2026-03-01' }), a({ zoneIds: ['iz-aktobe-city'] })];
    const z = zoneView({ projects: toProjectColumns(pr), assignments: as, zoneId: 'sez-aktobe', today: TODAY });
    expect(z.byStage.filter((b) => b.count > 0).map((b) => [b.key, b.count, b.tenge])).toEqual([['construction', 1, 3e9], ['operating', 1, 2e9], ['cancelled', 1, 7e9]]);
    expect(z.investment).toEqual({ planned: 5e9, commissioned: 2e9 });
    expect(z.jobs).toEqual({ constructionPlanned: 0, constructionCreated: 0, permanentPlanned: 80, permanentCreated: 28 });
    expect(z.openBarriers.filter((b) => b.projects > 0)).toEqual([{ kind: 'power', projects: 1 }]);
    expect(z.instructions).toEqual({ on_time: 1, late: 0, overdue: 1, pending: 0, total: 2 });
  });
});
