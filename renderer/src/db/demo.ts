// Loading, clearing and restoring the demo workspace (the Aktobe session of the seed text).
//
// The ids of the records the example created are kept in the `demo` setting for as long as they
// exist, deleted or not: the example "is loaded" while any of them is alive (so a demo project
// brought back by the undo of its own deletion shows the example as loaded), clearing tombstones
// the live ones and says which, and the undo of a clear restores exactly those.
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_PROJECTS, DEMO_STATS } from '@shared/demo/aktobe-session';
import type { HattamaDb } from './db';
import type { Repos } from './repos';

const DEMO_KEY = 'demo';
/** The tables the example writes to; `investmentStats` are its official figures. */
export const DEMO_TABLES = ['projects', 'people', 'organizations', 'investmentStats'] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];
export type DemoIds = Partial<Record<DemoTable, string[]>>;

/** What clearing the example would remove: its live records per table, and how many of them the clerk changed. */
export type DemoSummary = Record<DemoTable, number> & { edited: number };

/** Ids of the records the example created (deleted ones too); empty when it was never loaded. */
export async function demoIds(db: HattamaDb): Promise<DemoIds> {
  const row = await db.settings.get(DEMO_KEY);
  return (row?.value as DemoIds | undefined) ?? {};
}

/** The live (not deleted) records of the example, per table. */
async function liveDemoIds(db: HattamaDb): Promise<Record<DemoTable, string[]>> {
  const ids = await demoIds(db);
  const out = { projects: [], people: [], organizations: [], investmentStats: [] } as Record<DemoTable, string[]>;
  for (const table of DEMO_TABLES) {
    const list = ids[table] ?? [];
    if (list.length === 0) continue;
    const rows = await db.table<{ id: string; deletedAt: string | null }, string>(table).bulkGet(list);
    out[table] = rows.filter((r) => r !== undefined && !r.deletedAt).map((r) => r?.id ?? '');
  }
  return out;
}

/** Whether the example is loaded now: any of its records is alive. */
export async function isDemoLoaded(db: HattamaDb): Promise<boolean> {
  const live = await liveDemoIds(db);
  return DEMO_TABLES.some((table) => live[table].length > 0);
}

/**
 * What clearing the example would remove now: its live projects, people, organizations and
 * official figures, and how many of them the clerk changed since loading (an edit in the change
 * log, or a barrier added to a demo project) — those changes go with them.
 */
export async function demoSummary(db: HattamaDb): Promise<DemoSummary> {
  return db.transaction('r', [db.settings, db.projects, db.people, db.organizations, db.investmentStats, db.auditLog, db.barriers], async () => {
    const live = await liveDemoIds(db);
    let edited = 0;
    for (const table of DEMO_TABLES) {
      for (const id of live[table]) {
        const updates = await db.auditLog.where('[table+recordId]').equals([table, id]).filter((e) => e.action === 'update').count();
        const barriers = table === 'projects' ? await db.barriers.where('projectId').equals(id).filter((b) => !b.deletedAt).count() : 0;
        if (updates > 0 || barriers > 0) edited++;
      }
    }
    return { projects: live.projects.length, people: live.people.length, organizations: live.organizations.length, investmentStats: live.investmentStats.length, edited };
  });
}

/**
 * Loads the demo workspace in one transaction: all of it or nothing. When it is loaded already,
 * nothing is written and its ids are returned; otherwise it is created afresh and its ids replace
 * those of an earlier, cleared example.
 */
export async function loadDemo(db: HattamaDb, repos: Repos): Promise<DemoIds> {
  return db.transaction('rw', db.writeTables(), async () => {
    if (await isDemoLoaded(db)) return demoIds(db);
    const ids: Record<DemoTable, string[]> = { people: [], organizations: [], projects: [], investmentStats: [] };
    for (const p of DEMO_PEOPLE) ids.people.push((await repos.people.create(p)).id);
    for (const o of DEMO_ORGANIZATIONS) ids.organizations.push((await repos.organizations.create(o)).id);
    for (const p of DEMO_PROJECTS) ids.projects.push((await repos.projects.create(p)).id);
    for (const s of DEMO_STATS) ids.investmentStats.push((await repos.investmentStats.create(s)).id);
    await db.settings.put({ key: DEMO_KEY, value: ids });
    return ids;
  });
}

/**
 * Clears the example in one transaction: its live records are deleted (tombstones, so sync passes
 * the deletion on), with whatever the clerk changed in them. Returns the ids it deleted, per
 * table — what `restoreDemo` brings back. Records that are not the example's are not touched.
 */
export async function clearDemo(db: HattamaDb, repos: Repos): Promise<DemoIds> {
  return db.transaction('rw', db.writeTables(), async () => {
    const live = await liveDemoIds(db);
    const removed: DemoIds = {};
    for (const table of DEMO_TABLES) {
      for (const id of live[table]) await repos[table].remove(id);
      if (live[table].length > 0) removed[table] = live[table];
    }
    return removed;
  });
}

/** How many records `ids` holds. */
export function countIds(ids: DemoIds): number {
  return DEMO_TABLES.reduce((sum, table) => sum + (ids[table]?.length ?? 0), 0);
}

/**
 * The undo of a clear: restores, through the repositories and in one transaction, exactly the
 * records `clearDemo` returned — those still deleted and still the example's (not those of an
 * example cleared before a fresh one was loaded). Returns how many it restored.
 */
export async function restoreDemo(db: HattamaDb, repos: Repos, removed: DemoIds): Promise<number> {
  return db.transaction('rw', db.writeTables(), async () => {
    const ids = await demoIds(db);
    let n = 0;
    for (const table of DEMO_TABLES) {
      const ours = new Set(ids[table] ?? []);
      for (const id of removed[table] ?? []) {
        if (!ours.has(id)) continue;
        const row = await repos[table].get(id);
        if (!row?.deletedAt) continue;
        await repos[table].restore(id);
        n++;
      }
    }
    return n;
  });
}
