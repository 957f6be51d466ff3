// Snapshots of the local database on fake-indexeddb (renderer/src/backup): a snapshot restored
// brings back exactly the state it was taken of; a damaged one is refused and changes nothing; the
// restored database syncs under a new client id and keeps its unsent changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFields } from '@shared/domain/project.schema';
import { readBackupHeader, BackupError } from '@shared/backup/snapshot-format';
import { openHarness, queuedRows, T0, type Harness } from '../db/harness';
import { SNAPSHOT_PAGE, stateMarker, takeSnapshot } from '../../../renderer/src/backup/snapshot';
import { previewRestore, readSnapshot, restoreSnapshot } from '../../../renderer/src/backup/restore';
import { clientIdOf } from '../../../renderer/src/db/repository';
import { readBoardRows, readControlRows } from '../../../renderer/src/db/projections';
import { PACK_SIZE, readPacks } from '../../../renderer/src/db/packed-table';
import { gunzipText, gzipParts, sha256Hex } from '../../../renderer/src/backup/codec';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.dispose();
});

const project = (title: string) => ({ ...emptyProjectFields('aktobe'), title, investorName: 'ТОО «Ақтөбе Құрылыс»' });
const snap = (reason: 'manual' | 'auto' = 'manual') => takeSnapshot(h.db, { appVersion: '0.1.0', reason, now: new Date(T0) });

/** Every row of every table, keyed by table; the projections as read (db/projections.ts: a base or rows), without their bases. */
async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of h.db.tables) {
    if (t.name === 'boardRows') out[t.name] = (await readBoardRows(h.db)).rows;
    else if (t.name === 'controlRows') out[t.name] = (await readControlRows(h.db)).rows;
    else if (t.name === 'settings') out[t.name] = (await t.toArray()).filter((s: { key: string }) => !s.key.endsWith('.base'));
    else out[t.name] = await t.toArray();
  }
  return out;
}

async function seed() {
  const p1 = await h.repos.projects.create(project('Завод ферросплавов'));
  await h.repos.projects.create(project('Цех пластиковых труб'));
  await h.repos.barriers.create({ projectId: p1.id, kind: 'gas', text: 'Нет подключения к газу', openedOn: '2026-03-01' });
  // A Yjs update of the minutes' text: binary, stored as it is.
  await h.db.docUpdates.add({ docId: `minutes/${p1.id}/ru`, update: new Uint8Array([0, 1, 2, 250, 255]), at: new Date(T0).toISOString() });
  return p1;
}

