// The desktop's attachment store on a temp dir: bytes filed by SHA-256, deduplicated, checked on
// write and on read, written atomically (no half-written or temp file left behind); and the bridge
// channels built on it (open a copy, refuse programs, export, the workspace archive's file).
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttachmentHashError, createAttachmentStore, sha256Of } from '../../../electron/main/attachment-store.service';
import { createBridgeHandlers, type BridgeHandlerDeps } from '../../../electron/main/bridge-handlers.service';
import { createExportWriter } from '../../../electron/main/export-writer.service';
import { bridgeContract } from '../../../shared/bridge/contract';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/attachments/policy';
import { signedOutSyncDeps } from './signed-out-deps';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-attach-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const photo = new TextEncoder().encode('JPEG: выезд на площадку, Хромтау, 12.03.2026');
const sha = sha256Of(photo);

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fsp.readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.relative(root, path.join(e.parentPath, e.name)));
  return out.sort();
}

describe('attachment store', () => {
  it('files bytes under <aa>/<sha256>, once however often they are added', async () => {
    const store = createAttachmentStore(path.join(dir, 'attachments'));
    expect(await store.put(sha, photo)).toEqual({ created: true, size: photo.byteLength });
    expect(await store.put(sha, photo)).toEqual({ created: false, size: photo.byteLength });
    expect(await filesUnder(path.join(dir, 'attachments'))).toEqual([path.join(sha.slice(0, 2), sha)]);
    expect(Buffer.from((await store.get(sha)) ?? []).toString()).toBe('JPEG: выезд на площадку, Хромтау, 12.03.2026');
    expect(await store.has(sha)).toBe(true);
  });

  it('refuses bytes filed under another hash, and writes nothing', async () => {
    const store = createAttachmentStore(path.join(dir, 'attachments'));
    await expect(store.put(sha256Of(new Uint8Array([1])), photo)).rejects.toBeInstanceOf(AttachmentHashError);
    await expect(fsp.readdir(path.join(dir, 'attachments'))).rejects.toThrow(/ENOENT/);
  });

  it('reports a file damaged on disk instead of handing it out, and a new put repairs it', async () => {
    const store = createAttachmentStore(path.join(dir, 'attachments'));
    await store.put(sha, photo);
    await fsp.writeFile(store.pathOf(sha), 'garbage');
    await expect(store.get(sha)).rejects.toThrow(/damaged/);
    expect(await store.put(sha, photo)).toEqual({ created: true, size: photo.byteLength });
    expect(await store.get(sha)).toEqual(Buffer.from(photo));
  });

  it('answers null for bytes it does not have, and refuses a name that is not a hash', async () => {
    const store = createAttachmentStore(path.join(dir, 'attachments'));
    expect(await store.get(sha)).toBeNull();
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
  });

  it('refuses a file over the size limit', async () => {
    const store = createAttachmentStore(path.join(dir, 'attachments'));
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    await expect(store.put(sha256Of(big), big)).rejects.toThrow(/larger/);
  });

  it('leaves no temp file after concurrent puts of the same bytes', async () => {
    const store = createAttachmentStore(path.join(dir, 'attachments'));
    await Promise.all([store.put(sha, photo), store.put(sha, photo), store.put(sha, photo)]);
    expect(await filesUnder(path.join(dir, 'attachments'))).toEqual([path.join(sha.slice(0, 2), sha)]);
  });
});

function deps(overrides: Partial<BridgeHandlerDeps> = {}) {
  return {
    appVersion: '1.2.3',
    platform: 'linux',
    chooseSavePath: vi.fn(async (name: string) => path.join(dir, 'saved', name)),
    chooseOpenPath: vi.fn(async () => path.join(dir, 'in.zip') as string | null),
    exportWriter: createExportWriter({ archiveRoot: path.join(dir, 'exports') }),
    openExternal: vi.fn(async () => undefined),
    setMenu: vi.fn(),
    showNotification: vi.fn(() => true),
    ...signedOutSyncDeps(),
    attachments: createAttachmentStore(path.join(dir, 'attachments')),
    openCopiesDir: path.join(dir, 'open'),
    openPath: vi.fn(async () => ''),
    warn: vi.fn(),
    ...overrides,
  };
}

