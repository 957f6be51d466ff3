// The projections built whole (db/projections.ts): at the end of a first sync or a restore the board
// rows and the control rows are stored as one base record each, not a row per record; every reader
// — the board, the dashboard, the agenda's and the assignments' project titles, the project picker —
// sees the same rows as before, writes made afterwards lay over the base, and a base that cannot be
// read is built again from the records.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import { openHarness, projectNo, T0, type Harness } from './harness';
import type { BoardRow } from '../../../renderer/src/db/db';
import { boardRowsOf, findBoardRows, FOLD_MIN, readBoardRows, readControlRows, rebuildProjections } from '../../../renderer/src/db/projections';
import { loadBoardSnapshot, saveBoardSnapshot, currentBoardRev } from '../../../renderer/src/db/board-snapshot';
import { ProjectStore } from '../../../renderer/src/features/board/project-store';
import { controlRowStore } from '../../../renderer/src/features/dashboard/control-store';
import { factsStore } from '../../../renderer/src/features/dashboard/facts-store';
import { emptyColumns, liveFacts } from '@shared/dashboard/project-columns';
import { saveDashFacts } from '../../../renderer/src/db/dash-facts';
import { takeSnapshot } from '../../../renderer/src/backup/snapshot';
import { readSnapshot, restoreSnapshot } from '../../../renderer/src/backup/restore';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.dispose();
});

const withoutRev = (rows: readonly BoardRow[]) => rows.map(({ rev: _r, ...row }) => row).sort((a, b) => (a.id < b.id ? -1 : 1));
const rebuild = () => h.db.transaction('rw', h.db.writeTables(), () => rebuildProjections(h.db));

/** Three projects (one with an open barrier, one removed) and an assignment on control. */
async function seed() {
  const made = [];
  for (let i = 1; i <= 3; i++) made.push(await h.repos.projects.create(projectNo(i)));
  const [p1, , p3] = made as [(typeof made)[number], (typeof made)[number], (typeof made)[number]];
  await h.repos.barriers.create({ projectId: p1.id, kind: 'gas', text: 'Нет подключения к газу', openedOn: '2026-03-01' });
  await h.repos.projects.remove(p3.id);
  const a = await h.repos.assignments.create({
    regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', sourceDate: '2026-02-10', sourceNumber: '15', textRu: 'Подключить газ', status: 'open',
    deadline: { kind: 'date', due: '2026-06-30' }, projectIds: [p1.id], responsibleOrgIds: [], zoneIds: [], meetingIds: [],
  });
  return { projects: made, assignment: a };
}

