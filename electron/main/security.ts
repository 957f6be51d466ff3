// Security policy of the desktop host (DESIGN §7) as pure functions: web preferences, CSP, URL trust checks.

/** Scheme, host and origin under which dist-web is served (never file://, so headers such as CSP can be set). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hattama';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longest URL the host accepts anywhere (matches the bridge contract's limit). */
const MAX_URL_LENGTH = 2048;

/**
 * The webPreferences subset every window of the app uses. Declared here (not imported from
 * electron) so this module stays plain Node; BrowserWindow's own type checks it in the glue.
 */
export interface SecureWebPreferences {
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
 * Content-Security-Policy sent with every app:// response. Inline styles are allowed because
 * Mantine injects them; nothing may be fetched from anywhere (connect-src 'none').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  // The WHATWG parser silently strips whitespace and control characters; a URL that needs that is not well-formed.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of the app's own origin (`app://hattama/…`): no port, no credentials.
 * @param url any string, typically a navigation target or a frame URL
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
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
 * True when the URL may be handed to the OS browser: https only, a real host, no user:password@.
 * @param url the URL the renderer asked to open
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  // The parser would repair "https:///host", "https:\\host" and "https:host"; insist on the canonical shape.
  if (typeof url !== 'string' || !/^https:\/\/[^/\\?#]/i.test(url) || url.includes('\\')) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname.length > 0 &&
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
