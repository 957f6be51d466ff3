// Self-update of the desktop app from the organization's update server (electron-updater, generic
// provider), as plain logic over a narrow updater interface so it is tested in Node with fakes.
// Off by default: with no address the updater is never created, so nothing checks or downloads.
// The address in force: HATTAMA_UPDATE_URL (the organization's environment: managed, read-only in
// the app) over updates.json in the app's data folder (written by Settings → Updates, or placed
// there by the organization's deployment), over nothing.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import { updateUrlProblem, normaliseUpdateUrl, type UpdateResult, type UpdateStatus } from '../../shared/bridge/updates';

/** How often the app looks for an update while it runs (and once at start). */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** The environment variable an organization sets to turn updates on for every install. */
export const UPDATE_URL_ENV = 'HATTAMA_UPDATE_URL';

/** What this module uses of electron-updater's AppUpdater (its instances satisfy it). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateServiceDeps {
  /** Creates the updater (electron-updater's autoUpdater); called only once updates are on. */
  readonly createUpdater: () => UpdaterLike;
  /** Path of updates.json in the app's data folder. */
  readonly settingsPath: string;
  /** The process environment (HATTAMA_UPDATE_URL). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tells the clerk an update is ready (installed when the app quits). */
  readonly notifyReady: (version: string) => void;
  /** Called whenever the status changes (the renderer's Settings page listens). */
  readonly onStatus?: (status: UpdateStatus) => void;
  readonly now?: () => number;
  readonly setInterval?: (fn: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
  readonly warn: (message: string, detail?: unknown) => void;
}

export interface UpdateService {
  /** Reads the configuration and, when an address is set, checks now and every few hours. */
  start(): Promise<UpdateStatus>;
  status(): UpdateStatus;
  /** Sets the address of updates.json ('' turns updates off). Refused when the environment sets it. */
  setUrl(url: string): Promise<UpdateResult>;
  /** Checks now, when updates are on. */
  checkNow(): Promise<UpdateResult>;
  /** Stops the periodic checks. */
  stop(): void;
}

/**
 * Reads updates.json: `{ "url": "https://…/" }`. A missing file means off; a file that cannot be
 * read or holds a bad address is reported and means off (never a half-working updater).
 */
export async function readUpdateSettings(path: string, warn: (message: string, detail?: unknown) => void): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`Could not read ${path}; updates stay off`, error);
    return '';
  }
  try {
    const url: unknown = (JSON.parse(text) as { url?: unknown }).url;
    if (url === undefined || url === '') return '';
    if (typeof url !== 'string' || updateUrlProblem(url) !== null) {
      warn(`${path}: the update server address must be an https URL (${String(url)}); updates stay off`);
      return '';
    }
    return normaliseUpdateUrl(url);
  } catch (error) {
    warn(`${path} is not valid JSON; updates stay off`, error);
    return '';
  }
}

/** The address the environment sets, if a valid one; a bad one is reported and ignored. */
function envUrl(env: UpdateServiceDeps['env'], warn: UpdateServiceDeps['warn']): string {
  const raw = (env[UPDATE_URL_ENV] ?? '').trim();
  if (raw === '') return '';
  if (updateUrlProblem(raw) !== null) {
    warn(`${UPDATE_URL_ENV} must be an https URL (${raw}); ignored`);
    return '';
  }
  return normaliseUpdateUrl(raw);
}

/**
 * The OS notification when an update is ready, in the two languages of official documents (the
 * main process does not know the clerk's UI language; Settings → Updates says it in that language).
 */
export function updateReadyMessage(version: string): { title: string; body: string } {
  return {
    title: 'Hattama',
    body: `Обновление ${version} загружено и будет установлено при выходе из приложения.\nЖаңарту ${version} жүктелді, қолданбадан шыққанда орнатылады.`,
  };
}