describe('attachment and archive channels (desktop)', () => {
  it('opens a copy of the file under its own name, never the stored file', async () => {
    const openPath = vi.fn(async (_p: string) => '');
    const h = createBridgeHandlers(deps({ openPath }));
    await h['attachment:put']({ sha256: sha, bytes: photo });
    expect(await h['attachment:open']({ sha256: sha, fileName: 'Фото площадки.jpg', mimeType: 'image/jpeg' })).toEqual({ opened: true });
    const opened = openPath.mock.calls[0]?.[0] ?? '';
    expect(path.basename(opened)).toBe('Фото площадки.jpg');
    expect(opened.startsWith(path.join(dir, 'open'))).toBe(true);
    expect(await fsp.readFile(opened)).toEqual(Buffer.from(photo));
  });

  it('never opens a program or script, but exports it where the clerk chooses', async () => {
    const openPath = vi.fn(async (_p: string) => '');
    const d = deps({ openPath });
    const h = createBridgeHandlers(d);
    await h['attachment:put']({ sha256: sha, bytes: photo });
    expect(await h['attachment:open']({ sha256: sha, fileName: 'setup.exe', mimeType: 'application/octet-stream' })).toEqual({ opened: false, refused: 'dangerous' });
    expect(openPath).not.toHaveBeenCalled();
    await fsp.mkdir(path.join(dir, 'saved'));
    expect(await h['attachment:export']({ sha256: sha, fileName: 'setup.exe', mimeType: '', uiLang: 'ru' })).toEqual({ saved: true, path: path.join(dir, 'saved', 'setup.exe') });
    expect(d.chooseSavePath).toHaveBeenCalledWith('setup.exe', [{ name: 'Файл', extensions: ['exe'] }, { name: 'Все файлы', extensions: ['*'] }], 'Сохранить вложение');
  });

  it('says when the bytes are not on this computer', async () => {
    const h = createBridgeHandlers(deps());
    expect(await h['attachment:open']({ sha256: sha, fileName: 'a.pdf', mimeType: 'application/pdf' })).toEqual({ opened: false, refused: 'missing' });
    expect(await h['attachment:export']({ sha256: sha, fileName: 'a.pdf', mimeType: 'application/pdf', uiLang: 'en' })).toEqual({ saved: false, missing: true });
    expect(await h['attachment:get']({ sha256: sha })).toEqual({ found: false });
  });

  it('writes the archive where the clerk chose and reads one back; cancel does nothing', async () => {
    const d = deps();
    const h = createBridgeHandlers(d);
    await fsp.mkdir(path.join(dir, 'saved'));
    expect(await h['workspace:save-archive']({ suggestedName: 'hattama.zip', bytes: photo, uiLang: 'kk' })).toEqual({ saved: true, path: path.join(dir, 'saved', 'hattama.zip') });
    await fsp.copyFile(path.join(dir, 'saved', 'hattama.zip'), path.join(dir, 'in.zip'));
    const read = await h['workspace:open-archive']({ uiLang: 'kk' });
    expect(read.opened).toBe(true);
    expect(Buffer.from(read.bytes ?? [])).toEqual(Buffer.from(photo));
    const cancelled = createBridgeHandlers(deps({ chooseOpenPath: async () => null }));
    expect(await cancelled['workspace:open-archive']({ uiLang: 'ru' })).toEqual({ opened: false });
  });

  it('the contract refuses a non-hash key, a path in the archive name, and a too large attachment', () => {
    expect(bridgeContract['attachment:get'].request.safeParse({ sha256: '../x' }).success).toBe(false);
    expect(bridgeContract['workspace:save-archive'].request.safeParse({ suggestedName: '../a.zip', bytes: new Uint8Array(1), uiLang: 'ru' }).success).toBe(false);
    expect(bridgeContract['workspace:save-archive'].request.safeParse({ suggestedName: 'a.exe', bytes: new Uint8Array(1), uiLang: 'ru' }).success).toBe(false);
    expect(bridgeContract['attachment:put'].request.safeParse({ sha256: sha, bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) }).success).toBe(false);
  });
});
