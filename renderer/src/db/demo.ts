// Loading, clearing and restoring the demo workspace (the Aktobe session of the seed text).
//
// The ids of the records the example created are kept in the `demo` setting for as long as they
// exist, deleted or not: the example "is loaded" while any of them is alive (so a demo project
// brought back by the undo of its own deletion shows the example as loaded), clearing tombstones
// the live ones and says which, and the undo of a clear restores exactly those.
import * as Y from 'yjs';
import {
  DEMO_AGENDA, DEMO_AKIM_SPOKE, DEMO_DECISION, DEMO_DIRECTIVE, DEMO_MEETING, DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_PROJECTS, DEMO_STATS,
} from '@shared/demo/aktobe-session';
import { minutesDocId } from '@shared/domain/meeting.schema';
import { todayIso } from '@shared/locale/dates';
import type { HattamaDb } from './db';
import type { Repos } from './repos';
import { appendDocUpdate } from './doc-store';
import { auditOf } from './audit';

const DEMO_KEY = 'demo';
/** The tables the example writes to; `investmentStats` are its official figures. */
export const DEMO_TABLES = ['projects', 'people', 'organizations', 'investmentStats', 'meetings', 'agendaItems', 'attendance', 'minutes', 'assignments'] as const;
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
  const out = Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as Record<DemoTable, string[]>;
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
  return db.transaction('r', [db.settings, ...DEMO_TABLES.map((t) => db.table(t)), db.auditLog, db.barriers], async () => {
    const live = await liveDemoIds(db);
    let edited = 0;
    for (const table of DEMO_TABLES) {
      for (const id of live[table]) {
        const updates = (await auditOf(db, table, id)).filter((e) => e.action === 'update').length;
        const barriers = table === 'projects' ? await db.barriers.where('projectId').equals(id).filter((b) => !b.deletedAt).count() : 0;
        if (updates > 0 || barriers > 0) edited++;
      }
    }
    const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, live[t].length])) as Record<DemoTable, number>;
    return { ...counts, edited };
  });
}

/**
 * Loads the demo workspace in one transaction: all of it or nothing. When it is loaded already,
 * nothing is written and its ids are returned; otherwise it is created afresh and its ids replace
 * those of an earlier, cleared example.
 */
export async function loadDemo(db: HattamaDb, repos: Repos, today: string = todayIso(Date.now())): Promise<DemoIds> {
  return db.transaction('rw', db.writeTables(), async () => {
    if (await isDemoLoaded(db)) return demoIds(db);
    const ids = Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as Record<DemoTable, string[]>;
    for (const p of DEMO_PEOPLE) ids.people.push((await repos.people.create(p)).id);
    for (const o of DEMO_ORGANIZATIONS) ids.organizations.push((await repos.organizations.create(o)).id);
    for (const p of DEMO_PROJECTS) ids.projects.push((await repos.projects.create(p)).id);
    for (const s of DEMO_STATS) ids.investmentStats.push((await repos.investmentStats.create(s)).id);
    await loadDemoSession(db, repos, today, ids);
    await db.settings.put({ key: DEMO_KEY, value: ids });
    return ids;
  });
}

/**
 * The on-site session at the ferroalloy plant: chair (the akim) and the prosecutor present, the
 * SEZ «Актобе» question and the six projects on the agenda, the akim's words on the SEZ, a draft
 * of the minutes with the one decision the text reports, and the Head of State's instruction of
 * 10 February the session took up — nothing the text does not say.
 */
async function loadDemoSession(db: HattamaDb, repos: Repos, today: string, ids: Record<DemoTable, string[]>): Promise<void> {
  const [akim, prosecutor] = ids.people;
  const meeting = await repos.ops.createMeeting({
    ...DEMO_MEETING, regionId: 'aktobe', date: today, number: await repos.ops.nextMeetingNumber('aktobe', today), chairId: akim,
  });
  ids.meetings.push(meeting.id);
  for (const personId of [akim, prosecutor]) {
    if (personId) ids.attendance.push((await repos.ops.setAttendance(meeting.id, personId, { role: 'participant', presence: 'present' })).id);
  }
  const sez = await repos.ops.addAgendaItem(meeting.id, { kind: 'topic', ...DEMO_AGENDA.sez, projectIds: [] });
  const projects = await repos.ops.addAgendaItem(meeting.id, { kind: 'topic', ...DEMO_AGENDA.projects, projectIds: ids.projects });
  ids.agendaItems.push(sez.id, projects.id);
  const minutes = await repos.ops.ensureMinutes(meeting.id, 'ru');
  ids.minutes.push(minutes.id);
  ids.assignments.push((await repos.ops.addDecision(projects.id, { ...DEMO_DECISION, projectIds: ids.projects })).id);
  ids.assignments.push((await repos.assignments.create({
    ...DEMO_DIRECTIVE, zoneIds: [...DEMO_DIRECTIVE.zoneIds], regionId: 'aktobe', status: 'open', responsibleOrgIds: [], projectIds: [], meetingIds: [meeting.id],
  })).id);
  // The akim's words under ВЫСТУПИЛИ of the SEZ question, as the editor's document holds them.
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(DEMO_AKIM_SPOKE)]);
  doc.getXmlFragment(`item/${sez.id}/spoke`).insert(0, [paragraph]);
  await appendDocUpdate(db, minutesDocId(minutes.id, 'ru'), Y.encodeStateAsUpdate(doc), new Date().toISOString());
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
