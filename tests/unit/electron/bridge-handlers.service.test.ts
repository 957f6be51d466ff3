// Tests the desktop implementation of each bridge channel with fake dialogs and shell.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedOutSyncDeps } from './signed-out-deps';
import { createBridgeHandlers, type BridgeHandlerDeps } from '../../../electron/main/bridge-handlers.service';
import { createExportWriter } from '../../../electron/main/export-writer.service';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-bridge-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<BridgeHandlerDeps> = {}) {
  return {
    appVersion: '1.2.3',
    platform: 'win32',
    chooseSavePath: vi.fn(async (name: string) => path.join(dir, name)),
    exportWriter: createExportWriter({ archiveRoot: path.join(dir, 'exports'), now: () => new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) }),
    openExternal: vi.fn(async () => undefined),
    setMenu: vi.fn(),
    showNotification: vi.fn(() => true),
    ...signedOutSyncDeps(),
    warn: vi.fn(),
    ...overrides,
  };
}

describe('createBridgeHandlers', () => {
  it('app:info reports the Electron host', async () => {
    const handlers = createBridgeHandlers(deps());
    expect(await handlers['app:info']({})).toEqual({ host: 'electron', version: '1.2.3', platform: 'win32' });
  });

  it('file:save writes where the user chose and archives a copy', async () => {
    const d = deps();
    const handlers = createBridgeHandlers(d);
    const result = await handlers['file:save']({ suggestedName: 'Реестр.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
    expect(result).toEqual({ saved: true, path: path.join(dir, 'Реестр.pdf') });
    expect(d.chooseSavePath).toHaveBeenCalledWith('Реестр.pdf', [
      { name: 'Документ PDF', extensions: ['pdf'] },
      { name: 'Все файлы', extensions: ['*'] },
    ]);
    expect(await fsp.readFile(path.join(dir, 'Реестр.pdf'), 'latin1')).toBe('%PDF');
    expect(await fsp.readdir(path.join(dir, 'exports', '2025', '01'))).toEqual(['2025-01-02_080405_Реестр.pdf'] /* Kazakhstan time, UTC+5 */);
  });

  it('file:save does nothing when the dialog is cancelled', async () => {
    const handlers = createBridgeHandlers(deps({ chooseSavePath: async () => null }));
    expect(await handlers['file:save']({ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(1) })).toEqual({ saved: false });
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it.each([
    ['https://invest.gov.kz/', true],
    ['http://invest.gov.kz/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
  ])('shell:open-external %s → opened %s', async (url, opened) => {
    const d = deps();
    expect(await createBridgeHandlers(d)['shell:open-external']({ url })).toEqual({ opened });
    expect(d.openExternal).toHaveBeenCalledTimes(opened ? 1 : 0);
  });

  it('menu:set hands the validated request to the menu', async () => {
    const d = deps();
    const request = { items: [{ id: 'project:new', label: 'Новый проект', group: 'file' as const }], labels: { file: 'Файл' } };
    expect(await createBridgeHandlers(d)['menu:set'](request)).toEqual({ ok: true });
    expect(d.setMenu).toHaveBeenCalledExactlyOnceWith(request);
  });

  it('notify:show shows the OS notification, and says when the OS has none', async () => {
    const d = deps();
    expect(await createBridgeHandlers(d)['notify:show']({ title: 'Поручения', body: 'Просрочено: 2' })).toEqual({ shown: true });
    expect(d.showNotification).toHaveBeenCalledExactlyOnceWith('Поручения', 'Просрочено: 2');
    expect(await createBridgeHandlers(deps({ showNotification: () => false }))['notify:show']({ title: 'Поручения', body: '' })).toEqual({ shown: false });
  });

  it('sync:* go to the sync transport service (the main process makes the calls)', async () => {
    const d = deps();
    const handlers = createBridgeHandlers(d);
    expect(await handlers['sync:status']({})).toEqual({ serverUrl: null, session: null });
    const login = { serverUrl: 'https://hattama.aktobe.kz', username: 'aigerim', password: 'x' };
    expect(await handlers['sync:login'](login)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(d.sync['sync:login']).toHaveBeenCalledExactlyOnceWith(login);
    expect(await handlers['sync:pull']({ region: 'aktobe', since: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await handlers['sync:logout']({})).toEqual({ ok: true });
  });
});
