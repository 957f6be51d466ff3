// The export archive as the clerk browses it: the records of `index.jsonl` (newest first; a line
// that does not parse is skipped, never fatal), and which paths the app may open or show in their
// folder — only a file inside the archive or one this app just wrote, so the renderer cannot make
// the desktop open an arbitrary path.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_INDEX, type ArchiveEntry } from './export-writer.service';

const STRINGS = ['document', 'kind', 'sourceId', 'lang', 'format', 'at', 'sha256', 'path'] as const;

function isEntry(v: unknown): v is ArchiveEntry {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return STRINGS.every((k) => typeof r[k] === 'string') && typeof r.revision === 'number' && typeof r.bytes === 'number'
    && (r.archivedPath === undefined || typeof r.archivedPath === 'string');
}

/** The archive's records, newest first, at most `limit`. */
export async function readArchiveIndex(root: string, limit = 500): Promise<ArchiveEntry[]> {
  const text = await readFile(path.join(root, ARCHIVE_INDEX), 'utf8').catch(() => '');
  const out: ArchiveEntry[] = [];
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
    const line = lines[i]?.trim();
    if (!line) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isEntry(v)) out.push(v);
    } catch {
      // A torn last line (the app stopped while appending) or a hand edit: skipped.
    }
  }
  return out;
}

/** Whether `target` lies inside `root` (after resolving `..`). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(target));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Whether the desktop may open `target` or show it in its folder: an existing file inside the
 * archive, or one of the files this app wrote in this session.
 */
export async function mayReveal(target: string, archiveRoot: string, written: ReadonlySet<string>): Promise<boolean> {
  if (!path.isAbsolute(target)) return false;
  const resolved = path.resolve(target);
  if (!written.has(resolved) && !isInside(archiveRoot, resolved)) return false;
  const info = await stat(resolved).catch(() => null);
  return info?.isFile() ?? false;
}