describe('projections built whole', () => {
  it('are one record each instead of a row per record, and read the same as the rows they replace', async () => {
    const { projects } = await seed();
    const rowsBefore = (await readBoardRows(h.db)).rows;
    const controlBefore = (await readControlRows(h.db)).rows;
    expect(rowsBefore).toHaveLength(3);
    expect(await h.db.boardRows.count()).toBe(3); // written one by one, as every write does

    await rebuild();
    expect(await h.db.boardRows.count()).toBe(0);
    expect(await h.db.controlRows.count()).toBe(0);
    expect(withoutRev((await readBoardRows(h.db)).rows)).toEqual(withoutRev(rowsBefore));
    expect((await readControlRows(h.db)).rows.map(({ rev: _r, ...r }) => r)).toEqual(controlBefore.map(({ rev: _r, ...r }) => r));
    // A few titles are made from their projects, the same rows; an unknown id is none.
    const [p1, p2] = projects;
    const byId = await boardRowsOf(h.db, [p2?.id ?? '', 'unknown', p1?.id ?? '']);
    expect(byId[1]).toBeUndefined();
    expect(withoutRev(byId.filter((r): r is BoardRow => r !== undefined))).toEqual(withoutRev(rowsBefore.filter((r) => r.id !== projects[2]?.id)));
    expect(byId[2]?.openBarriers).toBe(1);
    // The picker's search finds live projects in the base, not the removed one.
    expect((await findBoardRows(h.db, (r) => r.title.startsWith('Цех'), 10)).map((r) => r.id).sort()).toEqual([p1?.id, p2?.id].sort());
  });

  it('take the writes made afterwards as rows laid over the base: an edit, a removal, a new project, a barrier', async () => {
    const { projects, assignment } = await seed();
    await rebuild();
    const [p1, p2] = projects;
    h.setTime(T0 + 60_000);
    await h.repos.projects.update(p2?.id ?? '', { title: 'Цех (2-я очередь)' });
    await h.repos.projects.remove(p1?.id ?? '');
    h.setTime(T0 + 120_000);
    const p4 = await h.repos.projects.create(projectNo(4));
    await h.repos.barriers.create({ projectId: p4.id, kind: 'land', text: 'Нет участка', openedOn: '2026-03-02' });
    await h.repos.assignments.update(assignment.id, { deadline: { kind: 'date', due: '2026-07-31' } });
    expect(await h.db.boardRows.count()).toBe(3); // only the rows written since

    const live = (await readBoardRows(h.db)).rows.filter((r) => r.alive === 1);
    expect(live.map((r) => r.title).sort()).toEqual(['Цех (2-я очередь)', 'Цех № 4'].sort());
    expect(live.find((r) => r.id === p4.id)?.openBarriers).toBe(1);
    expect((await readControlRows(h.db)).rows).toMatchObject([{ id: assignment.id, due: '2026-07-31' }]);
    expect((await boardRowsOf(h.db, [p2?.id ?? '']))[0]?.title).toBe('Цех (2-я очередь)');

    // The board opens on them, and follows a later edit through the change feed.
    const store = new ProjectStore(h.db);
    await store.load();
    expect(store.getSnapshot().rows.map((r) => r.title)).toEqual(['Цех № 4', 'Цех (2-я очередь)']);
    h.setTime(T0 + 180_000);
    await h.repos.projects.update(p4.id, { title: 'Цех № 4 (расширение)' });
    await expect.poll(() => store.getSnapshot().rows[0]?.title).toBe('Цех № 4 (расширение)');
    store.close();
    // The dashboard's stores too.
    expect([...liveFacts(await factsStore(h.db).ready()).keys()].sort()).toEqual([p2?.id, p4.id].sort());
    expect(await controlRowStore(h.db).ready()).toMatchObject([{ id: assignment.id, due: '2026-07-31' }]);
  });

  it('leave aside a saved snapshot older than the base: the rows between are in the base only', async () => {
    const { projects } = await seed();
    const old = (await readBoardRows(h.db)).rows.filter((r) => r.alive === 1);
    await saveBoardSnapshot(h.db, old, await currentBoardRev(h.db));
    expect(await loadBoardSnapshot(h.db)).not.toBeNull();
    await h.repos.projects.update(projects[0]?.id ?? '', { title: 'Новое название' });
    await rebuild();
    expect(await loadBoardSnapshot(h.db)).toBeNull();
    const store = new ProjectStore(h.db);
    await store.load();
    expect(store.getSnapshot().rows.map((r) => r.title)).toContain('Новое название');
    store.close();
    // A snapshot taken from them afterwards is used again.
    await saveBoardSnapshot(h.db, (await readBoardRows(h.db)).rows.filter((r) => r.alive === 1), await currentBoardRev(h.db));
    expect((await loadBoardSnapshot(h.db))?.rows.map((r) => r.title)).toContain('Новое название');
  });

  it('are built again from the records when a base cannot be read (damaged, or of an earlier shape)', async () => {
    const { assignment } = await seed();
    const expected = withoutRev((await readBoardRows(h.db)).rows);
    await rebuild();
    await h.db.settings.put({ key: 'board.base', value: { shape: -1, rev: 1, count: 1, cols: {} } });
    await h.db.settings.delete('control.base');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(withoutRev((await readBoardRows(h.db)).rows)).toEqual(expected);
    expect((await readControlRows(h.db)).rows.map((r) => r.id)).toEqual([assignment.id]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/base of boardRows cannot be read/));
  });

  it('are made from the records for a live query (which may not write) when a base cannot be read, and stored by the next reader', async () => {
    const { projects } = await seed();
    await rebuild();
    await h.db.settings.put({ key: 'board.base', value: { shape: -1 } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The project picker searches in a live query.
    const found = await new Promise<BoardRow[]>((resolve, reject) => {
      const sub = liveQuery(() => findBoardRows(h.db, () => true, 10)).subscribe({ next: (rows) => { sub.unsubscribe(); resolve(rows); }, error: reject });
    });
    expect(found.map((r) => r.id).sort()).toEqual([projects[0]?.id, projects[1]?.id].sort());
    expect((await h.db.settings.get('board.base'))?.value).toEqual({ shape: -1 });
    expect((await readBoardRows(h.db)).rows).toHaveLength(3);
    expect((await h.db.settings.get('board.base'))?.value).toMatchObject({ count: 3 });
  });

  it('are left out of a backup, and the restore builds them again', async () => {
    await seed();
    await rebuild();
    const expected = withoutRev((await readBoardRows(h.db)).rows);
    const taken = await takeSnapshot(h.db, { appVersion: '0.1.0', reason: 'manual', now: new Date(T0) });
    const parsed = await readSnapshot(h.db, taken.bytes);
    const keys = (parsed.tables.get('settings') ?? []).map((s) => String((s as { key: string }).key));
    expect(keys).not.toContain('board.base');
    expect(keys).not.toContain('control.base');
    await h.db.transaction('rw', h.db.writeTables(), async () => {
      await h.db.settings.clear();
      await h.db.projects.clear();
    });
    await restoreSnapshot(h.db, parsed, 'new-client');
    expect(withoutRev((await readBoardRows(h.db)).rows)).toEqual(expected);
    expect(await h.db.boardRows.count()).toBe(0);
  });

  it('after a restore, a board snapshot saved by a window still showing the state before is not used', async () => {
    const { projects } = await seed();
    const taken = await takeSnapshot(h.db, { appVersion: '0.1.0', reason: 'manual', now: new Date(T0) });
    const expected = withoutRev((await readBoardRows(h.db)).rows).filter((r) => r.alive === 1);
    expect(expected).toHaveLength(2);
    // The clerk then removes the projects; the window's board shows none, as of this revision.
    for (const p of projects.slice(0, 2)) await h.repos.projects.remove(p.id);
    const shownRev = await currentBoardRev(h.db);
    await restoreSnapshot(h.db, await readSnapshot(h.db, taken.bytes), 'new-client');
    // The window's store saves what it shows a moment after the restore, before the app reloads.
    await saveBoardSnapshot(h.db, [], shownRev);
    expect(await loadBoardSnapshot(h.db)).toBeNull();
    const store = new ProjectStore(h.db);
    await store.load();
    expect(withoutRev(store.getSnapshot().rows)).toEqual(expected);
    store.close();
    // The dashboard's columns too.
    await saveDashFacts(h.db, emptyColumns(), shownRev);
    expect([...liveFacts(await factsStore(h.db).ready()).keys()].sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('take a batch large against the whole projection (an import) into a new base, a smaller one as rows', async () => {
    const store = new ProjectStore(h.db);
    await store.load();
    const many = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ input: projectNo(from + i) }));
    const big = FOLD_MIN * 3 + 1;
    expect((await h.repos.projects.writeMany(many(0, big))).created).toBe(big);
    expect(await h.db.boardRows.count()).toBe(0);
    const rows = (await readBoardRows(h.db)).rows;
    expect(rows).toHaveLength(big);
    // The same rows as made from their projects.
    const sample = rows.slice(0, 5).map((r) => r.id);
    expect(withoutRev(rows.filter((r) => sample.includes(r.id)))).toEqual(withoutRev((await boardRowsOf(h.db, sample)) as BoardRow[]));
    // The board open meanwhile shows them all.
    await expect.poll(() => store.getSnapshot().rows.length).toBe(big);

    // FOLD_MIN more is under a quarter of the projection with them: rows.
    await h.repos.projects.writeMany(many(big, FOLD_MIN));
    expect(await h.db.boardRows.count()).toBe(FOLD_MIN);
    await expect.poll(() => store.getSnapshot().rows.length).toBe(big + FOLD_MIN);
    const all = (await readBoardRows(h.db)).rows;
    expect(new Set(all.map((r) => r.id)).size).toBe(big + FOLD_MIN);
    expect(all).toHaveLength(big + FOLD_MIN);
    store.close();
  }, 60_000);
});
