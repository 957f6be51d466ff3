// The main process's backup store on a temp folder: a snapshot is checked before it is written,
// written atomically under its own name (never over another), the newest N are kept, the list reads
// each manifest without decompressing, and the quit request waits for the renderer's answer.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBackupFile, type BackupManifest, type BackupReason } from '../../../shared/backup/snapshot-format';
import { createBackupStore, createQuitBackup, sha256Node } from '../../../electron/main/backup-store.service';
import { createBridgeHandlers } from '../../../electron/main/bridge-handlers.service';
import { createExportWriter } from '../../../electron/main/export-writer.service';
import { signedOutSyncDeps } from './signed-out-deps';

let dir: string;
let folder: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-backups-'));
  folder = path.join(dir, 'backups');
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** A snapshot file as the renderer makes it, taken at `minute` minutes past 09:00 on 15 March 2026. */
function snapshotFile(minute: number, reason: BackupReason = 'auto', projects = 3): Uint8Array<ArrayBuffer> {
  const payload = gzipSync(Buffer.from(JSON.stringify({ projects: Array.from({ length: projects }, (_, i) => ({ id: String(i) })), $binary: [] })));
  const manifest: BackupManifest = {
    format: 'hattama-backup', formatVersion: 1, appVersion: '0.1.0', schemaVersion: 6,
    createdAt: new Date(Date.UTC(2026, 2, 15, 9, minute, 0)).toISOString(), clientId: 'client-1', reason,
    tables: { projects }, marker: `m${minute}`, compression: 'gzip', payloadBytes: payload.byteLength, sha256: sha256Node(payload),
  };
  return encodeBackupFile(manifest, payload);
}

describe('backup store', () => {
  it('stores a snapshot under its time and reason, byte for byte, with no temp file left', async () => {
    const store = createBackupStore(folder);
    const bytes = snapshotFile(5, 'quit');
    const { name, pruned } = await store.save(bytes, { reason: 'quit', keep: 30 });
    expect(name).toBe('hattama-20260315-090500Z-quit.hbak');
    expect(pruned).toBe(0);
    expect(await fsp.readdir(folder)).toEqual([name]);
    expect(new Uint8Array(await fsp.readFile(path.join(folder, name)))).toEqual(bytes);
    expect(await store.read(name)).toEqual(bytes);
  });

  it('never writes over another snapshot of the same second', async () => {
    const store = createBackupStore(folder);
    const first = snapshotFile(5, 'manual', 1);
    const second = snapshotFile(5, 'manual', 2);
    const a = await store.save(first, { reason: 'manual', keep: 30 });
    const b = await store.save(second, { reason: 'manual', keep: 30 });
    expect(b.name).toBe('hattama-20260315-090500Z-manual-1.hbak');
    expect(await store.read(a.name)).toEqual(first);
    expect(await store.read(b.name)).toEqual(second);
    expect((await fsp.readdir(folder)).sort()).toEqual([a.name, b.name].sort());
  });

  it('refuses a damaged or truncated snapshot and writes nothing', async () => {
    const store = createBackupStore(folder);
    const bytes = snapshotFile(5);
    const damaged = bytes.slice();
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] ?? 0) ^ 0xff;
    await expect(store.save(damaged, { reason: 'auto', keep: 30 })).rejects.toMatchObject({ code: 'checksum' });
    await expect(store.save(bytes.slice(0, bytes.length - 10), { reason: 'auto', keep: 30 })).rejects.toMatchObject({ code: 'truncated' });
    await expect(store.save(new Uint8Array([1, 2, 3]), { reason: 'auto', keep: 30 })).rejects.toMatchObject({ code: 'not_a_backup' });
    // A snapshot that says it is for another reason than the call.
    await expect(store.save(bytes, { reason: 'before-restore', keep: 30 })).rejects.toThrow(/auto/);
    expect(await fsp.readdir(folder).catch(() => [])).toEqual([]);
  });

  it('keeps the newest 30 (or the number set) and never touches other files', async () => {
    const store = createBackupStore(folder);
    await fsp.mkdir(folder, { recursive: true });
    await fsp.writeFile(path.join(folder, 'notes.txt'), 'the clerk\'s own file');
    for (let m = 0; m < 35; m++) await store.save(snapshotFile(m), { reason: 'auto', keep: 30 });
    const list = await store.list();
    expect(list).toHaveLength(30);
    expect(list[0]?.manifest?.createdAt).toBe('2026-03-15T09:34:00.000Z');
    expect(list.at(-1)?.manifest?.createdAt).toBe('2026-03-15T09:05:00.000Z');
    expect(await fsp.readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('the clerk\'s own file');
    // Fewer kept from now on: the oldest go at the next snapshot.
    const { pruned } = await store.save(snapshotFile(40), { reason: 'auto', keep: 5 });
    expect(pruned).toBe(26);
    expect((await store.list()).map((e) => e.manifest?.marker)).toEqual(['m40', 'm34', 'm33', 'm32', 'm31']);
  });

  it('lists newest first with sizes and counts; a damaged file is listed as damaged', async () => {
    const store = createBackupStore(folder);
    await store.save(snapshotFile(1, 'auto', 7), { reason: 'auto', keep: 30 });
    await store.save(snapshotFile(2, 'quit', 9), { reason: 'quit', keep: 30 });
    await fsp.writeFile(path.join(folder, 'hattama-20260315-090300Z-auto.hbak'), 'garbage');
    const list = await store.list();
    expect(list.map((e) => [e.name, e.damaged, e.manifest?.tables.projects])).toEqual([
      ['hattama-20260315-090200Z-quit.hbak', false, 9],
      ['hattama-20260315-090100Z-auto.hbak', false, 7],
      ['hattama-20260315-090300Z-auto.hbak', true, undefined],
    ]);
    expect(list[0]?.size).toBe((await fsp.stat(path.join(folder, list[0]?.name ?? ''))).size);
  });

  it('reads only snapshot names of its folder', async () => {
    const store = createBackupStore(folder);
    await expect(store.read('../secret.hbak')).rejects.toThrow();
    await expect(store.read('hattama-20260315-090100Z-auto.txt')).rejects.toThrow();
  });
});

