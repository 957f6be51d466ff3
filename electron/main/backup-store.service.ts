// The backup store (DESIGN §2): snapshots of the renderer's database in `<userData>/backups/`. A
// snapshot is checked (manifest, completeness, checksum) before it is written, written atomically
// under a new name (never over another), and the oldest beyond the kept number are removed. Plain
// Node: tested on a temp folder.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_EXTENSION, MAX_MANIFEST_BYTES, backupFileName, backupNameSchema, readBackupHeader, verifyBackupFile, type BackupReason } from '../../shared/backup/snapshot-format';
import { snapshotsToPrune } from '../../shared/backup/schedule';
import type { BackupEntry } from '../../shared/bridge/backup';
import { writeFileAtomicUnique } from './atomic-write';
import { isInside } from './export-archive.service';

export interface BackupStore {
  /** The folder the snapshots live in. */
  readonly folder: string;
  /** Checks and stores a snapshot file, then keeps the newest `keep`; returns its name and how many old ones went. */
  save(bytes: Uint8Array, options: { reason: BackupReason; keep: number }): Promise<{ name: string; pruned: number }>;
  /** The stored snapshots, newest first. */
  list(): Promise<BackupEntry[]>;
  /** One stored snapshot's bytes. */
  read(name: string): Promise<Uint8Array<ArrayBuffer>>;
}

export function sha256Node(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads the first bytes of a file (enough for the manifest). */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = new Uint8Array(MAX_MANIFEST_BYTES + 64);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The store of snapshots in `folder` (created on first save).
 * @param warn receives files that could not be removed
 */
export function createBackupStore(folder: string, warn?: (message: string, detail?: unknown) => void): BackupStore {
  const names = async () => (await readdir(folder).catch(() => [] as string[])).filter((n) => backupNameSchema.safeParse(n).success);
  return {
    folder,

    async save(bytes, { reason, keep }) {
      const { manifest } = await verifyBackupFile(bytes, sha256Node);
      if (manifest.reason !== reason) throw new Error(`The snapshot says it was taken for «${manifest.reason}», not «${reason}»`);
      await mkdir(folder, { recursive: true });
      const base = backupFileName(manifest);
      const written = await writeFileAtomicUnique(
        (n) => path.join(folder, n === 0 ? base : base.replace(BACKUP_EXTENSION, `-${n}${BACKUP_EXTENSION}`)),
        bytes,
      );
      const name = path.basename(written);
      let pruned = 0;
      for (const old of snapshotsToPrune(await names(), keep)) {
        if (old === name) continue;
        try {
          await unlink(path.join(folder, old));
          pruned++;
        } catch (e) {
          warn?.(`Could not remove the old snapshot ${old}`, e);
        }
      }
      return { name, pruned };
    },

    async list() {
      const out: BackupEntry[] = [];
      for (const name of await names()) {
        const file = path.join(folder, name);
        try {
          const info = await stat(file);
          if (!info.isFile()) continue;
          try {
            const { manifest } = readBackupHeader(await readHead(file));
            out.push({ name, size: info.size, manifest, damaged: false });
          } catch {
            out.push({ name, size: info.size, damaged: true });
          }
        } catch {
          // Removed meanwhile.
        }
      }
      const key = (e: BackupEntry) => e.manifest?.createdAt ?? '';
      return out.sort((a, b) => (key(a) === key(b) ? b.name.localeCompare(a.name) : key(b).localeCompare(key(a))));
    },

    async read(name) {
      const valid = backupNameSchema.parse(name);
      const file = path.join(folder, valid);
      if (!isInside(folder, file)) throw new Error('Not a snapshot of this app');
      const data = await readFile(file);
      const out = new Uint8Array(data.byteLength);
      out.set(data);
      return out;
    },
  };
}

/** The main process's request for a snapshot at quit, answered by `backup:save` or `backup:skip`. */
export interface QuitBackup {
  /**
   * Asks the renderer for a snapshot and waits for its answer, at most `timeoutMs`.
   * @param send delivers the request id to the renderer; false when there is no window to ask
   */
  request(send: (requestId: string) => boolean): Promise<'saved' | 'skipped' | 'timeout' | 'no-window'>;
  /** The renderer answered request `requestId`. */
  settle(requestId: string, outcome: 'saved' | 'skipped'): void;
}

export function createQuitBackup(options: { timeoutMs: number; newId: () => string }): QuitBackup {
  const waiting = new Map<string, (outcome: 'saved' | 'skipped') => void>();
  return {
    request(send) {
      const id = options.newId();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve('timeout');
        }, options.timeoutMs);
        waiting.set(id, (outcome) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(outcome);
        });
        if (!send(id)) {
          clearTimeout(timer);
          waiting.delete(id);
          resolve('no-window');
        }
      });
    },
    settle(requestId, outcome) {
      waiting.get(requestId)?.(outcome);
    },
  };
}
