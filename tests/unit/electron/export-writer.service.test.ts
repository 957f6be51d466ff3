// Tests the export writer: user copy, dated archive copy with unique names, safe names and dialog filters.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveRelativePath, createExportWriter, dialogFiltersFor, sanitizeFileName } from '../../../electron/main/export-writer.service';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-export-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

// Local-time constructor, so the expected folder does not depend on the machine's time zone.
// 09:05:07 in Kazakhstan (UTC+5), whatever the machine's zone.
const march14 = () => new Date(Date.UTC(2025, 2, 14, 4, 5, 7));

describe('createExportWriter', () => {
  it('saves the user copy and files an archive copy under exports/YYYY/MM', async () => {
    const archiveRoot = path.join(dir, 'userData', 'exports');
    const writer = createExportWriter({ archiveRoot, now: march14 });
    const target = path.join(dir, 'Протокол №3.docx');
    const bytes = new TextEncoder().encode('DOCX bytes');

    const result = await writer.save(target, 'Протокол №3.docx', bytes);

    expect(result.path).toBe(target);
    expect(result.archivedPath).toBe(path.join(archiveRoot, '2025', '03', '2025-03-14_090507_Протокол №3.docx'));
    expect(await fsp.readFile(target, 'utf8')).toBe('DOCX bytes');
    expect(await fsp.readFile(result.archivedPath ?? '', 'utf8')).toBe('DOCX bytes');
  });

  it('keeps every archived export: same name and second get numbered copies', async () => {
    const writer = createExportWriter({ archiveRoot: dir, now: march14 });
    const paths = [await writer.archive('a.pdf', new Uint8Array([1])), await writer.archive('a.pdf', new Uint8Array([2])), await writer.archive('a.pdf', new Uint8Array([3]))];
    expect(paths.map((p) => path.basename(p))).toEqual(['2025-03-14_090507_a.pdf', '2025-03-14_090507_a (2).pdf', '2025-03-14_090507_a (3).pdf']);
    expect(await Promise.all(paths.map(async (p) => [...(await fsp.readFile(p))]))).toEqual([[1], [2], [3]]);
  });

  it('still reports the save when only the archive copy fails', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await fsp.writeFile(blocker, '');
    const writer = createExportWriter({ archiveRoot: blocker, now: march14 });
    const result = await writer.save(path.join(dir, 'out.csv'), 'out.csv', new Uint8Array([65]));
    expect(result.archivedPath).toBeUndefined();
    expect(result.archiveError).toBeInstanceOf(Error);
    expect(await fsp.readFile(path.join(dir, 'out.csv'), 'utf8')).toBe('A');
  });

  it('does not touch the archive when the user copy cannot be written', async () => {
    const writer = createExportWriter({ archiveRoot: path.join(dir, 'exports'), now: march14 });
    await expect(writer.save(path.join(dir, 'missing', 'x.pdf'), 'x.pdf', new Uint8Array(1))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fsp.access(path.join(dir, 'exports'))).rejects.toThrow();
  });
});

describe('archiveRelativePath', () => {
  it('dates the name and numbers alternatives before the extension', () => {
    expect(archiveRelativePath(march14(), 'report.final.pdf')).toBe(path.join('2025', '03', '2025-03-14_090507_report.final.pdf'));
    expect(archiveRelativePath(march14(), 'report.final.pdf', 1)).toBe(path.join('2025', '03', '2025-03-14_090507_report.final (2).pdf'));
    expect(archiveRelativePath(march14(), 'README', 2)).toBe(path.join('2025', '03', '2025-03-14_090507_README (3)'));
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['Протокол заседания.docx', 'Протокол заседания.docx'],
    ['a/b\\c:d*e?f"g<h>i|j.txt', 'a_b_c_d_e_f_g_h_i_j.txt'],
    ['tab\there.txt', 'tab_here.txt'],
    ['trailing dots...', 'trailing dots'],
    ['  spaced  ', 'spaced'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['..', 'export'],
    ['', 'export'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('shortens long names but keeps the extension', () => {
    const safe = sanitizeFileName(`${'я'.repeat(300)}.docx`);
    expect(safe.length).toBeLessThanOrEqual(150);
    expect(safe.endsWith('.docx')).toBe(true);
  });
});

describe('dialogFiltersFor', () => {
  it.each([
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'p.docx', 'docx'],
    ['application/pdf', 'p.pdf', 'pdf'],
    ['text/html; charset=utf-8', 'p.html', 'html'],
    ['application/octet-stream', 'backup.json', 'json'],
    ['application/x-custom', 'data.hat', 'hat'],
  ])('%s / %s → %s first, then all files', (mime, name, extension) => {
    const filters = dialogFiltersFor(mime, name);
    expect(filters[0]?.extensions).toEqual([extension]);
    expect(filters.at(-1)).toEqual({ name: 'Все файлы', extensions: ['*'] });
  });

  it('offers only "all files" when nothing is known', () => {
    expect(dialogFiltersFor('application/octet-stream', 'noext')).toEqual([{ name: 'Все файлы', extensions: ['*'] }]);
  });
});
