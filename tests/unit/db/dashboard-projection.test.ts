// The dashboard reads the repository's projections (board rows, control rows), never the register
// itself: over random histories of writes — made here and merged from another clerk — every figure
// of the dashboard from the projections equals a full recount from the records.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { isRecordChange } from '@shared/sync/contract';
import { BARRIER_KINDS, STAGES, type BarrierKind } from '@shared/domain/project.schema';
import { dueOf } from '@shared/domain/assignment.schema';
import { aggregateDashboard, toProjectColumns, zoneView, type AssignmentFacts, type ProjectColumns, type ProjectFacts } from '@shared/dashboard/aggregate';
import { ColumnsEditor, liveFacts } from '@shared/dashboard/project-columns';
import { openHarness, queuedRows, T0, type Harness } from './harness';
import { currentControlRev, decodeControlRows, encodeControlRows, loadControlSnapshot, saveControlSnapshot } from '../../../renderer/src/db/control-snapshot';
import type { ControlRow } from '../../../renderer/src/db/db';
import { joinIds, splitIds } from '../../../renderer/src/db/compact-columns';
import { currentBoardRev } from '../../../renderer/src/db/board-snapshot';
import { decodeFacts, encodeFacts, factsOf, loadDashFacts, saveDashFacts } from '../../../renderer/src/db/dash-facts';
import { factsStore } from '../../../renderer/src/features/dashboard/facts-store';
import { controlRowStore } from '../../../renderer/src/features/dashboard/control-store';
import { readBoardRows, readControlRows, rebuildProjections } from '../../../renderer/src/db/projections';

const ORGS = [uuidv7(), uuidv7(), uuidv7()];
const DISTRICTS = [undefined, 'aktobe-alga', 'aktobe-khromtau'];
const ZONES = [undefined, 'sez-aktobe', 'iz-aktobe-city'];
const SECTORS = [undefined, 'B', 'C'] as const;
const DUES = [undefined, '2026-02-10', '2026-03-20', '2026-04-05'];
const TODAY = '2026-03-15';

const pick = <T,>(xs: readonly T[]) => fc.integer({ min: 0, max: xs.length - 1 }).map((i) => xs[i] as T);
const projectPatch = fc.record({
  stage: pick(STAGES),
  districtId: pick(DISTRICTS),
  zoneId: pick(ZONES),
  okedSection: pick(SECTORS),
  investmentTenge: fc.option(fc.integer({ min: 0, max: 5e12 }).map((t) => t / 100), { nil: undefined }),
  jobsPermanentPlanned: fc.option(fc.nat(500), { nil: undefined }),
  jobsPermanentCreated: fc.option(fc.nat(500), { nil: undefined }),
  actualCommissioningDate: pick([undefined, '2024-05-01', '2025-11-30']),
}, { requiredKeys: [] });
const at = fc.nat(1000);
const op = fc.oneof(
  fc.record({ t: fc.constant('project' as const), patch: projectPatch }),
  fc.record({ t: fc.constant('editProject' as const), i: at, patch: projectPatch }),
  fc.record({ t: fc.constant('removeProject' as const), i: at, restore: fc.boolean() }),
  fc.record({ t: fc.constant('barrier' as const), i: at, kind: pick(BARRIER_KINDS) }),
  fc.record({ t: fc.constant('resolveBarrier' as const), i: at, remove: fc.boolean() }),
  fc.record({ t: fc.constant('assignment' as const), due: pick(DUES), projects: fc.array(at, { maxLength: 2 }), zone: pick(ZONES), orgs: fc.subarray(ORGS) }),
  fc.record({ t: fc.constant('execute' as const), i: at, on: pick(['2026-02-01', '2026-03-01', '2026-04-01']) }),
  fc.record({ t: fc.constant('setStatus' as const), i: at, status: pick(['open', 'in_progress', 'cancelled'] as const), due: pick(DUES) }),
  fc.record({ t: fc.constant('removeReport' as const), i: at }),
  fc.record({ t: fc.constant('removeAssignment' as const), i: at }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
});

/** Ids of what was created (in both databases: every write is delivered to the other). */
type Made = { projects: string[]; barriers: string[]; assignments: string[]; reports: string[] };
const nth = (xs: string[], i: number) => (xs.length === 0 ? undefined : xs[i % xs.length]);

