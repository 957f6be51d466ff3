// Schema migrations: a database written by an older version opens in the current one with its
// data intact and in the current layout — all synced tables, rows with and without clocks, and
// the changes still waiting in the outbox.
import { isRecordChange } from '@shared/sync/contract';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { DB_SCHEMA_VERSION, HattamaDb, PACKED_TABLES, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V9, SCHEMA_V10, SCHEMA_V12, aliveRows } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { outboxEntrySchema } from '@shared/sync/contract';
import { allOutboxItems } from '../../../renderer/src/db/outbox';
import { packedSchema } from '../../../renderer/src/db/packed-table';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

const AT = '2026-01-10T05:00:00.000Z';
const S = (n: number) => `001768021200000-${n.toString(36).padStart(6, '0')}-node`;

/** A database as the build of schema `version` declared it (its stores only: no upgrade runs). */
function databaseAt(dbName: string, version: number): Dexie {
  const db = new Dexie(dbName);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, {}, SCHEMA_V9, SCHEMA_V10, {}].slice(0, version).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}

function v1Project(id: string, extra: Record<string, unknown> = {}) {
  return {
    id, createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1,
    title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', regionId: 'aktobe', stage: 'design', status: 'on_track',
    stageLog: [{ at: AT, from: null, to: 'idea', by: 'Секретарь' }, { at: '2026-01-11T05:00:00.000Z', from: 'idea', to: 'design', by: 'Секретарь' }],
    barriers: [{ id: uuidv7(), kind: 'gas', text: 'Нет подключения к газу', openedOn: '2026-01-05' }, { id: uuidv7(), kind: 'land', text: 'Участок оформлен', openedOn: '2025-12-01', resolvedOn: '2026-01-02' }],
    tags: ['СЭЗ', 'выездное'], search: 'завод',
    ...extra,
  };
}

/** Writes a database exactly as version 1 of the app did (field clocks inline in each record). */
async function writeV1(dbName: string, withClocks: string, without: string) {
  const v1 = new Dexie(dbName);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('projects').bulkPut([
    v1Project(withClocks, { fieldClock: { title: S(1), stage: S(2), stageLog: S(3), barriers: S(4), tags: S(5) } }),
    v1Project(without, { title: 'Цех без часов', barriers: [], tags: [] }),
  ]);
  await v1.table('people').put({ id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, fullName: 'Асхат Шахаров', regionId: 'aktobe', search: 'асхат', fieldClock: { fullName: S(6) } });
  await v1.table('organizations').put({ id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, name: 'ТОО «Polyline»', kind: 'investor', regionId: 'aktobe', search: 'polyline' });
  await v1.table('investmentStats').put({ id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, regionId: 'aktobe', year: 2025, indicator: 'investment_attracted_tenge', value: 1.2e12, qualifier: 'more_than', sourceTitle: 'BAQ.KZ', search: 'baq' });
  // A change still waiting to be pushed, in the old whole-array shape.
  await v1.table('outbox').add({
    clientId: 'node', table: 'projects', recordId: withClocks, op: 'upsert', at: AT,
    fields: { title: { value: 'Завод по производству пластиковых труб', hlc: S(1) }, barriers: { value: [], hlc: S(4) }, tags: { value: ['СЭЗ', 'выездное'], hlc: S(5) }, stageLog: { value: [], hlc: S(3) } },
  });
  v1.close();
}

/** Writes a database as version 2 did (field clocks in their own table, lists still arrays). */
async function writeV2(dbName: string, withClocks: string, without: string) {
  const v2 = new Dexie(dbName);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  await v2.table('projects').bulkPut([v1Project(withClocks), v1Project(without, { title: 'Цех без часов' })]);
  await v2.table('fieldClocks').put({ key: `projects/${withClocks}`, clock: { title: S(1), stage: S(2), stageLog: S(3), barriers: S(4), tags: S(5) } });
  await v2.table('people').put({ id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, fullName: 'Марат Абишев', regionId: 'aktobe', search: 'марат' });
  await v2.table('organizations').put({ id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, name: 'Акимат', kind: 'state_body', regionId: 'aktobe', search: 'акимат' });
  await v2.table('investmentStats').put({ id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, regionId: 'aktobe', year: 2025, indicator: 'investment_growth_pct', value: 125, qualifier: 'more_than', sourceTitle: 'BAQ.KZ', search: 'baq' });
  await v2.table('outbox').add({ clientId: 'node', table: 'projects', recordId: withClocks, op: 'upsert', at: AT, fields: { barriers: { value: [], hlc: S(4) } } });
  v2.close();
}

