// The audit log of a batch (an import, a pulled page) kept many entries to a row: each record's
// history reads exactly as when every entry had a row of its own, in order, with later single
// writes; a database of schema 9 (one row per entry) opens with its history readable.
import { ACTOR, T0, openHarness, projectNo, type Harness } from './harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { AUDIT_CHUNK, allAudit, auditOf, auditRowsOf } from '../../../renderer/src/db/audit';
import { HattamaDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V9, type AuditEntry } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('a batch write', () => {
  it('logs an import of 1,201 projects in rows of 500 entries, and each project\'s history is its own create', async () => {
    const ids = Array.from({ length: 1201 }, () => uuidv7());
    await h.repos.projects.writeMany(ids.map((id, n) => ({ id, input: projectNo(n) })));
    // 1,201 project entries and 1,201 stage-log entries: three rows each, not 2,402.
    expect(await h.db.auditLog.count()).toBe(2 * Math.ceil(1201 / AUDIT_CHUNK));
    const all = await allAudit(h.db);
    expect(all).toHaveLength(2402);
    expect(all.filter((e) => e.table === 'projects').map((e) => e.recordId)).toEqual(ids);
    for (const n of [0, 499, 500, 1200]) {
      const history = await auditOf(h.db, 'projects', ids[n]!);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ table: 'projects', recordId: ids[n], action: 'create', actor: ACTOR, at: new Date(T0).toISOString() });
      expect(history[0]?.changes).toContainEqual({ field: 'title', from: null, to: `Цех № ${n}` });
    }
  });

  it('keeps the order of a record\'s history across batch rows and single rows', async () => {
    const id = uuidv7();
    await h.repos.projects.writeMany([{ id, input: projectNo(1) }, { input: projectNo(2) }]);
    h.setTime(T0 + 60_000);
    await h.repos.projects.update(id, { title: 'Цех полимерных труб' });
    h.setTime(T0 + 120_000);
    await h.repos.projects.writeMany([{ id, input: { stage: 'construction' } }, { input: projectNo(3) }]);
    const history = await auditOf(h.db, 'projects', id);
    expect(history.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(history.map((e) => e.changes.map((c) => c.field))).toEqual([expect.arrayContaining(['title']), ['title'], ['stage']]);
    expect(history[2]?.changes).toEqual([{ field: 'stage', from: 'idea', to: 'construction' }]);
    // The other project of a shared row is not part of this one's history.
    expect(history.every((e) => e.recordId === id)).toBe(true);
  });

  it('stores one entry as a row of its own, and chunks of at most 500', () => {
    const entry = (n: number): AuditEntry => ({ at: 'x', actor: ACTOR, table: 'projects', recordId: `r${n % 7}`, action: 'create', changes: [] });
    expect(auditRowsOf([entry(1)])).toEqual([entry(1)]);
    expect(auditRowsOf([])).toEqual([]);
    const rows = auditRowsOf(Array.from({ length: 1001 }, (_, n) => entry(n)));
    expect(rows.map((r) => ('entries' in r ? r.entries.length : 1))).toEqual([500, 500, 1]);
    // Each record named once per row, for the index.
    expect(rows.map((r) => ('keys' in r ? r.keys.length : 0))).toEqual([7, 7, 1]);
  });
});

describe('a database of schema 9', () => {
  it('opens with its one-row-per-entry history readable, and logs new batches many to a row', async () => {
    const name = `audit-v9-${uuidv7()}`;
    const v9 = new Dexie(name);
    [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].forEach((stores, i) => v9.version(i + 1).stores(stores));
    v9.version(8).stores({});
    v9.version(9).stores(SCHEMA_V9);
    const id = uuidv7();
    const at = new Date(T0).toISOString();
    await v9.table('projects').put({ id, createdAt: at, updatedAt: at, deletedAt: null, alive: 1, ...projectNo(1) });
    await v9.table('auditLog').add({ at, actor: 'Секретарь', table: 'projects', recordId: id, action: 'create', changes: [{ field: 'title', from: null, to: 'Цех № 1' }] });
    v9.close();

    const db = new HattamaDb(name);
    try {
      await db.open();
      const repos = createRepos({ db, now: () => new Date(T0 + 60_000), newId: uuidv7, actor: () => ACTOR });
      await repos.projects.writeMany([{ id, input: { title: 'Цех № 1А' } }, { input: projectNo(2) }]);
      const history = await auditOf(db, 'projects', id);
      expect(history.map((e) => [e.action, e.actor])).toEqual([['create', 'Секретарь'], ['update', ACTOR]]);
      expect(history[1]?.changes).toEqual([{ field: 'title', from: 'Цех № 1', to: 'Цех № 1А' }]);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
