// Serves dist-web under app://hattama/: maps request URLs to files (no traversal) and answers with CSP headers.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { cspHeader } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME } from './security';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * Content type for a file served by the app protocol (application/octet-stream when unknown).
 * @param filePath file name or path
 */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Outcome of resolving an app:// URL. */
export type AppResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly mimeType: string }
  | { readonly kind: 'forbidden'; readonly reason: string };

/**
 * Maps `app://hattama/<path>` to a file inside `rootDir` (the built dist-web). `/` means
 * index.html. Anything that could leave the root (`..`, encoded separators, drive letters,
 * NUL) or another host is forbidden. Whether the file exists is not checked here.
 * @param url the request URL
 * @param rootDir absolute path of dist-web
 */
export function resolveAppUrl(url: string, rootDir: string): AppResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'forbidden', reason: 'malformed URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return { kind: 'forbidden', reason: 'not the app origin' };
  }
  const rawSegments = parsed.pathname.split('/').filter((s) => s.length > 0);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'forbidden', reason: 'malformed escape' };
    }
    // eslint-disable-next-line no-control-regex
    if (segment === '.' || segment === '..' || /[/\\:\u0000-\u001f]/.test(segment)) {
      return { kind: 'forbidden', reason: 'path escapes the app root' };
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return { kind: 'forbidden', reason: 'path escapes the app root' };
  return { kind: 'file', filePath, mimeType: mimeTypeFor(filePath) };
}

/** Headers sent with every app:// response (the CSP is the desktop host's, shared/security/csp.ts). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': cspHeader('desktop'),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * A fetch-style handler for `protocol.handle(APP_SCHEME, …)`: GET/HEAD of files under `rootDir`
 * with their content type and the CSP; 403 outside the root (also through symlinks), 404 when
 * missing, 405 for other methods.
 * @param rootDir absolute path of dist-web
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolved = resolveAppUrl(request.url, rootDir);
    if (resolved.kind === 'forbidden') return textResponse(403, 'Forbidden');
    let body: Buffer;
    try {
      const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(resolved.filePath)]);
      if (!realFile.startsWith(realRoot + path.sep)) return textResponse(403, 'Forbidden');
      body = await readFile(realFile);
    } catch {
      return textResponse(404, 'Not found');
    }
    const headers = { ...securityHeaders(), 'Content-Type': resolved.mimeType, 'Content-Length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
