// Export files (документы для выгрузки): the user's chosen copy plus a dated copy in the export archive.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
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
 * `YYYY/MM/YYYY-MM-DD_HHmmss_<name>` in the machine's local time; `attempt > 0` adds " (n+1)".
 * @param date when the export was made
 * @param suggestedName the export's file name
 * @param attempt 0 for the plain name, n for the (n+1)-th alternative when the name is taken
 */
export function archiveRelativePath(date: Date, suggestedName: string, attempt = 0): string {
  const year = String(date.getFullYear());
  const month = pad(date.getMonth() + 1);
  const stamp = `${year}-${month}-${pad(date.getDate())}_${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
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
    return writeFileAtomicUnique((attempt) => path.join(options.archiveRoot, archiveRelativePath(date, suggestedName, attempt)), bytes, fsOption);
  }

  async function save(targetPath: string, suggestedName: string, bytes: Uint8Array): Promise<SaveExportResult> {
    await writeFileAtomic(targetPath, bytes, fsOption);
    try {
      return { path: targetPath, archivedPath: await archive(suggestedName, bytes) };
    } catch (archiveError) {
      return { path: targetPath, archiveError };
    }
  }

  return { archive, save };
}
