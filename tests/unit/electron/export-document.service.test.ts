// export:document on the desktop: the main process renders the checked model, asks where to save in
// the UI language with a sensible name, writes atomically, archives a copy and records it (SHA-256);
// the archive keeps to its size limit by dropping the oldest copies.
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedOutSyncDeps } from './signed-out-deps';
import { createBridgeHandlers } from '../../../electron/main/bridge-handlers.service';
import { ARCHIVE_INDEX, createExportWriter, pruneArchive } from '../../../electron/main/export-writer.service';
import { renderExport } from '../../../electron/main/export/render-node.service';
import { buildExtractDocuments } from '../../../shared/export/extract-document';
import { buildBilingualMinutesDocument } from '../../../shared/export/minutes-document';
import { fixtureExportInput, fixtureMinutes } from '../../integration/export/fixture';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-export-doc-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function handlers(choose: (name: string) => string | null, folder: string | null = null) {
  const chooseSavePath = vi.fn(async (name: string) => choose(name));
  const chooseFolder = vi.fn(async () => folder);
  const openPath = vi.fn(async () => '');
  const showItemInFolder = vi.fn();
  const h = createBridgeHandlers({
    appVersion: '1', platform: 'linux', chooseSavePath, chooseFolder, archiveRoot: path.join(dir, 'exports'), openPath, showItemInFolder,
    exportWriter: createExportWriter({ archiveRoot: path.join(dir, 'exports'), now: () => new Date(Date.UTC(2026, 1, 12, 20, 30, 0)) }),
    renderExport, now: () => new Date(Date.UTC(2026, 1, 12, 20, 30, 0)),
    openExternal: vi.fn(), setMenu: vi.fn(), showNotification: vi.fn(() => false),
    ...signedOutSyncDeps(),
  });
  return { h, chooseSavePath, chooseFolder, openPath, showItemInFolder };
}

