// @vitest-environment jsdom
// Tests the desktop host's client in jsdom against a fake preload bridge: answers and events are checked
// against the contract before the UI sees them.
import { describe, expect, it, vi } from 'vitest';
import { createElectronHost, findPreloadBridge } from '../../../renderer/src/host/host.electron';
import { getHost, selectHost } from '../../../renderer/src/host';
import { bridgeContract, bridgeEvents } from '../../../shared/bridge/contract';

const UPDATES_OFF = { available: true, url: '', source: 'none', state: 'off', version: null, percent: null, error: null, checkedAt: null };

/** Stands in for window.hattama as the preload exposes it. */
function fakeBridge(answers: Partial<Record<string, unknown>> = {}) {
  const menuListeners = new Set<(payload: unknown) => void>();
  const raw = {
    appInfo: vi.fn(async () => answers.appInfo ?? { host: 'electron', version: '0.1.0', platform: 'win32' }),
    saveFile: vi.fn(async () => answers.saveFile ?? { saved: true, path: 'C:\\Users\\clerk\\Реестр.pdf' }),
    openExternal: vi.fn(async () => answers.openExternal ?? { opened: true }),
    setMenu: vi.fn(async () => answers.setMenu ?? { ok: true }),
    setUnsaved: vi.fn(async () => answers.setUnsaved ?? { ok: true }),
    notify: vi.fn(async () => answers.notify ?? { shown: true }),
    syncStatus: vi.fn(async () => answers.syncStatus ?? { serverUrl: 'https://hattama.aktobe.kz', session: null }),
    syncLogin: vi.fn(async () => answers.syncLogin ?? { ok: false, error: { code: 'unauthorized', message: 'Wrong username or password.' } }),
    syncLogout: vi.fn(async () => answers.syncLogout ?? { ok: true }),
    syncPush: vi.fn(async () => answers.syncPush ?? { ok: true, value: { lastSeq: 3, version: 10, conflicts: [], serverTime: 1 } }),
    syncPull: vi.fn(async () => answers.syncPull ?? { ok: true, value: { changes: [], docs: [], version: 10, more: false, serverTime: 1 } }),
    liveConnect: vi.fn(async () => answers.liveConnect ?? { started: true }),
    liveSend: vi.fn(async () => answers.liveSend ?? { sent: true }),
    liveDisconnect: vi.fn(async () => answers.liveDisconnect ?? { ok: true }),
    onLiveEvent: vi.fn(() => () => undefined),
    exportDocument: vi.fn(async () => answers.exportDocument ?? { saved: true, bytes: 1 }),
    exportDocuments: vi.fn(async () => answers.exportDocuments ?? { saved: true, files: [] }),
    revealExport: vi.fn(async () => answers.revealExport ?? { ok: true }),
    exportArchive: vi.fn(async () => answers.exportArchive ?? { available: true, entries: [] }),
    attachmentPut: vi.fn(async () => answers.attachmentPut ?? { created: true, size: 1 }),
    attachmentGet: vi.fn(async () => answers.attachmentGet ?? { found: false }),
    attachmentHas: vi.fn(async () => answers.attachmentHas ?? { present: [] }),
    attachmentOpen: vi.fn(async () => answers.attachmentOpen ?? { opened: true }),
    attachmentExport: vi.fn(async () => answers.attachmentExport ?? { saved: true }),
    saveWorkspaceArchive: vi.fn(async () => answers.saveWorkspaceArchive ?? { saved: true }),
    openWorkspaceArchive: vi.fn(async () => answers.openWorkspaceArchive ?? { opened: false }),
    updatesStatus: vi.fn(async () => answers.updatesStatus ?? UPDATES_OFF),
    updatesSetUrl: vi.fn(async () => answers.updatesSetUrl ?? { ok: true, status: UPDATES_OFF }),
    updatesCheck: vi.fn(async () => answers.updatesCheck ?? { ok: false, error: 'unavailable', status: UPDATES_OFF }),
    backupSave: vi.fn(async () => answers.backupSave ?? { saved: true, name: 'hattama-20260315-090000Z-manual.hbak' }),
    backupList: vi.fn(async () => answers.backupList ?? { available: true, entries: [] }),
    backupRead: vi.fn(async () => answers.backupRead ?? { bytes: new Uint8Array([1]) }),
    backupSkip: vi.fn(async () => answers.backupSkip ?? { ok: true }),
    onBackupRequest: vi.fn(() => () => undefined),
    onMenuCommand: vi.fn((listener: (payload: unknown) => void) => {
      menuListeners.add(listener);
      return () => void menuListeners.delete(listener);
    }),
  };
  const emit = (payload: unknown) => {
    for (const listener of menuListeners) listener(payload);
  };
  return { raw, emit, menuListeners };
}

