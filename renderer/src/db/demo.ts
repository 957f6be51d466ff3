// Loading and clearing the demo workspace (the Aktobe session of the seed text).
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_PROJECTS, DEMO_STATS } from '@shared/demo/aktobe-session';
import type { HattamaDb } from './db';
import type { Repos } from './repos';

const DEMO_KEY = 'demo';
type DemoTable = 'projects' | 'people' | 'organizations' | 'investmentStats';
type DemoIds = Partial<Record<DemoTable, string[]>>;

/** Ids of the records the demo created (empty when it is not loaded). */
export async function demoIds(db: HattamaDb): Promise<DemoIds> {
  const row = await db.settings.get(DEMO_KEY);
  return (row?.value as DemoIds | undefined) ?? {};
}

/** Whether the demo is loaded now. */
export async function isDemoLoaded(db: HattamaDb): Promise<boolean> {
  const ids = await demoIds(db);
  return Object.values(ids).some((list) => (list?.length ?? 0) > 0);
}

/** Loads the demo workspace in one transaction: all of it or nothing. */
export async function loadDemo(db: HattamaDb, repos: Repos): Promise<DemoIds> {
  return db.transaction('rw', db.writeTables(), async () => {
    if (await isDemoLoaded(db)) return demoIds(db);
    const ids: DemoIds = { people: [], organizations: [], projects: [], investmentStats: [] };
    const people = [];
    for (const p of DEMO_PEOPLE) people.push(await repos.people.create(p));
    ids.people = people.map((p) => p.id);
    for (const o of DEMO_ORGANIZATIONS) ids.organizations?.push((await repos.organizations.create(o)).id);
    for (const p of DEMO_PROJECTS) ids.projects?.push((await repos.projects.create(p)).id);
    for (const s of DEMO_STATS) ids.investmentStats?.push((await repos.investmentStats.create(s)).id);
    await db.settings.put({ key: DEMO_KEY, value: ids });
    return ids;
  });
}

/** Clears the demo: its records are deleted (tombstones, so sync passes the deletion on). */
export async function clearDemo(db: HattamaDb, repos: Repos): Promise<number> {
  return db.transaction('rw', db.writeTables(), async () => {
    const ids = await demoIds(db);
    let n = 0;
    for (const table of Object.keys(ids) as DemoTable[]) {
      for (const id of ids[table] ?? []) {
        const row = await repos[table].get(id);
        if (row && !row.deletedAt) {
          await repos[table].remove(id);
          n++;
        }
      }
    }
    await db.settings.delete(DEMO_KEY);
    return n;
  });
}