/** Creates the update service; nothing happens until start(). */
export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  const now = deps.now ?? Date.now;
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms).unref());
  const cancel = deps.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  let status: UpdateStatus = { available: true, url: '', source: 'none', state: 'off', version: null, percent: null, error: null, checkedAt: null };
  let updater: UpdaterLike | null = null;
  let feedUrl = '';
  let timer: unknown = null;
  let checking: Promise<void> | null = null;

  const update = (patch: Partial<UpdateStatus>) => {
    status = { ...status, ...patch };
    deps.onStatus?.(status);
  };

  const getUpdater = (): UpdaterLike => {
    if (updater) return updater;
    const u = deps.createUpdater();
    u.autoDownload = true;
    u.autoInstallOnAppQuit = true;
    u.on('checking-for-update', () => update({ state: 'checking', error: null }));
    u.on('update-not-available', () => update({ state: 'idle', checkedAt: now() }));
    u.on('update-available', (info) => update({ state: 'downloading', version: info.version, percent: 0, checkedAt: now() }));
    u.on('download-progress', (p) => update({ percent: Math.max(0, Math.min(100, Math.round(p.percent))) }));
    u.on('update-downloaded', (info) => {
      update({ state: 'ready', version: info.version, percent: 100 });
      deps.notifyReady(info.version);
    });
    u.on('error', (error) => update({ state: status.state === 'ready' ? 'ready' : 'error', error: error.message.slice(0, 2000), checkedAt: now() }));
    updater = u;
    return u;
  };

  const check = (): Promise<void> => {
    if (status.url === '' || status.state === 'ready') return Promise.resolve();
    checking ??= (async () => {
      const u = getUpdater();
      if (feedUrl !== status.url) {
        u.setFeedURL({ provider: 'generic', url: status.url });
        feedUrl = status.url;
      }
      try {
        await u.checkForUpdates();
      } catch (error) {
        // The 'error' event has usually said it already; make sure the status says it.
        update({ state: 'error', error: (error as Error).message.slice(0, 2000), checkedAt: now() });
        deps.warn('Update check failed', error);
      }
    })().finally(() => {
      checking = null;
    });
    return checking;
  };

  const schedule = () => {
    if (timer !== null) cancel(timer);
    timer = null;
    if (status.url === '') return;
    timer = every(() => void check(), UPDATE_CHECK_INTERVAL_MS);
  };

  const apply = (url: string, source: UpdateStatus['source']) => {
    if (url === '') update({ url: '', source: 'none', state: status.state === 'ready' ? 'ready' : 'off', error: null, percent: null });
    else update({ url, source, state: status.state === 'ready' ? 'ready' : status.url === url ? status.state : 'idle', error: status.url === url ? status.error : null });
    schedule();
  };

  return {
    async start() {
      const fromEnv = envUrl(deps.env, deps.warn);
      const url = fromEnv !== '' ? fromEnv : await readUpdateSettings(deps.settingsPath, deps.warn);
      apply(url, fromEnv !== '' ? 'env' : url !== '' ? 'settings' : 'none');
      void check();
      return status;
    },
    status: () => status,
    async setUrl(url) {
      if (status.source === 'env') return { ok: false, error: 'managed', status };
      const trimmed = url.trim();
      if (trimmed !== '' && updateUrlProblem(trimmed) !== null) throw new Error(`Invalid update server address: ${updateUrlProblem(trimmed)}`);
      const normalised = trimmed === '' ? '' : normaliseUpdateUrl(trimmed);
      await writeFileAtomic(deps.settingsPath, `${JSON.stringify({ url: normalised }, null, 2)}\n`);
      const changed = normalised !== status.url;
      apply(normalised, normalised === '' ? 'none' : 'settings');
      if (changed) void check();
      return { ok: true, status };
    },
    async checkNow() {
      if (status.url === '') return { ok: false, error: 'unavailable', status };
      await check();
      return { ok: true, status };
    },
    stop() {
      if (timer !== null) cancel(timer);
      timer = null;
    },
  };
}
