// The update service over a fake electron-updater: off by default (the updater is never even
// created), on by configuration alone (environment or updates.json), checks at start and every
// few hours, tells the clerk when an update is ready, and refuses addresses that are not https.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdateService, UPDATE_CHECK_INTERVAL_MS, type UpdaterLike, type UpdateServiceDeps } from '../../../electron/main/updates.service';
import { updatesBridgeContract } from '../../../shared/bridge/updates';

/** A stand-in for electron-updater's AppUpdater: records the feed and the checks, emits events on demand. */
class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: Array<{ provider: string; url: string }> = [];
  checks = 0;
  failNext: Error | null = null;
  private readonly listeners = new Map<string, Array<(arg: never) => void>>();
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(options);
  }
  async checkForUpdates() {
    this.checks += 1;
    this.emit('checking-for-update');
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      this.emit('error', e);
      throw e;
    }
    return null;
  }
  on(event: string, listener: (arg: never) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, arg?: unknown) {
    for (const l of this.listeners.get(event) ?? []) (l as (a: unknown) => void)(arg);
  }
}

let dir: string;
let settingsPath: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hattama-updates-'));
  settingsPath = path.join(dir, 'updates.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(overrides: Partial<UpdateServiceDeps> = {}) {
  const updaters: FakeUpdater[] = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const notifyReady = vi.fn();
  const warn = vi.fn();
  const service = createUpdateService({
    createUpdater: () => {
      const u = new FakeUpdater();
      updaters.push(u);
      return u;
    },
    settingsPath,
    env: {},
    notifyReady,
    warn,
    now: () => 1_700_000_000_000,
    setInterval: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearInterval: (h) => void ((h as { cleared: boolean }).cleared = true),
    ...overrides,
  });
  const live = () => timers.filter((t) => !t.cleared);
  return { service, updaters, timers, live, notifyReady, warn };
}

