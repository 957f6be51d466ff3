// The security checklist (DESIGN §7) asserted on the BUILT code, as it ships: the bundled main
// process (dist-electron/main.cjs) is loaded against a recording stand-in of Electron and exercised —
// its windows, navigation rules, IPC handlers and app:// CSP header — the bundled preload is run,
// the built index.html's CSP is parsed, renderer sources are searched for HTML injection, and
// @doyensec/electronegativity gives its opinion (scripts/security-scan.mjs).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, BRIDGE_GLOBAL } from '../../shared/bridge/channels';
import { bridgeContract } from '../../shared/bridge/contract';
import { createFakeElectron, fakeContents, navigationEvent } from '../support/fake-electron';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

let work: string;
let built: string;
let fake: ReturnType<typeof createFakeElectron>;
let exposed: Map<string, Record<string, unknown>>;
let mainSource: string;

/** Loads a built CommonJS bundle with `require('electron')` answered by `electron`. */
function loadWithElectron(file: string, electron: unknown): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? electron : original.call(this, request, ...rest);
  };
  try {
    require(file);
  } finally {
    loader._load = original;
  }
}

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  work = mkdtempSync(path.join(os.tmpdir(), 'hattama-built-security-'));
  built = path.join(work, 'app');
  // The production build, into a folder of its own (dist-web by Vite, dist-electron by esbuild).
  await Promise.all([
    run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', path.join(built, 'dist-web'), '--emptyOutDir', '--logLevel', 'warn'], { cwd: root }),
    run(process.execPath, ['--input-type=module', '-e', `import { buildElectron } from ${JSON.stringify(path.join(root, 'scripts/build-electron.mjs'))}; await buildElectron(${JSON.stringify(path.join(built, 'dist-electron'))});`], { cwd: root }),
  ]);
  mainSource = readFileSync(path.join(built, 'dist-electron', 'main.cjs'), 'utf8');

  fake = createFakeElectron(path.join(work, 'userData'), built);
  loadWithElectron(path.join(built, 'dist-electron', 'main.cjs'), fake.electron);
  await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).toBe('app://hattama/index.html'), { timeout: 10_000 });

  exposed = new Map();
  loadWithElectron(path.join(built, 'dist-electron', 'preload.cjs'), {
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => void exposed.set(name, api) },
    ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
  });
}, 180_000);

afterAll(() => {
  vi.restoreAllMocks();
  if (work) rmSync(work, { recursive: true, force: true });
});

const TRUSTED = 'app://hattama/index.html';
const FOREIGN = ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///tmp/x.html', 'app://other/index.html', 'app://hattama:8080/index.html', null] as const;

describe('built main process: windows', () => {
  it('creates windows in exactly one place, the one exercised here', () => {
    const constructions = mainSource.match(/new\s+(?:[\w$]+\.)?BrowserWindow\s*\(/g) ?? [];
    expect(constructions).toHaveLength(1);
    expect(fake.windows).toHaveLength(1);
  });

  it('every window is isolated, sandboxed, without Node, with web security, and loads only our preload', () => {
    for (const win of fake.windows) {
      const prefs = win.options.webPreferences as Record<string, unknown>;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        devTools: false,
      });
      expect(prefs.preload).toBe(path.join(built, 'dist-electron', 'preload.cjs'));
      expect(existsSync(prefs.preload as string)).toBe(true);
      expect(win.loadedUrl).toBe(TRUSTED);
    }
  });

  it('turns on the sandbox for every renderer and registers app:// without bypassing the CSP', () => {
    expect(fake.calls.sandbox).toBe(1);
    expect(fake.calls.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.not.objectContaining({ bypassCSP: true }) })]);
  });

  it('has no insecure webPreferences literal anywhere in the bundle', () => {
    for (const pattern of [/nodeIntegration\s*:\s*(?:true|!0)/, /contextIsolation\s*:\s*(?:false|!1)/, /sandbox\s*:\s*(?:false|!1)/, /webSecurity\s*:\s*(?:false|!1)/, /allowRunningInsecureContent\s*:\s*(?:true|!0)/, /bypassCSP\s*:\s*(?:true|!0)/]) {
      expect(mainSource).not.toMatch(pattern);
    }
  });
});

