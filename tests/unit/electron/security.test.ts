// Tests the desktop host's security policy: web preferences, CSP and the URL trust checks.
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/main/security';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values.join(' ')] as const;
  }));

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ])('sets %s to %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  it('never allows inline or evaluated scripts', () => {
    expect(directives.get('script-src')).not.toMatch(/unsafe/);
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

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://invest.gov.kz/', true],
    ['https://example.com/path?q=1#x', true],
    ['https://пример.қаз/', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['app://hattama/index.html', false],
    ['mailto:someone@example.com', false],
    ['smb://server/share', false],
    ['https://user:secret@example.com/', false],
    ['https://user@example.com/', false],
    ['https://', false],
    ['https:///path', false],
    ['https:example.com', false],
    ['https:\\\\example.com\\', false],
    ['https://example.com\\@evil.com/', false],
    ['HTTPS://EXAMPLE.COM/', true],
    ['https://exa mple.com/', false],
    [' https://example.com/', false],
    ['https://example.com/\n', false],
    [`https://example.com/${'a'.repeat(2100)}`, false],
    ['', false],
  ])('%j → %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isAllowedExternalUrl(42)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://example.com/' })).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it.each([
    ['clipboard-sanitized-write', 'app://hattama', true],
    ['clipboard-sanitized-write', 'app://hattama/index.html', true],
    ['clipboard-sanitized-write', 'https://example.com', false],
    ['clipboard-read', 'app://hattama', false],
    ['media', 'app://hattama', false],
    ['geolocation', 'app://hattama', false],
    ['notifications', 'app://hattama', false],
    ['openExternal', 'app://hattama', false],
  ])('%s from %s → %s', (permission, origin, expected) => {
    expect(isPermissionAllowed(permission, origin)).toBe(expected);
  });
});
