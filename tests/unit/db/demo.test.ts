// Tests for the demo workspace (renderer/src/db/demo): the Aktobe session of the seed text.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDemo, demoIds, isDemoLoaded, loadDemo } from '../../../renderer/src/db/demo';
import { ACTOR, openHarness, type Harness } from './harness';

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
    // Every record went through the repository: one outbox and one audit entry each.
    const total = (await h.db.projects.count()) + (await h.db.stageLog.count()) + (await h.db.people.count()) + (await h.db.organizations.count()) + (await h.db.investmentStats.count());
    expect(await h.db.outbox.count()).toBe(total);
    expect(await h.db.auditLog.count()).toBe(total);
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

describe('clearDemo', () => {
  it('tombstones every demo record', async () => {
    const ids = await loadDemo(h.db, h.repos);
    expect(await isDemoLoaded(h.db)).toBe(true);
    const outboxBefore = await h.db.outbox.count();

    const n = await clearDemo(h.db, h.repos);

    const expected = Object.values(ids).reduce((sum, list) => sum + list.length, 0);
    expect(n).toBe(expected);
    expect(n).toBe(6 + 2 + 8 + 3);
    const projects = await h.db.projects.toArray();
    expect(projects).toHaveLength(6); // tombstones stay for sync
    expect(alive(projects)).toHaveLength(0);
    for (const p of projects) expect(p.alive).toBe(0);
    expect(alive(await h.db.people.toArray())).toHaveLength(0);
    expect(alive(await h.db.organizations.toArray())).toHaveLength(0);
    expect(alive(await h.db.investmentStats.toArray())).toHaveLength(0);

    const deletes = (await h.db.outbox.orderBy('seq').toArray()).slice(outboxBefore);
    expect(deletes).toHaveLength(n);
    expect(deletes.every((e) => e.op === 'delete')).toBe(true);
    expect(await isDemoLoaded(h.db)).toBe(false);
    expect(await demoIds(h.db)).toEqual({});

    // Clearing again does nothing; loading again brings six live projects back.
    expect(await clearDemo(h.db, h.repos)).toBe(0);
    await loadDemo(h.db, h.repos);
    expect(alive(await h.db.projects.toArray())).toHaveLength(6);
  });
});
