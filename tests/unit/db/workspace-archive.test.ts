// Integration: the whole-workspace archive on fake-indexeddb — export, wipe (a new computer with
// other data), import: identical records, clocks, settings, minutes text, history, unsent changes
// and attachments' bytes; a broken archive or a failed write changes nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { uuidv7 } from 'uuidv7';
import { loadDemo } from '../../../renderer/src/db/demo';
import { addAttachment, attachmentsOf, AttachmentRefusedError } from '../../../renderer/src/db/attachments';
import { checkWorkspaceArchive, exportWorkspace, replaceWorkspace, type ArchiveHost } from '../../../renderer/src/db/workspace-archive';
import { appendDocUpdate } from '../../../renderer/src/db/doc-store';
import { createWebAttachmentStore } from '../../../renderer/src/host/web-attachments';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/attachments/policy';
import { isRecordChange } from '../../../shared/sync/contract';
import type { HattamaDb } from '../../../renderer/src/db/db';
import { openHarness, type Harness } from './harness';
import { allAudit } from '../../../renderer/src/db/audit';
import { allOutboxItems, countOutbox } from '../../../renderer/src/db/outbox';
import { readBoardRows, readControlRows } from '../../../renderer/src/db/projections';

function hostOver(name: string): ArchiveHost & { store: ReturnType<typeof createWebAttachmentStore> } {
  const store = createWebAttachmentStore(name);
  return {
    store,
    attachmentPut: ({ sha256, bytes }) => store.put(sha256, bytes),
    attachmentGet: async ({ sha256 }) => {
      const bytes = await store.get(sha256);
      return bytes ? { found: true, bytes: bytes as Uint8Array<ArrayBuffer> } : { found: false };
    },
  };
}

