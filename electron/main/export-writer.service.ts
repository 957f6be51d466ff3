// Export files (документы для выгрузки): the user's chosen copy plus a dated copy in the export archive.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { KZ_OFFSET_MINUTES } from '../../shared/locale/dates';
import { writeFileAtomic, writeFileAtomicUnique, type AtomicWriteFs } from './atomic-write';

/** A save-dialog file filter, as Electron's dialog expects it. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}

const KNOWN_TYPES: ReadonlyArray<{ mime: string; extension: string; name: string }> = [
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', name: 'Документ Word' },
  { mime: 'application/pdf', extension: 'pdf', name: 'Документ PDF' },
  { mime: 'text/html', extension: 'html', name: 'Веб-страница' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', name: 'Таблица Excel' },
  { mime: 'text/csv', extension: 'csv', name: 'Таблица CSV' },
  { mime: 'application/json', extension: 'json', name: 'Данные JSON' },
  { mime: 'application/zip', extension: 'zip', name: 'Архив ZIP' },
  { mime: 'text/plain', extension: 'txt', name: 'Текст' },
];

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME_LENGTH = 150;

/**
 * Filters for the save dialog: the type matching the MIME type (or the name's extension) first,
 * then "all files".
 * @param mimeType MIME type of the export
 * @param suggestedName the file name the renderer proposed
 */
export function dialogFiltersFor(mimeType: string, suggestedName: string): FileFilter[] {
  const mime = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = path.extname(suggestedName).slice(1).toLowerCase();
  const known = KNOWN_TYPES.find((t) => t.mime === mime) ?? KNOWN_TYPES.find((t) => t.extension === extension);
  const all: FileFilter = { name: 'Все файлы', extensions: ['*'] };
  if (known) return [{ name: known.name, extensions: [known.extension] }, all];
  if (/^[a-z0-9]{1,10}$/.test(extension)) return [{ name: extension.toUpperCase(), extensions: [extension] }, all];
  return [all];
}

/**
 * Makes a name safe as a single file name on Windows, macOS and Linux: no separators, reserved
 * or control characters, no trailing dots/spaces, no device names, at most 150 characters.
 * @param name a user- or renderer-supplied file name
 */