describe('snapshot and restore', () => {
  it('restores exactly the state the snapshot was taken of, binary values included', async () => {
    const p1 = await seed();
    const before = await dump();
    const s = await snap();
    expect(s.manifest.tables).toMatchObject({ projects: 2, barriers: 1, docUpdates: 1, outbox: before.outbox?.length });
    expect(s.manifest.tables.boardRows).toBeUndefined();
    expect(readBackupHeader(s.bytes).manifest).toEqual(s.manifest);

    // The clerk goes on working: an edit, a new project, a deletion.
    await h.repos.projects.update(p1.id, { title: 'Завод ферросплавов (2-я очередь)' });
    await h.repos.projects.create(project('Элеватор'));
    await h.db.docUpdates.clear();
    expect((await dump()).projects).not.toEqual(before.projects);

    const parsed = await readSnapshot(h.db, s.bytes);
    const preview = await previewRestore(h.db, parsed);
    expect(preview.find((l) => l.table === 'projects')).toEqual({ table: 'projects', now: 3, snapshot: 2 });
    await restoreSnapshot(h.db, parsed, 'new-client-id');

    const after = await dump();
    const noRev = (rows: unknown[] | undefined) => (rows ?? []).map((r) => ({ ...(r as object), rev: undefined }));
    for (const table of Object.keys(before)) {
      if (table === 'syncState' || table === 'outbox') continue;
      // The board's rows are not in the snapshot: rebuilt from the restored projects, the same rows under a new revision.
      if (table === 'boardRows') expect(noRev(after[table]), table).toEqual(noRev(before[table]));
      else expect(after[table], table).toEqual(before[table]);
    }
    expect(after.boardRows).toHaveLength(2);
    // … built as one record, not 2 rows; and not taken from the snapshot: it holds no base.
    expect(await h.db.boardRows.count()).toBe(0);
    expect(await h.db.settings.get('board.base')).toBeDefined();
    expect(Object.keys(s.manifest.tables)).not.toContain('boardRows');
    const doc = await h.db.docUpdates.toArray();
    expect(doc[0]?.update).toBeInstanceOf(Uint8Array);
    expect([...(doc[0]?.update ?? [])]).toEqual([0, 1, 2, 250, 255]);
  });

  it('reads tables larger than a page whole, each row once (text and numeric keys across page ends)', async () => {
    const n = SNAPSHOT_PAGE * 2 + 1;
    const at = new Date(T0).toISOString();
    await h.db.calendarDays.bulkPut(Array.from({ length: n }, (_, i) => ({ id: `day-${String(i).padStart(6, '0')}`, date: '2026-01-01', kind: 'holiday', createdAt: at, updatedAt: at, deletedAt: null, alive: 1 }) as never));
    await h.db.docUpdates.bulkAdd(Array.from({ length: SNAPSHOT_PAGE + 1 }, (_, i) => ({ docId: `minutes/x/ru`, update: new Uint8Array([i % 256]), at })));
    const before = await dump();
    const s = await snap();
    expect(s.manifest.tables).toMatchObject({ calendarDays: n, docUpdates: SNAPSHOT_PAGE + 1 });
    const parsed = await readSnapshot(h.db, s.bytes);
    expect(parsed.tables.get('calendarDays')).toEqual(before.calendarDays);
    expect(parsed.tables.get('docUpdates')).toEqual(before.docUpdates);
  });

  it('reads a packed table pack by pack over several pages, each record once and in key order, after splits and deletes', async () => {
    const at = new Date(T0).toISOString();
    const barrier = (i: number) => ({ id: `b-${String(i).padStart(6, '0')}`, projectId: `p-${i % 7}`, text: `Кедергі №${i}`, createdAt: at, updatedAt: at, deletedAt: null, alive: 1 });
    const n = SNAPSHOT_PAGE * 2 + 1;
    // Every third one first, then the rest: packs fill, split and are read back in key order.
    await h.db.barriers.bulkPut(Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === 0).map(barrier) as never);
    await h.db.barriers.bulkPut(Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0).map(barrier) as never);
    await h.db.barriers.bulkDelete(Array.from({ length: 300 }, (_, i) => barrier(i * 29).id));
    const packs = await h.db.transaction('r', h.db.barriers, () => readPacks(h.db.barriers, undefined, 10_000));
    expect(packs.length).toBeGreaterThan((2 * SNAPSHOT_PAGE) / PACK_SIZE);
    const before = await dump();
    const s = await snap();
    expect(s.manifest.tables).toMatchObject({ barriers: n - 300 });
    const parsed = await readSnapshot(h.db, s.bytes);
    expect(parsed.tables.get('barriers')).toEqual(before.barriers);
    expect((before.barriers ?? []).length).toBe(n - 300);
  });

  it('holds one state while a write comes in meanwhile (another tab\'s): the write waits for it, none of it is in the snapshot', async () => {
    await seed();
    const at = new Date(T0).toISOString();
    await h.db.calendarDays.bulkPut(Array.from({ length: SNAPSHOT_PAGE * 2 + 1 }, (_, i) => ({ id: `day-${String(i).padStart(6, '0')}`, date: '2026-01-01', kind: 'holiday', createdAt: at, updatedAt: at, deletedAt: null, alive: 1 }) as never));
    const before = await dump();
    const taking = snap();
    const written = h.repos.projects.create(project('Записан во время копии'));
    const [s, p] = await Promise.all([taking, written]);
    const parsed = await readSnapshot(h.db, s.bytes);
    expect(parsed.tables.get('projects')).toEqual(before.projects);
    expect(parsed.tables.get('outbox')).toEqual(before.outbox);
    expect(await h.db.projects.get(p.id)).toBeDefined();
  });

  it('gives the restored database a new client id and keeps its unsent changes under it, numbered from the start', async () => {
    await seed();
    const oldId = await h.db.transaction('rw', h.db.syncState, () => clientIdOf(h.db));
    await h.db.syncState.put({ key: 'pushed', version: 41 });
    await h.db.syncState.put({ key: 'pushBatch', batch: { firstSeq: 42, keys: [1, 2] } });
    const unsentBefore = await queuedRows(h.db);
    expect(unsentBefore.length).toBeGreaterThan(0);
    const s = await snap();
    expect(s.manifest.clientId).toBe(oldId);

    const { unsent } = await restoreSnapshot(h.db, await readSnapshot(h.db, s.bytes), 'fresh-client');
    expect(unsent).toBe(unsentBefore.length);
    const newId = await h.db.transaction('rw', h.db.syncState, () => clientIdOf(h.db));
    expect(newId).toBe('fresh-client');
    const outbox = await queuedRows(h.db);
    expect(outbox.map((e) => e.seq)).toEqual(unsentBefore.map((e) => e.seq));
    expect(outbox.every((e) => e.clientId === 'fresh-client')).toBe(true);
    expect(outbox.map(({ clientId: _c, ...rest }) => rest)).toEqual(unsentBefore.map(({ clientId: _c, ...rest }) => rest));
    // The push numbering starts again: nothing acknowledged, no batch under way; the clock stamps as the new client.
    expect(await h.db.syncState.get('pushed')).toBeUndefined();
    expect(await h.db.syncState.get('pushBatch')).toBeUndefined();
    expect((await h.db.syncState.get('clock'))?.clock?.node).toBe('fresh-client');
    // A write after the restore is stamped and queued as the new client.
    await h.repos.projects.create(project('После восстановления'));
    const last = (await queuedRows(h.db)).at(-1);
    expect(last?.clientId).toBe('fresh-client');
  });

  it('refuses a damaged snapshot with the reason and changes nothing', async () => {
    await seed();
    const s = await snap();
    await h.repos.projects.create(project('Элеватор'));
    const current = await dump();

    const truncated = s.bytes.slice(0, s.bytes.length - 100);
    const flipped = s.bytes.slice();
    flipped[flipped.length - 50] = (flipped[flipped.length - 50] ?? 0) ^ 0xff;
    const notOurs = new TextEncoder().encode('PK\u0003\u0004 not a snapshot');
    const header = new TextDecoder().decode(s.bytes.subarray(0, 2000));
    const badManifest = new TextEncoder().encode(header.replace('"format":"hattama-backup"', '"format":"something-else"'));
    const cases: [Uint8Array, string][] = [[truncated, 'truncated'], [flipped, 'checksum'], [notOurs, 'not_a_backup'], [badManifest, 'bad_manifest']];
    for (const [bytes, code] of cases) {
      const error = await readSnapshot(h.db, bytes).then(() => null, (e: unknown) => e);
      expect(error, code).toBeInstanceOf(BackupError);
      expect((error as BackupError).code).toBe(code);
    }
    expect(await dump()).toEqual(current);
  });

  it('refuses a snapshot whose data does not match its description, even with a right checksum', async () => {
    await seed();
    const s = await snap();
    // Claim one more project than the data holds (and recompute nothing else): the counts disagree.
    const { manifest, payloadOffset } = readBackupHeader(s.bytes);
    const { encodeBackupFile } = await import('@shared/backup/snapshot-format');
    const lying = encodeBackupFile({ ...manifest, tables: { ...manifest.tables, projects: 3 } }, s.bytes.subarray(payloadOffset));
    await expect(readSnapshot(h.db, lying)).rejects.toMatchObject({ code: 'corrupt' });
    const newer = encodeBackupFile({ ...manifest, schemaVersion: h.db.verno + 1 }, s.bytes.subarray(payloadOffset));
    await expect(readSnapshot(h.db, newer)).rejects.toMatchObject({ code: 'newer_schema' });
  });

  it('restores a snapshot made before schema 8 (field clocks in a table of their own) with each record\'s clocks in its row', async () => {
    const p1 = await seed();
    await h.repos.projects.update(p1.id, { stage: 'design' });
    const before = await dump();
    const s = await snap();
    // The same state as schema 7 wrote it: rows without their clocks, a `fieldClocks` table beside them.
    const { manifest, payloadOffset } = readBackupHeader(s.bytes);
    const data = JSON.parse(await gunzipText(s.bytes.subarray(payloadOffset))) as Record<string, unknown>;
    const fieldClocks: { key: string; clock: string }[] = [];
    for (const [table, rows] of Object.entries(data)) {
      if (!Array.isArray(rows)) continue;
      for (const row of rows as Record<string, unknown>[]) {
        if (typeof row.clocks !== 'string') continue;
        fieldClocks.push({ key: `${table}/${String(row.id)}`, clock: row.clocks });
        delete row.clocks;
      }
    }
    expect(fieldClocks.length).toBeGreaterThanOrEqual(3);
    data.fieldClocks = fieldClocks;
    const payload = await gzipParts([JSON.stringify(data)]);
    const { encodeBackupFile } = await import('@shared/backup/snapshot-format');
    const old = encodeBackupFile({ ...manifest, schemaVersion: 7, tables: { ...manifest.tables, fieldClocks: fieldClocks.length }, payloadBytes: payload.byteLength, sha256: await sha256Hex(payload) }, payload);

    await h.repos.projects.update(p1.id, { title: 'Изменено после снимка' });
    await restoreSnapshot(h.db, await readSnapshot(h.db, old), 'new-client-id');
    const after = await dump();
    expect(after.projects).toEqual(before.projects);
    expect(after.barriers).toEqual(before.barriers);
    expect(await h.repos.projects.clocks(p1.id)).toEqual(expect.objectContaining({ title: expect.any(String), stage: expect.any(String) }));
    // A damaged clock table is refused like any damaged data.
    const bad = { ...data, fieldClocks: [{ clock: 'x' }] };
    const badPayload = await gzipParts([JSON.stringify(bad)]);
    const damaged = encodeBackupFile({ ...manifest, schemaVersion: 7, tables: { ...manifest.tables, fieldClocks: 1 }, payloadBytes: badPayload.byteLength, sha256: await sha256Hex(badPayload) }, badPayload);
    await expect(readSnapshot(h.db, damaged)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('leaves out the board\'s, the control rows\' and the dashboard\'s caches, and keeps the clerk\'s settings', async () => {
    await h.db.settings.bulkPut([
      { key: 'board.snapshot', value: { cols: [1] } }, { key: 'control.snapshot', value: { cols: [2] } }, { key: 'dashboard.facts', value: { cols: [3] } },
      { key: 'board.columns', value: ['title', 'stage'] },
    ]);
    const s = await snap();
    expect(s.manifest.tables.settings).toBe(1);
    const parsed = await readSnapshot(h.db, s.bytes);
    expect(parsed.tables.get('settings')).toEqual([{ key: 'board.columns', value: ['title', 'stage'] }]);
  });

  it('moves the state marker on every write and keeps it when nothing changed', async () => {
    const m0 = await stateMarker(h.db);
    expect(await stateMarker(h.db)).toBe(m0);
    const p = await h.repos.projects.create(project('Завод'));
    const m1 = await stateMarker(h.db);
    expect(m1).not.toBe(m0);
    await h.db.settings.put({ key: 'board.snapshot', value: { any: 1 } });
    expect(await stateMarker(h.db)).toBe(m1);
    await h.repos.projects.update(p.id, { title: 'Завод 2' });
    expect(await stateMarker(h.db)).not.toBe(m1);
  });
});
