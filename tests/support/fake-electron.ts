// A recording stand-in for the parts of `electron` the main process uses (the runtime cannot run
// here): main-glue.test.ts bundles main.ts against it, built-security.test.ts loads the built main.cjs with it.
import path from 'node:path';
import { vi } from 'vitest';

export type AnyFn = (...args: unknown[]) => unknown;

/** Records what main.ts asks of Electron. Only the calls main.ts makes are implemented. */
export function createFakeElectron(userData: string, appPath: string) {
  const appEvents = new Map<string, AnyFn>();
  const ipcHandlers = new Map<string, AnyFn>();
  const windows: FakeWindow[] = [];
  const calls = {
    privileged: [] as unknown[],
    sandbox: 0,
    menu: null as unknown,
    permissionRequest: null as null | AnyFn,
    permissionCheck: null as null | AnyFn,
    devicePermission: null as null | AnyFn,
    beforeRequest: null as null | { filter: unknown; listener: AnyFn },
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    openExternal: vi.fn(async () => undefined),
  };

  class FakeWindow {
    static getFocusedWindow = () => windows[0] ?? null;
    static getAllWindows = () => windows;
    readonly events = new Map<string, AnyFn>();
    readonly contentsEvents = new Map<string, AnyFn>();
    readonly webContents = {
      send: vi.fn(),
      isDestroyed: () => false,
      on: (event: string, listener: AnyFn) => void this.contentsEvents.set(event, listener),
    };
    loadedUrl = '';
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    on(event: string, listener: AnyFn) {
      this.events.set(event, listener);
      return this;
    }
    once(event: string, listener: AnyFn) {
      return this.on(event, listener);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 700 });
    isMaximized = () => false;
    isMinimized = () => false;
    maximize() {}
    show() {}
    destroyed = false;
    destroy() {
      this.destroyed = true;
    }
  }

  const electron = {
    app: {
      enableSandbox: () => void (calls.sandbox += 1),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: AnyFn) => void appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      getAppPath: () => appPath,
      getVersion: () => '9.9.9',
      isPackaged: true,
      setAppUserModelId: () => undefined,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => calls.privileged.push(...schemes) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: AnyFn) => void (calls.permissionRequest = h),
        setPermissionCheckHandler: (h: AnyFn) => void (calls.permissionCheck = h),
        setDevicePermissionHandler: (h: AnyFn) => void (calls.devicePermission = h),
        webRequest: { onBeforeRequest: (filter: unknown, listener: AnyFn) => void (calls.beforeRequest = { filter, listener }) },
        protocol: { handle: (scheme: string, h: (request: Request) => Promise<Response>) => void calls.protocolHandlers.set(scheme, h) },
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => void (calls.menu = menu) },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, h: AnyFn) => void ipcHandlers.set(channel, h), removeHandler: (c: string) => void ipcHandlers.delete(c) },
    dialog: { showSaveDialog: vi.fn(), showMessageBox: vi.fn(), showErrorBox: vi.fn() },
    shell: { openExternal: calls.openExternal },
  };
  return { electron, appEvents, ipcHandlers, windows, calls };
}

/** A fake WebContents that records the hardening main.ts attaches to it. */
export function fakeContents() {
  const events = new Map<string, AnyFn>();
  let openHandler: AnyFn | null = null;
  return {
    events,
    openHandler: () => openHandler,
    on(event: string, listener: AnyFn) {
      events.set(event, listener);
    },
    setWindowOpenHandler(h: AnyFn) {
      openHandler = h;
    },
  };
}

export function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}