describe('the snapshot at quit', () => {
  it('waits for the renderer\'s answer, and no longer than its timeout', async () => {
    vi.useFakeTimers();
    try {
      const quit = createQuitBackup({ timeoutMs: 5000, newId: () => 'req-1' });
      const sent: string[] = [];
      const saved = quit.request((id) => (sent.push(id), true));
      quit.settle('other', 'saved');
      quit.settle('req-1', 'saved');
      expect(await saved).toBe('saved');
      expect(sent).toEqual(['req-1']);

      const late = quit.request(() => true);
      vi.advanceTimersByTime(5001);
      expect(await late).toBe('timeout');
      expect(await quit.request(() => false)).toBe('no-window');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is answered by backup:save (stored) and backup:skip (nothing changed)', async () => {
    let n = 0;
    const quitBackup = createQuitBackup({ timeoutMs: 60_000, newId: () => `req-${++n}` });
    const handlers = createBridgeHandlers({
      appVersion: '0.1.0', platform: 'linux', chooseSavePath: async () => null,
      exportWriter: createExportWriter({ archiveRoot: path.join(dir, 'exports') }),
      openExternal: async () => undefined, setMenu: () => undefined, showNotification: () => false,
      ...signedOutSyncDeps(), backups: createBackupStore(folder), quitBackup,
    });
    const first = quitBackup.request(() => true);
    const res = await handlers['backup:save']({ bytes: snapshotFile(7, 'quit'), reason: 'quit', keep: 30, requestId: 'req-1' });
    expect(res).toMatchObject({ saved: true, name: 'hattama-20260315-090700Z-quit.hbak' });
    expect(await first).toBe('saved');
    const second = quitBackup.request(() => true);
    await handlers['backup:skip']({ requestId: 'req-2' });
    expect(await second).toBe('skipped');
    expect(await handlers['backup:list']({})).toMatchObject({ available: true, folder, entries: [{ name: 'hattama-20260315-090700Z-quit.hbak', damaged: false }] });
  });
});
