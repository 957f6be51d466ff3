// The dashboard counts over columns of the register (project-columns.ts): on random registers,
// filters and assignments every figure equals the plain count over one object per project
// (dashboard-reference.ts); columns edited batch by batch equal columns built afresh, and a
// published value never changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BARRIER_KINDS, STAGES } from '@shared/domain/project.schema';
import { aggregateDashboard, toProjectColumns, zoneView, type AssignmentFacts, type DashboardFilters, type ProjectFacts } from '@shared/dashboard/aggregate';
import { ColumnsEditor, compacted, emptyColumns, idsOf, liveFacts, type ProjectColumns } from '@shared/dashboard/project-columns';
import { TiynSums, addTiyn, newSum, sumTenge } from '@shared/dashboard/money-sum';
import { referenceAggregate, referenceZoneView } from './dashboard-reference';

const TODAY = '2026-03-15';
const IDS = Array.from({ length: 14 }, (_, i) => `p${i}`);
const DISTRICTS = ['aktobe-alga', 'aktobe-khromtau'];
const SECTORS = ['B', 'C'];
const ZONES = ['sez-aktobe', 'iz-aktobe-city'];
const opt = <T,>(xs: readonly T[]) => fc.option(fc.constantFrom(...xs), { nil: undefined });
const jobs = fc.option(fc.oneof(fc.nat(70_000), fc.constantFrom(0xffff, 0x10000, 0xffffffff, 2 ** 40), fc.double({ min: 0, max: 1e9, noNaN: true }).map((v) => v + 0)), { nil: undefined });

// Counts as the project schema allows them (whole, up to 10 million), and any the columns could still meet.
const counts = fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined });

const fact = (id: fc.Arbitrary<string>, j = jobs) => fc.record({
  id,
  stage: fc.constantFrom(...STAGES),
  districtId: opt(DISTRICTS),
  okedSection: opt(SECTORS),
  zoneId: opt(ZONES),
  // Amounts with tiyn, and ones whose sums pass 2^53 tiyn (exact only in BigInt).
  investmentTenge: fc.option(fc.oneof(fc.integer({ min: 0, max: 5e12 }).map((t) => t / 100), fc.constantFrom(1e16, 9.5e13, 0.01)), { nil: undefined }),
  jobsConstructionPlanned: j, jobsConstructionCreated: j, jobsPermanentPlanned: j, jobsPermanentCreated: j,
  actualCommissioningDate: opt(['2024-05-01', '2025-11-30', '2026-01-15']),
  openBarrierKinds: fc.subarray([...BARRIER_KINDS]),
}) satisfies fc.Arbitrary<ProjectFacts>;

const registerOf = (j = jobs) => fc.uniqueArray(fc.tuple(fact(fc.constantFrom(...IDS), j), fc.boolean()), { selector: ([f]) => f.id, maxLength: IDS.length })
  .map((rows) => rows.map(([f, alive]): ProjectFacts => (alive ? f : { ...f, alive: 0 })));

const assignment = fc.record({
  id: fc.uuid(),
  alive: fc.constantFrom(0 as const, 1 as const),
  status: fc.constantFrom('open', 'in_progress', 'done', 'cancelled') as fc.Arbitrary<AssignmentFacts['status']>,
  due: fc.option(fc.constantFrom('2025-12-01', '2026-02-10', '2026-04-05'), { nil: null }),
  doneOn: fc.option(fc.constantFrom('2026-02-01', '2026-03-01'), { nil: null }),
  responsibleOrgIds: fc.subarray(['energy', 'land']),
  zoneIds: fc.subarray(ZONES),
  projectIds: fc.subarray(IDS, { maxLength: 3 }),
});

const list = (xs: readonly string[]) => fc.subarray(['', ...xs, 'nowhere'], { minLength: 1 });
const filters: fc.Arbitrary<DashboardFilters> = fc.record({
  districts: list(DISTRICTS), sectors: list(SECTORS), zones: list(ZONES),
  fromYear: fc.integer({ min: 2024, max: 2026 }), toYear: fc.integer({ min: 2024, max: 2026 }),
}, { requiredKeys: [] });

