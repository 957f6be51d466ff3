// What sync will rely on, proven with two database connections: a write carries only the fields
// the clerk changed, with the stamp the clerk saw as the base of a guarded field; barriers,
// stage-log entries and tags merge without loss; applying changes twice equals once; and every
// committed write — from either connection — reaches the change feed and the board's store.
import { isRecordChange } from '@shared/sync/contract';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProjectFields, type ProjectFieldsInput } from '@shared/domain/project.schema';
import { diffFields, mergeChanges } from '@shared/sync/merge';
import { outboxEntrySchema } from '@shared/sync/contract';
import { createRepos } from '../../../renderer/src/db/repos';
import { DB_SCHEMA_VERSION, HattamaDb } from '../../../renderer/src/db/db';
import { subscribeChanges, type Changes } from '../../../renderer/src/db/change-feed';
import { ProjectStore } from '../../../renderer/src/features/board/project-store';
import { T0, openHarness, queuedRows, type Harness } from './harness';
import { allOutboxItems } from '../../../renderer/src/db/outbox';

const MINUTE = 60_000;
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
});
function harness(name?: string): Harness {
  const h = openHarness(name);
  open.push(h);
  return h;
}
function project(overrides: Partial<ProjectFieldsInput> = {}): ProjectFieldsInput {
  return { ...emptyProjectFields('aktobe'), title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', ...overrides };
}

/** Sends every outbox entry of `from` to `to`, as a pull would deliver them; returns how many. */
async function deliver(from: Harness, to: Harness, sinceSeq = 0): Promise<number> {
  const entries = (await queuedRows(from.db, sinceSeq)).filter(isRecordChange);
  for (const e of entries) {
    outboxEntrySchema.parse(e);
    await to.repos[e.table].applyRemote(e.recordId, e.fields);
  }
  return entries.length;
}

/** Copies one clerk's database into another's by sync, so both start from the same records. */
async function cloneInto(from: Harness, to: Harness) {
  await deliver(from, to);
  await from.db.outbox.clear();
  await to.db.outbox.clear();
}

describe('a write carries only what the clerk changed (two connections to one database)', () => {
  it('a stale card that edits the title keeps the stage another window set, and sends the stamp the clerk saw as the base', async () => {
    const name = `two-conn-${T0}-${Math.random()}`;
    const card = harness(name);
    const other = harness(name);
    const created = await card.repos.projects.create(project());

    // The card opens the project: what the clerk sees, with its stamps.
    const opened = await card.repos.projects.getWithClocks(created.id);
    if (!opened) throw new Error('not found');

    // Meanwhile another window moves the project to design.
    other.setTime(T0 + MINUTE);
    await other.repos.projects.update(created.id, { stage: 'design' });
    const newerStage = (await other.repos.projects.clocks(created.id)).stage;

    // The clerk edits only the title in the stale card and saves.
    card.setTime(T0 + 2 * MINUTE);
    await card.repos.projects.update(created.id, { title: 'Завод полимерных труб' }, { seen: opened.clocks });
    const stored = await other.db.projects.get(created.id);
    expect(stored?.title).toBe('Завод полимерных труб');
    expect(stored?.stage).toBe('design');
    const titleEntry = (await allOutboxItems(card.db)).filter(isRecordChange).at(-1);
    expect(Object.keys(titleEntry?.fields ?? {})).toEqual(['title']);

    // Had the clerk changed the stage too, its base would be the stamp of the stage they saw (idea),
    // not the newer one — so a server sees the conflict.
    await card.repos.projects.update(created.id, { stage: 'construction' }, { seen: opened.clocks });
    const stageEntry = (await allOutboxItems(card.db)).filter(isRecordChange).filter((e) => e.table === 'projects').at(-1);
    expect(stageEntry?.base).toEqual({ stage: opened.clocks.stage });
    expect(stageEntry?.base?.stage).not.toBe(newerStage);
  });

  it('compares values structurally: the same content in another key order is no change', () => {
    const before = { title: 'A', extra: { a: 1, b: [1, 2] }, tags: ['x', 'y'] };
    const after = { extra: { b: [1, 2], a: 1 }, title: 'A', tags: ['y', 'x'] };
    expect(diffFields(before, after, ['tags']).size).toBe(0);
    expect([...diffFields(before, { ...after, extra: { a: 2, b: [1, 2] } }, ['tags']).keys()]).toEqual(['extra']);
  });

  it('merges a field named like an Object.prototype member as any other field', () => {
    const stamp = '001767261600000-000000-node';
    const merged = mergeChanges({}, {}, { constructor: { value: 'x', hlc: stamp }, toString: { value: 'y', hlc: stamp } });
    expect(merged.applied.sort()).toEqual(['constructor', 'toString']);
    expect(Object.hasOwn(merged.fields, 'constructor') && merged.fields.constructor).toBe('x');
  });
});

describe('lists merge without loss (two clerks offline)', () => {
  it('keeps both barriers two clerks added to the same project', async () => {
    const a = harness();
    const b = harness();
    const p = await a.repos.projects.create(project());
    await cloneInto(a, b);

    a.setTime(T0 + MINUTE);
    await a.repos.barriers.create({ projectId: p.id, kind: 'gas', text: 'Нет подключения к газу', openedOn: '2026-03-15' });
    b.setTime(T0 + 2 * MINUTE);
    await b.repos.barriers.create({ projectId: p.id, kind: 'land', text: 'Земельный участок не оформлен', openedOn: '2026-03-15' });
    await deliver(a, b);
    await deliver(b, a);

    for (const h of [a, b]) {
      const texts = (await h.db.barriers.where('projectId').equals(p.id).toArray()).map((x) => x.text).sort();
      expect(texts).toEqual(['Земельный участок не оформлен', 'Нет подключения к газу']);
      expect((await h.db.boardRows.get(p.id))?.openBarriers).toBe(2);
    }
  });

  it('keeps both stage-log entries when two clerks change the stage, and the later stage wins', async () => {
    const a = harness();
    const b = harness();
    const p = await a.repos.projects.create(project());
    await cloneInto(a, b);

    a.setTime(T0 + MINUTE);
    await a.repos.projects.update(p.id, { stage: 'negotiation' });
    b.setTime(T0 + 2 * MINUTE);
    await b.repos.projects.update(p.id, { stage: 'design' });
    await deliver(a, b);
    await deliver(b, a);

    for (const h of [a, b]) {
      expect((await h.db.projects.get(p.id))?.stage).toBe('design');
      expect((await h.db.boardRows.get(p.id))?.stage).toBe('design');
      const log = (await h.db.stageLog.where('projectId').equals(p.id).sortBy('at')).map((e) => `${e.from ?? '∅'}→${e.to}`);
      expect(log).toEqual(['∅→idea', 'idea→negotiation', 'idea→design']);
    }
  });

  it('merges tags as a set: additions on both sides and a removal on one are all kept', async () => {
    const a = harness();
    const b = harness();
    const p = await a.repos.projects.create(project({ tags: ['СЭЗ', 'выездное'] }));
    await cloneInto(a, b);

    a.setTime(T0 + MINUTE);
    await a.repos.projects.update(p.id, { tags: ['СЭЗ', 'выездное', 'газ'] });
    b.setTime(T0 + 2 * MINUTE);
    await b.repos.projects.update(p.id, { tags: ['СЭЗ', 'экспорт'] });
    const tagEntry = (await allOutboxItems(b.db)).filter(isRecordChange).at(-1);
    expect(tagEntry?.fields).toMatchObject({ 'tags/выездное': { value: false }, 'tags/экспорт': { value: true } });
    await deliver(a, b);
    await deliver(b, a);

    for (const h of [a, b]) expect([...((await h.db.projects.get(p.id))?.tags ?? [])].sort()).toEqual(['СЭЗ', 'газ', 'экспорт']);
  });

  it('applying the same changes twice equals applying them once; an older stamp never overwrites a newer one', async () => {
    const a = harness();
    const b = harness();
    const p = await a.repos.projects.create(project());
    await a.repos.barriers.create({ projectId: p.id, kind: 'power', text: 'Нет мощности', openedOn: '2026-03-15' });
    await deliver(a, b);
    const once = { projects: await b.db.projects.toArray(), barriers: await b.db.barriers.toArray() }; // rows with their field clocks
    await deliver(a, b);
    expect({ projects: await b.db.projects.toArray(), barriers: await b.db.barriers.toArray() }).toEqual(once);
    expect(once.projects[0]?.clocks).toEqual(expect.any(String));
    expect(await b.db.outbox.count()).toBe(0); // merged changes are not pushed again

    const merged = mergeChanges({ title: 'new' }, { title: '000001773565200000-000005-b' }, { title: { value: 'old', hlc: '000001773565200000-000001-a' } });
    expect(merged.fields.title).toBe('new');
    expect(merged.applied).toEqual([]);
  });

  it('a delete travels as a tombstone and wins the row out of the board on the other side', async () => {
    const a = harness();
    const b = harness();
    const p = await a.repos.projects.create(project());
    await cloneInto(a, b);
    a.setTime(T0 + MINUTE);
    await a.repos.projects.remove(p.id);
    await deliver(a, b);
    expect((await b.db.projects.get(p.id))?.deletedAt).toBe(new Date(T0 + MINUTE).toISOString());
    expect((await b.db.boardRows.get(p.id))?.alive).toBe(0);
  });
});

describe('the change feed', () => {
  it('tells a listener which records changed, for writes made through another connection', async () => {
    const name = `feed-${Math.random()}`;
    const mine = harness(name);
    const other = harness(name);
    await mine.db.open();
    const seen: Changes[] = [];
    const stop = subscribeChanges(name, (c) => seen.push(c));
    try {
      const p = await other.repos.projects.create(project());
      await new Promise((r) => setTimeout(r, 20));
      const projects = seen.map((c) => c.get('projects')).find(Boolean);
      const board = seen.map((c) => c.get('boardRows')).find(Boolean);
      expect(projects !== 'all' && projects?.has(p.id)).toBe(true);
      expect(board !== 'all' && board?.has(p.id)).toBe(true);
    } finally {
      stop();
    }
  });

  it('puts a project changed elsewhere on the board without re-reading the register, newest first', async () => {
    const name = `store-${Math.random()}`;
    const mine = harness(name);
    const other = harness(name);
    const first = await mine.repos.projects.create(project({ title: 'Первый' }));
    mine.setTime(T0 + MINUTE);
    await mine.repos.projects.create(project({ title: 'Второй' }));
    const store = new ProjectStore(mine.db);
    await store.load();
    expect(store.getSnapshot().rows.map((r) => r.title)).toEqual(['Второй', 'Первый']);

    let fullReads = 0;
    const toArray = mine.db.boardRows.toArray.bind(mine.db.boardRows);
    mine.db.boardRows.toArray = (() => { fullReads++; return toArray(); }) as typeof mine.db.boardRows.toArray;

    other.setTime(T0 + 2 * MINUTE);
    await other.repos.projects.update(first.id, { stage: 'construction' });
    await expect.poll(() => store.getSnapshot().rows[0]?.stage).toBe('construction');
    expect(store.getSnapshot().rows.map((r) => r.title)).toEqual(['Первый', 'Второй']);

    await other.repos.projects.remove(first.id);
    await expect.poll(() => store.getSnapshot().rows.map((r) => r.title)).toEqual(['Второй']);
    expect(fullReads).toBe(0);
    store.close();
  });
});

describe('a database on a second connection', () => {
  it('opens at the current version', async () => {
    const db = new HattamaDb(`v-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    createRepos({ db, now: () => new Date(T0), newId: () => '', actor: () => '' });
    await db.delete();
  });
});