const file = (name: string, text: string, type = 'application/pdf') => {
  const bytes = new TextEncoder().encode(text);
  return { name, type, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
};

/** Everything a clerk could notice of a workspace, without local keys and revisions. */
async function snapshot(db: HattamaDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) {
    if (t.name === 'syncState') continue;
    // The audit log and the outbox as their entries (an archive keeps them; how many a stored row holds is local).
    // The projections as read (db/projections.ts: from their base, or their rows).
    const read = t.name === 'boardRows' ? (await readBoardRows(db)).rows : t.name === 'controlRows' ? (await readControlRows(db)).rows : null;
    let rows = (read ?? (t.name === 'auditLog' ? await allAudit(db) : t.name === 'outbox' ? await allOutboxItems(db) : await t.toArray())) as Record<string, unknown>[];
    rows = rows.map(({ seq: _s, part: _p, rev: _r, ...rest }) => rest);
    if (t.name === 'settings') rows = rows.filter((r) => !String(r.key).endsWith('.snapshot') && !String(r.key).endsWith('.base'));
    out[t.name] = rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

let a: Harness;
let b: Harness;
beforeEach(() => {
  a = openHarness();
  b = openHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await a.dispose();
  await b.dispose();
});

async function fillA() {
  const host = hostOver(`files-a-${uuidv7()}`);
  await loadDemo(a.db, a.repos);
  const [project] = await a.db.projects.toArray();
  const [meeting] = await a.db.meetings.toArray();
  if (!project || !meeting) throw new Error('demo has no project or meeting');
  const deps = { repos: a.repos, ctx: a.ctx, host };
  const photo = await addAttachment(deps, { kind: 'project', id: project.id }, file('Фото площадки.jpg', 'JPEG…площадка', 'image/jpeg'));
  await addAttachment(deps, { kind: 'meeting', id: meeting.id }, file('Протокол №3.pdf', '%PDF протокол'));
  // The same bytes attached again (another owner): one stored file, two records.
  await addAttachment(deps, { kind: 'meeting', id: meeting.id }, file('Фото копия.jpg', 'JPEG…площадка', 'image/jpeg'));
  const removed = await addAttachment(deps, { kind: 'project', id: project.id }, file('Черновик.txt', 'черновик', 'text/plain'));
  await a.repos.attachments.remove(removed.id);
  await a.db.settings.put({ key: 'export.settings', value: { organization: 'Инвестиционный штаб Актюбинской области' } });
  await a.db.settings.put({ key: 'board.snapshot', value: { rev: 99 } });
  await appendDocUpdate(a.db, `minutes/${uuidv7()}/ru`, new Uint8Array([1, 2, 3]), '2026-03-15T09:00:00.000Z');
  return { host, project, photo };
}

describe('attachments', () => {
  it('lists an owner\'s live attachments newest first, stores the same bytes once, refuses empty and too large files', async () => {
    const { host, project } = await fillA();
    const listed = await attachmentsOf(a.db, 'project', project.id);
    expect(listed.map((x) => x.fileName)).toEqual(['Фото площадки.jpg']);
    expect(listed[0]).toMatchObject({ mimeType: 'image/jpeg', size: new TextEncoder().encode('JPEG…площадка').byteLength, addedBy: 'Тестовый секретарь', alive: 1 });
    const shas = (await a.db.attachments.toArray()).map((x) => x.sha256);
    expect(new Set(shas).size).toBe(3);
    expect(await host.store.has(shas)).toHaveLength(3);
    // Every attachment record travels through sync like any other.
    expect((await allOutboxItems(a.db)).filter(isRecordChange).filter((e) => e.table === 'attachments')).toHaveLength(5);

    const before = await a.counts();
    const deps = { repos: a.repos, ctx: a.ctx, host };
    await expect(addAttachment(deps, { kind: 'project', id: project.id }, file('пусто.pdf', ''))).rejects.toBeInstanceOf(AttachmentRefusedError);
    const huge = { name: 'скан.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1, arrayBuffer: async () => { throw new Error('must not be read'); } };
    await expect(addAttachment(deps, { kind: 'project', id: project.id }, huge)).rejects.toMatchObject({ reason: 'too_big' });
    expect(await a.counts()).toEqual(before);
  });
});

describe('workspace archive round trip', () => {
  it('export, wipe, import: identical data and attachments, a new sync client, unsent changes kept', async () => {
    const { host: hostA, photo } = await fillA();
    const expected = await snapshot(a.db);
    const clientA = (await a.db.syncState.get('client'))?.clientId;
    const { bytes, counts, missing } = await exportWorkspace(a.db, hostA, { appVersion: '0.7.0', now: new Date() });
    expect(missing).toBe(0);
    expect(counts).toMatchObject({ projects: 6, attachments: 4, attachmentFiles: 3 });

    // A new computer with a workspace of its own, and no attachment bytes.
    const hostB = hostOver(`files-b-${uuidv7()}`);
    await b.repos.projects.create({ title: 'Чужой проект', investorName: 'ТОО «Другое»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] } as never);
    const checked = await checkWorkspaceArchive(bytes);
    expect(checked.manifest.counts.projects).toBe(6);
    await replaceWorkspace(b.db, b.repos, hostB, checked);

    expect(await snapshot(b.db)).toEqual(expected);
    const got = await hostB.attachmentGet({ sha256: photo.sha256 });
    expect(new TextDecoder().decode(got.bytes)).toBe('JPEG…площадка');
    // Sync starts afresh under a new client id; the changes A had not pushed are still queued.
    expect(await b.db.syncState.get('cursor')).toBeUndefined();
    await b.repos.attachments.remove(photo.id);
    const clientB = (await b.db.syncState.get('client'))?.clientId;
    expect(clientB).toBeTruthy();
    expect(clientB).not.toBe(clientA);
    expect(await countOutbox(b.db)).toBe((await countOutbox(a.db)) + 1);
  });

  it('a tampered archive is refused and nothing changes', async () => {
    const { host } = await fillA();
    const { bytes } = await exportWorkspace(a.db, host, { appVersion: '0.7.0', now: new Date() });
    const files = unzipSync(bytes);
    files['data/attachments.json'] = strToU8(strFromU8(files['data/attachments.json'] as Uint8Array).replace('Фото площадки', 'Фото площадкu'));
    await b.repos.projects.create({ title: 'Свой проект', investorName: 'ТОО', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] } as never);
    const before = await snapshot(b.db);
    await expect(checkWorkspaceArchive(zipSync(files))).rejects.toMatchObject({ code: 'checksum' });
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('a write that fails half-way leaves the workspace as it was (one transaction)', async () => {
    const { host } = await fillA();
    const { bytes } = await exportWorkspace(a.db, host, { appVersion: '0.7.0', now: new Date() });
    await b.repos.projects.create({ title: 'Свой проект', investorName: 'ТОО', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] } as never);
    const before = await snapshot(b.db);
    const checked = await checkWorkspaceArchive(bytes);
    vi.spyOn(b.repos.attachments, 'storedRow').mockImplementation(() => { throw new Error('disk full'); });
    await expect(replaceWorkspace(b.db, b.repos, hostOver(`files-c-${uuidv7()}`), checked)).rejects.toThrow('disk full');
    expect(await snapshot(b.db)).toEqual(before);
  });
});
