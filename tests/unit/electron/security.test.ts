// Tests the desktop host's security policy: scheme privileges, web preferences, app-origin and sender checks, permissions.
// (The CSP and the external-URL rule are shared by both hosts: tests/unit/shared/security.test.ts.)
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/main/security';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer: no Node, no webviews, no experimental features, nothing else', () => {
    expect(secureWebPreferences('/app/dist-electron/preload.cjs')).toEqual({
      preload: '/app/dist-electron/preload.cjs',
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
      devTools: false,
    });
  });

  it('opens DevTools only when asked (development builds)', () => {
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/p', {}).devTools).toBe(false);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('gives app:// a standard, secure origin with fetch — and never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true });
    expect(Object.isFrozen(APP_SCHEME_PRIVILEGES)).toBe(true);
  });
});

describe('isAppUrl / isTrustedSender', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://hattama/', true],
    ['app://hattama', true],
    ['app://HATTAMA/assets/index.js', true],
    ['app://hattama/index.html#/board', true],
    ['app://evil/index.html', false],
    ['app://hattama.evil.com/', false],
    ['app://hattama:8080/', false],
    ['app://user:pw@hattama/', false],
    ['file:///work/main/dist-web/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://hattama/', false],
    ['devtools://devtools/bundled/index.html', false],
    ['about:blank', false],
    [' app://hattama/', false],
    ['', false],
    ['not a url', false],
  ])('%j → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
    expect(isTrustedSender(url)).toBe(expected);
  });

  it.each([undefined, null])('rejects a missing sender frame (%s)', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it.each([
    ['clipboard-sanitized-write', 'app://hattama', true],
    ['clipboard-sanitized-write', 'app://hattama/index.html', true],
    ['clipboard-sanitized-write', 'https://example.com', false],
    ['clipboard-sanitized-write', '', false],
    ['clipboard-read', 'app://hattama', false],
    ['media', 'app://hattama', false],
    ['geolocation', 'app://hattama', false],
    ['notifications', 'app://hattama', false],
    ['openExternal', 'app://hattama', false],
    ['hid', 'app://hattama', false],
    ['serial', 'app://hattama', false],
    ['usb', 'app://hattama', false],
  ])('%s from %s → %s', (permission, origin, expected) => {
    expect(isPermissionAllowed(permission, origin)).toBe(expected);
  });
});
