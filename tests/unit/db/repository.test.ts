// Tests for the repository layer (renderer/src/db/repository, repos): every write validates, then
// in one Dexie transaction puts the row, appends an outbox entry with per-field HLC stamps and an
// audit entry; invalid input and failed transactions leave the store untouched.
import { isRecordChange } from '@shared/sync/contract';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareHlc, parseHlc } from '@shared/sync/hlc';
import { unpackClocks } from '@shared/sync/packed-clocks';
import { uuidV7 } from '@shared/domain/record';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { checkWith } from '@shared/domain/checked';
import { emptyProjectFields, projectFieldsSchema, type ProjectFieldsInput } from '@shared/domain/project.schema';
import { NotFoundError, ValidationError, fieldsOf } from '../../../renderer/src/db/repository';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { ACTOR, T0, openHarness, queuedRows, type Harness } from './harness';
import { allAudit } from '../../../renderer/src/db/audit';
import { allOutboxItems } from '../../../renderer/src/db/outbox';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function project(overrides: Partial<ProjectFieldsInput> = {}): ProjectFieldsInput {
  return { ...emptyProjectFields('aktobe'), title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', ...overrides };
}

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.dispose();
});

/** The outbox entries of one table (projects unless named), in the order they were appended. */
async function outbox(table = 'projects') {
  return (await queuedRows(h.db)).filter(isRecordChange).filter((e) => e.table === table);
}
async function audit(table = 'projects') {
  return (await allAudit(h.db)).filter((e) => e.table === table);
}
/** The HLC stamp of each outbox entry, in the order the entries were appended: one write, one stamp on every field it changed. */
async function outboxStamps(): Promise<string[]> {
  return (await outbox()).map((e) => {
    const stamps = new Set(Object.values(e.fields).map((f) => f.hlc));
    expect(stamps.size, `the fields of the entry of ${e.recordId}`).toBe(1);
    return [...stamps][0] ?? '';
  });
}
function expectStrictlyIncreasing(stamps: readonly string[]): void {
  for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1] ?? '', stamps[i] ?? ''), `stamp #${i}`).toBe(-1);
}

describe('create', () => {
  it('writes the row, one outbox entry stamping every field and one audit entry', async () => {
    const row = await h.repos.projects.create(project({ districtId: 'aktobe-alga', jobsPermanentPlanned: 40 }));

    expect(uuidV7.safeParse(row.id).success).toBe(true);
    expect(row).toMatchObject({ createdAt: iso(T0), updatedAt: iso(T0), deletedAt: null, alive: 1, title: 'Завод по производству пластиковых труб' });
    expect(await h.db.projects.get(row.id)).toEqual(row);
    // The project, its first stage-log record and its board row; an outbox and an audit entry for each record.
    expect(await h.counts()).toMatchObject({ projects: 1, stageLog: 1, boardRows: 1, outbox: 2, auditLog: 2 });

    const [entry] = await outbox();
    const written = ['title', 'investorName', 'regionId', 'districtId', 'jobsPermanentPlanned', 'stage', 'status'];
    expect(entry).toMatchObject({ table: 'projects', recordId: row.id, op: 'upsert', at: iso(T0) });
    expect(entry?.base).toBeUndefined();
    expect(Object.keys(entry?.fields ?? {}).sort()).toEqual([...written].sort());
    expect(entry?.fields.title?.value).toBe('Завод по производству пластиковых труб');
    expect(entry?.fields.jobsPermanentPlanned?.value).toBe(40);
    const stamps = Object.values(entry?.fields ?? {}).map((f) => f.hlc);
    for (const s of stamps) expect(parseHlc(s).wallMs).toBe(T0);
    // One write, one stamp: every field it wrote carries it (each field is merged by its own).
    expect(new Set(stamps).size).toBe(1);
    // The record's field clocks hold the same stamps the outbox carries.
    const rowClocks = await h.repos.projects.clocks(row.id);
    for (const name of written) expect(rowClocks[name], name).toBe(entry?.fields[name]?.hlc);
    // Stored packed in the record's own row (one string, the shared wall time and node once), never a field of the record.
    const stored = (await h.db.projects.get(row.id))?.clocks;
    expect(typeof stored).toBe('string');
    expect(unpackClocks(stored as string)).toEqual(rowClocks);
    expect(fieldsOf<Record<string, unknown>>(await h.db.projects.get(row.id) as object)).not.toHaveProperty('clocks');

    const [log] = await audit();
    expect(log).toMatchObject({ at: iso(T0), actor: ACTOR, table: 'projects', recordId: row.id, action: 'create' });
    expect(log?.changes).toContainEqual({ field: 'title', from: null, to: 'Завод по производству пластиковых труб' });
    expect(log?.changes.map((c) => c.field).sort()).toEqual([...written].sort());
  });

  it('writes the row, outbox and audit entries in one transaction', async () => {
    const seen: { table: string; trans: unknown }[] = [];
    for (const table of [h.db.projects, h.db.stageLog, h.db.boardRows, h.db.outbox, h.db.auditLog] as const) {
      table.hook('creating', function (_key, _obj, trans) {
        seen.push({ table: table.name, trans });
      });
    }
    await h.repos.projects.create(project());
    expect(seen.map((s) => s.table).sort()).toEqual(['auditLog', 'auditLog', 'boardRows', 'outbox', 'outbox', 'projects', 'stageLog']);
    // Nested writes (the stage-log record, the board row) share the one IndexedDB transaction.
    expect(new Set(seen.map((s) => (s.trans as { idbtrans: unknown }).idbtrans)).size).toBe(1);
  });
});