describe('the dashboard over columns', () => {
  it('gives every figure of the plain count, on random registers, filters and assignments', () => {
    fc.assert(fc.property(registerOf(), fc.array(assignment, { maxLength: 12 }), filters, (projects, assignments, f) => {
      const columns = toProjectColumns(projects);
      const base = { assignments, stats: [], regionId: 'aktobe', today: TODAY };
      expect(aggregateDashboard({ ...base, projects: columns })).toEqual(referenceAggregate({ ...base, projects }));
      expect(aggregateDashboard({ ...base, projects: columns, filters: f })).toEqual(referenceAggregate({ ...base, projects, filters: f }));
      for (const zoneId of [...ZONES, 'nowhere', '']) {
        expect(zoneView({ projects: columns, assignments, zoneId, today: TODAY })).toEqual(referenceZoneView({ projects, assignments, zoneId, today: TODAY }));
      }
    }), { numRuns: 300 });
  });

  it('stays exact past 2^53 tiyn in every bucket (a thousand projects of 1e16 ₸ and one of a tiyn)', () => {
    const projects: ProjectFacts[] = Array.from({ length: 1001 }, (_, i) => ({ id: `p${i}`, stage: 'construction', districtId: 'aktobe-alga', investmentTenge: i === 1000 ? 0.01 : 1e16 }));
    const d = aggregateDashboard({ projects: toProjectColumns(projects), assignments: [], stats: [], regionId: 'aktobe', today: TODAY });
    const exact = newSum();
    for (const p of projects) addTiyn(exact, Math.round((p.investmentTenge ?? 0) * 100));
    expect(exact.big).toBe(10n ** 21n + 1n);
    expect(d.totals.tenge).toBe(sumTenge(exact));
    expect(d.byStage.find((b) => b.key === 'construction')?.tenge).toBe(1e19 + 0.01);
    expect(d.byDistrict).toEqual([{ key: 'aktobe-alga', count: 1001, tenge: 1e19 + 0.01 }]);
    const sums = new TiynSums(2);
    for (let i = 0; i < 1000; i++) sums.add(1, 1e18);
    sums.add(1, 1);
    expect(sums.tenge(1)).toBe(1e19 + 0.01);
    expect(sums.tenge(0)).toBe(0);
  });
});

type Op = { t: 'put'; fact: ProjectFacts } | { t: 'remove'; id: string };
// Whole counts: columns edited keep rows in another order than a fresh build, and sums of
// fractions depend on the order (the schema allows only whole counts).
const op: fc.Arbitrary<Op> = fc.oneof(
  fact(fc.constantFrom(...IDS), counts).map((f): Op => ({ t: 'put', fact: f })),
  fc.constantFrom(...IDS).map((id): Op => ({ t: 'remove', id })),
);

describe('columns edited', () => {
  it('batch by batch equal columns built afresh from the live rows; what was published before stays as it was', () => {
    fc.assert(fc.property(registerOf(counts), fc.array(fc.array(op, { maxLength: 8 }), { maxLength: 6 }), fc.boolean(), (start, batches, keepIndex) => {
      let value: ProjectColumns = toProjectColumns(start);
      const live = new Map(start.filter((r) => r.alive !== 0).map((r) => [r.id, r]));
      let index: Map<string, number> | null = null;
      const published: { value: ProjectColumns; facts: ReturnType<typeof liveFacts> }[] = [{ value, facts: liveFacts(value) }];
      for (const batch of batches) {
        const editor: ColumnsEditor = new ColumnsEditor(value, 0, keepIndex ? index : null);
        for (const o of batch) {
          if (o.t === 'put') {
            editor.put(o.fact);
            live.set(o.fact.id, o.fact);
          } else {
            editor.remove(o.id);
            live.delete(o.id);
          }
        }
        value = editor.done();
        index = editor.rows();
        published.push({ value, facts: liveFacts(value) });
      }
      const fresh = toProjectColumns([...live.values()]);
      expect(liveFacts(value)).toEqual(liveFacts(fresh));
      expect(idsOf(value)).toHaveLength(value.count);
      const base = { assignments: [], stats: [], regionId: 'aktobe', today: TODAY };
      expect(aggregateDashboard({ ...base, projects: value })).toEqual(aggregateDashboard({ ...base, projects: fresh }));
      // Compacted: the rows of removed projects gone, the live ones kept.
      const small = compacted(value);
      expect(small.count).toBe(live.size);
      expect(liveFacts(small)).toEqual(liveFacts(fresh));
      for (const p of published) expect(liveFacts(p.value)).toEqual(p.facts);
    }), { numRuns: 300 });
  });

  it('hold job counts exactly, in the smallest array that fits them', () => {
    const one = (v: number) => toProjectColumns([{ id: 'p', stage: 'idea', jobsPermanentPlanned: v }]).jobs;
    expect(one(0xfffe)).toBeInstanceOf(Uint16Array);
    expect(one(0xffff)).toBeInstanceOf(Uint16Array);
    expect(one(0x10000)).toBeInstanceOf(Uint32Array);
    expect(one(2 ** 40)).toBeInstanceOf(Float64Array);
    expect(one(12.5)).toBeInstanceOf(Float64Array);
    const grown = new ColumnsEditor(toProjectColumns([{ id: 'a', stage: 'idea', jobsPermanentPlanned: 7 }]));
    grown.put({ id: 'b', stage: 'idea', jobsConstructionCreated: 2 ** 40 });
    const c = grown.done();
    expect([...c.jobs]).toEqual([0, 0, 7, 0, 0, 2 ** 40, 0, 0]);
    expect(emptyColumns().count).toBe(0);
  });

  it('refuse an id with a line break', () => {
    expect(() => toProjectColumns([{ id: 'a\nb', stage: 'idea' }])).toThrow(/line break/);
  });
});
