// Tests for the demo workspace (renderer/src/db/demo): the Aktobe session of the seed text.
import { SYNCED_TABLES, isRecordChange } from '@shared/sync/contract';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TABLES, clearDemo, countIds, demoIds, demoSummary, isDemoLoaded, loadDemo, restoreDemo } from '../../../renderer/src/db/demo';
import { ACTOR, openHarness, queuedRows, type Harness } from './harness';
import { allAudit, auditOf } from '../../../renderer/src/db/audit';
import { allOutboxItems } from '../../../renderer/src/db/outbox';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.dispose();
});

const alive = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => r.deletedAt === null);

describe('loadDemo', () => {
  it('creates the six projects of the session with the investors the text names', async () => {
    await loadDemo(h.db, h.repos);
    const projects = await h.db.projects.toArray();
    expect(projects).toHaveLength(6);
    const investors = projects.map((p) => p.investorName);
    for (const name of ['«Polyline»', '«IZBAS Logistics»', '«EcoNovaOilGroup»', '«Blue Sky Industrial Investment CO., Ltd»', '«Азия Мунай Групп Сервис»', '«Триумф Инжиниринг»']) {
      expect(investors.some((i) => i.includes(name)), name).toBe(true);
    }
    for (const p of projects) {
      expect(p).toMatchObject({ regionId: 'aktobe', stage: 'idea', status: 'on_track', deletedAt: null, alive: 1 });
      expect(await h.db.stageLog.where('projectId').equals(p.id).toArray()).toEqual([expect.objectContaining({ from: null, to: 'idea', by: ACTOR })]);
    }
    expect(projects.find((p) => p.investorName.includes('Polyline'))?.title).toBe('Завод по производству пластиковых труб');
    // Every record went through the repository: one outbox and one audit entry each (and the
    // minutes' text one outbox entry of its own kind).
    let total = 0;
    for (const table of SYNCED_TABLES) total += await h.db.table(table).count();
    expect((await allOutboxItems(h.db)).filter(isRecordChange)).toHaveLength(total);
    expect(await h.db.outbox.count()).toBe(total + 1);
    expect(await allAudit(h.db)).toHaveLength(total);
  });

  it('creates the two people of the text and the 2025 statistic of more than 1.2 trillion tenge', async () => {
    await loadDemo(h.db, h.repos);
    const people = await h.db.people.toArray();
    expect(people.map((p) => p.fullName).sort()).toEqual(['Асхат Шахаров', 'Марат Абишев']);
    expect(people.find((p) => p.fullName === 'Асхат Шахаров')?.position).toContain('аким Актюбинской области');

    const stats = await h.db.investmentStats.toArray();
    expect(stats).toContainEqual(
      expect.objectContaining({ regionId: 'aktobe', year: 2025, indicator: 'investment_attracted_tenge', value: 1.2e12, qualifier: 'more_than' }),
    );
    const orgs = await h.db.organizations.toArray();
    expect(orgs.filter((o) => o.kind === 'investor')).toHaveLength(6);
  });

  it('leaves the figures the text does not give empty', async () => {
    await loadDemo(h.db, h.repos);
    for (const p of await h.db.projects.toArray()) {
      for (const key of [
        'investmentTenge',
        'foreignSharePct',
        'jobsConstructionPlanned',
        'jobsConstructionCreated',
        'jobsPermanentPlanned',
        'jobsPermanentCreated',
        'investorBin',
        'startDate',
        'plannedCommissioningDate',
      ] as const) {
        expect(p[key], `${p.investorName}: ${key}`).toBeUndefined();
      }
    }
    for (const o of await h.db.organizations.toArray()) expect(o.bin, o.name).toBeUndefined();
  });

  it('does not duplicate anything when loaded twice', async () => {
    const first = await loadDemo(h.db, h.repos);
    const before = await h.counts();
    const second = await loadDemo(h.db, h.repos);
    expect(second).toEqual(first);
    expect(await h.counts()).toEqual(before);
    expect(await h.db.projects.count()).toBe(6);
    expect(await h.db.people.count()).toBe(2);
  });

  it('loads all of it or nothing', async () => {
    vi.spyOn(h.db.settings, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(loadDemo(h.db, h.repos)).rejects.toThrow('disk full');
    const counts = await h.counts();
    expect(Object.values(counts).every((n) => n === 0), JSON.stringify(counts)).toBe(true);
    expect(await isDemoLoaded(h.db)).toBe(false);
  });
});

/** Every row of the tables the example writes to, and of the tables a write touches, as stored. */
async function snapshot(h: Harness) {
  return {
    projects: await h.db.projects.orderBy('id').toArray(),
    people: await h.db.people.orderBy('id').toArray(),
    organizations: await h.db.organizations.orderBy('id').toArray(),
    investmentStats: await h.db.investmentStats.orderBy('id').toArray(),
    barriers: await h.db.barriers.orderBy('id').toArray(),
    boardRows: await h.db.boardRows.orderBy('id').toArray(),
  };
}

const liveIds = <T extends { id: string; deletedAt: string | null }>(rows: T[]) => alive(rows).map((r) => r.id).sort();

describe('the demo session', () => {
  it('is the on-site session at the ferroalloy plant: the akim chairs, the prosecutor attends, the SEZ and the six projects are on the agenda', async () => {
    const ids = await loadDemo(h.db, h.repos, '2026-03-02');
    const [meeting] = await h.db.meetings.toArray();
    const people = new Map((await h.db.people.toArray()).map((p) => [p.id, p.fullName]));
    expect(meeting).toMatchObject({ kind: 'on_site', place: 'Актюбинский ферросплавный завод', date: '2026-03-02', number: 1 });
    expect(people.get(meeting?.chairId ?? '')).toBe('Асхат Шахаров');
    expect(meeting?.secretaryId).toBeUndefined(); // the text names none
    const attendance = await h.db.attendance.toArray();
    expect(attendance.map((a) => [people.get(a.personId), a.presence]).sort()).toEqual([['Асхат Шахаров', 'present'], ['Марат Абишев', 'present']]);
    const items = (await h.db.agendaItems.toArray()).sort((a, b) => (a.position < b.position ? -1 : 1));
    expect(items.map((i) => i.titleRu)).toEqual([expect.stringContaining('специальной экономической зоны «Актобе»'), expect.stringContaining('инвестиционных проектах')]);
    expect([...(items[1]?.projectIds ?? [])].sort()).toEqual([...(ids.projects ?? [])].sort());
    // The draft minutes with the one decision the text reports, and the Head of State's instruction.
    expect(await h.db.minutes.toArray()).toMatchObject([{ meetingId: meeting?.id, status: 'draft', revision: 1 }]);
    const assignments = await h.db.assignments.toArray();
    expect(assignments.find((a) => a.origin === 'decision')).toMatchObject({ agendaItemId: items[1]?.id, textRu: expect.stringContaining('дополнительно изучить'), status: 'open' });
    expect(assignments.find((a) => a.origin === 'directive')).toMatchObject({ sourceKind: 'head_of_state', sourceDate: '2026-02-10', zoneIds: ['sez-aktobe'], meetingIds: [meeting?.id] });
    // The akim's words are in the minutes' text under ВЫСТУПИЛИ of the SEZ question.
    expect(await h.db.docUpdates.count()).toBe(1);
  });
});

describe('clearDemo', () => {
  it('tombstones every demo record and says which', async () => {
    const ids = await loadDemo(h.db, h.repos);
    expect(await isDemoLoaded(h.db)).toBe(true);
    const outboxBefore = await h.db.outbox.count();

    const removed = await clearDemo(h.db, h.repos);

    const n = countIds(removed);
    expect(n).toBe(countIds(ids));
    // Projects, people, organizations, figures; the meeting, its agenda items, attendance, minutes; the decision and the instruction.
    expect(n).toBe(6 + 2 + 8 + 3 + 1 + 2 + 2 + 1 + 2);
    for (const table of DEMO_TABLES) expect([...(removed[table] ?? [])].sort()).toEqual([...(ids[table] ?? [])].sort());
    const projects = await h.db.projects.toArray();
    expect(projects).toHaveLength(6); // tombstones stay for sync
    expect(alive(projects)).toHaveLength(0);
    for (const p of projects) expect(p.alive).toBe(0);
    expect(alive(await h.db.people.toArray())).toHaveLength(0);
    expect(alive(await h.db.organizations.toArray())).toHaveLength(0);
    expect(alive(await h.db.investmentStats.toArray())).toHaveLength(0);

    const deletes = (await queuedRows(h.db)).slice(outboxBefore).filter(isRecordChange);
    expect(deletes).toHaveLength(n);
    expect(deletes.every((e) => e.op === 'delete')).toBe(true);
    expect(await isDemoLoaded(h.db)).toBe(false);
    // The ids stay known (the records are the example's, deleted or not).
    expect(await demoIds(h.db)).toEqual(ids);

    // Clearing again does nothing; loading again brings six live projects back.
    expect(countIds(await clearDemo(h.db, h.repos))).toBe(0);
    await loadDemo(h.db, h.repos);
    expect(alive(await h.db.projects.toArray())).toHaveLength(6);
  });

  it('does not touch records that are not the example’s', async () => {
    await loadDemo(h.db, h.repos);
    const own = await h.repos.projects.create({ title: 'Свой проект', investorName: 'ТОО «Своё»', regionId: 'aktobe', stage: 'design', status: 'on_track', tags: [] });
    const person = await h.repos.people.create({ fullName: 'Айгуль Серикова', position: 'секретарь', regionId: 'aktobe' });
    const before = await snapshot(h);
    await clearDemo(h.db, h.repos);
    const after = await snapshot(h);
    expect(after.projects.find((p) => p.id === own.id)).toEqual(before.projects.find((p) => p.id === own.id));
    expect(after.people.find((p) => p.id === person.id)).toEqual(before.people.find((p) => p.id === person.id));
    expect(liveIds(after.projects)).toEqual([own.id]);
    expect(liveIds(after.people)).toEqual([person.id]);
    const audit = await auditOf(h.db, 'projects', own.id);
    expect(audit.map((e) => e.action)).toEqual(['create']);
  });

  it('says what it would remove, and how many of those records the clerk changed', async () => {
    expect(await demoSummary(h.db)).toEqual({ projects: 0, people: 0, organizations: 0, investmentStats: 0, meetings: 0, agendaItems: 0, attendance: 0, minutes: 0, assignments: 0, edited: 0 });
    const ids = await loadDemo(h.db, h.repos);
    expect(await demoSummary(h.db)).toEqual({ projects: 6, people: 2, organizations: 8, investmentStats: 3, meetings: 1, agendaItems: 2, attendance: 2, minutes: 1, assignments: 2, edited: 0 });
    const [first = '', second = '', third = ''] = ids.projects ?? [];
    await h.repos.projects.update(first, { notes: 'Инвестор просит землю' });
    await h.repos.barriers.create({ projectId: second, kind: 'gas', text: 'Нет газа', openedOn: '2026-03-01' });
    await h.repos.projects.remove(third);
    expect(await demoSummary(h.db)).toEqual({ projects: 5, people: 2, organizations: 8, investmentStats: 3, meetings: 1, agendaItems: 2, attendance: 2, minutes: 1, assignments: 2, edited: 2 });
  });
});

describe('restoreDemo (the undo of a clear)', () => {
  it('restores exactly the records the clear removed, with the clerk’s edits, and the example is loaded again', async () => {
    const ids = await loadDemo(h.db, h.repos);
    const [edited = '', deletedAlone = ''] = ids.projects ?? [];
    await h.repos.projects.update(edited, { notes: 'Правка секретаря', stage: 'design' });
    await h.repos.projects.remove(deletedAlone); // deleted on its own in its card, before the clear
    const before = await snapshot(h);

    const removed = await clearDemo(h.db, h.repos);
    expect(removed.projects).not.toContain(deletedAlone);
    expect(removed.projects).toHaveLength(5);
    expect(await isDemoLoaded(h.db)).toBe(false);

    const outboxBefore = await h.db.outbox.count();
    const n = await restoreDemo(h.db, h.repos, removed);
    expect(n).toBe(countIds(removed));
    expect(await isDemoLoaded(h.db)).toBe(true);

    const after = await snapshot(h);
    // The same records are alive as before the clear: the one deleted alone stays deleted.
    for (const table of ['projects', 'people', 'organizations', 'investmentStats', 'barriers', 'boardRows'] as const) {
      expect(after[table].map((r) => r.id)).toEqual(before[table].map((r) => r.id));
      expect(liveIds(after[table] as { id: string; deletedAt: string | null }[]), table).toEqual(liveIds(before[table] as { id: string; deletedAt: string | null }[]));
    }
    // Their fields are what they were, the clerk's edit included (only the stamps moved on).
    const strip = ({ updatedAt: _u, clocks: _c, ...rest }: { updatedAt: string; clocks?: string }) => rest;
    expect(after.projects.map(strip)).toEqual(before.projects.map(strip));
    expect(after.people.map(strip)).toEqual(before.people.map(strip));
    expect(after.projects.find((p) => p.id === edited)).toMatchObject({ notes: 'Правка секретаря', stage: 'design' });

    // Through the repositories: one 'restore' each in the outbox and the audit log.
    const restores = (await queuedRows(h.db)).slice(outboxBefore).filter(isRecordChange);
    expect(restores).toHaveLength(n);
    expect(restores.every((e) => e.op === 'restore')).toBe(true);
  });

  it('restores all of it or nothing', async () => {
    await loadDemo(h.db, h.repos);
    const removed = await clearDemo(h.db, h.repos);
    const before = await h.counts();
    const restore = h.repos.investmentStats.restore.bind(h.repos.investmentStats);
    vi.spyOn(h.repos.investmentStats, 'restore').mockImplementation(async (id) => {
      await restore(id);
      throw new Error('disk full');
    });
    await expect(restoreDemo(h.db, h.repos, removed)).rejects.toThrow('disk full');
    expect(await h.counts()).toEqual(before);
    expect(await isDemoLoaded(h.db)).toBe(false);
  });

  it('a demo project brought back by its own undo shows the example as loaded', async () => {
    const ids = await loadDemo(h.db, h.repos);
    const [one = ''] = ids.projects ?? [];
    await h.repos.projects.remove(one);
    await clearDemo(h.db, h.repos);
    expect(await isDemoLoaded(h.db)).toBe(false);
    await h.repos.projects.restore(one); // the older undo toast of the card
    expect(await isDemoLoaded(h.db)).toBe(true);
    expect(await demoSummary(h.db)).toMatchObject({ projects: 1, people: 0 });
  });

  it('does not bring back the records of an example cleared before a fresh one was loaded', async () => {
    await loadDemo(h.db, h.repos);
    const removed = await clearDemo(h.db, h.repos);
    await loadDemo(h.db, h.repos);
    expect(await restoreDemo(h.db, h.repos, removed)).toBe(0);
    expect(alive(await h.db.projects.toArray())).toHaveLength(6);
  });
});