describe('update', () => {
  it('writes an outbox entry with only the changed field and an audit entry with from/to', async () => {
    const created = await h.repos.projects.create(project());
    const [createEntry] = await outbox();
    h.setTime(T0 + MINUTE);

    const updated = await h.repos.projects.update(created.id, { title: 'Завод полимерных труб' });

    expect(updated).toMatchObject({ title: 'Завод полимерных труб', createdAt: iso(T0), updatedAt: iso(T0 + MINUTE) });
    expect(await h.db.projects.get(created.id)).toEqual(updated);
    expect(await h.counts()).toMatchObject({ projects: 1, outbox: 3, auditLog: 3 });

    const entry = (await outbox())[1];
    expect(entry).toMatchObject({ op: 'upsert', recordId: created.id, clientId: createEntry?.clientId, at: iso(T0 + MINUTE) });
    expect(Object.keys(entry?.fields ?? {})).toEqual(['title']);
    expect(entry?.fields.title?.value).toBe('Завод полимерных труб');
    expect(entry?.base).toBeUndefined();
    const clocks = await h.repos.projects.clocks(created.id);
    expect(clocks.title).toBe(entry?.fields.title?.hlc);
    expect(clocks.investorName).toBe(createEntry?.fields.investorName?.hlc);
    expectStrictlyIncreasing(await outboxStamps());

    const log = (await audit())[1];
    expect(log).toEqual({
      seq: log?.seq,
      part: 0,
      at: iso(T0 + MINUTE),
      actor: ACTOR,
      table: 'projects',
      recordId: created.id,
      action: 'update',
      changes: [{ field: 'title', from: 'Завод по производству пластиковых труб', to: 'Завод полимерных труб' }],
    });
  });

  it('records a cleared field as null in the outbox and audit log', async () => {
    const created = await h.repos.projects.create(project({ notes: 'Проект будет дополнительно изучен.' }));
    const updated = await h.repos.projects.update(created.id, { notes: '' });
    expect(updated.notes).toBeUndefined();
    const entry = (await outbox())[1];
    expect(entry?.fields).toEqual({ notes: { value: null, hlc: (await h.repos.projects.clocks(created.id)).notes } });
    expect((await audit())[1]?.changes).toEqual([{ field: 'notes', from: 'Проект будет дополнительно изучен.', to: null }]);
  });

  it('writes nothing when nothing changes', async () => {
    const created = await h.repos.projects.create(project());
    const before = await h.counts();
    const clockBefore = await h.db.syncState.get('clock');
    h.setTime(T0 + MINUTE);

    const same = await h.repos.projects.update(created.id, { title: `  ${created.title} ` });

    expect(same).toEqual(created);
    expect(await h.counts()).toEqual(before);
    expect(await h.db.projects.get(created.id)).toEqual(created);
    expect(await h.db.syncState.get('clock')).toEqual(clockBefore);
  });

  it('refuses to update a missing or deleted record', async () => {
    await expect(h.repos.projects.update('0190b6a0-0000-7000-8000-000000000000', { title: 'X' })).rejects.toBeInstanceOf(NotFoundError);
    const created = await h.repos.projects.create(project());
    await h.repos.projects.remove(created.id);
    const before = await h.counts();
    await expect(h.repos.projects.update(created.id, { title: 'X' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await h.counts()).toEqual(before);
  });
});

describe('validation', () => {
  it('throws ValidationError on create and leaves every table unchanged', async () => {
    const before = await h.counts();
    const error = await h.repos.projects.create(project({ investorBin: '123456789012', title: '<b>Завод</b>' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        { path: 'investorBin', message: 'bin_checksum' },
        { path: 'title', message: 'no_markup' },
      ]),
    );
    expect(await h.counts()).toEqual(before);
    expect(Object.values(before).every((n) => n === 0)).toBe(true);
  });

  it('throws ValidationError on update and leaves the row and every table unchanged', async () => {
    const created = await h.repos.projects.create(project());
    const before = await h.counts();
    h.setTime(T0 + MINUTE);
    await expect(h.repos.projects.update(created.id, { title: 'Новое название', foreignSharePct: 150 })).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'foreignSharePct', message: 'max_100' }],
    });
    expect(await h.counts()).toEqual(before);
    expect(await h.db.projects.get(created.id)).toEqual(created);
  });

  it('takes a value its schema checked (an import\'s planned row) without checking it again, and checks anything else', async () => {
    const planned = checkWith(projectFieldsSchema, project({ investorBin: '9406 4000 0422', tags: ['СЭЗ'] }));
    if (!planned.success) throw new Error('the planned row is valid');
    // What was checked cannot change before it is written.
    expect(() => Object.assign(planned.data, { title: '<b>Завод</b>' })).toThrow(TypeError);
    expect(() => planned.data.tags.push('<i>x</i>')).toThrow(TypeError);
    const check = vi.spyOn(projectFieldsSchema, 'safeParse');
    try {
      const id = uuidv7();
      expect(await h.repos.projects.writeMany([{ id, input: planned.data }])).toEqual({ created: 1, updated: 0 });
      expect(check).not.toHaveBeenCalled();
      expect(fieldsOf((await h.db.projects.get(id))!)).toEqual(planned.data);
      expect(planned.data.investorBin).toBe('940640000422');
      // A copy changed after the check, and a value another schema checked, are checked as any other.
      const before = await h.counts();
      const changed = { ...planned.data, investorBin: '123456789012' };
      await expect(h.repos.projects.writeMany([{ input: changed }])).rejects.toMatchObject({ name: 'ValidationError', issues: [{ path: '0.investorBin', message: 'bin_checksum' }] });
      const other = checkWith(z.object({ title: z.string() }).passthrough(), { ...planned.data, foreignSharePct: 150 });
      if (!other.success) throw new Error('the other schema passes it');
      await expect(h.repos.projects.writeMany([{ input: other.data }])).rejects.toMatchObject({ name: 'ValidationError', issues: [{ path: '0.foreignSharePct', message: 'max_100' }] });
      expect(await h.counts()).toEqual(before);
      expect(check).toHaveBeenCalledTimes(2);
    } finally {
      check.mockRestore();
    }
  });
});