describe.each([
  ['v1', writeV1],
  ['v2', writeV2],
])('migration %s → current', (_label, write) => {
  it('turns barriers and stage-log entries into records, stamps tags per element, builds the board rows and keeps every table', async () => {
    name = `migrate-${uuidv7()}`;
    const withClocks = uuidv7();
    const without = uuidv7();
    await write(name, withClocks, without);

    const db = new HattamaDb(name);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);

    // Projects keep their fields but no longer carry lists or derived search text.
    const p = await db.projects.get(withClocks);
    expect(p).toMatchObject({ title: 'Завод по производству пластиковых труб', stage: 'design', tags: ['СЭЗ', 'выездное'] });
    expect(p).not.toHaveProperty('barriers');
    expect(p).not.toHaveProperty('stageLog');
    expect(p).not.toHaveProperty('fieldClock');
    expect(p).not.toHaveProperty('search');

    // Barriers and stage-log entries are records pointing to their project.
    const barriers = await db.barriers.where('projectId').equals(withClocks).toArray();
    expect(barriers.map((b) => b.text).sort()).toEqual(['Нет подключения к газу', 'Участок оформлен']);
    const log = await db.stageLog.where('projectId').equals(withClocks).sortBy('at');
    expect(log.map((e) => e.to)).toEqual(['idea', 'design']);
    expect(await db.stageLog.where('projectId').equals(without).count()).toBe(2);
    // Their ids are derived from the project, so another clerk's upgrade makes the same records.
    const again = new HattamaDb(`${name}-twin`);
    await write(`${name}-twin`, withClocks, without);
    await again.open();
    expect((await again.stageLog.where('projectId').equals(withClocks).sortBy('at')).map((e) => e.id)).toEqual(log.map((e) => e.id));
    again.close();
    await Dexie.delete(`${name}-twin`);

    // Clocks: the array stamp goes to each record; tags are stamped element by element.
    const repos = createRepos({ db, now: () => new Date('2026-02-01T05:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    const clocks = await repos.projects.clocks(withClocks);
    expect(clocks).toEqual({ title: S(1), stage: S(2), 'tags/СЭЗ': S(5), 'tags/выездное': S(5) });
    const gas = barriers.find((b) => b.kind === 'gas');
    expect(await repos.barriers.clocks(gas?.id ?? '')).toMatchObject({ text: S(4), kind: S(4), projectId: S(4) });
    expect(await repos.projects.clocks(without)).toEqual({});

    // The board reads its projection: open barriers counted, search text prepared.
    const board = await db.boardRows.get(withClocks);
    expect(board).toMatchObject({ alive: 1, openBarriers: 1, openBarrierKinds: ['gas'], stage: 'design', stageHlc: S(2) });
    expect(board?.search).toContain('нет подключения к газу');
    expect(await db.boardRows.count()).toBe(2);

    // The other synced tables come through.
    expect(await db.people.count()).toBe(1);
    expect(await db.organizations.count()).toBe(1);
    expect(await db.investmentStats.count()).toBe(1);

    // Waiting changes are in the new shape, valid against the sync contract, nothing lost.
    const pending = (await allOutboxItems(db)).filter(isRecordChange);
    for (const e of pending) outboxEntrySchema.parse(e);
    expect(pending.flatMap((e) => Object.keys(e.fields))).not.toContain('barriers');
    expect(pending.filter((e) => e.table === 'barriers').map((e) => e.recordId).sort()).toEqual(barriers.map((b) => b.id).sort());

    // An edit after the upgrade sends the migrated stamp as the base of the guarded stage.
    await repos.projects.update(withClocks, { stage: 'construction' });
    const last = (await allOutboxItems(db)).filter(isRecordChange).filter((e) => e.table === 'projects').at(-1);
    expect(last?.base).toEqual({ stage: S(2) });
    db.close();
  });

});

describe('migration v5 → v6', () => {
  it('board rows get the kinds of their open barriers, every assignment a control row', async () => {
    name = `migrate-v5-${uuidv7()}`;
    const v5 = databaseAt(name, 5);
    const projectId = uuidv7();
    const meta = { createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1 };
    await v5.table('boardRows').put({ id: projectId, ...meta, title: 'Цех', investorName: 'ТОО', regionId: 'aktobe', stage: 'design', status: 'on_track', tags: [], search: 'цех', openBarriers: 2, stageHlc: null, rev: 1 });
    await v5.table('barriers').bulkPut([
      { id: uuidv7(), ...meta, projectId, kind: 'water', text: 'Нет воды', openedOn: '2026-01-01' },
      { id: uuidv7(), ...meta, projectId, kind: 'gas', text: 'Нет газа', openedOn: '2026-01-01' },
      { id: uuidv7(), ...meta, projectId, kind: 'land', text: 'Участок', openedOn: '2026-01-01', resolvedOn: '2026-01-05' },
    ]);
    const done = uuidv7();
    const org = uuidv7();
    await v5.table('assignments').bulkPut([
      { id: done, ...meta, regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', textRu: 'Обеспечить', responsibleOrgIds: [org], deadline: { kind: 'date', due: '2026-02-01' }, status: 'done', projectIds: [projectId], zoneIds: ['sez-aktobe'], meetingIds: [] },
    ]);
    await v5.table('reports').bulkPut([
      { id: uuidv7(), ...meta, assignmentId: done, on: '2026-01-20', text: 'Промежуточно', by: 'У' },
      { id: uuidv7(), ...meta, assignmentId: done, on: '2026-02-03', text: 'Исполнено', by: 'У' },
    ]);
    v5.close();
    const db = new HattamaDb(name);
    await db.open();
    expect((await db.boardRows.get(projectId))?.openBarrierKinds).toEqual(['gas', 'water']);
    expect(await db.controlRows.get(done)).toEqual({ id: done, alive: 1, status: 'done', due: '2026-02-01', doneOn: '2026-02-03', responsibleOrgIds: [org], zoneIds: ['sez-aktobe'], projectIds: [projectId] });
    db.close();
  });
});

describe('migration v6 → current', () => {
  it('keeps every record and waiting change, and adds an empty attachments table that takes records by owner', async () => {
    name = `migrate-v6-${uuidv7()}`;
    const v6 = databaseAt(name, 6);
    const projectId = uuidv7();
    const meta = { createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1 };
    await v6.table('projects').put({ id: projectId, ...meta, title: 'Цех', investorName: 'ТОО', regionId: 'aktobe', stage: 'design', status: 'on_track', tags: [] });
    await v6.table('outbox').add({ clientId: 'node', table: 'projects', recordId: projectId, op: 'upsert', at: AT, fields: { title: { value: 'Цех', hlc: S(1) } } });
    v6.close();

    const db = new HattamaDb(name);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    expect(await db.projects.get(projectId)).toMatchObject({ title: 'Цех', stage: 'design' });
    expect((await allOutboxItems(db)).map((e) => (isRecordChange(e) ? e.recordId : null))).toEqual([projectId]);
    expect(await db.attachments.count()).toBe(0);
    const repos = createRepos({ db, now: () => new Date('2026-02-01T05:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    const sha256 = 'a'.repeat(64);
    await repos.attachments.create({ ownerKind: 'project', ownerId: projectId, fileName: 'Фото.jpg', mimeType: 'image/jpeg', size: 10, sha256, addedBy: 'Секретарь', addedAt: AT });
    expect(await db.attachments.where('[ownerKind+ownerId]').equals(['project', projectId]).count()).toBe(1);
    expect(await db.attachments.where('sha256').equals(sha256).count()).toBe(1);
    db.close();
  });
});

describe('migration v7 → v9', () => {
  it('moves every record\'s field clocks into its row and drops their store; merges and updates read them there', async () => {
    name = `migrate-v7-${uuidv7()}`;
    const v7 = databaseAt(name, 7);
    const meta = { createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1 };
    const [packed, plain, unstamped, person] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const project = (id: string, title: string) => ({ id, ...meta, title, investorName: 'ТОО', regionId: 'aktobe', stage: 'design', status: 'on_track', tags: [] });
    await v7.table('projects').bulkPut([project(packed, 'Цех упакованный'), project(plain, 'Цех старый'), project(unstamped, 'Цех без часов')]);
    await v7.table('people').put({ id: person, ...meta, fullName: 'Марат Абишев', regionId: 'aktobe' });
    // Schema 7 stored clocks packed; rows written before that are plain objects. Both come through.
    await v7.table('fieldClocks').bulkPut([
      { key: `projects/${packed}`, clock: JSON.stringify([['001768021200000', 'node', ['000001', 'title'], ['000002', 'stage']]]) },
      { key: `projects/${plain}`, clock: { title: S(3), stage: S(4) } },
      { key: `people/${person}`, clock: { fullName: S(5) } },
    ]);
    v7.close();

    const db = new HattamaDb(name);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('fieldClocks');
    const repos = createRepos({ db, now: () => new Date('2026-02-01T05:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    expect(await repos.projects.clocks(packed)).toEqual({ title: S(1), stage: S(2) });
    expect(await repos.projects.clocks(plain)).toEqual({ title: S(3), stage: S(4) });
    expect(await repos.projects.clocks(unstamped)).toEqual({});
    expect(await repos.people.clocks(person)).toEqual({ fullName: S(5) });
    expect(typeof (await db.projects.get(plain))?.clocks).toBe('string');
    expect(await db.projects.get(unstamped)).not.toHaveProperty('clocks');

    // A merge compares against the moved stamps: an older title loses, a newer one wins.
    await repos.projects.applyRemote(plain, { title: { value: 'Старше', hlc: S(2) } });
    expect((await db.projects.get(plain))?.title).toBe('Цех старый');
    await repos.projects.applyRemote(plain, { title: { value: 'Новее', hlc: S(9) } });
    expect((await db.projects.get(plain))?.title).toBe('Новее');
    // A local update keeps the other fields' stamps.
    await repos.projects.update(packed, { status: 'at_risk' });
    const after = await repos.projects.clocks(packed);
    expect(after).toMatchObject({ title: S(1), stage: S(2) });
    expect(after.status).toEqual(expect.any(String));
    db.close();
  });
});

describe('migration v10 → v11', () => {
  it('packs the projects many to a row; every project reads, updates and counts as before', async () => {
    name = `mig-v10-${Math.random()}`;
    const v10 = databaseAt(name, 10);
    const ids = Array.from({ length: 600 }, () => uuidv7());
    await v10.table('projects').bulkPut(ids.map((id, i) => ({
      id, createdAt: AT, updatedAt: AT, deletedAt: null, alive: 1, title: `Завод № ${i}`, investorName: 'ТОО «Polyline»', regionId: 'aktobe',
      stage: 'design', status: 'on_track', tags: [], clocks: JSON.stringify([['001768021200000', 'node', ['000000', 'title']]]),
    })));
    v10.close();

    const db = new HattamaDb(name);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    expect(await db.projects.count()).toBe(600);
    expect((await db.projects.get(ids[321]!))?.title).toBe('Завод № 321');
    expect((await db.projects.toArray()).map((p) => p.id)).toEqual([...ids].sort());
    const repos = createRepos({ db, now: () => new Date('2026-02-01T05:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    await repos.projects.update(ids[5]!, { status: 'at_risk' });
    expect((await db.projects.get(ids[5]!))?.status).toBe('at_risk');
    db.close();

    // On disk: three rows of at most 256 projects, not 600.
    const raw = new Dexie(name);
    await raw.open();
    const rows = (await raw.table('projects').toArray()) as { id: string; records: { id: string }[] }[];
    raw.close();
    expect(rows.map((r) => r.records.length)).toEqual([256, 256, 88]);
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.records[0]!.id));
  });
});

describe('migration v11 → v12', () => {
  it('packs barriers, stage log, people, assignments, board and control rows; every index query answers as before', async () => {
    name = `mig-v11-${Math.random()}`;
    const v11 = databaseAt(name, 11);
    const projectIds = Array.from({ length: 10 }, () => uuidv7());
    const meetingIds = Array.from({ length: 3 }, () => uuidv7());
    const n = 300;
    const ids = (prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
    const at = (i: number) => `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`;
    const base = (id: string, i: number) => ({ id, createdAt: at(i), updatedAt: at(i), deletedAt: i % 7 === 0 ? at(i) : null, alive: i % 7 === 0 ? 0 : 1 });
    await v11.table('barriers').bulkPut(ids('b').map((id, i) => ({ ...base(id, i), projectId: projectIds[i % 10], kind: 'land', text: `Барьер ${i}` })));
    await v11.table('stageLog').bulkPut(ids('s').map((id, i) => ({ ...base(id, i), projectId: projectIds[i % 10], at: at(i), from: null, to: 'design', by: 'Секретарь' })));
    await v11.table('people').bulkPut(ids('p').map((id, i) => ({ ...base(id, i), fullName: `Человек ${i}`, position: 'аким', regionId: 'aktobe' })));
    await v11.table('assignments').bulkPut(ids('a').map((id, i) => ({ ...base(id, i), meetingId: meetingIds[i % 3], agendaItemId: `item-${i % 30}`, projectIds: [projectIds[i % 10], projectIds[(i + 1) % 10]], text: `Поручение ${i}` })));
    await v11.table('boardRows').bulkPut(ids('r').map((id, i) => ({ ...base(id, i), title: `Проект ${i}`, rev: i })));
    await v11.table('controlRows').bulkPut(ids('c').map((id, i) => ({ id, status: 'open', rev: i })));
    v11.close();

    const db = new HattamaDb(name);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    expect(await db.barriers.count()).toBe(n);
    const p3 = projectIds[3]!;
    expect((await db.barriers.where('projectId').equals(p3).primaryKeys()).sort()).toEqual(ids('b').filter((_, i) => i % 10 === 3));
    expect((await db.stageLog.where('projectId').equals(p3).toArray()).map((e) => e.id)).toEqual(ids('s').filter((_, i) => i % 10 === 3));
    // The live people, newest change last, as the [alive+updatedAt] index orders them.
    const alivePeople = ids('p').map((id, i) => ({ id, i })).filter(({ i }) => i % 7 !== 0).sort((a, b) => (at(a.i) < at(b.i) ? -1 : at(a.i) > at(b.i) ? 1 : a.id < b.id ? -1 : 1)).map((x) => x.id);
    expect(await aliveRows(db.people).primaryKeys()).toEqual(alivePeople);
    expect(await aliveRows(db.people).reverse().limit(5).primaryKeys()).toEqual(alivePeople.slice(-5).reverse());
    expect(await db.assignments.where('meetingId').equals(meetingIds[1]!).count()).toBe(n / 3);
    expect((await db.assignments.where('agendaItemId').equals('item-7').primaryKeys()).sort()).toEqual(ids('a').filter((_, i) => i % 30 === 7));
    expect(await db.assignments.where('projectIds').equals(p3).count()).toBe(2 * (n / 10));
    expect(await db.boardRows.where('rev').above(n - 4).primaryKeys()).toEqual(ids('r').slice(-3));
    expect(await db.controlRows.where('rev').below(2).primaryKeys()).toEqual(ids('c').slice(0, 2));
    // Writes after the upgrade keep the indexes: a barrier moved to another project is found there only.
    await db.barriers.update(ids('b')[3]!, { projectId: projectIds[4]! });
    expect(await db.barriers.where('projectId').equals(p3).primaryKeys()).not.toContain(ids('b')[3]);
    expect(await db.barriers.where('projectId').equals(projectIds[4]!).primaryKeys()).toContain(ids('b')[3]);
    db.close();

    // On disk: two packs a table, not 300 rows, each with its index keys.
    const raw = new Dexie(name);
    await raw.open();
    for (const table of Object.keys(SCHEMA_V12)) {
      const rows = (await raw.table(table).toArray()) as { id: string; records: { id: string }[] }[];
      expect(rows.map((r) => r.records.length), table).toEqual([256, 44]);
    }
    const barrierPacks = (await raw.table('barriers').toArray()) as { projectId: [string, string][] }[];
    // An entry [project, barrier] per barrier; barrier 3 moved to project 4 above.
    expect(barrierPacks[0]!.projectId).toEqual(ids('b').slice(0, 256).map((id, i) => [projectIds[i === 3 ? 4 : i % 10], id]));
    raw.close();
  });
});

describe('schema 12', () => {
  it('declares each packed store by the physical schema of its logical one', () => {
    for (const [table, stores] of Object.entries(SCHEMA_V12)) expect(stores, table).toBe(packedSchema(PACKED_TABLES[table as keyof typeof SCHEMA_V12]));
  });
});
