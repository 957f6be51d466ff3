// The board's store: first rows from an index read, then all of them; every write reaches it through the change feed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { FIRST_PAGE, ProjectStore } from '../../../renderer/src/features/board/project-store';

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
