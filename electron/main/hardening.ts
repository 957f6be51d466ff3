// Hardening of the desktop host (DESIGN §7): app:// privileges and the sandbox before 'ready', the
// default session's rules, and every web contents' navigation rules. Typed against the narrow parts
// of Electron it touches (Electron's own objects satisfy them), so tests run it on recording fakes.
import type { CustomScheme } from 'electron';
import { isAllowedExternalUrl } from '../../shared/security/urls';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl, isPermissionAllowed } from './security';

/** Requests to these are cancelled when a page makes them: the app shows no remote content. */
export const REMOTE_URL_PATTERNS: readonly string[] = Object.freeze(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);

/** What must happen before 'ready': the parts of `app` and `protocol` used for it. */
export interface ProcessHardeningTarget {
  readonly app: { enableSandbox(): void };
  readonly protocol: { registerSchemesAsPrivileged(schemes: CustomScheme[]): void };
}

/**
 * Sandboxes every renderer and gives app:// a real, secure origin (without bypassing the CSP).
 * Must run before the app is ready.
 */
export function hardenProcess({ app, protocol }: ProcessHardeningTarget): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.enableSandbox();
}

/** A navigation event as the web contents' guards read it. */
export interface NavigationEventLike {
  readonly url: string;
  readonly isMainFrame: boolean;
  preventDefault(): void;
}

export interface PreventableEventLike {
  preventDefault(): void;
}

/** The part of Electron's WebContents that hardenWebContents uses. */
export interface HardenableWebContents {
  on(event: 'will-frame-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export interface WebContentsHardeningDeps {
  /** Opens an https link in the OS browser (called only with URLs isAllowedExternalUrl accepts). */
  readonly openExternal: (url: string) => void;
}

/**
 * Keeps a web contents on the app: navigation, redirects and new windows away from app:// are
 * denied (a main-frame https link, or window.open of one, goes to the OS browser), webviews are never attached.
 */
export function hardenWebContents(contents: HardenableWebContents, deps: WebContentsHardeningDeps): void {
  const openOutside = (url: string) => {
    if (isAllowedExternalUrl(url)) deps.openExternal(url);
  };
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openOutside(event.url);
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** The part of Electron's Session that hardenSession uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { readonly requestingUrl: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  readonly webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { readonly url: string; readonly webContentsId?: number }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
  readonly protocol: {
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
}

/**
 * Denies every permission (except clipboard writes by the app) and every device (HID, serial, USB),
 * cancels remote requests made by pages, and serves app:// with `appProtocolHandler`.
 */
export function hardenSession(ses: HardenableSession, appProtocolHandler: (request: Request) => Promise<Response>): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Only page-initiated requests: the main process's own calls (e.g. sync over net.fetch, DESIGN §4) carry no webContents.
  ses.webRequest.onBeforeRequest({ urls: [...REMOTE_URL_PATTERNS] }, (details, callback) => callback({ cancel: details.webContentsId !== undefined }));
  ses.protocol.handle(APP_SCHEME, appProtocolHandler);
}
