// The board's store: first rows from an index read, then all of them; every write reaches it through the change feed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { FIRST_PAGE, ProjectStore } from '../../../renderer/src/features/board/project-store';
import { currentBoardRev, saveBoardSnapshot } from '../../../renderer/src/db/board-snapshot';

let db: HattamaDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

async function seeded(n: number) {
  db = new HattamaDb(`store-${uuidv7()}`);
  let t = Date.parse('2025-01-01T00:00:00Z');
  const repos = createRepos({ db, now: () => new Date((t += 1000)), newId: () => uuidv7(), actor: () => 'Тест' });
  for (let i = 0; i < n; i++) await repos.projects.create({ title: `Проект ${i}`, investorName: 'ТОО «X»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });
  return repos;
}

describe('ProjectStore', () => {
  it('shows the newest first page before loading everything, then all live projects', async () => {
    await seeded(FIRST_PAGE + 5);
    const store = new ProjectStore(db);
    const phases: { phase: string; count: number }[] = [];
    store.subscribe(() => phases.push({ phase: store.getSnapshot().phase, count: store.getSnapshot().rows.length }));
    await store.load();
    const distinct = phases.filter((p, i) => i === 0 || p.phase !== phases[i - 1]?.phase || p.count !== phases[i - 1]?.count);
    expect(distinct).toEqual([{ phase: 'partial', count: FIRST_PAGE }, { phase: 'ready', count: FIRST_PAGE + 5 }]);
    expect(store.getSnapshot().total).toBe(FIRST_PAGE + 5);
    expect(store.getSnapshot().rows[0]?.title).toBe(`Проект ${FIRST_PAGE + 4}`);
  });

  it('follows every write without being told: a changed project moves to the top, a deleted one leaves, a restored one returns', async () => {
    const repos = await seeded(3);
    const store = new ProjectStore(db);
    await store.load();
    const oldest = store.getSnapshot().rows[2];
    if (!oldest) throw new Error('no rows');
    await repos.projects.update(oldest.id, { stage: 'design' });
    await expect.poll(() => store.getSnapshot().rows[0]?.id).toBe(oldest.id);
    expect(store.getSnapshot().rows[0]?.stage).toBe('design');
    await repos.projects.remove(oldest.id);
    await expect.poll(() => store.getSnapshot().rows.map((r) => r.id)).not.toContain(oldest.id);
    await repos.projects.restore(oldest.id);
    await expect.poll(() => store.getSnapshot().rows).toHaveLength(3);
    await repos.barriers.create({ projectId: oldest.id, kind: 'gas', text: 'Нет газа', openedOn: '2025-01-01' });
    await expect.poll(() => store.getSnapshot().rows.find((r) => r.id === oldest.id)?.openBarriers).toBe(1);
    await store.load();
    expect(store.getSnapshot().rows).toHaveLength(3);
    store.close();
  });

  it('keeps a write made while the register is still loading', async () => {
    const repos = await seeded(FIRST_PAGE + 5);
    const store = new ProjectStore(db);
    const loading = store.load();
    const [oldest] = await db.projects.orderBy('id').limit(1).toArray();
    if (!oldest) throw new Error('no rows');
    // The clerk renamed a project before the full read returned.
    await repos.projects.update(oldest.id, { title: 'Переименован во время загрузки' });
    await loading;
    await expect.poll(() => store.getSnapshot().rows[0]?.title).toBe('Переименован во время загрузки');
    expect(store.getSnapshot().rows).toHaveLength(FIRST_PAGE + 5);
    store.close();
  });

  it('says why the register could not be read instead of loading forever', async () => {
    await seeded(1);
    db.close();
    const store = new ProjectStore(db);
    await store.load();
    expect(store.getSnapshot().phase).toBe('error');
    expect(store.getSnapshot().error).toMatch(/closed/i);
    await db.open();
  });
});

describe('ProjectStore with a saved snapshot', () => {
  it('opens from the snapshot and the rows written since, without reading the register, and equals a full read', async () => {
    const repos = await seeded(FIRST_PAGE + 10);
    const first = new ProjectStore(db);
    await first.load();
    const rows = first.getSnapshot().rows;
    await saveBoardSnapshot(db, rows, await currentBoardRev(db));
    first.close();

    // After the snapshot: one project renamed, one deleted, one created.
    const [renamed, deleted] = [rows[5], rows[7]];
    if (!renamed || !deleted) throw new Error('no rows');
    await repos.projects.update(renamed.id, { title: 'Переименован после снимка' });
    await repos.projects.remove(deleted.id);
    await repos.projects.create({ title: 'Новый после снимка', investorName: 'ТОО «Y»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });

    let fullReads = 0;
    const toArray = db.boardRows.toArray.bind(db.boardRows);
    db.boardRows.toArray = (() => { fullReads++; return toArray(); }) as typeof db.boardRows.toArray;
    const second = new ProjectStore(db);
    await second.load();
    expect(fullReads).toBe(0);
    const fromSnapshot = second.getSnapshot().rows;
    second.close();
    db.boardRows.toArray = toArray as typeof db.boardRows.toArray;

    await db.settings.clear();
    const third = new ProjectStore(db);
    await third.load();
    const full = third.getSnapshot().rows;
    third.close();
    expect(fromSnapshot.map((r) => `${r.id} ${r.title} ${r.updatedAt}`)).toEqual(full.map((r) => `${r.id} ${r.title} ${r.updatedAt}`));
    expect(fromSnapshot[0]?.title).toBe('Новый после снимка');
    expect(fromSnapshot.map((r) => r.id)).not.toContain(deleted.id);
  });

  it('ignores a snapshot it cannot read and reads the register instead', async () => {
    await seeded(3);
    await db.settings.put({ key: 'board.snapshot', value: { shape: 2, rev: 0, count: 3, cols: { id: ['a'] } } });
    const store = new ProjectStore(db);
    await store.load();
    expect(store.getSnapshot().rows).toHaveLength(3);
    store.close();
  });
});