describe('desktop host client', () => {
  it('forwards each call to the preload and returns the checked answer', async () => {
    const { raw } = fakeBridge();
    const host = createElectronHost(raw);
    await expect(host.appInfo({})).resolves.toEqual({ host: 'electron', version: '0.1.0', platform: 'win32' });
    const bytes = new Uint8Array([1]);
    await expect(host.saveFile({ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes })).resolves.toEqual({ saved: true, path: 'C:\\Users\\clerk\\Реестр.pdf' });
    expect(raw.saveFile).toHaveBeenCalledWith({ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes });
    await expect(host.openExternal({ url: 'https://invest.gov.kz/' })).resolves.toEqual({ opened: true });
    const menu = { items: [{ id: 'project:new', label: 'Новый проект', accelerator: 'Alt+N', group: 'file' as const }], labels: { file: 'Файл' } };
    await expect(host.setMenu(menu)).resolves.toEqual({ ok: true });
    expect(raw.setMenu).toHaveBeenCalledWith(menu);
    await expect(host.notify({ title: 'Поручения', body: 'Просрочено: 1' })).resolves.toEqual({ shown: true });
    await expect(host.syncStatus({})).resolves.toEqual({ serverUrl: 'https://hattama.aktobe.kz', session: null });
    await expect(host.syncPull({ region: 'aktobe', since: 0, limit: 100 })).resolves.toMatchObject({ ok: true, value: { version: 10 } });
  });

  it.each([
    ['appInfo', { host: 'mainframe', version: '1', platform: 'x' }],
    ['saveFile', { saved: 'yes' }],
    ['openExternal', 'opened'],
    ['setMenu', {}],
    ['setUnsaved', { ok: 'yes' }],
    ['notify', { shown: 1 }],
    ['syncStatus', { serverUrl: 'x', session: null, token: 'leaked' }],
    ['syncLogin', { ok: true, value: { token: 'a-token-must-not-reach-the-renderer' } }],
    ['syncPush', { ok: true, value: { lastSeq: -1, version: 0, conflicts: [], serverTime: 1 } }],
    ['syncPull', { ok: false, error: { code: 'teapot', message: '' } }],
    ['liveConnect', { started: true, token: 'a-token-must-not-reach-the-renderer' }],
    ['updatesStatus', { ...UPDATES_OFF, state: 'installing-now' }],
    ['updatesSetUrl', { ok: true }],
  ] as const)('rejects a malformed %s answer', async (method, answer) => {
    const host = createElectronHost(fakeBridge({ [method]: answer }).raw);
    const call = host[method] as (request: never) => Promise<unknown>;
    await expect(call({} as never)).rejects.toThrow();
  });

  it('delivers valid menu commands only, until unsubscribed', () => {
    const { raw, emit, menuListeners } = fakeBridge();
    const host = createElectronHost(raw);
    const listener = vi.fn();
    const unsubscribe = host.onMenuCommand(listener);
    emit('project:new');
    emit('../../etc');
    emit(42);
    emit('x'.repeat(101));
    expect(listener.mock.calls).toEqual([['project:new']]);
    unsubscribe();
    unsubscribe();
    expect(menuListeners.size).toBe(0);
    emit('view:board');
    expect(listener).toHaveBeenCalledOnce();
  });

  it('refuses a bridge that lacks a contract method (preload and renderer from different builds)', () => {
    const { raw } = fakeBridge();
    const { setMenu: _missing, ...partial } = raw;
    expect(() => createElectronHost(partial)).toThrow(/setMenu/);
  });

  it('has exactly the contract methods', () => {
    const host = createElectronHost(fakeBridge().raw);
    expect(Object.keys(host).sort()).toEqual([...Object.values(bridgeContract).map((c) => c.method), ...Object.values(bridgeEvents).map((e) => e.method)].sort());
  });

  it('is chosen when the preload exposed window.hattama', async () => {
    const { raw } = fakeBridge();
    expect(findPreloadBridge({})).toBeUndefined();
    expect(findPreloadBridge({ hattama: 'nope' })).toBeUndefined();
    const host = selectHost({ hattama: raw });
    await expect(host.appInfo({})).resolves.toMatchObject({ host: 'electron' });
    expect(raw.appInfo).toHaveBeenCalledOnce();
  });

  it('getHost() picks once from the window and keeps it', async () => {
    const { raw } = fakeBridge();
    (window as unknown as Record<string, unknown>).hattama = raw;
    try {
      const host = getHost();
      expect(getHost()).toBe(host);
      await expect(host.appInfo({})).resolves.toMatchObject({ host: 'electron' });
    } finally {
      delete (window as unknown as Record<string, unknown>).hattama;
    }
  });
});
