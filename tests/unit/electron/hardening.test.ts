// Runs the hardening against recording fakes of Electron's app/protocol, WebContents and Session:
// every rule must be registered, and each registered handler must decide as DESIGN §7 says.
import { describe, expect, it, vi } from 'vitest';
import type { CustomScheme } from 'electron';
import {
  hardenProcess,
  hardenSession,
  hardenWebContents,
  REMOTE_URL_PATTERNS,
  type HardenableSession,
  type HardenableWebContents,
  type NavigationEventLike,
  type PreventableEventLike,
} from '../../../electron/main/hardening';

type NavigationListener = (event: NavigationEventLike) => void;
type OpenHandler = (details: { readonly url: string }) => { action: 'deny' };

/** A WebContents that records the listeners and the window-open handler registered on it. */
class FakeContents implements HardenableWebContents {
  readonly listeners = new Map<string, Array<(event: never) => void>>();
  openHandler: OpenHandler | null = null;

  on(event: string, listener: (event: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  /** Emits a navigation-style event; true when a listener prevented it. */
  navigate(event: 'will-frame-navigate' | 'will-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
    const e = { url, isMainFrame, preventDefault: vi.fn() };
    for (const listener of this.listeners.get(event) ?? []) (listener as NavigationListener)(e);
    return e.preventDefault.mock.calls.length > 0;
  }

  attachWebview(): boolean {
    const e = { preventDefault: vi.fn() };
    for (const listener of this.listeners.get('will-attach-webview') ?? []) (listener as (event: PreventableEventLike) => void)(e);
    return e.preventDefault.mock.calls.length > 0;
  }
}

type SessionHandlers = {
  permissionRequest?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
  permissionCheck?: Parameters<HardenableSession['setPermissionCheckHandler']>[0];
  device?: Parameters<HardenableSession['setDevicePermissionHandler']>[0];
  beforeRequest?: { filter: { urls: string[] }; listener: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[1] };
  protocols: Map<string, (request: Request) => Promise<Response>>;
};

/** A Session that records what was registered on it. */
function fakeSession(): { session: HardenableSession; handlers: SessionHandlers } {
  const handlers: SessionHandlers = { protocols: new Map() };
  const session: HardenableSession = {
    setPermissionRequestHandler: (h) => void (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h) => void (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h) => void (handlers.device = h),
    webRequest: { onBeforeRequest: (filter, listener) => void (handlers.beforeRequest = { filter, listener }) },
    protocol: { handle: (scheme, h) => void handlers.protocols.set(scheme, h) },
  };
  return { session, handlers };
}

describe('hardenProcess', () => {
  it('registers app:// with exactly the secure privileges (never bypassCSP) and enables the sandbox', () => {
    const schemes: CustomScheme[] = [];
    const enableSandbox = vi.fn();
    hardenProcess({ app: { enableSandbox }, protocol: { registerSchemesAsPrivileged: (s) => void schemes.push(...s) } });
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }]);
    expect(schemes[0]?.privileges?.bypassCSP).toBeUndefined();
    expect(enableSandbox).toHaveBeenCalledOnce();
  });
});

describe('hardenWebContents', () => {
  function harden() {
    const contents = new FakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, { openExternal });
    return { contents, openExternal };
  }

  it('guards navigation, redirects, webviews and new windows — all of them', () => {
    const { contents } = harden();
    expect([...contents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.openHandler).not.toBeNull();
  });

  it.each(['will-frame-navigate', 'will-navigate', 'will-redirect'] as const)('%s: stays inside app://hattama only', (event) => {
    const { contents } = harden();
    for (const url of ['https://invest.gov.kz/', 'http://example.com/', 'file:///etc/passwd', 'app://evil/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', '']) {
      expect(contents.navigate(event, url), `${event} ${url}`).toBe(true);
    }
    for (const url of ['app://hattama/index.html', 'app://hattama/#/board']) {
      expect(contents.navigate(event, url), `${event} ${url}`).toBe(false);
    }
  });

  it('sends a main-frame https link to the OS browser, nothing else', () => {
    const { contents, openExternal } = harden();
    contents.navigate('will-frame-navigate', 'https://invest.gov.kz/');
    expect(openExternal).toHaveBeenCalledWith('https://invest.gov.kz/');
    openExternal.mockClear();
    contents.navigate('will-frame-navigate', 'https://ads.example/frame', false);
    contents.navigate('will-frame-navigate', 'http://insecure.example/');
    contents.navigate('will-frame-navigate', 'file:///etc/passwd');
    contents.navigate('will-navigate', 'https://invest.gov.kz/');
    contents.navigate('will-redirect', 'https://invest.gov.kz/');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never attaches a webview', () => {
    expect(harden().contents.attachWebview()).toBe(true);
  });

  it.each([
    ['https://example.com/', true],
    ['http://insecure.example/', false],
    ['app://hattama/index.html', false],
    ['file:///etc/passwd', false],
    ['https://user:pw@example.com/', false],
  ])('window.open(%s) is denied; opened outside: %s', (url, outside) => {
    const { contents, openExternal } = harden();
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(outside ? 1 : 0);
  });
});

describe('hardenSession', () => {
  const protocolHandler = vi.fn(async () => new Response('ok'));
  function harden() {
    const { session, handlers } = fakeSession();
    hardenSession(session, protocolHandler);
    return handlers;
  }

  it('registers every rule', () => {
    const handlers = harden();
    expect(handlers.permissionRequest).toBeTypeOf('function');
    expect(handlers.permissionCheck).toBeTypeOf('function');
    expect(handlers.device).toBeTypeOf('function');
    expect(handlers.beforeRequest?.listener).toBeTypeOf('function');
    expect([...handlers.protocols.keys()]).toEqual(['app']);
    expect(handlers.protocols.get('app')).toBe(protocolHandler);
  });

  it.each([
    ['media', 'app://hattama/index.html', false],
    ['geolocation', 'app://hattama/index.html', false],
    ['notifications', 'app://hattama/index.html', false],
    ['clipboard-read', 'app://hattama/index.html', false],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard-sanitized-write', 'app://hattama/index.html', true],
  ])('permission request %s from %s → %s; the check agrees', (permission, url, granted) => {
    const handlers = harden();
    const callback = vi.fn();
    handlers.permissionRequest?.(null, permission, callback, { requestingUrl: url });
    expect(callback).toHaveBeenCalledExactlyOnceWith(granted);
    expect(handlers.permissionCheck?.(null, permission, url)).toBe(granted);
  });

  it.each([
    { deviceType: 'hid', origin: 'app://hattama' },
    { deviceType: 'serial', origin: 'app://hattama' },
    { deviceType: 'usb', origin: 'app://hattama' },
    { deviceType: 'usb', origin: 'https://evil.example' },
  ])('denies device access %j', (details) => {
    expect(harden().device?.(details)).toBe(false);
  });

  it('cancels every remote request a page makes, not the main process own ones', () => {
    const handlers = harden();
    expect(handlers.beforeRequest?.filter.urls).toEqual([...REMOTE_URL_PATTERNS]);
    expect(REMOTE_URL_PATTERNS).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const decide = (details: { url: string; webContentsId?: number }) => {
      const callback = vi.fn();
      handlers.beforeRequest?.listener(details, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide({ url: 'https://example.com/', webContentsId: 1 })).toEqual({ cancel: true });
    expect(decide({ url: 'wss://example.com/socket', webContentsId: 3 })).toEqual({ cancel: true });
    expect(decide({ url: 'https://sync.example.kz/pull' })).toEqual({ cancel: false });
  });
});
