// When automatic snapshots are taken and which stored ones are kept: pure rules, clock and state
// passed in, so the renderer's timer, the main process's store and the tests share them.
import { z } from 'zod';
import { BACKUP_EXTENSION, type BackupReason } from './snapshot-format';

/** How many snapshots are kept and how often one is taken while the data changes. */
export const backupSettingsSchema = z
  .object({
    keep: z.number().int().min(1).max(365),
    intervalMinutes: z.number().int().min(1).max(24 * 60),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 30, intervalMinutes: 10 };

/** Settings as stored (anything): what is valid is kept, the rest falls back to the defaults. */
export function parseBackupSettings(raw: unknown): BackupSettings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const keep = backupSettingsSchema.shape.keep.safeParse(obj.keep);
  const interval = backupSettingsSchema.shape.intervalMinutes.safeParse(obj.intervalMinutes);
  return { keep: keep.success ? keep.data : DEFAULT_BACKUP_SETTINGS.keep, intervalMinutes: interval.success ? interval.data : DEFAULT_BACKUP_SETTINGS.intervalMinutes };
}

export type SnapshotDecision = {
  reason: BackupReason;
  /** Now (ms). */
  now: number;
  /** When the last snapshot was taken (ms), or null when there is none. */
  lastAt: number | null;
  /** The state marker of the last snapshot, or null. */
  lastMarker: string | null;
  /** The database's state marker now. */
  marker: string;
  intervalMinutes: number;
};

/**
 * Whether to take a snapshot now. Nothing changed since the last one: none (automatic or on quit).
 * Automatic ones come at most every `intervalMinutes`; on quit one is taken whenever something
 * changed; one the clerk asks for (or the one before a restore) is always taken.
 */
export function shouldSnapshot(d: SnapshotDecision): boolean {
  if (d.reason === 'manual' || d.reason === 'before-restore') return true;
  if (d.lastMarker !== null && d.marker === d.lastMarker) return false;
  if (d.reason === 'quit') return true;
  return d.lastAt === null || d.now - d.lastAt >= d.intervalMinutes * 60_000;
}

/**
 * Which stored snapshots go so that the newest `keep` stay. Names sort by time (backupFileName);
 * files that are not snapshots are never touched.
 */
export function snapshotsToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => n.startsWith('hattama-') && n.endsWith(BACKUP_EXTENSION)).sort().reverse();
  return ours.slice(Math.max(1, keep));
}
