// Atomic file writes: temp file beside the target, fsync, then rename (or link) — readers never see a half-written file.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls atomic writes use; tests may pass a fake to simulate failures. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  link: typeof fsp.link;
  lstat: typeof fsp.lstat;
  unlink: typeof fsp.unlink;
}

export interface AtomicWriteOptions {
  /** Permission bits of a newly created file (default 0o644; ignored on Windows). */
  readonly mode?: number;
  /** Injected file system (defaults to node:fs/promises). */
  readonly fs?: AtomicWriteFs;
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const MAX_UNIQUE_ATTEMPTS = 1000;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Name of the temp file for `targetPath`: hidden, in the same directory (so rename stays on one volume), unique. */
export function tempPathFor(targetPath: string): string {
  const base = path.basename(targetPath).slice(0, 100);
  return path.join(path.dirname(targetPath), `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes and flushes a fresh temp file; removes it again if anything fails. */
async function writeTemp(fs: AtomicWriteFs, tempPath: string, data: Uint8Array | string, mode: number): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(tempPath, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes `data` to `targetPath` atomically: the bytes go to a temp file in the same directory,
 * are flushed to disk, and the temp file is renamed over the target. On any failure the temp
 * file is removed and the previous content of the target (if any) is left untouched.
 * The target's directory must exist.
 * @param targetPath absolute path of the file to create or replace
 * @param data the complete new content
 */
export async function writeFileAtomic(targetPath: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? fsp;
  const tempPath = tempPathFor(targetPath);
  await writeTemp(fs, tempPath, data, options.mode ?? 0o644);
  try {
    await renameWithRetry(fs, tempPath, targetPath);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(targetPath));
}

/**
 * Writes `data` atomically under the first name that does not exist yet, never replacing a file:
 * tries `candidate(0)`, `candidate(1)`, … (all in the same directory). Uses a hard link, which
 * fails atomically when the name is taken; on file systems without hard links it checks, then renames.
 * @param candidate maps an attempt number to an absolute path
 * @returns the path that was written
 */
export async function writeFileAtomicUnique(
  candidate: (attempt: number) => string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const fs = options.fs ?? fsp;
  const first = candidate(0);
  const tempPath = tempPathFor(first);
  await writeTemp(fs, tempPath, data, options.mode ?? 0o644);
  try {
    for (let attempt = 0; attempt < MAX_UNIQUE_ATTEMPTS; attempt += 1) {
      const target = attempt === 0 ? first : candidate(attempt);
      if (path.dirname(target) !== path.dirname(first)) throw new Error(`Unique-name candidates must share one directory: ${target}`);
      if (await placeWithoutReplacing(fs, tempPath, target)) {
        await syncDirectory(path.dirname(target));
        return target;
      }
    }
    throw new Error(`No free file name after ${MAX_UNIQUE_ATTEMPTS} attempts near ${first}`);
  } finally {
    // After a successful link the temp name is a second link to the same file; after a rename it is already gone.
    await fs.unlink(tempPath).catch(() => undefined);
  }
}

/** Puts the temp file at `target` unless that name exists; false when it does. */
async function placeWithoutReplacing(fs: AtomicWriteFs, tempPath: string, target: string): Promise<boolean> {
  try {
    await fs.link(tempPath, target);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    // FAT/exFAT and some network shares have no hard links: fall back to check-then-rename.
    if (await exists(fs, target)) return false;
    await renameWithRetry(fs, tempPath, target);
    return true;
  }
}

async function exists(fs: AtomicWriteFs, target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Windows may briefly lock a file that was just written (indexer, antivirus): retry the rename a few times. */
async function renameWithRetry(fs: AtomicWriteFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= 5 || !RENAME_RETRY_CODES.has(errorCode(error) ?? '')) throw error;
      await sleep(20 * 2 ** attempt);
    }
  }
}

/** Makes the rename itself durable on POSIX; best effort (directories cannot be fsynced on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the data itself is already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
