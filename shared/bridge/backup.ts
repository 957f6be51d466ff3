// The bridge channels of the local database's snapshots (backups): the renderer makes a snapshot and
// hands it over; the desktop stores it in its data folder (keeping the newest N), lists the stored
// ones and gives one back for a restore. The main process also asks for a snapshot when the app quits.
import { z } from 'zod';
import { BACKUP_REASONS, MAX_BACKUP_BYTES, backupManifestSchema, backupNameSchema } from '../backup/snapshot-format';
import { backupSettingsSchema } from '../backup/schedule';

const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BACKUP_BYTES, { message: 'Snapshot is too large' });

/** One stored snapshot as the list shows it (a file whose manifest cannot be read is listed as damaged). */
export const backupEntrySchema = z.object({
  name: z.string(),
  size: z.number().int().min(0),
  manifest: backupManifestSchema.optional(),
  damaged: z.boolean(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupBridgeContract = {
  /**
   * Stores a snapshot (the whole file as the renderer made it). The desktop checks its manifest and
   * checksum, writes it atomically into `<userData>/backups/` and keeps the newest `keep`; the
   * browser downloads it. `requestId` answers a `backup:request` of the main process.
   */
  'backup:save': {
    method: 'backupSave',
    request: z
      .object({
        bytes,
        reason: z.enum(BACKUP_REASONS),
        keep: backupSettingsSchema.shape.keep,
        requestId: z.string().max(64).optional(),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), name: z.string().optional(), pruned: z.number().int().min(0).optional() }),
  },
  /** The stored snapshots, newest first (the browser stores none: `available: false`). */
  'backup:list': {
    method: 'backupList',
    request: z.object({}).strict(),
    response: z.object({ available: z.boolean(), folder: z.string().optional(), entries: z.array(backupEntrySchema) }),
  },
  /** One stored snapshot's bytes, by name (only a file of the backups folder). */
  'backup:read': {
    method: 'backupRead',
    request: z.object({ name: backupNameSchema }).strict(),
    response: z.object({ bytes }),
  },
  /**
   * Tells the main process that nothing is to be saved for its `backup:request` (nothing changed
   * since the last snapshot, or it failed), so the app may quit without waiting.
   */
  'backup:skip': {
    method: 'backupSkip',
    request: z.object({ requestId: z.string().max(64) }).strict(),
    response: z.object({ ok: z.boolean() }),
  },
} as const;

/** Host → renderer: the main process asks for a snapshot (the app is quitting); the payload is the request id. */
export const backupRequestPayloadSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