async function run(h: Harness, o: Op, made: Made): Promise<void> {
  const r = h.repos;
  switch (o.t) {
    case 'project':
      made.projects.push((await r.projects.create({ title: 'Завод', investorName: 'ТОО «Инвестор»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [], ...o.patch })).id);
      return;
    case 'editProject': {
      const id = nth(made.projects, o.i);
      const p = id ? await r.projects.get(id) : undefined;
      if (id && p && !p.deletedAt) await r.projects.update(id, o.patch);
      return;
    }
    case 'removeProject': {
      const id = nth(made.projects, o.i);
      const p = id ? await r.projects.get(id) : undefined;
      if (!id || !p) return;
      if (!p.deletedAt) await r.projects.remove(id);
      else if (o.restore) await r.projects.restore(id);
      return;
    }
    case 'barrier': {
      const projectId = nth(made.projects, o.i);
      if (projectId) made.barriers.push((await r.barriers.create({ projectId, kind: o.kind as BarrierKind, text: 'Нет подключения', openedOn: '2026-01-10' })).id);
      return;
    }
    case 'resolveBarrier': {
      const id = nth(made.barriers, o.i);
      const b = id ? await r.barriers.get(id) : undefined;
      if (!id || !b || b.deletedAt) return;
      if (o.remove) await r.barriers.remove(id);
      else await r.barriers.update(id, { resolvedOn: b.resolvedOn ? '' : '2026-02-01' });
      return;
    }
    case 'assignment': {
      const projectIds = [...new Set(o.projects.map((i) => nth(made.projects, i)).filter((x): x is string => x !== undefined))];
      made.assignments.push((await r.assignments.create({
        regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', textRu: 'Обеспечить подключение', status: 'open',
        responsibleOrgIds: o.orgs, projectIds, zoneIds: o.zone ? [o.zone] : [], meetingIds: [],
        ...(o.due ? { deadline: { kind: 'date', due: o.due } } : {}),
      })).id);
      return;
    }
    case 'execute': {
      const id = nth(made.assignments, o.i);
      const a = id ? await r.assignments.get(id) : undefined;
      if (!id || !a || a.deletedAt) return;
      made.reports.push((await r.reports.create({ assignmentId: id, on: o.on, text: 'Исполнено', by: 'Управление' })).id);
      if (a.status !== 'done') await r.assignments.update(id, { status: 'done' });
      return;
    }
    case 'setStatus': {
      const id = nth(made.assignments, o.i);
      const a = id ? await r.assignments.get(id) : undefined;
      if (id && a && !a.deletedAt) await r.assignments.update(id, { status: o.status, ...(o.due ? { deadline: { kind: 'date', due: o.due } } : {}) });
      return;
    }
    case 'removeReport': {
      const id = nth(made.reports, o.i);
      const rep = id ? await r.reports.get(id) : undefined;
      if (id && rep && !rep.deletedAt) await r.reports.remove(id);
      return;
    }
    case 'removeAssignment': {
      const id = nth(made.assignments, o.i);
      const a = id ? await r.assignments.get(id) : undefined;
      if (id && a && !a.deletedAt) await r.assignments.remove(id);
      return;
    }
  }
}

/** Delivers the outbox entries of `from` written after `since` to `to`; returns the new cursor. */
async function deliver(from: Harness, to: Harness, since: number): Promise<number> {
  const entries = await queuedRows(from.db, since);
  for (const e of entries) if (isRecordChange(e)) await to.repos[e.table].applyRemote(e.recordId, e.fields);
  return entries.at(-1)?.seq ?? since;
}

/** The dashboard's inputs recounted from the records themselves. */
async function recount(h: Harness): Promise<{ projects: ProjectFacts[]; assignments: AssignmentFacts[] }> {
  const [projects, barriers, assignments, reports] = await Promise.all([h.db.projects.toArray(), h.db.barriers.toArray(), h.db.assignments.toArray(), h.db.reports.toArray()]);
  return {
    projects: projects.map((p) => ({
      ...p,
      alive: p.deletedAt ? 0 : 1,
      openBarrierKinds: BARRIER_KINDS.filter((k) => barriers.some((b) => b.projectId === p.id && b.kind === k && !b.deletedAt && !b.resolvedOn)),
    })),
    assignments: assignments.map((a) => {
      const ons = reports.filter((rep) => rep.assignmentId === a.id && !rep.deletedAt).map((rep) => rep.on).sort();
      return { ...a, alive: a.deletedAt ? 0 : 1, due: dueOf(a.deadline) ?? null, doneOn: a.status === 'done' ? (ons.at(-1) ?? null) : null };
    }),
  };
}

async function figures(h: Harness, input: { projects: readonly ProjectFacts[] | ProjectColumns; assignments: readonly AssignmentFacts[] }) {
  const projects = Array.isArray(input.projects) ? toProjectColumns(input.projects as readonly ProjectFacts[]) : (input.projects as ProjectColumns);
  const base = { projects, assignments: input.assignments, stats: [], regionId: 'aktobe', today: TODAY };
  return {
    all: aggregateDashboard(base),
    alga: aggregateDashboard({ ...base, filters: { districts: ['aktobe-alga'], fromYear: 2025 } }),
    sez: aggregateDashboard({ ...base, filters: { zones: ['sez-aktobe'] } }),
    zone: zoneView({ projects, assignments: input.assignments, zoneId: 'sez-aktobe', today: TODAY }),
  };
}

describe('the dashboard projections', () => {
  it('always equal a full recount, over random histories of local and merged writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ op, remote: fc.boolean() }), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), async (history, cut, rebuildCut) => {
        const a = openHarness();
        const b = openHarness();
        open.push(a, b);
        const made: Made = { projects: [], barriers: [], assignments: [], reports: [] };
        let seqA = 0;
        let seqB = 0;
        let t = T0;
        // The dashboard's saved snapshots are taken somewhere in the history.
        const snapshotAt = cut % (history.length + 1);
        const saveSnapshots = async () => {
          for (const h of [a, b]) {
            const board = (await readBoardRows(h.db)).rows;
            await saveDashFacts(h.db, toProjectColumns(board.filter((r) => r.alive === 1).map(factsOf)), await currentBoardRev(h.db));
            await saveControlSnapshot(h.db, (await readControlRows(h.db)).rows.filter((r) => r.alive === 1), await currentControlRev(h.db));
          }
        };
        // … and the projections are built whole as their bases somewhere (as a first sync or a
        // restore does): before the snapshots, after them (which then may not be used), or not at all.
        const rebuildAt = rebuildCut % (history.length + 2);
        const rebuild = async () => {
          for (const h of [a, b]) await h.db.transaction('rw', h.db.writeTables(), () => rebuildProjections(h.db));
        };
        // The dashboard open while the history happens: its stores follow the change feed.
        const live = [a, b].map((h) => ({ facts: factsStore(h.db), control: controlRowStore(h.db) }));
        const stop = live.flatMap((l) => [l.facts.subscribe(() => undefined), l.control.subscribe(() => undefined)]);
        for (const [i, { op: o, remote }] of history.entries()) {
          if (i === rebuildAt) await rebuild();
          if (i === snapshotAt) await saveSnapshots();
          t += 60_000;
          a.setTime(t);
          b.setTime(t);
          if (remote) {
            await run(b, o, made);
            seqB = await deliver(b, a, seqB);
          } else {
            await run(a, o, made);
            seqA = await deliver(a, b, seqA);
          }
        }
        if (rebuildAt === history.length) await rebuild();
        if (snapshotAt === history.length) await saveSnapshots();
        for (const h of [a, b]) {
          const expected = await figures(h, await recount(h));
          const projected = { projects: (await readBoardRows(h.db)).rows, assignments: (await readControlRows(h.db)).rows };
          expect(await figures(h, projected)).toEqual(expected);
          // What the dashboard opens with: its compact facts and the control rows, each from the
          // snapshot and the rows written after it.
          const opened = { projects: await factsStore(h.db).ready(), assignments: await controlRowStore(h.db).ready() };
          expect(await figures(h, opened)).toEqual(expected);
        }
        // The stores that were open all along hold exactly the rows read afresh.
        await new Promise((r) => setTimeout(r, 0));
        for (const [k, h] of [a, b].entries()) {
          const l = live[k] as (typeof live)[number];
          const byId = <R extends { id: string }>(rows: readonly R[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
          expect(liveFacts(await l.facts.ready())).toEqual(liveFacts(await factsStore(h.db).ready()));
          expect(byId(await l.control.ready())).toEqual(byId(await controlRowStore(h.db).ready()));
        }
        for (const s of stop) s();
        await a.dispose();
        await b.dispose();
        open.length = 0;
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('the control rows snapshot', () => {
  it('with the rows written since laid over it, equals the control rows read in full', async () => {
    const h = openHarness();
    open.push(h);
    const base = { regionId: 'aktobe', origin: 'directive' as const, sourceKind: 'akim' as const, textRu: 'Обеспечить', status: 'open' as const, responsibleOrgIds: [ORGS[0] as string], projectIds: [], zoneIds: [], meetingIds: [] };
    const a1 = await h.repos.assignments.create({ ...base, deadline: { kind: 'date', due: '2026-02-01' } });
    const a2 = await h.repos.assignments.create(base);
    await saveControlSnapshot(h.db, (await h.db.controlRows.toArray()).filter((r) => r.alive === 1), await currentControlRev(h.db));
    // Written after the snapshot: an execution, a deletion, a new assignment.
    await h.repos.reports.create({ assignmentId: a1.id, on: '2026-02-03', text: 'Исполнено', by: 'Управление' });
    await h.repos.assignments.update(a1.id, { status: 'done' });
    await h.repos.assignments.remove(a2.id);
    const a3 = await h.repos.assignments.create({ ...base, zoneIds: ['sez-aktobe'] });
    const snap = await loadControlSnapshot(h.db);
    if (!snap) throw new Error('no snapshot');
    const merged = new Map(snap.rows.map((r) => [r.id, r]));
    for (const r of snap.since) if (r.alive === 1) merged.set(r.id, r); else merged.delete(r.id);
    const full = (await h.db.controlRows.toArray()).filter((r) => r.alive === 1);
    expect([...merged.values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(full.sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(full.map((r) => r.id).sort()).toEqual([a1.id, a3.id].sort());
    expect(merged.get(a1.id)).toMatchObject({ status: 'done', doneOn: '2026-02-03', due: '2026-02-01' });
  });
});

describe('the compact control rows', () => {
  const ids = fc.array(pick([...ORGS, 'sez-aktobe', 'iz-aktobe-city', uuidv7()]), { maxLength: 4 });
  const controlRow = fc.record({
    id: fc.uuid(),
    alive: pick([0, 1] as const),
    status: pick(['open', 'in_progress', 'done', 'cancelled'] as const),
    due: pick([null, undefined, ...DUES.filter((d) => d !== undefined)]),
    doneOn: pick([null, undefined, '2026-02-01', '2026-03-01']),
    responsibleOrgIds: fc.option(ids, { nil: undefined }),
    zoneIds: fc.option(ids, { nil: undefined }),
    projectIds: fc.option(ids, { nil: undefined }),
    rev: fc.nat(1e9),
  }, { requiredKeys: ['id', 'alive', 'status', 'due', 'doneOn', 'responsibleOrgIds', 'zoneIds', 'projectIds'] });

  it('give back every row exactly (null and undefined dates, missing and empty lists, with or without a revision)', () => {
    fc.assert(fc.property(fc.array(controlRow, { maxLength: 40 }), fc.nat(1e9), (rows, rev) => {
      const decoded = decodeControlRows(encodeControlRows(rows as ControlRow[], rev));
      expect(decoded).toStrictEqual(rows.map((r) => ({ ...r })));
    }), { numRuns: 300 });
  });

  it('survive being stored (structured clone) and keep the lists of each row apart', async () => {
    const h = openHarness();
    open.push(h);
    const rows: ControlRow[] = [
      { id: 'a', alive: 1, status: 'done', due: '2026-02-01', doneOn: '2026-02-03', responsibleOrgIds: [ORGS[0] as string, ORGS[1] as string], zoneIds: [], projectIds: ['p1'], rev: 4 },
      { id: 'b', alive: 1, status: 'open', due: null, doneOn: null, responsibleOrgIds: [], zoneIds: ['sez-aktobe'], projectIds: ['p1', 'p2'] },
    ];
    // As of revision 7, the revision the control rows are at.
    await h.db.syncState.put({ key: 'controlRev', version: 7 });
    await saveControlSnapshot(h.db, rows, 7);
    const snap = await loadControlSnapshot(h.db);
    expect(snap?.rows).toStrictEqual(rows);
    expect(snap?.rev).toBe(7);
  });

  it('of the old shape (columns of plain arrays), or damaged, are not used (the control rows are read instead)', async () => {
    const h = openHarness();
    open.push(h);
    const a = await h.repos.assignments.create({ regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', textRu: 'Обеспечить', status: 'open', responsibleOrgIds: [ORGS[0] as string], projectIds: [], zoneIds: [], meetingIds: [] });
    const row = (await h.db.controlRows.get(a.id)) as ControlRow;
    const old = { shape: 1, rev: 99, count: 1, cols: Object.fromEntries(Object.entries({ ...row, status: 'cancelled' }).map(([k, v]) => [k, [v]])) };
    await h.db.settings.put({ key: 'control.snapshot', value: old });
    expect(await loadControlSnapshot(h.db)).toBeNull();
    // The dashboard then reads the rows themselves: the old snapshot's "cancelled" is not shown.
    expect(await controlRowStore(h.db).ready()).toMatchObject([{ id: a.id, status: 'open' }]);
    const good = encodeControlRows([row], 1);
    expect(decodeControlRows({ ...good, listLen: new Int32Array([1, 0, 5]) })).toBeNull();
    expect(decodeControlRows({ ...good, listItems: new Uint32Array([7]) })).toBeNull();
    expect(decodeControlRows({ ...good, status: new Uint8Array([9]) })).toBeNull();
    expect(decodeControlRows({ ...good, ids: [] })).toBeNull();
  });
});

describe("the dashboard's compact facts of the register", () => {
  it('are read from their snapshot and the board rows written since, and give back every fact', async () => {
    const h = openHarness();
    open.push(h);
    const base = { investorName: 'ТОО «Инвестор»', regionId: 'aktobe', stage: 'construction' as const, status: 'on_track' as const, tags: [] };
    const p1 = await h.repos.projects.create({ ...base, title: 'Ферросплавный завод', districtId: 'aktobe-alga', zoneId: 'sez-aktobe', okedSection: 'C', investmentTenge: 1_200_000_000_000.05, jobsPermanentPlanned: 350, jobsConstructionCreated: 0, actualCommissioningDate: '2025-11-30' });
    const p2 = await h.repos.projects.create({ ...base, title: 'Завод труб' });
    await h.repos.barriers.create({ projectId: p1.id, kind: 'gas', text: 'Нет газа', openedOn: '2026-01-10' });
    await h.repos.barriers.create({ projectId: p1.id, kind: 'land', text: 'Нет участка', openedOn: '2026-01-10' });
    await saveDashFacts(h.db, toProjectColumns((await h.db.boardRows.toArray()).map(factsOf)), await currentBoardRev(h.db));
    await h.repos.projects.update(p2.id, { stage: 'operating' });

    const loaded = await loadDashFacts(h.db);
    if (!loaded) throw new Error('the saved facts were not readable');
    expect(loaded.since.map((r) => r.id)).toEqual([p2.id]);
    const facts = liveFacts(loaded.value);
    expect(facts.get(p1.id)).toEqual({
      stage: 'construction', districtId: 'aktobe-alga', okedSection: 'C', zoneId: 'sez-aktobe', tenge: 1_200_000_000_000.05,
      jobs: [0, 0, 350, 0], year: 2025, kinds: ['land', 'gas'],
    });
    // As saved: the change after the snapshot comes with the rows written since.
    expect(facts.get(p2.id)).toMatchObject({ stage: 'construction', districtId: '', kinds: [] });
  });

  it('of another shape, or damaged, are not used (the board rows are read instead)', async () => {
    const h = openHarness();
    open.push(h);
    await h.db.settings.put({ key: 'dashboard.facts', value: { shape: 1, rev: 0, count: 2, ids: ['x'] } });
    expect(await loadDashFacts(h.db)).toBeNull();
    const now = encodeFacts(toProjectColumns([{ id: 'p1', stage: 'idea', districtId: 'aktobe-alga' }]), 0);
    expect(liveFacts(decodeFacts(structuredClone(now)) ?? toProjectColumns([]))).toEqual(liveFacts(toProjectColumns([{ id: 'p1', stage: 'idea', districtId: 'aktobe-alga' }])));
    // The previous shape (facts to decode into objects), else intact, is ignored.
    await h.db.settings.put({ key: 'dashboard.facts', value: { ...now, shape: 2 } });
    expect(await loadDashFacts(h.db)).toBeNull();
    expect(decodeFacts({ ...now, shape: 99 })).toBeNull();
    expect(decodeFacts({ ...now, ids: 'p1' })).toBeNull();
    expect(decodeFacts({ ...now, ids: 'p1\np2\n' })).toBeNull();
    expect(decodeFacts({ ...now, district: new Uint16Array([7]) })).toBeNull();
    expect(decodeFacts({ ...now, places: ['x', 'aktobe-alga'] })).toBeNull();
    expect(decodeFacts({ ...now, jobs: new Uint16Array(3) })).toBeNull();
    expect(decodeFacts({ ...now, tenge: [1] })).toBeNull();
  });

  it('give back every fact exactly when stored, whatever the sizes of the job counts; removed rows are not stored', () => {
    const jobs = fc.option(fc.oneof(fc.nat(70_000), fc.constantFrom(0xfffe, 0xffff, 0x10000, 0xfffffffe, 0xffffffff, 2 ** 40), fc.double({ min: 0, max: 1e12, noNaN: true })), { nil: undefined });
    const fact = fc.record({
      id: fc.uuid(), stage: pick(STAGES), districtId: pick(DISTRICTS), okedSection: pick(SECTORS), zoneId: pick(ZONES),
      investmentTenge: fc.option(fc.integer({ min: 0, max: 5e12 }).map((t) => t / 100), { nil: undefined }),
      jobsConstructionPlanned: jobs, jobsConstructionCreated: jobs, jobsPermanentPlanned: jobs, jobsPermanentCreated: jobs,
      actualCommissioningDate: pick([undefined, '2024-05-01', '2025-11-30']),
      openBarrierKinds: fc.subarray([...BARRIER_KINDS]),
    });
    fc.assert(fc.property(fc.uniqueArray(fact, { selector: (f) => f.id, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }), (rows, removed) => {
      const columns = toProjectColumns(rows);
      const stored = decodeFacts(structuredClone(encodeFacts(columns, 3)));
      if (!stored) throw new Error('not readable');
      expect(liveFacts(stored)).toEqual(liveFacts(columns));
      for (const r of rows) expect(liveFacts(stored).get(r.id)?.jobs).toEqual([r.jobsConstructionPlanned ?? 0, r.jobsConstructionCreated ?? 0, r.jobsPermanentPlanned ?? 0, r.jobsPermanentCreated ?? 0]);
      const gone = new Set(removed.map((k) => rows[k % Math.max(1, rows.length)]?.id).filter((id): id is string => id !== undefined));
      const editor = new ColumnsEditor(columns);
      for (const id of gone) editor.remove(id);
      const kept = decodeFacts(structuredClone(encodeFacts(editor.done(), 4)));
      expect(kept?.count).toBe(rows.length - gone.size);
      expect(liveFacts(kept ?? columns)).toEqual(liveFacts(toProjectColumns(rows.filter((r) => !gone.has(r.id)))));
    }), { numRuns: 300 });
  });

  it('keep ids apart exactly, and refuse an id with a line break', () => {
    fc.assert(fc.property(fc.array(fc.string().filter((x) => !x.includes('\n')), { maxLength: 20 }), (ids) => {
      expect(splitIds(joinIds(ids), ids.length)).toEqual(ids);
    }));
    expect(splitIds(joinIds(['', 'a', '']), 3)).toEqual(['', 'a', '']);
    expect(() => joinIds(['a\nb'])).toThrow(/line break/);
  });
});
