// An import's outbox changes queued many to a row: the pending count, the order and the content
// are those of one row per change; a push's head is spread into rows of one change, in order,
// without touching what comes after; the clock's way back re-stamps them; a restored snapshot
// counts them and gives each the new client id.
import { openHarness, projectNo, T0, type Harness } from './harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { isRecordChange, type OutboxItem } from '@shared/sync/contract';
import { OUTBOX_CHUNK, allOutboxItems, countOutbox, firstItems, isChunk, outboxRowsOf } from '../../../renderer/src/db/outbox';
import { restampPending } from '../../../renderer/src/sync/clock';
import { takeSnapshot } from '../../../renderer/src/backup/snapshot';
import { previewRestore, readSnapshot, restoreSnapshot } from '../../../renderer/src/backup/restore';
import { parseHlc } from '@shared/sync/hlc';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.dispose();
});

/** Imports `n` projects in one batch; returns their ids in order. */
async function importProjects(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  await h.repos.projects.writeMany(ids.map((id, i) => ({ id, input: projectNo(i) })));
  return ids;
}

describe('an import', () => {
  it('queues its changes in rows of 500, counted and read back change by change, in order', async () => {
    await h.repos.projects.create(projectNo(-1));
    const ids = await importProjects(1201);
    await h.repos.projects.create(projectNo(-2));
    // 2 single writes (a project and its stage-log entry each) and 1,201 + 1,201 changes in 3 + 3 rows.
    expect(await h.db.outbox.count()).toBe(4 + 6);
    expect(await countOutbox(h.db)).toBe(4 + 2402);
    const items = (await allOutboxItems(h.db)).filter(isRecordChange);
    expect(items).toHaveLength(2406);
    expect(items.slice(2, 2 + 1201).map((e) => [e.table, e.recordId, e.op])).toEqual(ids.map((id) => ['projects', id, 'upsert']));
    expect(items.slice(2 + 1201, 2 + 2402).every((e) => e.table === 'stageLog' && e.fields.to?.value === 'idea')).toBe(true);
    expect(items.at(-2)?.fields.title?.value).toBe('Цех № -2');
    // Every change stamped apart, in increasing order, as one write each would be.
    const stamps = items.slice(2, 2 + 1201).map((e) => e.fields.title?.hlc ?? '');
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(1201);
  });

  it('is spread into rows of one change as far as a push needs, in order, the rest left as it is', async () => {
    await importProjects(1201);
    const before = await allOutboxItems(h.db);
    const head = await h.db.transaction('rw', h.db.outbox, () => firstItems(h.db, 700));
    expect(head).toHaveLength(700);
    expect(head.every((row) => !isChunk(row))).toBe(true);
    const keys = head.map((row) => row.seq);
    expect([...keys].sort((x, y) => x - y)).toEqual(keys);
    expect(new Set(keys).size).toBe(700);
    // Two chunks spread (1,000 rows), four left as they were; nothing else changed.
    const rows = await h.db.outbox.orderBy(':id').toArray();
    expect(rows.map((r) => (isChunk(r) ? r.chunk : 1)).filter((n) => n > 1)).toEqual([201, 500, 500, 201]);
    expect(rows).toHaveLength(1000 + 4);
    expect(await allOutboxItems(h.db)).toEqual(before);
    expect(await countOutbox(h.db)).toBe(2402);
    // A later write still goes last.
    await h.repos.projects.create(projectNo(-1));
    expect((await allOutboxItems(h.db)).filter(isRecordChange).at(-2)?.fields.title?.value).toBe('Цех № -1');
  });

  it('stores one change as a row of its own, and chunks of at most 500', () => {
    const item = (n: number) => ({ clientId: 'c', table: 'projects', recordId: `r${n}`, op: 'upsert', fields: {}, at: 'x' }) as OutboxItem;
    expect(outboxRowsOf([item(1)])).toEqual([item(1)]);
    expect(outboxRowsOf(Array.from({ length: 1001 }, (_, n) => item(n))).map((r) => (isChunk(r) ? r.chunk : 1))).toEqual([OUTBOX_CHUNK, OUTBOX_CHUNK, 1]);
  });

  it('stamped while the clock ran ahead is stamped anew once it is right, change by change', async () => {
    const ahead = T0 + 24 * 3600_000;
    h.setTime(ahead);
    await importProjects(3);
    h.setTime(T0);
    const restamped = await restampPending(h.db, T0, T0);
    expect(restamped).toBeGreaterThan(0);
    const items = (await allOutboxItems(h.db)).filter(isRecordChange);
    expect(items).toHaveLength(6);
    for (const e of items) for (const change of Object.values(e.fields)) expect(parseHlc(change.hlc).wallMs).toBeLessThan(T0 + 60_000);
    // The records' stamps follow their changes.
    for (const e of items.filter((x) => x.table === 'projects')) expect(await h.repos.projects.clocks(e.recordId)).toMatchObject({ title: e.fields.title?.hlc });
  });

  it('in a restored snapshot is counted change by change, each under the new client id', async () => {
    await importProjects(7);
    const snapshot = await takeSnapshot(h.db, { appVersion: '1.0.0', reason: 'manual', now: new Date(T0) });
    const parsed = await readSnapshot(h.db, snapshot.bytes);
    const outboxLine = (await previewRestore(h.db, parsed)).find((l) => l.table === 'outbox');
    expect(outboxLine).toEqual({ table: 'outbox', now: 14, snapshot: 14 });
    const { unsent } = await restoreSnapshot(h.db, parsed, 'fresh-client');
    expect(unsent).toBe(14);
    const items = await allOutboxItems(h.db);
    expect(items).toHaveLength(14);
    expect(items.every((i) => i.clientId === 'fresh-client')).toBe(true);
  });
});
