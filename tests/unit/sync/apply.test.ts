// A pulled page applied in bulk (`applyRemoteMany`, table by table) leaves the same records, field
// stamps, board rows and audit entries as the same changes merged one by one (`applyRemote`), and
// applying it twice changes nothing.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { isRecordChange, type ChangeRow } from '@shared/sync/contract';
import { FirstSync, applyChanges } from '../../../renderer/src/sync/apply';
import { T0, openHarness, type Harness } from '../db/harness';
import { boardOf, clocksOfAll, replicaOf } from './support';
import { allAudit } from '../../../renderer/src/db/audit';
import { allOutboxItems } from '../../../renderer/src/db/outbox';
import { markProjectionsStale, rebuildStaleProjections } from '../../../renderer/src/db/repos';
import { clientIdOf } from '../../../renderer/src/db/repository';
import { readControlRows } from '../../../renderer/src/db/projections';

/** The control rows as the control table and dashboard read them (without the revision, which counts writes). */
async function controlOf(h: Harness): Promise<Record<string, unknown>> {
  return Object.fromEntries((await readControlRows(h.db)).rows.map(({ rev: _r, ...row }) => [row.id, row]));
}

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
});
function harness(): Harness {
  const h = openHarness();
  open.push(h);
  return h;
}

/** A clerk's day as the log a server would hand out: projects, their stages and tags, barriers moved and deleted, people. */
async function changesOfADay(): Promise<ChangeRow[]> {
  const src = harness();
  const p1 = await src.repos.projects.create({ title: 'Завод', investorName: 'ТОО «А»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: ['СЭЗ'] });
  const p2 = await src.repos.projects.create({ title: 'Цех', investorName: 'ТОО «Б»', regionId: 'aktobe', stage: 'design', status: 'at_risk', tags: [] });
  const b = await src.repos.barriers.create({ projectId: p1.id, kind: 'gas', text: 'Нет газа', openedOn: '2026-03-01' });
  await src.repos.barriers.create({ projectId: p2.id, kind: 'land', text: 'Нет земли', openedOn: '2026-03-02' });
  src.setTime(T0 + 60_000);
  await src.repos.projects.update(p1.id, { stage: 'construction', tags: ['экспорт'] });
  await src.repos.barriers.update(b.id, { projectId: p2.id, text: 'Нет газа у цеха' });
  await src.repos.projects.remove(p2.id);
  await src.repos.projects.restore(p2.id);
  await src.repos.people.create({ fullName: 'Асхат Шахаров', regionId: 'aktobe' });
  // Assignments on control and their execution reports: a report moved to another assignment, one taken off control.
  const a1 = await src.repos.assignments.create({ regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', sourceDate: '2026-02-10', textRu: 'Подключить завод к газу', status: 'open', deadline: { kind: 'date', due: '2026-06-30' }, projectIds: [p1.id], responsibleOrgIds: [], zoneIds: [], meetingIds: [] });
  const a2 = await src.repos.assignments.create({ regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', sourceDate: '2026-02-10', textRu: 'Выделить участок цеху', status: 'open', deadline: { kind: 'date', due: '2026-03-10' }, projectIds: [p2.id], responsibleOrgIds: [], zoneIds: [], meetingIds: [] });
  const r = await src.repos.reports.create({ assignmentId: a1.id, on: '2026-03-05', text: 'Газ подведён', by: 'ГУ ЖКХ' });
  await src.repos.reports.update(r.id, { assignmentId: a2.id });
  await src.repos.reports.create({ assignmentId: a1.id, on: '2026-06-20', text: 'Подключено', by: 'ГУ ЖКХ' });
  await src.repos.assignments.update(a1.id, { status: 'done' });
  const items = (await allOutboxItems(src.db)).filter(isRecordChange);
  return items.map((e, i) => ({ version: i + 1, table: e.table, recordId: e.recordId, fields: e.fields, by: 'Айгерим Серикова' }));
}

it('in bulk leaves what merging one by one leaves, and twice changes nothing', async () => {
  const changes = await changesOfADay();
  const one = harness();
  const bulk = harness();
  for (const c of changes) await one.repos[c.table].applyRemote(c.recordId, c.fields, c.by);
  await bulk.db.transaction('rw', bulk.db.writeTables(), () => applyChanges(bulk.repos, changes));

  expect(await replicaOf(bulk)).toEqual(await replicaOf(one));
  expect(await boardOf(bulk)).toEqual(await boardOf(one));
  expect(await controlOf(bulk)).toEqual(await controlOf(one));
  expect(Object.keys(await controlOf(bulk))).toHaveLength(2);
  expect(await clocksOfAll(bulk)).toEqual(await clocksOfAll(one));
  const audit = async (h: Harness) => (await allAudit(h.db)).map(({ seq: _s, part: _p, at: _a, ...e }) => e).sort((x, y) => (x.recordId + x.action).localeCompare(y.recordId + y.action));
  expect(await audit(bulk)).toEqual(await audit(one));
  expect((await allAudit(bulk.db)).every((e) => e.actor === 'Айгерим Серикова')).toBe(true);
  const clock = (await bulk.db.syncState.get('clock'))?.clock;
  expect(clock?.wallMs).toBeGreaterThanOrEqual(T0 + 60_000);

  const counts = await bulk.counts();
  expect(await bulk.db.transaction('rw', bulk.db.writeTables(), () => applyChanges(bulk.repos, changes))).toBe(0);
  const after = await bulk.counts();
  expect({ ...after, syncState: 0 }).toEqual({ ...counts, syncState: 0 });
  expect(await bulk.db.outbox.count()).toBe(0); // merged changes are not pushed again
});

it('as a first sync, in pages, leaves the same records and stamps without reading absent ones or auditing them', async () => {
  const changes = await changesOfADay();
  const one = harness();
  const first = harness();
  for (const c of changes) await one.repos[c.table].applyRemote(c.recordId, c.fields, c.by);
  // Pages of three: a record created on one page changes on a later one (it must be read then).
  const sync = new FirstSync();
  for (let i = 0; i < changes.length; i += 3) {
    const page = changes.slice(i, i + 3);
    await first.db.transaction('rw', first.db.writeTables(), async () => {
      await sync.begin(first.db);
      await markProjectionsStale(first.db);
      await applyChanges(first.repos, page, { first: sync });
    });
  }
  expect(await replicaOf(first)).toEqual(await replicaOf(one));
  // The pages leave the projections to the end: none yet, then built once, the same as change by change.
  expect(await first.db.boardRows.count()).toBe(0);
  expect(await first.db.controlRows.count()).toBe(0);
  expect(await rebuildStaleProjections(first.db)).toBe(true);
  expect(await rebuildStaleProjections(first.db)).toBe(false); // the note is gone
  // Built as one base record each, not a row per record.
  expect(await first.db.boardRows.count()).toBe(0);
  expect(await first.db.settings.get('board.base')).toBeDefined();
  expect(await boardOf(first)).toEqual(await boardOf(one));
  expect(await controlOf(first)).toEqual(await controlOf(one));
  expect(await clocksOfAll(first)).toEqual(await clocksOfAll(one));
  expect(await allAudit(first.db)).toEqual([]);
});

it('as a first sync into a table that already holds records, merges with them', async () => {
  const changes = await changesOfADay();
  const projectChange = changes.find((c) => c.table === 'projects')!;
  const h = harness();
  // A record of that id is already here with a newer title (stamped later than the log's).
  await h.repos.projects.applyRemote(projectChange.recordId, { ...projectChange.fields, title: { value: 'Завод (уточнено)', hlc: `${String(T0 + 240_000).padStart(15, '0')}-000000-zzzz` } });
  const sync = new FirstSync();
  await h.db.transaction('rw', h.db.writeTables(), async () => {
    await sync.begin(h.db);
    await applyChanges(h.repos, changes, { first: sync });
  });
  expect((await h.db.projects.get(projectChange.recordId))?.title).toBe('Завод (уточнено)');
});

it('moves the local clock past every stamp the page brought, and refuses a page stamped too far ahead, storing nothing of it', async () => {
  const h = harness();
  const stamp = (msAfter: number, counter: number, node: string) => `${String(T0 + msAfter).padStart(15, '0')}-${counter.toString(36).padStart(6, '0')}-${node}`;
  const a = '0190abcd-0000-7000-8000-00000000000a';
  const b = '0190abcd-0000-7000-8000-00000000000b';
  // The newest stamp is neither the first nor the last change's, nor the first field's.
  const newest = stamp(120_000, 40, 'clientb');
  const fields = (title: string, titleHlc: string, stageHlc: string) => ({
    title: { value: title, hlc: titleHlc }, investorName: { value: 'ТОО «А»', hlc: titleHlc }, regionId: { value: 'aktobe', hlc: titleHlc },
    stage: { value: 'idea', hlc: stageHlc }, status: { value: 'on_track', hlc: titleHlc },
  });
  await h.db.transaction('rw', h.db.writeTables(), () => h.repos.projects.applyRemoteMany([
    { recordId: a, fields: fields('Завод', stamp(1_000, 0, 'clienta'), stamp(2_000, 0, 'clienta')) },
    { recordId: b, fields: fields('Цех', stamp(3_000, 5, 'clienta'), newest) },
    { recordId: a, fields: { title: { value: 'Завод № 2', hlc: stamp(60_000, 1, 'clienta') } } },
  ]));
  // A local write a second later (the computer's clock behind the stamps taken) still sorts after them all.
  h.setTime(T0 + 1_000);
  await h.repos.projects.update(a, { stage: 'design' });
  const mine = (await h.repos.projects.clocks(a)).stage ?? '';
  expect(mine > newest).toBe(true);
  expect(mine.endsWith(`-${await h.db.transaction('r', h.db.syncState, () => clientIdOf(h.db))}`)).toBe(true);

  const before = await replicaOf(h);
  const ahead = stamp(3600_000, 0, 'clientc'); // an hour ahead of this computer's clock
  await expect(h.db.transaction('rw', h.db.writeTables(), () => h.repos.projects.applyRemoteMany([
    { recordId: b, fields: { title: { value: 'Цех № 2', hlc: stamp(70_000, 0, 'clientc') } } },
    { recordId: '0190abcd-0000-7000-8000-00000000000c', fields: fields('Склад', ahead, ahead) },
  ]))).rejects.toThrow(/ahead/);
  expect(await replicaOf(h)).toEqual(before);
});

