// Automatic snapshots on the desktop: every minute the database's state marker is compared with the
// last snapshot's; when it changed and the interval (Settings) has passed, a snapshot is taken and
// handed to the main process, which keeps the newest N. When the app quits the main process asks
// for one (`backup:request`): taken if anything changed, else declined at once. The browser host
// stores no snapshots (`backup:list` is unavailable): nothing runs there.
import type { Dexie } from 'dexie';
import type { HostBridge } from '@shared/bridge/contract';
import { DEFAULT_BACKUP_SETTINGS, parseBackupSettings, shouldSnapshot, type BackupSettings } from '@shared/backup/schedule';
import type { BackupReason } from '@shared/backup/snapshot-format';
import { stateMarker } from './snapshot';
import { takeSnapshotOffPage } from './snapshot-thread';

const SETTINGS_KEY = 'hattama.backup';
/** How often the marker is compared (ms). */
export const CHECK_EVERY_MS = 60_000;

/** The backup settings of this computer (kept in localStorage: they belong to the device, not to the data a restore replaces). */
export function loadBackupSettings(): BackupSettings {
  try {
    const raw = globalThis.localStorage?.getItem(SETTINGS_KEY);
    return raw ? parseBackupSettings(JSON.parse(raw)) : DEFAULT_BACKUP_SETTINGS;
  } catch {
    return DEFAULT_BACKUP_SETTINGS;
  }
}

export function saveBackupSettings(settings: BackupSettings): void {
  globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(parseBackupSettings(settings)));
}

export type AutoBackupDeps = {
  db: Dexie;
  host: Pick<HostBridge, 'backupSave' | 'backupList' | 'backupSkip' | 'onBackupRequest' | 'appInfo'>;
  now: () => Date;
  settings: () => BackupSettings;
  /** Receives failures (the app logs them; a failed snapshot is tried again at the next check). */
  warn?: (message: string, error: unknown) => void;
};

export type AutoBackup = {
  /** Takes a snapshot now if the rules say so (`reason`), stores it; returns the stored name or null. */
  run(reason: BackupReason, requestId?: string): Promise<string | null>;
  /** Stops the timer and the quit listener. */
  stop(): void;
};

/** Starts the automatic snapshots; resolves to null where the host keeps none (the browser). */
export async function startAutoBackup(deps: AutoBackupDeps, checkEveryMs = CHECK_EVERY_MS): Promise<AutoBackup | null> {
  const list = await deps.host.backupList({});
  if (!list.available) return null;
  const newest = list.entries.find((e) => e.manifest !== undefined)?.manifest;
  let lastAt: number | null = newest ? Date.parse(newest.createdAt) : null;
  let lastMarker: string | null = newest?.marker ?? null;
  let version: string | null = null;
  let chain: Promise<unknown> = Promise.resolve();

  const runOnce = async (reason: BackupReason, requestId?: string): Promise<string | null> => {
    const marker = await stateMarker(deps.db);
    const settings = deps.settings();
    const now = deps.now();
    if (!shouldSnapshot({ reason, now: now.getTime(), lastAt, lastMarker, marker, intervalMinutes: settings.intervalMinutes })) {
      if (requestId !== undefined) await deps.host.backupSkip({ requestId });
      return null;
    }
    version ??= (await deps.host.appInfo({})).version;
    const snap = await takeSnapshotOffPage(deps.db, { appVersion: version, reason, now });
    const res = await deps.host.backupSave({ bytes: snap.bytes, reason, keep: settings.keep, ...(requestId !== undefined ? { requestId } : {}) });
    if (res.saved) {
      lastAt = now.getTime();
      lastMarker = snap.manifest.marker;
    }
    return res.name ?? null;
  };

  /** One run at a time, in order. */
  const run = (reason: BackupReason, requestId?: string): Promise<string | null> => {
    const next = chain.then(() => runOnce(reason, requestId));
    chain = next.catch((e: unknown) => {
      deps.warn?.(`Snapshot (${reason}) failed`, e);
      if (requestId !== undefined) void deps.host.backupSkip({ requestId }).catch(() => undefined);
    });
    return next;
  };

  const timer = setInterval(() => void run('auto').catch(() => undefined), checkEveryMs);
  const unsubscribe = deps.host.onBackupRequest((requestId) => void run('quit', requestId).catch(() => undefined));
  return {
    run,
    stop() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
