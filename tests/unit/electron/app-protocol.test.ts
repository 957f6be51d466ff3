// Tests the app:// resolver (no escape from dist-web) and the fetch-style handler's status codes and headers.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppUrl } from '../../../electron/main/app-protocol';
import { cspHeader } from '../../../shared/security/csp';

const root = path.resolve('/srv/hattama/dist-web');

describe('resolveAppUrl', () => {
  it.each([
    ['app://hattama/', 'index.html'],
    ['app://hattama', 'index.html'],
    ['app://hattama/index.html', 'index.html'],
    ['app://HATTAMA/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://hattama/assets/app.css?v=1#top', 'assets/app.css'],
    ['app://hattama/fonts/%D0%A8%D1%80%D0%B8%D1%84%D1%82.woff2', 'fonts/Шрифт.woff2'],
    ['app://hattama/a/../b.js', 'b.js'],
  ])('%s → %s', (url, relative) => {
    const result = resolveAppUrl(url, root);
    expect(result).toMatchObject({ kind: 'file', filePath: path.join(root, relative) });
  });

  it.each([
    'app://hattama/..%2f..%2fetc%2fpasswd',
    'app://hattama/%2e%2e%5c%2e%2e%5cwindows%5cwin.ini',
    'app://hattama/assets/..%5c..%5csecret',
    'app://hattama/C:%5cWindows%5cwin.ini',
    'app://hattama/c:/Windows/win.ini',
    'app://hattama/index.html%00.png',
    'app://hattama/%E0%A4%A',
    'app://other/index.html',
    'app://hattama:99/index.html',
    'app://user@hattama/index.html',
    'file:///etc/passwd',
    'https://hattama/index.html',
    'not a url',
  ])('forbids %s', (url) => {
    expect(resolveAppUrl(url, root).kind).toBe('forbidden');
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['x.js', 'text/javascript; charset=utf-8'],
    ['x.CSS', 'text/css; charset=utf-8'],
    ['x.svg', 'image/svg+xml'],
    ['x.woff2', 'font/woff2'],
    ['x.bin', 'application/octet-stream'],
  ])('types %s as %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let webRoot: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-protocol-'));
    webRoot = path.join(dir, 'dist-web');
    await fsp.mkdir(path.join(webRoot, 'assets'), { recursive: true });
    await fsp.writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Hattama</title>');
    await fsp.writeFile(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    await fsp.writeFile(path.join(dir, 'secret.txt'), 'outside');
    await fsp.symlink(path.join(dir, 'secret.txt'), path.join(webRoot, 'assets', 'link.txt'));
    handler = createAppProtocolHandler(webRoot);
  });
  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('serves index.html with the CSP and nosniff', async () => {
    const response = await handler(new Request('app://hattama/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(cspHeader('desktop'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Hattama</title>');
  });

  it('serves assets with their type', async () => {
    const response = await handler(new Request('app://hattama/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://hattama/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['app://hattama/missing.js', 'GET', 404],
    ['app://hattama/assets', 'GET', 404],
    ['app://hattama/..%2fsecret.txt', 'GET', 403],
    ['app://hattama/assets/link.txt', 'GET', 403],
    ['app://hattama/index.html', 'POST', 405],
  ])('%s (%s) → %i, still with the CSP', async (url, method, status) => {
    const response = await handler(new Request(url, { method }));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(cspHeader('desktop'));
  });
});
