// Security policy of the desktop host (DESIGN §7) as pure functions: scheme privileges, web preferences, URL trust checks.
// The CSP and the external-URL rule are shared with the browser host: shared/security/.
import type { Privileges, WebPreferences } from 'electron';
import { parseStrictUrl } from '../../shared/security/urls';

/** Scheme, host and origin under which dist-web is served (never file://, so headers such as CSP can be set). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hattama';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app:// scheme (registered before 'ready'): a real origin and a secure context
 * (IndexedDB, crypto.subtle) and fetch of its own files. Never `bypassCSP`: the CSP header of every
 * app:// response must apply.
 */
export const APP_SCHEME_PRIVILEGES: Readonly<Required<Pick<Privileges, 'standard' | 'secure' | 'supportFetchAPI' | 'corsEnabled' | 'codeCache'>>> = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
});

/**
 * The webPreferences every window of the app uses, with each hardening flag as a literal type, so
 * flipping one is a type error as well as a failing test. Type-only imports keep this module plain
 * Node; BrowserWindow's own type checks the object again in the glue.
 */
export interface SecureWebPreferences extends WebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

/**
 * Web preferences for the app's windows: isolated, sandboxed, no Node, no webviews.
 * Spellcheck is off because Chromium would download its dictionaries from a remote CDN.
 * @param preloadPath absolute path of the bundled preload script
 * @param options.devTools whether DevTools may open (false in packaged builds)
 */
export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

/**
 * True only for URLs of the app's own origin (`app://hattama/…`): no port, no credentials.
 * @param url any string, typically a navigation target or a frame URL
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseStrictUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * True when an IPC message comes from a frame showing the app itself (not remote or injected content).
 * @param frameUrl `event.senderFrame?.url`; undefined/null when the frame is gone
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/**
 * Permission policy for web content: everything is denied except writing to the clipboard from
 * the app's own pages (copy buttons use navigator.clipboard.writeText).
 * @param permission Chromium's permission name
 * @param requestingUrl the origin or URL asking for it
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
