// Smoke-tests the Electron glue (main.ts and the glue modules it wires) without the Electron runtime:
// bundles it against a fake `electron` module and checks what it registered and how that behaves.
import * as fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/bridge/contract';
import { secureWebPreferences } from '../../../electron/main/security';
import { cspHeader } from '../../../shared/security/csp';
import { createFakeElectron, fakeContents, navigationEvent } from '../../support/fake-electron';

let dir: string;
let fake: ReturnType<typeof createFakeElectron>;

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-glue-'));
  const appPath = path.join(dir, 'app');
  await fsp.mkdir(path.join(appPath, 'dist-web'), { recursive: true });
  await fsp.writeFile(path.join(appPath, 'dist-web', 'index.html'), '<!doctype html><title>Hattama</title>');
  fake = createFakeElectron(path.join(dir, 'userData'), appPath);
  (globalThis as Record<string, unknown>).__hattamaFakeElectron = fake.electron;

  const outfile = path.join(dir, 'main.cjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../../electron/main/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake' }));
          b.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({ contents: 'module.exports = globalThis.__hattamaFakeElectron;', loader: 'js' }));
        },
      },
    ],
  });
  createRequire(import.meta.url)(outfile);
  await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).toBe('app://hattama/index.html'));
}, 30_000);

afterAll(async () => {
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).__hattamaFakeElectron;
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('main process glue', () => {
  it('registers app:// as a privileged standard, secure scheme (never bypassing the CSP) and enables the sandbox', () => {
    expect(fake.calls.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }]);
    expect(fake.calls.sandbox).toBe(1);
  });

  it('creates the window with the secure preferences and the bundled preload', () => {
    const options = fake.windows[0]?.options as { webPreferences: Record<string, unknown>; width: number };
    expect(options.webPreferences).toEqual(secureWebPreferences(path.join(dir, 'preload.cjs'), { devTools: false }));
    expect(options.width).toBe(1280);
  });

  it('shows the menu with Russian fallback labels before the renderer has sent its own', () => {
    const labels = ((fake.calls.menu as { template: Array<{ label?: string }> }).template ?? []).map((item) => item.label).filter(Boolean);
    expect(labels).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
  });

  it('serves dist-web over app:// with the CSP', async () => {
    const handler = fake.calls.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://hattama/'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(cspHeader('desktop'));
  });

  it('registers a handler for every bridge channel and answers app:info from a trusted frame only', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    const appInfo = fake.ipcHandlers.get('app:info');
    await expect(appInfo?.({ senderFrame: { url: 'app://hattama/index.html' } }, {})).resolves.toEqual({ host: 'electron', version: '9.9.9', platform: process.platform });
    await expect(appInfo?.({ senderFrame: { url: 'https://evil.example/' } }, {})).rejects.toThrow(/untrusted/);
  });

  it('denies permissions except clipboard writes by the app, and cancels remote requests from pages', () => {
    const decide = (permission: string, url: string) => {
      const callback = vi.fn();
      fake.calls.permissionRequest?.(null, permission, callback, { requestingUrl: url });
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('media', 'app://hattama/index.html')).toBe(false);
    expect(decide('clipboard-sanitized-write', 'app://hattama/index.html')).toBe(true);
    expect(fake.calls.permissionCheck?.(null, 'geolocation', 'app://hattama')).toBe(false);
    const cancel = vi.fn();
    fake.calls.beforeRequest?.listener({ url: 'https://example.com/', webContentsId: 1 }, cancel);
    expect(cancel).toHaveBeenLastCalledWith({ cancel: true });
    fake.calls.beforeRequest?.listener({ url: 'https://sync.example.kz/pull' }, cancel);
    expect(cancel).toHaveBeenLastCalledWith({ cancel: false });
    expect(fake.calls.devicePermission?.({ deviceType: 'usb', origin: 'app://hattama' })).toBe(false);
  });

  it('hardens every web contents: no navigation away, no new windows, no webviews', () => {
    const contents = fakeContents();
    fake.appEvents.get('web-contents-created')?.({}, contents);

    const away = navigationEvent('https://invest.gov.kz/');
    contents.events.get('will-frame-navigate')?.(away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(fake.calls.openExternal).toHaveBeenCalledWith('https://invest.gov.kz/');

    const fileNav = navigationEvent('file:///etc/passwd');
    contents.events.get('will-navigate')?.(fileNav);
    expect(fileNav.preventDefault).toHaveBeenCalled();

    const inApp = navigationEvent('app://hattama/index.html');
    contents.events.get('will-navigate')?.(inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();

    const redirect = navigationEvent('https://evil.example/');
    contents.events.get('will-redirect')?.(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const webview = { preventDefault: vi.fn() };
    contents.events.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    fake.calls.openExternal.mockClear();
    expect(contents.openHandler()?.({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(fake.calls.openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler()?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.calls.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('asks before the window closes while the renderer holds unsaved changes, in its language; staying keeps the window and asks no snapshot', async () => {
    const win = fake.windows[0];
    const setUnsaved = fake.ipcHandlers.get('app:set-unsaved');
    const app = { senderFrame: { url: 'app://hattama/index.html' } };
    await expect(setUnsaved?.({ senderFrame: { url: 'https://evil.example/' } }, { unsaved: true, uiLang: 'kk' })).rejects.toThrow(/untrusted/);
    await expect(setUnsaved?.(app, { unsaved: 'yes', uiLang: 'kk' })).rejects.toThrow(/invalid/i);
    await expect(setUnsaved?.(app, { unsaved: true, uiLang: 'kk' })).resolves.toEqual({ ok: true });
    const ask = fake.electron.dialog.showMessageBox;
    ask.mockResolvedValueOnce({ response: 0 });
    const close = { preventDefault: vi.fn() };
    win?.events.get('close')?.(close);
    expect(close.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    expect(ask.mock.calls[0]?.[0]).toBe(win);
    expect(ask.mock.calls[0]?.[1]).toMatchObject({ message: 'Сақталмаған өзгерістер бар', buttons: ['Жұмысқа оралу', 'Сақтамай жабу'], cancelId: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(win?.destroyed).toBe(false);
    expect(win?.webContents.send).not.toHaveBeenCalledWith('backup:request', expect.any(String));
    // A page that reloads, or whose renderer is gone, holds no form any more (close-guard.test.ts).
    expect([...(win?.contentsEvents.keys() ?? [])]).toEqual(expect.arrayContaining(['did-navigate', 'render-process-gone']));
    ask.mockClear();
  });

  it('saves the window state when the window closes, then asks the renderer for a snapshot and closes once it answers', async () => {
    // The clerk answers «Закрыть, не сохраняя» to the question about the unsaved changes.
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    const win = fake.windows[0];
    win?.events.get('close')?.({ preventDefault: vi.fn() });
    const file = path.join(dir, 'userData', 'window-state.json');
    await vi.waitFor(async () => expect(JSON.parse(await fsp.readFile(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1200, height: 700, isMaximized: false }));
    await vi.waitFor(() => expect(win?.webContents.send).toHaveBeenCalledWith('backup:request', expect.any(String)));
    expect(win?.destroyed).toBe(false);
    const requestId = (win?.webContents.send.mock.calls.find((c) => c[0] === 'backup:request') as unknown[])[1];
    await fake.ipcHandlers.get('backup:skip')?.({ senderFrame: { url: 'app://hattama/index.html' } }, { requestId });
    await vi.waitFor(() => expect(win?.destroyed).toBe(true));
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it("rebuilds the menu from the renderer's menu:set and sends its commands back to the window", async () => {
    const setMenu = fake.ipcHandlers.get('menu:set');
    const request = { items: [{ id: 'project:new', label: 'New project', accelerator: 'Alt+N', group: 'file' }], labels: { file: 'File', help: 'Help' } };
    await expect(setMenu?.({ senderFrame: { url: 'https://evil.example/' } }, request)).rejects.toThrow(/untrusted/);
    await expect(setMenu?.({ senderFrame: { url: 'app://hattama/index.html' } }, request)).resolves.toEqual({ ok: true });
    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const template = (fake.calls.menu as { template: Item[] }).template;
    expect(template.map((item) => item.label)).toEqual(['File', 'Правка', 'Вид', 'Окно', 'Help']);
    const newProject = template[0]?.submenu?.[0];
    expect(newProject?.label).toBe('New project');
    newProject?.click?.();
    expect(fake.windows[0]?.webContents.send.mock.calls.filter((c) => c[0] === 'menu:command')).toEqual([['menu:command', 'project:new']]);
  });
});