export function sanitizeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim();
  safe = safe.replace(/[. ]+$/, '');
  if (safe.length > MAX_NAME_LENGTH) {
    const ext = path.extname(safe).slice(0, 16);
    safe = safe.slice(0, MAX_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  if (safe === '' || /^\.+$/.test(safe)) safe = 'export';
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  return safe;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Where an export made at `date` is archived, relative to the archive root:
 * `YYYY/MM/YYYY-MM-DD_HHmmss_<name>` in Kazakhstan time (UTC+5, like the rest of the app, whatever
 * the machine's zone); `attempt > 0` adds " (n+1)".
 * @param date when the export was made
 * @param suggestedName the export's file name
 * @param attempt 0 for the plain name, n for the (n+1)-th alternative when the name is taken
 */
export function archiveRelativePath(date: Date, suggestedName: string, attempt = 0): string {
  const kz = new Date(date.getTime() + KZ_OFFSET_MINUTES * 60_000);
  const year = String(kz.getUTCFullYear());
  const month = pad(kz.getUTCMonth() + 1);
  const stamp = `${year}-${month}-${pad(kz.getUTCDate())}_${pad(kz.getUTCHours())}${pad(kz.getUTCMinutes())}${pad(kz.getUTCSeconds())}`;
  const safe = sanitizeFileName(suggestedName);
  const ext = path.extname(safe);
  const stem = ext.length > 0 ? safe.slice(0, -ext.length) : safe;
  const name = attempt === 0 ? `${stamp}_${stem}${ext}` : `${stamp}_${stem} (${attempt + 1})${ext}`;
  return path.join(year, month, name);
}

export interface ExportWriterOptions {
  /** Root of the export archive, e.g. `<userData>/exports`. */
  readonly archiveRoot: string;
  /** Clock (injected for tests). */
  readonly now?: () => Date;
  /** Injected file system for the atomic writes. */
  readonly fs?: AtomicWriteFs;
  /** Most bytes the archive keeps; the oldest copies beyond it are removed (default 2 GiB). */
  readonly maxArchiveBytes?: number;
}

/** What the archive records of an export (one JSON line each in `index.jsonl`). */
export interface ArchiveEntry {
  readonly document: string;
  readonly kind: string;
  readonly sourceId: string;
  readonly revision: number;
  readonly lang: string;
  readonly format: string;
  /** When, as an ISO instant. */
  readonly at: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The user's copy. */
  readonly path: string;
  /** The archive's copy (absent when it failed). */
  readonly archivedPath?: string;
}

export const ARCHIVE_INDEX = 'index.jsonl';

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every archived copy under `root` (the index aside) with its size, oldest first (names begin with the time). */
async function archivedFiles(root: string): Promise<{ file: string; size: number }[]> {
  const out: { file: string; size: number }[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || e.name === ARCHIVE_INDEX || e.name.startsWith('.')) continue;
    const file = path.join(e.parentPath, e.name);
    const info = await stat(file).catch(() => null);
    if (info) out.push({ file, size: info.size });
  }
  return out.sort((a, b) => (path.relative(root, a.file) < path.relative(root, b.file) ? -1 : 1));
}

/**
 * Removes the oldest archived copies until the archive holds at most `maxBytes` (never `keep`).
 * @returns the files removed
 */
export async function pruneArchive(root: string, maxBytes: number, keep?: string): Promise<string[]> {
  const files = await archivedFiles(root);
  let total = files.reduce((sum, f) => sum + f.size, 0);
  const removed: string[] = [];
  for (const f of files) {
    if (total <= maxBytes) break;
    if (f.file === keep) continue;
    await unlink(f.file).catch(() => undefined);
    total -= f.size;
    removed.push(f.file);
  }
  return removed;
}

export interface SaveExportResult {
  /** Where the user's copy was written. */
  readonly path: string;
  /** Where the archive copy was written, if that succeeded. */
  readonly archivedPath?: string;
  /** Why the archive copy failed, if it did (the user's copy is still saved). */
  readonly archiveError?: unknown;
}

/** Writes exports: atomically to the user's chosen path and, as a record, into the dated archive. */
export interface ExportWriter {
  /** Stores a copy in the archive under a unique name; returns its absolute path. */
  archive(suggestedName: string, bytes: Uint8Array): Promise<string>;
  /** Writes the user's file (replacing it atomically), then archives a copy; an archive failure does not fail the save. */
  save(targetPath: string, suggestedName: string, bytes: Uint8Array): Promise<SaveExportResult>;
  /** Writes a new file `name` in `folder` («name (2).ext» when taken: a batch never replaces a file), then archives a copy. */
  saveNew(folder: string, name: string, bytes: Uint8Array): Promise<SaveExportResult>;
  /** Appends an export's record to the archive's index. */
  record(entry: ArchiveEntry): Promise<void>;
}

/**
 * Creates the export writer for one archive root.
 * @param options archive root, clock and file system
 */
export function createExportWriter(options: ExportWriterOptions): ExportWriter {
  const now = options.now ?? (() => new Date());
  const fsOption = options.fs ? { fs: options.fs } : {};

  async function archive(suggestedName: string, bytes: Uint8Array): Promise<string> {
    const date = now();
    const dir = path.join(options.archiveRoot, path.dirname(archiveRelativePath(date, suggestedName)));
    await mkdir(dir, { recursive: true });
    const written = await writeFileAtomicUnique((attempt) => path.join(options.archiveRoot, archiveRelativePath(date, suggestedName, attempt)), bytes, fsOption);
    await pruneArchive(options.archiveRoot, options.maxArchiveBytes ?? 2 * 1024 ** 3, written);
    return written;
  }

  async function record(entry: ArchiveEntry): Promise<void> {
    await mkdir(options.archiveRoot, { recursive: true });
    await appendFile(path.join(options.archiveRoot, ARCHIVE_INDEX), `${JSON.stringify(entry)}\n`, 'utf8');
  }

  async function save(targetPath: string, suggestedName: string, bytes: Uint8Array): Promise<SaveExportResult> {
    await writeFileAtomic(targetPath, bytes, fsOption);
    try {
      return { path: targetPath, archivedPath: await archive(suggestedName, bytes) };
    } catch (archiveError) {
      return { path: targetPath, archiveError };
    }
  }

  async function saveNew(folder: string, name: string, bytes: Uint8Array): Promise<SaveExportResult> {
    const safe = sanitizeFileName(name);
    const ext = path.extname(safe);
    const stem = ext ? safe.slice(0, -ext.length) : safe;
    const written = await writeFileAtomicUnique((attempt) => path.join(folder, attempt === 0 ? safe : `${stem} (${attempt + 1})${ext}`), bytes, fsOption);
    try {
      return { path: written, archivedPath: await archive(safe, bytes) };
    } catch (archiveError) {
      return { path: written, archiveError };
    }
  }

  return { archive, save, saveNew, record };
}