describe('built main process: navigation and new windows', () => {
  function harden() {
    const contents = fakeContents();
    fake.appEvents.get('web-contents-created')?.({}, contents);
    return contents;
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from the app is denied', (event) => {
    const contents = harden();
    for (const url of ['https://evil.example/', 'http://example.com/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'data:text/html,x']) {
      const e = navigationEvent(url);
      contents.events.get(event)?.(e);
      expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalled();
    }
    const inside = navigationEvent('app://hattama/index.html#/board');
    contents.events.get(event)?.(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('webviews are never attached', () => {
    const e = { preventDefault: vi.fn() };
    harden().events.get('will-attach-webview')?.(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('window.open is always denied; only an https link goes to the OS browser', async () => {
    const contents = harden();
    fake.calls.openExternal.mockClear();
    for (const url of ['https://invest.gov.kz/', 'http://insecure.example/', 'file:///etc/passwd', 'app://hattama/index.html', 'https://user:pw@example.com/']) {
      expect(contents.openHandler()?.({ url })).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(fake.calls.openExternal.mock.calls).toEqual([['https://invest.gov.kz/']]));
  });
});

describe('built main process: IPC', () => {
  const channels = Object.keys(BRIDGE_CHANNELS);

  it('registers a handler for every channel of shared/bridge/channels.ts, and no other', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
  });

  it.each(channels)('%s has zod validators for its request and its response', (channel) => {
    const spec = bridgeContract[channel as keyof typeof bridgeContract];
    expect(spec.request).toBeInstanceOf(z.ZodType);
    expect(spec.response).toBeInstanceOf(z.ZodType);
  });

  it.each(channels)('%s refuses every foreign sender before anything runs', async (channel) => {
    const handler = fake.ipcHandlers.get(channel);
    for (const frameUrl of FOREIGN) {
      const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
      await expect(Promise.resolve().then(() => handler?.(event, {})), `${channel} from ${String(frameUrl)}`).rejects.toThrow(/untrusted/);
    }
  });

  it.each(channels)('%s refuses a request its schema does not accept', async (channel) => {
    const handler = fake.ipcHandlers.get(channel);
    await expect(Promise.resolve().then(() => handler?.({ senderFrame: { url: TRUSTED } }, 'not a request object'))).rejects.toThrow(/invalid request/);
    await expect(Promise.resolve().then(() => handler?.({ senderFrame: { url: TRUSTED } }))).rejects.toThrow(/exactly one request argument/);
  });

  it('a foreign sender changes nothing: no link opened, no update server set', async () => {
    fake.calls.openExternal.mockClear();
    const foreign = { senderFrame: { url: 'https://evil.example/' } };
    await expect(Promise.resolve().then(() => fake.ipcHandlers.get('shell:open-external')?.(foreign, { url: 'https://evil.example/phish' }))).rejects.toThrow(/untrusted/);
    await expect(Promise.resolve().then(() => fake.ipcHandlers.get('updates:set-url')?.(foreign, { url: 'https://evil.example/updates/' }))).rejects.toThrow(/untrusted/);
    expect(fake.calls.openExternal).not.toHaveBeenCalled();
    expect(existsSync(path.join(work, 'userData', 'updates.json'))).toBe(false);
    // The same calls from the app itself work (so the refusals above are the sender check, not a broken handler).
    await expect(fake.ipcHandlers.get('updates:status')?.({ senderFrame: { url: TRUSTED } }, {})).resolves.toMatchObject({ url: '', state: 'off' });
  });
});

describe('built preload', () => {
  it('exposes only window.hattama, with exactly one method per channel and event', () => {
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const methods = Object.keys(exposed.get(BRIDGE_GLOBAL) ?? {}).sort();
    expect(methods).toEqual([...Object.values(BRIDGE_CHANNELS), ...Object.values(BRIDGE_EVENTS)].sort());
    for (const m of methods) expect(typeof exposed.get(BRIDGE_GLOBAL)?.[m]).toBe('function');
  });
});

/** Parses a CSP string into directive → sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name.toLowerCase()), `duplicate directive ${name}`).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The checks every policy of the app must pass: scripts only from the app itself, nothing evaluated. */
function expectStrictScripts(csp: Map<string, string[]>) {
  const scriptSources = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scriptSources).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  for (const [name, sources] of csp) {
    expect(sources, name).not.toContain("'unsafe-eval'");
    expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    for (const source of sources) expect(source, `${name} ${source}`).not.toMatch(/^(?:\*|https?:|wss?:|ftp:|[\w.-]+\.[a-z]{2,}(?::\d+)?(?:\/.*)?$)/i);
  }
  for (const name of ['script-src', 'default-src', 'object-src']) expect(csp.get(name) ?? [], name).not.toContain("'unsafe-inline'");
}

describe('built renderer: CSP', () => {
  const html = () => readFileSync(path.join(built, 'dist-web', 'index.html'), 'utf8');

  it('index.html carries a strict policy first in <head>: no eval, no inline or remote script', () => {
    const metas = [...html().matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas).toHaveLength(1);
    expect(html().indexOf('Content-Security-Policy')).toBeLessThan(html().search(/<script|<link/i));
    expectStrictScripts(parseCsp(metas[0]![1]!.replace(/&#39;|&apos;/g, "'")));
  });

  it('index.html has no inline script or event handler, and loads scripts only from its own files', () => {
    const scripts = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body?.trim()).toBe('');
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[\w.-]+\.js"/);
    }
    expect(html()).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('the desktop app:// answer sends the same strict policy as a header, with no network for the page', async () => {
    const response = await fake.calls.protocolHandlers.get('app')?.(new Request(TRUSTED));
    expect(response?.status).toBe(200);
    const csp = parseCsp(response?.headers.get('content-security-policy') ?? '');
    expectStrictScripts(csp);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

/**
 * Places in renderer and shared sources allowed to inject HTML, each with the reason it is safe.
 * Empty: nothing renders text as HTML (the minutes editor builds its DOM through ProseMirror, exports go through the document model).
 */
const HTML_INJECTION_ALLOWED: ReadonlyArray<{ file: string; reason: string }> = [];

describe('renderer sources: no HTML injection of user data', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(?:tsx?|jsx?)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
  }

  it('no dangerouslySetInnerHTML, innerHTML/outerHTML writes, insertAdjacentHTML, document.write or srcdoc outside the reviewed list', () => {
    const files = [...sources(path.join(root, 'renderer')), ...sources(path.join(root, 'shared'))];
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*[+]?=(?!=)|insertAdjacentHTML|document\.write(?:ln)?\s*\(|\bsrcdoc\b|srcDoc\s*=|createContextualFragment/.test(line) ? [`${path.relative(root, file)}:${i + 1}`] : [])),
    );
    const allowed = new Set(HTML_INJECTION_ALLOWED.map((a) => a.file));
    expect(hits.filter((hit) => !allowed.has(hit.replace(/:\d+$/, '')))).toEqual([]);
  });
});

describe('electronegativity (an extra opinion)', () => {
  it('finds nothing HIGH or MEDIUM that is not reviewed, and parsed every built file', async () => {
    const { stdout } = await run(process.execPath, ['--require', path.join(root, 'scripts/no-network.cjs'), path.join(root, 'scripts/security-scan.mjs'), '--root', built], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).catch(
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { checks: number; reviewed: number; unreviewed: unknown[]; parseErrors: unknown[] };
    expect(report.unreviewed).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(report.checks).toBeGreaterThan(30);
    // It read the main process: it would otherwise report missing navigation limits and permission handlers.
    expect(stdout).not.toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK|PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
    expect(stdout).toMatch(/reviewed {3}OPEN_EXTERNAL_JS_CHECK .* dist-electron\/main\.js/);
  }, 240_000);
});