describe('update service', () => {
  it('is off by default: no updater is created, nothing checks, no timer runs', async () => {
    const { service, updaters, live } = setup();
    const status = await service.start();
    expect(status).toMatchObject({ url: '', source: 'none', state: 'off' });
    expect(updaters).toEqual([]);
    expect(live()).toEqual([]);
    expect(await service.checkNow()).toMatchObject({ ok: false, error: 'unavailable' });
    expect(updaters).toEqual([]);
  });

  it('turns on from updates.json alone: generic feed, checks at start and every four hours, downloads and installs on quit', async () => {
    await writeFile(settingsPath, JSON.stringify({ url: 'https://updates.aktobe.kz/hattama' }));
    const { service, updaters, live } = setup();
    const status = await service.start();
    expect(status).toMatchObject({ url: 'https://updates.aktobe.kz/hattama/', source: 'settings' });
    await vi.waitFor(() => expect(updaters[0]?.checks).toBe(1));
    const u = updaters[0]!;
    expect(u.feeds).toEqual([{ provider: 'generic', url: 'https://updates.aktobe.kz/hattama/' }]);
    expect(u.autoDownload).toBe(true);
    expect(u.autoInstallOnAppQuit).toBe(true);
    expect(live().map((t) => t.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(4 * 3600_000);
    live()[0]!.fn();
    await vi.waitFor(() => expect(u.checks).toBe(2));
    expect(updaters).toHaveLength(1);
  });

  it('the organization environment wins over the settings file, and the app cannot change it', async () => {
    await writeFile(settingsPath, JSON.stringify({ url: 'https://other.example/' }));
    const { service, updaters } = setup({ env: { HATTAMA_UPDATE_URL: 'https://updates.gov.kz/hattama/' } });
    expect(await service.start()).toMatchObject({ url: 'https://updates.gov.kz/hattama/', source: 'env' });
    await vi.waitFor(() => expect(updaters[0]?.feeds).toEqual([{ provider: 'generic', url: 'https://updates.gov.kz/hattama/' }]));
    expect(await service.setUrl('')).toMatchObject({ ok: false, error: 'managed', status: { url: 'https://updates.gov.kz/hattama/' } });
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toEqual({ url: 'https://other.example/' });
  });

  it.each([
    ['an http address', { url: 'http://updates.aktobe.kz/' }],
    ['a non-URL', { url: 'updates server' }],
    ['a number', { url: 42 }],
  ])('a settings file with %s leaves updates off, and says why', async (_name, content) => {
    await writeFile(settingsPath, JSON.stringify(content));
    const { service, updaters, warn } = setup();
    expect(await service.start()).toMatchObject({ url: '', state: 'off' });
    expect(updaters).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/https URL.*updates stay off/));
  });

  it('a broken settings file or a bad environment value leaves updates off', async () => {
    await writeFile(settingsPath, '{ not json');
    const { service, updaters, warn } = setup({ env: { HATTAMA_UPDATE_URL: 'ftp://x/' } });
    expect(await service.start()).toMatchObject({ url: '', state: 'off' });
    expect(updaters).toEqual([]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/HATTAMA_UPDATE_URL.*ignored/), expect.stringMatching(/not valid JSON/)]);
  });

  it('the clerk turns updates on and off in Settings: saved to updates.json, the timer follows', async () => {
    const { service, updaters, live } = setup();
    await service.start();
    const on = await service.setUrl('  https://updates.aktobe.kz/hattama  ');
    expect(on).toMatchObject({ ok: true, status: { url: 'https://updates.aktobe.kz/hattama/', source: 'settings', state: expect.any(String) } });
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toEqual({ url: 'https://updates.aktobe.kz/hattama/' });
    await vi.waitFor(() => expect(updaters[0]?.checks).toBe(1));
    expect(live()).toHaveLength(1);
    const off = await service.setUrl('');
    expect(off).toMatchObject({ ok: true, status: { url: '', source: 'none', state: 'off' } });
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toEqual({ url: '' });
    expect(live()).toEqual([]);
    expect(await service.checkNow()).toMatchObject({ ok: false, error: 'unavailable' });
    expect(updaters[0]?.checks).toBe(1);
  });

  it('refuses an address that is not https, and writes nothing', async () => {
    const { service } = setup();
    await service.start();
    await expect(service.setUrl('http://updates.aktobe.kz/')).rejects.toThrow(/not_https/);
    await expect(readFile(settingsPath, 'utf8')).rejects.toThrow(/ENOENT/);
    expect(service.status().url).toBe('');
  });

  it('reports download progress and tells the clerk once the update is ready', async () => {
    await writeFile(settingsPath, JSON.stringify({ url: 'https://updates.aktobe.kz/' }));
    const statuses: string[] = [];
    const { service, updaters, notifyReady } = setup({ onStatus: (s) => statuses.push(s.state) });
    await service.start();
    await vi.waitFor(() => expect(updaters[0]?.checks).toBe(1));
    const u = updaters[0]!;
    u.emit('update-available', { version: '0.2.0' });
    u.emit('download-progress', { percent: 41.6 });
    expect(service.status()).toMatchObject({ state: 'downloading', version: '0.2.0', percent: 42 });
    u.emit('update-downloaded', { version: '0.2.0' });
    expect(service.status()).toMatchObject({ state: 'ready', version: '0.2.0' });
    expect(notifyReady).toHaveBeenCalledExactlyOnceWith('0.2.0');
    expect(statuses).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    // A ready update is not checked for again.
    await service.checkNow();
    expect(u.checks).toBe(1);
  });

  it('a failed check shows the error and the next check tries again', async () => {
    await writeFile(settingsPath, JSON.stringify({ url: 'https://updates.aktobe.kz/' }));
    const { service, updaters } = setup();
    await service.start();
    await vi.waitFor(() => expect(updaters[0]?.checks).toBe(1));
    updaters[0]!.failNext = new Error('net::ERR_NAME_NOT_RESOLVED');
    const result = await service.checkNow();
    expect(result).toMatchObject({ ok: true, status: { state: 'error', error: 'net::ERR_NAME_NOT_RESOLVED' } });
    await service.checkNow();
    expect(updaters[0]!.checks).toBe(3);
  });
});

describe('updates bridge contract', () => {
  const setUrl = updatesBridgeContract['updates:set-url'].request;
  it.each([
    ['https://updates.aktobe.kz/hattama', 'https://updates.aktobe.kz/hattama/'],
    ['  https://updates.aktobe.kz//  ', 'https://updates.aktobe.kz/'],
    ['', ''],
    ['   ', ''],
  ])('accepts %j as %j', (url, expected) => {
    expect(setUrl.parse({ url })).toEqual({ url: expected });
  });
  it.each([
    ['http://updates.aktobe.kz/', 'not_https'],
    ['file:///etc/hattama', 'not_https'],
    ['updates.aktobe.kz', 'invalid'],
    ['https://user:secret@updates.aktobe.kz/', 'credentials'],
    ['https://updates.aktobe.kz/?channel=beta', 'query'],
    ['https://' + 'a'.repeat(600) + '.kz/', 'invalid'],
  ])('refuses %j (%s)', (url, problem) => {
    const parsed = setUrl.safeParse({ url });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(problem);
  });
});