describe('export:document', () => {
  it('renders, saves under «Протокол №3 от 12.02.2026.pdf», archives in Kazakhstan time and records the SHA-256', async () => {
    const { h, chooseSavePath } = handlers((name) => path.join(dir, name));
    const result = await h['export:document']({ document: fixtureMinutes('ru'), format: 'pdf', uiLang: 'kk' });
    expect(chooseSavePath).toHaveBeenCalledWith('Протокол №3 от 12.02.2026.pdf', [{ name: 'PDF құжаты', extensions: ['pdf'] }, { name: 'Барлық файлдар', extensions: ['*'] }], 'Құжатты сақтау');
    const saved = await fsp.readFile(path.join(dir, 'Протокол №3 от 12.02.2026.pdf'));
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-');
    const sha = createHash('sha256').update(saved).digest('hex');
    expect(result).toEqual({ saved: true, path: path.join(dir, 'Протокол №3 от 12.02.2026.pdf'), bytes: saved.byteLength, sha256: sha });
    // 20:30 UTC is already the 13th in Kazakhstan.
    expect(await fsp.readdir(path.join(dir, 'exports', '2026', '02'))).toEqual(['2026-02-13_013000_Протокол №3 от 12.02.2026.pdf']);
    const [line] = (await fsp.readFile(path.join(dir, 'exports', ARCHIVE_INDEX), 'utf8')).trim().split('\n');
    expect(JSON.parse(line ?? '{}')).toMatchObject({ kind: 'minutes', revision: 1, lang: 'ru', format: 'pdf', sha256: sha, path: path.join(dir, 'Протокол №3 от 12.02.2026.pdf') });
  });

  it('the minutes in two columns save under «… (рус-каз).docx» and the archive lists both languages', async () => {
    const { h, chooseSavePath } = handlers((name) => path.join(dir, name));
    const document = buildBilingualMinutesDocument(fixtureExportInput('ru'), fixtureExportInput('kk'));
    const result = await h['export:document']({ document, format: 'docx', uiLang: 'ru' });
    expect(chooseSavePath.mock.calls[0]?.[0]).toBe('Протокол №3 от 12.02.2026 (рус-каз).docx');
    expect(result).toMatchObject({ saved: true, path: path.join(dir, 'Протокол №3 от 12.02.2026 (рус-каз).docx') });
    const [line] = (await fsp.readFile(path.join(dir, 'exports', ARCHIVE_INDEX), 'utf8')).trim().split('\n');
    expect(JSON.parse(line ?? '{}')).toMatchObject({ kind: 'minutes', lang: 'ru+kk', format: 'docx' });
  });

  it('cancelled: nothing written, nothing recorded', async () => {
    const { h } = handlers(() => null);
    expect(await h['export:document']({ document: fixtureMinutes('kk'), format: 'docx', uiLang: 'ru' })).toMatchObject({ saved: false });
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('the archive drops its oldest copies beyond its size limit, never the newest', async () => {
    const root = path.join(dir, 'exports');
    await fsp.mkdir(path.join(root, '2026', '01'), { recursive: true });
    for (const [name, size] of [['2026-01-01_100000_a.pdf', 400], ['2026-01-02_100000_b.pdf', 400], ['2026-01-03_100000_c.pdf', 400]] as const) {
      await fsp.writeFile(path.join(root, '2026', '01', name), new Uint8Array(size));
    }
    await fsp.writeFile(path.join(root, ARCHIVE_INDEX), '{}\n');
    const removed = await pruneArchive(root, 900, path.join(root, '2026', '01', '2026-01-03_100000_c.pdf'));
    expect(removed.map((f) => path.basename(f))).toEqual(['2026-01-01_100000_a.pdf']);
    expect((await fsp.readdir(path.join(root, '2026', '01'))).sort()).toEqual(['2026-01-02_100000_b.pdf', '2026-01-03_100000_c.pdf']);
    expect(await fsp.readFile(path.join(root, ARCHIVE_INDEX), 'utf8')).toBe('{}\n');
  });
});

describe('export:documents (one extract per responsible body)', () => {
  const extracts = () => buildExtractDocuments({ ...fixtureExportInput('ru'), certifiedOn: '2026-02-13' });

  it('asks for a folder once in the UI language, writes every extract there without replacing a file, and records each', async () => {
    const docs = extracts();
    expect(docs.length).toBeGreaterThan(1);
    const out = path.join(dir, 'out');
    await fsp.mkdir(out);
    const taken = `${docs[0]?.fileStem}.docx`;
    await fsp.writeFile(path.join(out, taken), 'the clerk\'s own file');
    const { h, chooseFolder, chooseSavePath } = handlers(() => null, out);
    const result = await h['export:documents']({ documents: docs, format: 'docx', uiLang: 'kk' });
    expect(chooseFolder).toHaveBeenCalledTimes(1);
    expect(chooseFolder).toHaveBeenCalledWith('Құжаттарға арналған қалта');
    expect(chooseSavePath).not.toHaveBeenCalled();
    expect(result.saved).toBe(true);
    expect(result.files).toHaveLength(docs.length);
    // The file that was there is untouched; the new one beside it is «… (2).docx».
    expect(await fsp.readFile(path.join(out, taken), 'utf8')).toBe('the clerk\'s own file');
    expect(result.files[0]?.path).toBe(path.join(out, taken.replace(/\.docx$/, ' (2).docx')));
    expect((await fsp.readdir(out)).length).toBe(docs.length + 1);
    const lines = (await fsp.readFile(path.join(dir, 'exports', ARCHIVE_INDEX), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(docs.map(() => 'extract'));
  });

  it('cancelled folder: nothing written', async () => {
    const { h } = handlers(() => null, null);
    expect(await h['export:documents']({ documents: extracts(), format: 'pdf', uiLang: 'ru' })).toMatchObject({ saved: false });
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});

describe('export:reveal and export:archive', () => {
  it('opens the file just written or shows it in its folder; refuses any other path', async () => {
    const target = path.join(dir, 'Протокол.docx');
    const { h, openPath, showItemInFolder } = handlers(() => target);
    const saved = await h['export:document']({ document: fixtureMinutes('ru'), format: 'docx', uiLang: 'ru' });
    expect(await h['export:reveal']({ path: saved.path ?? '', action: 'folder' })).toEqual({ ok: true });
    expect(showItemInFolder).toHaveBeenCalledWith(target);
    expect(await h['export:reveal']({ path: target, action: 'open' })).toEqual({ ok: true });
    expect(openPath).toHaveBeenCalledWith(target);

    // A file the app did not write, outside the archive; a path climbing out of the archive; a relative path.
    const other = path.join(dir, 'other.docx');
    await fsp.writeFile(other, 'x');
    for (const p of [other, path.join(dir, 'exports', '..', 'other.docx'), 'Протокол.docx']) {
      expect(await h['export:reveal']({ path: p, action: 'open' }), p).toEqual({ ok: false });
    }
    expect(openPath).toHaveBeenCalledTimes(1);
    expect(showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('a file already in the archive may be opened from the archive list; the list is newest first and skips a torn line', async () => {
    const { h, openPath } = handlers((name) => path.join(dir, name));
    await h['export:document']({ document: fixtureMinutes('ru'), format: 'docx', uiLang: 'ru' });
    await h['export:document']({ document: fixtureMinutes('kk'), format: 'pdf', uiLang: 'ru' });
    await fsp.appendFile(path.join(dir, 'exports', ARCHIVE_INDEX), '{"document":"torn');
    const list = await h['export:archive']({ limit: 10 });
    expect(list.available).toBe(true);
    expect(list.entries.map((e) => [e.lang, e.format])).toEqual([['kk', 'pdf'], ['ru', 'docx']]);
    // A fresh session (nothing written in it) may still open what the archive holds.
    const fresh = handlers(() => null);
    const archived = list.entries[0]?.archivedPath ?? '';
    expect(await fresh.h['export:reveal']({ path: archived, action: 'open' })).toEqual({ ok: true });
    expect(fresh.openPath).toHaveBeenCalledWith(archived);
    expect(openPath).not.toHaveBeenCalled();
  });
});

