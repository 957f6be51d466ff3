// Packs the app as `npm run dist` would (the real electron-builder configuration, linux-x64, `dir`
// target) against a stand-in Electron folder, then opens what came out: the app.asar holds the
// built main, preload and renderer and nothing else, and the executable's fuses are flipped.
// Nothing is downloaded: the packing runs in a child process whose network is refused.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as asar from '@electron/asar';
import * as fuses from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBaseConfig } from '../../electron-builder.config';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** A decoy the build could one day emit (source maps in dist-web): it must not reach the package. */
const DECOY_MAP = path.join(root, 'dist-web', 'assets', 'decoy-package-test.js.map');

let work: string;
let appOutDir: string;
let entries: string[];
let networkAttempts: string[];
const asarPath = () => path.join(appOutDir, 'resources', 'app.asar');

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'hattama-pack-'));
  // The same build `npm run dist` makes, into dist-web/ and dist-electron/ of this checkout — in a
  // production environment: vitest sets NODE_ENV=test, and Vite would then bundle React's
  // development build (twice as slow; the benchmarks and the e2e tests read dist-web/ too).
  const buildEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  await run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, env: buildEnv });
  await run(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, env: buildEnv });
  writeFileSync(DECOY_MAP, '{"version":3,"sources":["../../renderer/src/secret.ts"]}');
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' };
  for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'CSC_NAME', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) delete env[name];
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/pack-stand-in.ts'), work], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { appOutDir: string; attempts: string[] };
    appOutDir = report.appOutDir;
    networkAttempts = report.attempts;
  } finally {
    rmSync(DECOY_MAP, { force: true });
  }
  entries = asar.listPackage(asarPath(), { isPack: false });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (electron-builder, linux-x64, stand-in Electron)', () => {
  it('packed without touching the network', () => {
    expect(networkAttempts).toEqual([]);
  });

  it('has the executable under its Linux name and the PDF fonts beside the archive', () => {
    expect(statSync(path.join(appOutDir, 'hattama')).mode & 0o111).not.toBe(0);
    expect(existsSync(path.join(appOutDir, 'resources', 'fonts', 'DejaVuSerifCondensed.ttf'))).toBe(true);
  });

  it('app.asar holds the built main and preload, byte for byte', () => {
    for (const file of ['main.cjs', 'preload.cjs']) {
      expect(entries).toContain(`/dist-electron/${file}`);
      expect(asar.extractFile(asarPath(), `dist-electron/${file}`).equals(readFileSync(path.join(root, 'dist-electron', file)))).toBe(true);
    }
  });

  it('app.asar holds the renderer: index.html and every script and style it loads', () => {
    const html = asar.extractFile(asarPath(), 'dist-web/index.html').toString('utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/dist-web/${m[1]}`);
    expect(referenced.length).toBeGreaterThan(2);
    for (const file of referenced) expect(entries).toContain(file);
    // Lazy chunks too: every built asset is there.
    const assets = readdirRecursive(path.join(root, 'dist-web')).filter((f) => f !== 'assets/decoy-package-test.js.map');
    for (const file of assets) expect(entries).toContain(`/dist-web/${file}`);
  });

  it("the renderer in it is React's production build, not the development one", () => {
    const scripts = entries.filter((e) => e.startsWith('/dist-web/') && e.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    const dev = scripts.filter((f) => /jsxDEV|react_stack_bottom_frame/.test(asar.extractFile(asarPath(), f.slice(1)).toString('utf8')));
    expect(dev).toEqual([]);
  });

  it('its package.json points at the packed main process and carries no scripts or dev dependencies', () => {
    const pkg = JSON.parse(asar.extractFile(asarPath(), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(entries).toContain(`/${String(pkg.main)}`);
    expect(pkg).not.toHaveProperty('scripts');
    expect(pkg).not.toHaveProperty('devDependencies');
  });

  it('holds nothing else: no tests, sources, source maps, node_modules, tmp, bench or server code', () => {
    const files = entries.filter((e) => asar.statFile(asarPath(), e.slice(1)) && !('files' in asar.statFile(asarPath(), e.slice(1))));
    const outside = files.filter((f) => !f.startsWith('/dist-electron/') && !f.startsWith('/dist-web/') && f !== '/package.json');
    expect(outside).toEqual([]);
    const forbidden = files.filter((f) =>
      /\.(?:tsx?|map)$/.test(f) ||
      /\/(?:node_modules|tests?|bench|server|tmp|renderer|shared|electron|scripts|\.git)\//.test(f) ||
      /\.(?:test|spec|e2e)\./.test(f),
    );
    expect(forbidden).toEqual([]);
    expect(existsSync(path.join(root, 'dist-electron', 'main.cjs.map'))).toBe(true); // the build made a map, and it was left out
  });

  it('flipped every fuse electron-builder.yml lists on the executable', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(appOutDir, 'hattama'));
    const on = '1'.charCodeAt(0); // @electron/fuses' FuseState.ENABLE (not exported)
    const state = (option: number) => (wire as unknown as Record<number, number>)[option] === on;
    const O = fuses.FuseV1Options;
    const actual = {
      runAsNode: state(O.RunAsNode),
      enableCookieEncryption: state(O.EnableCookieEncryption),
      enableNodeOptionsEnvironmentVariable: state(O.EnableNodeOptionsEnvironmentVariable),
      enableNodeCliInspectArguments: state(O.EnableNodeCliInspectArguments),
      enableEmbeddedAsarIntegrityValidation: state(O.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(O.OnlyLoadAppFromAsar),
      grantFileProtocolExtraPrivileges: state(O.GrantFileProtocolExtraPrivileges),
    };
    expect(actual).toEqual(loadBaseConfig().electronFuses);
    // Electron's defaults differ on every one of these: the flip happened, not an accident of the stand-in.
    expect(actual).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

/** Files under `dir`, as paths relative to it with forward slashes. */
function readdirRecursive(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...readdirRecursive(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}
