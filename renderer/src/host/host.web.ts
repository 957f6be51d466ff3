// The browser host: the same bridge contract by browser means — files are downloaded, links open in a new tab, no menu.
import type { HostBridge } from '@shared/bridge/contract';
import { isAllowedExternalUrl } from '@shared/security/urls';
import { createWebSyncTransport, webSyncEnv, type WebSyncEnv } from '../sync/web-transport';
import { browserSocket, createWebLiveHost, type WebLiveEnv } from '../sync/web-live';

/** What the browser host needs of its environment; tests pass a jsdom window. */
export interface WebHostEnv {
  readonly window: Window & typeof globalThis;
  /** The app's version (the build defines it from package.json). */
  readonly version: string;
  /** When the download's object URL may be released (it must outlive the click). */
  readonly revokeDelayMs?: number;
  /** Sync's fetch, sessionStorage and origin (default: the window's); the page syncs with the server that served it. */
  readonly sync?: WebSyncEnv;
  /** Opens the live channel's socket (default: the window's WebSocket). */
  readonly openSocket?: WebLiveEnv['openSocket'];
}

function defaultEnv(): WebHostEnv {
  const version: unknown = import.meta.env.VITE_APP_VERSION;
  return { window, version: typeof version === 'string' && version.length > 0 ? version : '0.0.0' };
}

/**
 * Creates the browser host.
 * @param env the window to act in and the app version
 */
export function createWebHost(env: WebHostEnv = defaultEnv()): HostBridge {
  const win = env.window;
  const syncEnv = env.sync ?? webSyncEnv(win);
  const sync = createWebSyncTransport(syncEnv);
  const live = createWebLiveHost({
    origin: syncEnv.origin,
    token: sync.sessionToken,
    openSocket: env.openSocket ?? (typeof win.WebSocket === 'function' ? browserSocket((url, protocols) => new win.WebSocket(url, protocols)) : null),
  });
  return Object.freeze({
    // Sync: the engine calls the server directly, the token kept for the session only (sync/web-transport.ts).
    syncStatus: sync.syncStatus,
    syncLogin: sync.syncLogin,
    syncLogout: sync.syncLogout,
    syncPush: sync.syncPush,
    syncPull: sync.syncPull,
    // The live channel: the page's own WebSocket to the same server (sync/web-live.ts).
    liveConnect: live.liveConnect,
    liveSend: live.liveSend,
    liveDisconnect: live.liveDisconnect,
    onLiveEvent: live.onLiveEvent,

    async appInfo() {
      return { host: 'browser' as const, version: env.version, platform: win.navigator.platform };
    },

    async saveFile({ suggestedName, mimeType, bytes }) {
      const blob = new win.Blob([bytes.slice().buffer], { type: mimeType });
      const url = win.URL.createObjectURL(blob);
      const a = win.document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      win.document.body.append(a);
      a.click();
      a.remove();
      win.setTimeout(() => win.URL.revokeObjectURL(url), env.revokeDelayMs ?? 10_000);
      return { saved: true };
    },

    async openExternal({ url }) {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      win.open(url, '_blank', 'noopener,noreferrer');
      return { opened: true };
    },

    // A browser tab has no application menu; the renderer's own shortcuts and buttons do the work.
    async setMenu() {
      return { ok: false };
    },

    // Reminders stay in the app in a browser tab (no OS notifications without a permission prompt).
    async notify() {
      return { shown: false };
    },

    onMenuCommand() {
      return () => undefined;
    },
  } satisfies HostBridge);
}