describe('rollback', () => {
  it('stores neither the row nor the outbox entry when the audit write fails', async () => {
    vi.spyOn(h.db.auditLog, 'add').mockRejectedValueOnce(new Error('disk full'));

    await expect(h.repos.projects.create(project())).rejects.toThrow('disk full');

    expect(await h.db.projects.count()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
    expect(await h.db.auditLog.count()).toBe(0);
    expect(await h.db.syncState.get('clock')).toBeUndefined();

    // The next write goes through normally.
    const row = await h.repos.projects.create(project());
    expect(await h.counts()).toMatchObject({ projects: 1, stageLog: 1, boardRows: 1, outbox: 2, auditLog: 2 });
    expect(await h.db.projects.get(row.id)).toEqual(row);
  });

  it('keeps the previous row when an update fails half-way', async () => {
    const created = await h.repos.projects.create(project());
    const before = await h.counts();
    vi.spyOn(h.db.auditLog, 'add').mockRejectedValueOnce(new Error('disk full'));
    h.setTime(T0 + MINUTE);

    await expect(h.repos.projects.update(created.id, { title: 'Новое название' })).rejects.toThrow('disk full');

    expect(await h.db.projects.get(created.id)).toEqual(created);
    expect(await h.counts()).toEqual(before);
  });
});

describe('remove / restore', () => {
  it('tombstones a record and restores it, each with its outbox and audit entry', async () => {
    const created = await h.repos.projects.create(project());
    const aliveCount = () => h.db.projects.filter((p) => p.alive === 1).count();
    expect(await aliveCount()).toBe(1);

    h.setTime(T0 + MINUTE);
    const removed = await h.repos.projects.remove(created.id);
    const removedClocks = await h.repos.projects.clocks(created.id);
    expect(removed).toMatchObject({ deletedAt: iso(T0 + MINUTE), updatedAt: iso(T0 + MINUTE), alive: 0, title: created.title });
    expect(await h.db.projects.get(created.id)).toEqual(removed);
    expect(await h.db.projects.count()).toBe(1); // the row stays for sync
    expect(await aliveCount()).toBe(0);

    // Removing again changes nothing.
    const afterRemove = await h.counts();
    await h.repos.projects.remove(created.id);
    expect(await h.counts()).toEqual(afterRemove);

    h.setTime(T0 + 2 * MINUTE);
    const restored = await h.repos.projects.restore(created.id);
    expect(restored).toMatchObject({ deletedAt: null, updatedAt: iso(T0 + 2 * MINUTE), alive: 1 });
    expect(await h.db.projects.get(created.id)).toEqual(restored);
    expect(await aliveCount()).toBe(1);

    const [, del, res] = await outbox();
    expect(del).toMatchObject({ op: 'delete', recordId: created.id, fields: { deletedAt: { value: iso(T0 + MINUTE), hlc: removedClocks.deletedAt } } });
    expect(res).toMatchObject({ op: 'restore', recordId: created.id, fields: { deletedAt: { value: null, hlc: (await h.repos.projects.clocks(created.id)).deletedAt } } });
    expectStrictlyIncreasing(await outboxStamps());

    const [, auditDel, auditRes] = await audit();
    expect(auditDel).toMatchObject({ action: 'delete', actor: ACTOR, changes: [{ field: 'deletedAt', from: null, to: iso(T0 + MINUTE) }] });
    expect(auditRes).toMatchObject({ action: 'restore', actor: ACTOR, changes: [{ field: 'deletedAt', from: iso(T0 + MINUTE), to: null }] });
    expect((await outbox()).length).toBe(3);
    expect((await audit()).length).toBe(3);
  });

  it('refuses to remove or restore a record that does not exist', async () => {
    await expect(h.repos.projects.remove('0190b6a0-0000-7000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.repos.projects.restore('0190b6a0-0000-7000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('stage', () => {
  /** The stage-log records of a project, oldest first, without their meta. */
  async function stageLogOf(projectId: string) {
    const rows = await h.db.stageLog.where('projectId').equals(projectId).sortBy('at');
    return rows.map(({ at, from, to, by }) => ({ at, from, to, by }));
  }

  it('writes a stage-log record on a stage change and sends the base stamp of the stage', async () => {
    const created = await h.repos.projects.create(project());
    const createdClocks = await h.repos.projects.clocks(created.id);
    expect(await stageLogOf(created.id)).toEqual([{ at: iso(T0), from: null, to: 'idea', by: ACTOR }]);

    h.setTime(T0 + MINUTE);
    await h.repos.projects.update(created.id, { stage: 'negotiation' });
    expect(await stageLogOf(created.id)).toEqual([
      { at: iso(T0), from: null, to: 'idea', by: ACTOR },
      { at: iso(T0 + MINUTE), from: 'idea', to: 'negotiation', by: ACTOR },
    ]);
    const projectEntry = (await outbox())[1];
    expect(Object.keys(projectEntry?.fields ?? {})).toEqual(['stage']);
    expect(projectEntry?.fields.stage?.value).toBe('negotiation');
    expect(projectEntry?.base).toEqual({ stage: createdClocks.stage });
    // The stage-log record travels as a record of its own, in the same transaction.
    const logEntry = (await outbox('stageLog')).at(-1);
    expect(logEntry?.fields.to?.value).toBe('negotiation');
    expect(logEntry?.fields.projectId?.value).toBe(created.id);
    expect((await audit()).find((a) => a.table === 'projects' && a.action === 'update')?.changes).toContainEqual({ field: 'stage', from: 'idea', to: 'negotiation' });
  });

  it('writes no stage-log record when the stage does not change', async () => {
    const created = await h.repos.projects.create(project());
    await h.repos.projects.update(created.id, { title: 'Другое название' });
    expect(await stageLogOf(created.id)).toHaveLength(1);
    const entry = (await outbox()).at(-1);
    expect(Object.keys(entry?.fields ?? {})).toEqual(['title']);
    expect(entry?.base).toBeUndefined();
  });

  it('sends the base stamp of the status when the status changes', async () => {
    const created = await h.repos.projects.create(project());
    const createdClocks = await h.repos.projects.clocks(created.id);
    await h.repos.projects.update(created.id, { status: 'at_risk' });
    const entry = (await outbox()).at(-1);
    expect(entry?.fields.status?.value).toBe('at_risk');
    expect(entry?.base).toEqual({ status: createdClocks.status });
  });
});

describe('clock and client id', () => {
  it('issues strictly increasing stamps across writes even when the clock goes backwards', async () => {
    const a = await h.repos.projects.create(project());
    const aClocks = await h.repos.projects.clocks(a.id);
    h.setTime(T0 - 60 * MINUTE);
    await h.repos.projects.update(a.id, { title: 'Второе название' });
    h.setTime(T0 - 120 * MINUTE);
    const b = await h.repos.projects.create(project({ title: 'Другой проект' }));
    await h.repos.projects.update(b.id, { stage: 'design', status: 'blocked' });
    h.setTime(T0 - 180 * MINUTE);
    await h.repos.projects.remove(a.id);
    await h.repos.projects.restore(a.id);
    h.setTime(T0 + MINUTE);
    await h.repos.projects.update(a.id, { title: 'Третье название' });

    const stamps = await outboxStamps();
    expect(stamps).toHaveLength(7); // one per write
    expectStrictlyIncreasing(stamps);
    expect(parseHlc(stamps.at(-1) ?? '').wallMs).toBe(T0 + MINUTE);
    // A later edit of a field always carries a greater stamp than the field's earlier one.
    expect(compareHlc(aClocks.title ?? '', (await h.repos.projects.clocks(a.id)).title ?? '')).toBe(-1);
  });

  it('uses one stable client id for every write, which is also the HLC node', async () => {
    const a = await h.repos.projects.create(project());
    await h.repos.projects.update(a.id, { title: 'Второе название' });
    await h.repos.people.create({ fullName: 'Асхат Шахаров', regionId: 'aktobe' });
    await h.repos.projects.remove(a.id);

    const client = await h.db.syncState.get('client');
    expect(client?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const entries = (await allOutboxItems(h.db)).filter(isRecordChange);
    expect(entries).toHaveLength(5); // three project writes, its first stage-log record, one person
    for (const e of entries) expect(e.clientId).toBe(client?.clientId);
    for (const s of await outboxStamps()) expect(parseHlc(s).node).toBe(client?.clientId);

    // The id and the clock survive reopening the database.
    const lastStamp = (await outboxStamps()).at(-1) ?? '';
    const name = h.db.name;
    h.db.close();
    const db2 = new HattamaDb(name);
    h.setTime(T0 - 60 * MINUTE);
    const repos2 = createRepos({ ...h.ctx, db: db2 });
    await repos2.projects.restore(a.id);
    const last = (await queuedRows(db2)).filter(isRecordChange).at(-1);
    expect(last?.clientId).toBe(client?.clientId);
    expect(compareHlc(lastStamp, last?.fields.deletedAt?.hlc ?? '')).toBe(-1);
    db2.close();
  });
});

describe('search text', () => {
  it('is lower-cased in the board row and holds the district name in Russian and Kazakh, tags and barriers', async () => {
    const row = await h.repos.projects.create(
      project({ title: 'ЗАВОД Труб', investorName: 'ТОО «ҚАЗАҚ Полимер»', districtId: 'aktobe-aiteke-bi', tags: ['Выездное Заседание'] }),
    );
    const search = async () => (await h.db.boardRows.get(row.id))?.search ?? '';
    const text = await search();
    expect(text).toBe(text.toLocaleLowerCase('ru'));
    expect(text).toContain('завод труб');
    expect(text).toContain('«қазақ полимер»');
    expect(text).toContain('выездное заседание');
    expect(text).toContain('айтекебийский район');
    expect(text).toContain('әйтеке би ауданы');
    expect(text).toContain('актюбинская область');
    expect(text).toContain('ақтөбе облысы');

    await h.repos.projects.update(row.id, { districtId: 'aktobe-khromtau' });
    expect(await search()).toContain('хромтауский район');
    expect(await search()).not.toContain('айтекебийский');

    await h.repos.barriers.create({ projectId: row.id, kind: 'gas', text: 'Нет подключения к ГАЗУ', openedOn: '2026-03-01' });
    expect(await search()).toContain('нет подключения к газу');
    expect((await h.db.boardRows.get(row.id))?.openBarriers).toBe(1);
  });
});
