// Tests the security rules shared by both hosts: the CSP (header and meta tag, and its injection into
// index.html at build time) and which URLs may leave the app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_POLICY, cspDirectives, cspHeader, cspMetaContent, type CspDirective } from '../../../shared/security/csp';
import { isAllowedExternalUrl, MAX_URL_LENGTH, parseStrictUrl } from '../../../shared/security/urls';
import viteConfig, { cspMetaPlugin } from '../../../vite.config';

const root = path.resolve(import.meta.dirname, '../../..');

/** Parses a serialized policy into directive → value. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('CSP', () => {
  const desktop = directives(cspHeader('desktop'));
  const browser = directives(cspHeader('browser'));
  const meta = directives(cspMetaContent());

  it.each<[CspDirective, string, string]>([
    ['default-src', "'self'", "'self'"],
    ['script-src', "'self'", "'self'"],
    ['style-src', "'self' 'unsafe-inline'", "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:", "'self' data: blob:"],
    ['font-src', "'self' data:", "'self' data:"],
    ['connect-src', "'none'", "'self'"],
    ['object-src', "'none'", "'none'"],
    ['base-uri', "'none'", "'none'"],
    ['frame-ancestors', "'none'", "'none'"],
    ['form-action', "'none'", "'none'"],
  ])('%s is %s on the desktop and %s in the browser', (name, onDesktop, inBrowser) => {
    expect(desktop.get(name)).toBe(onDesktop);
    expect(browser.get(name)).toBe(inBrowser);
  });

  it('sets nothing else, and the header is the default (desktop) policy', () => {
    expect([...desktop.keys()]).toEqual(Object.keys(CSP_POLICY));
    expect(cspHeader()).toBe(cspHeader('desktop'));
    expect(cspDirectives('desktop').map(([name]) => name)).toEqual(Object.keys(CSP_POLICY));
  });

  it.each([
    ['script-src', /unsafe|\*|data:|blob:|https?:/],
    ['default-src', /unsafe|\*|https?:/],
    ['connect-src', /\*|https?:|wss?:/],
  ])('%s allows nothing remote, inline or evaluated', (name, forbidden) => {
    for (const policy of [desktop, browser, meta]) expect(policy.get(name)).not.toMatch(forbidden);
  });

  it('the meta tag is the browser policy without the header-only frame-ancestors', () => {
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(new Map([...browser].filter(([name]) => name !== 'frame-ancestors'))).toEqual(meta);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CSP_POLICY)).toBe(true);
  });
});

describe('index.html gets the CSP at build time (vite plugin)', () => {
  const source = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const plugin = cspMetaPlugin();
  const hook = plugin.transformIndexHtml;
  const transform = (html: string): string => {
    if (typeof hook !== 'object' || hook === null || !('handler' in hook)) throw new Error('expected an object hook');
    return (hook.handler as (html: string) => string)(html);
  };

  it('is part of the build config', () => {
    const plugins = ((viteConfig as { plugins?: unknown[] }).plugins ?? []).flat(3) as Array<{ name?: string } | null>;
    expect(plugins.map((p) => p?.name)).toContain('hattama:csp-meta');
  });

  it('runs only for the build, before other HTML transforms', () => {
    expect(plugin.apply).toBe('build');
    expect(typeof hook === 'object' && hook !== null && 'order' in hook ? hook.order : undefined).toBe('pre');
  });

  it('the source page declares no CSP of its own', () => {
    expect(source).not.toMatch(/Content-Security-Policy/i);
  });

  it('inserts exactly one CSP meta tag right after <meta charset>, with the shared policy', () => {
    const html = transform(source);
    const tags = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/g)];
    expect(tags).toHaveLength(1);
    expect(tags[0]?.[1]).toBe(cspMetaContent());
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(html.search(/<meta charset/i));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('refuses a page that already has a CSP or has no charset', () => {
    expect(() => transform(transform(source))).toThrow(/must not declare its own CSP/);
    expect(() => transform('<html><head><title>x</title></head></html>')).toThrow(/charset/);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://invest.gov.kz/', true],
    ['https://example.com/path?q=1#x', true],
    ['https://пример.қаз/', true],
    ['HTTPS://EXAMPLE.COM/', true],
    ['https://example.com:8443/a', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['app://hattama/index.html', false],
    ['mailto:someone@example.com', false],
    ['smb://server/share', false],
    ['ftp://example.com/', false],
    ['//example.com/', false],
    ['/relative/path', false],
    ['https://user:secret@example.com/', false],
    ['https://user@example.com/', false],
    ['https://:secret@example.com/', false],
    ['https://', false],
    ['https:///path', false],
    ['https:example.com', false],
    ['https:\\\\example.com\\', false],
    ['https://example.com\\@evil.com/', false],
    ['https://exa mple.com/', false],
    [' https://example.com/', false],
    ['https://example.com/\n', false],
    ['https://example.com/\t', false],
    ['https://example.com/\u0000', false],
    [`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`, false],
    ['', false],
  ])('%j → %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });

  it.each([42, null, undefined, {}, ['https://example.com/'], { toString: () => 'https://example.com/' }])('rejects the non-string %j', (value) => {
    expect(isAllowedExternalUrl(value)).toBe(false);
  });
});

describe('parseStrictUrl', () => {
  it.each([
    ['app://hattama/index.html', 'app:'],
    ['https://example.com/', 'https:'],
  ])('parses %s', (url, protocol) => {
    expect(parseStrictUrl(url)?.protocol).toBe(protocol);
  });

  it.each(['not a url', ' https://example.com/', 'https://example.com/\r\n', '', 'x'.repeat(MAX_URL_LENGTH + 1), 7])('rejects %j', (url) => {
    expect(parseStrictUrl(url)).toBeNull();
  });
});
