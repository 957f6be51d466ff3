// Schema migrations: a database written by an older version opens in the current one with its
// data intact and in the current layout.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { HattamaDb, SCHEMA_V1 } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

/** Writes a database exactly as version 1 of the app did (field clocks inline in each record). */
async function writeV1(dbName: string, projectId: string) {
  const v1 = new Dexie(dbName);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('projects').put({
    id: projectId, createdAt: '2026-01-10T05:00:00.000Z', updatedAt: '2026-01-10T05:00:00.000Z', deletedAt: null, alive: 1,
    title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', regionId: 'aktobe', stage: 'idea', status: 'on_track',
    stageLog: [{ at: '2026-01-10T05:00:00.000Z', from: null, to: 'idea', by: 'Секретарь' }], barriers: [], tags: [], search: 'завод',
    fieldClock: { title: '000001768021200000-000001-node', stage: '000001768021200000-000002-node' },
  });
  await v1.table('outbox').add({ clientId: 'c', table: 'projects', recordId: projectId, op: 'upsert', fields: {}, at: '2026-01-10T05:00:00.000Z' });
  v1.close();
}

describe('migration v1 → v2', () => {
  it('moves each record’s field clocks to their own table and keeps the record and the outbox', async () => {
    name = `migrate-${uuidv7()}`;
    const id = uuidv7();
    await writeV1(name, id);

    const db = new HattamaDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const row = await db.projects.get(id);
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty('fieldClock');
    expect(row?.title).toBe('Завод по производству пластиковых труб');
    expect(await db.outbox.count()).toBe(1);

    const repos = createRepos({ db, now: () => new Date('2026-02-01T05:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    expect(await repos.projects.clocks(id)).toEqual({ title: '000001768021200000-000001-node', stage: '000001768021200000-000002-node' });

    // An edit after the upgrade sends the migrated stamp as the base of the guarded stage.
    await repos.projects.update(id, { stage: 'design' });
    const last = (await db.outbox.toArray()).at(-1);
    expect(last?.base).toEqual({ stage: '000001768021200000-000002-node' });
    db.close();
  });
});
