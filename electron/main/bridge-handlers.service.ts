// What each bridge channel does on the desktop host, wired to injected platform calls (dialogs, shell) so it runs in tests.
import type { BridgeHandlers, ParsedBridgeRequest } from './ipc';
import { dialogFiltersFor, sanitizeFileName, sha256Hex, type ExportWriter, type FileFilter } from './export-writer.service';
import { documentLangs, type ExportDocument } from '../../shared/export/document.schema';
import path from 'node:path';
import { mayReveal, readArchiveIndex } from './export-archive.service';
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import type { AttachmentStore } from './attachment-store.service';
import { extensionOf, isDangerousFile, safeFileName } from '../../shared/attachments/policy';
import { MAX_ARCHIVE_BYTES } from '../../shared/archive/workspace-archive';

/** UI languages the main process's dialogs speak. */
export type UiLang = 'ru' | 'kk' | 'en';

/** The save dialog's title and file-type names in the UI language. */
export const EXPORT_DIALOG_WORDS: Readonly<Record<UiLang, { title: string; folder: string; docx: string; pdf: string; all: string }>> = {
  ru: { title: 'Сохранить документ', folder: 'Папка для документов', docx: 'Документ Word', pdf: 'Документ PDF', all: 'Все файлы' },
  kk: { title: 'Құжатты сақтау', folder: 'Құжаттарға арналған қалта', docx: 'Word құжаты', pdf: 'PDF құжаты', all: 'Барлық файлдар' },
  en: { title: 'Save document', folder: 'Folder for the documents', docx: 'Word document', pdf: 'PDF document', all: 'All files' },
};
/** The dialogs of attachments and of the workspace archive, in the UI language. */
export const FILE_DIALOG_WORDS: Readonly<Record<UiLang, { saveAttachment: string; saveArchive: string; openArchive: string; archive: string; file: string; all: string }>> = {
  ru: { saveAttachment: 'Сохранить вложение', saveArchive: 'Сохранить архив рабочего места', openArchive: 'Открыть архив рабочего места', archive: 'Архив рабочего места (ZIP)', file: 'Файл', all: 'Все файлы' },
  kk: { saveAttachment: 'Тіркемені сақтау', saveArchive: 'Жұмыс орнының мұрағатын сақтау', openArchive: 'Жұмыс орнының мұрағатын ашу', archive: 'Жұмыс орнының мұрағаты (ZIP)', file: 'Файл', all: 'Барлық файлдар' },
  en: { saveAttachment: 'Save attachment', saveArchive: 'Save workspace archive', openArchive: 'Open workspace archive', archive: 'Workspace archive (ZIP)', file: 'File', all: 'All files' },
};
import { isAllowedExternalUrl } from '../../shared/security/urls';
import type { SyncTransportService } from './sync-transport.service';
import type { LiveSocketService } from './live-socket.service';
import type { UpdateService } from './updates.service';
import type { BackupStore, QuitBackup } from './backup-store.service';
import type { CloseGuard } from './close-guard';

/** The platform calls the handlers need; the Electron glue passes dialog/shell-backed implementations. */
export interface BridgeHandlerDeps {
  readonly appVersion: string;
  readonly platform: string;
  /** Asks the user where to save; null when they cancel. */
  readonly chooseSavePath: (suggestedName: string, filters: FileFilter[], title?: string) => Promise<string | null>;
  /** Asks the user for a folder (several documents at once); null when they cancel. */
  readonly chooseFolder?: (title: string) => Promise<string | null>;
  /** Renders an export document to bytes (export/render-node.service). */
  readonly renderExport?: (doc: ExportDocument, format: 'docx' | 'pdf') => Promise<Uint8Array>;
  /** Clock for the archive's record. */
  readonly now?: () => Date;
  readonly exportWriter: ExportWriter;
  /** Opens a URL in the OS browser (only ever called with URLs isAllowedExternalUrl accepts). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Rebuilds the application menu from the renderer's (validated) items and labels. */
  readonly setMenu: (request: ParsedBridgeRequest<'menu:set'>) => void;
  /** Shows an OS notification; false where the OS has none. */
  readonly showNotification: (title: string, body: string) => boolean;
  /** Sync with the region's server: the main process makes the calls and keeps the token. */
  readonly sync: SyncTransportService;
  /** The live channel (minutes typed by two clerks at once): the main process owns the socket. */
  readonly live: LiveSocketService;
  /** Self-update from the organization's update server (off until an address is set). */
  readonly updates: Pick<UpdateService, 'status' | 'setUrl' | 'checkNow'>;
  /** Root of the export archive (what `export:archive` lists and `export:reveal` may open). */
  readonly archiveRoot?: string;
  /** Opens a file with its application (shell.openPath: '' on success, else the error). */
  readonly openPath?: (p: string) => Promise<string>;
  /** Shows a file in its folder (shell.showItemInFolder). */
  readonly showItemInFolder?: (p: string) => void;
  /** The snapshots of the renderer's database in the data folder (absent: none are kept). */
  readonly backups?: BackupStore;
  /** The snapshot the main process asks for when the app quits. */
  readonly quitBackup?: QuitBackup;
  /** Remembers whether the renderer holds unsaved changes: closing the window then asks first. */
  readonly closeGuard?: Pick<CloseGuard, 'set'>;
  /** The attachments' content store (`<userData>/attachments`). */
  readonly attachments?: AttachmentStore;
  /** A folder for the copies of attachments opened with their application (e.g. `<temp>/hattama-open`). */
  readonly openCopiesDir?: string;
  /** Asks the user for a file to open; null when they cancel. */
  readonly chooseOpenPath?: (title: string, filters: FileFilter[]) => Promise<string | null>;
  /** Receives non-fatal problems (e.g. the archive copy failed) for the log. */
  readonly warn?: (message: string, detail?: unknown) => void;
}

/**
 * The desktop host's implementation of every bridge channel.
 * @param deps platform calls and services
 */
export function createBridgeHandlers(deps: BridgeHandlerDeps): BridgeHandlers {
  /** The files this app wrote in this session: they may be opened or shown in their folder. */
  const written = new Set<string>();
  const store = (): AttachmentStore => {
    if (!deps.attachments) throw new Error('The attachment store is not available');
    return deps.attachments;
  };
  const wrote = (r: { path: string; archivedPath?: string }) => {
    written.add(path.resolve(r.path));
    if (r.archivedPath) written.add(path.resolve(r.archivedPath));
  };
  return {
    'app:info': () => ({ host: 'electron', version: deps.appVersion, platform: deps.platform }),

    'app:set-unsaved': ({ unsaved, uiLang }) => {
      deps.closeGuard?.set({ unsaved, uiLang });
      return { ok: deps.closeGuard !== undefined };
    },

    'file:save': async ({ suggestedName, mimeType, bytes }) => {
      const target = await deps.chooseSavePath(suggestedName, dialogFiltersFor(mimeType, suggestedName));
      if (target === null) return { saved: false };
      const result = await deps.exportWriter.save(target, suggestedName, bytes);
      if (result.archiveError !== undefined) deps.warn?.('Export saved, but its archive copy failed', result.archiveError);
      return { saved: true, path: result.path };
    },

    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },

    'menu:set': (request) => {
      deps.setMenu(request);
      return { ok: true };
    },

    'notify:show': ({ title, body }) => ({ shown: deps.showNotification(title, body) }),

    'sync:status': (request) => deps.sync['sync:status'](request),
    'updates:status': () => deps.updates.status(),
    'updates:set-url': ({ url }) => deps.updates.setUrl(url),
    'updates:check': () => deps.updates.checkNow(),
    'sync:login': (request) => deps.sync['sync:login'](request),
    'sync:logout': (request) => deps.sync['sync:logout'](request),
    'sync:push': (request) => deps.sync['sync:push'](request),
    'sync:pull': (request) => deps.sync['sync:pull'](request),
    'live:connect': (request) => deps.live['live:connect'](request),
    'live:send': (request) => deps.live['live:send'](request),
    'live:disconnect': (request) => deps.live['live:disconnect'](request),
    'export:document': async ({ document, format, uiLang }) => {
      if (!deps.renderExport) throw new Error('Export is not available');
      const bytes = await deps.renderExport(document, format);
      const words = EXPORT_DIALOG_WORDS[uiLang];
      const name = sanitizeFileName(`${document.fileStem}.${format}`);
      const target = await deps.chooseSavePath(name, [{ name: words[format], extensions: [format] }, { name: words.all, extensions: ['*'] }], words.title);
      if (target === null) return { saved: false, bytes: bytes.byteLength };
      const result = await deps.exportWriter.save(target, name, bytes);
      wrote(result);
      if (result.archiveError !== undefined) deps.warn?.('Export saved, but its archive copy failed', result.archiveError);
      const sha256 = sha256Hex(bytes);
      await deps.exportWriter.record({
        document: document.title, kind: document.kind, sourceId: document.source.id, revision: document.source.revision, lang: documentLangs(document), format,
        at: (deps.now ?? (() => new Date()))().toISOString(), sha256, bytes: bytes.byteLength, path: result.path,
        ...(result.archivedPath ? { archivedPath: result.archivedPath } : {}),
      }).catch((e: unknown) => deps.warn?.('Export saved, but its archive record failed', e));
      return { saved: true, path: result.path, bytes: bytes.byteLength, sha256 };
    },

    'export:documents': async ({ documents, format, uiLang }) => {
      if (!deps.renderExport || !deps.chooseFolder) throw new Error('Export is not available');
      // Everything is rendered before anything is written: a document that fails leaves no files.
      const rendered: { document: ExportDocument; name: string; bytes: Uint8Array }[] = [];
      for (const document of documents) rendered.push({ document, name: sanitizeFileName(`${document.fileStem}.${format}`), bytes: await deps.renderExport(document, format) });
      const folder = await deps.chooseFolder(EXPORT_DIALOG_WORDS[uiLang].folder);
      if (folder === null) return { saved: false, files: rendered.map((r) => ({ name: r.name, bytes: r.bytes.byteLength })) };
      const files = [];
      for (const r of rendered) {
        const result = await deps.exportWriter.saveNew(folder, r.name, r.bytes);
        wrote(result);
        if (result.archiveError !== undefined) deps.warn?.('Export saved, but its archive copy failed', result.archiveError);
        const sha256 = sha256Hex(r.bytes);
        await deps.exportWriter.record({
          document: r.document.title, kind: r.document.kind, sourceId: r.document.source.id, revision: r.document.source.revision, lang: documentLangs(r.document), format,
          at: (deps.now ?? (() => new Date()))().toISOString(), sha256, bytes: r.bytes.byteLength, path: result.path,
          ...(result.archivedPath ? { archivedPath: result.archivedPath } : {}),
        }).catch((e: unknown) => deps.warn?.('Export saved, but its archive record failed', e));
        files.push({ name: r.name, path: result.path, bytes: r.bytes.byteLength, sha256 });
      }
      return { saved: true, folder, files };
    },

    'export:reveal': async ({ path: target, action }) => {
      if (!deps.archiveRoot || !deps.openPath || !deps.showItemInFolder) return { ok: false };
      if (!(await mayReveal(target, deps.archiveRoot, written))) return { ok: false };
      if (action === 'folder') {
        deps.showItemInFolder(path.resolve(target));
        return { ok: true };
      }
      return { ok: (await deps.openPath(path.resolve(target))) === '' };
    },

    'export:archive': async ({ limit }) => {
      if (!deps.archiveRoot) return { available: false, entries: [] };
      return { available: true, entries: await readArchiveIndex(deps.archiveRoot, limit) };
    },

    'backup:save': async ({ bytes, reason, keep, requestId }) => {
      if (!deps.backups) {
        if (requestId !== undefined) deps.quitBackup?.settle(requestId, 'skipped');
        return { saved: false };
      }
      try {
        const { name, pruned } = await deps.backups.save(bytes, { reason, keep });
        if (requestId !== undefined) deps.quitBackup?.settle(requestId, 'saved');
        return { saved: true, name, pruned };
      } catch (e) {
        if (requestId !== undefined) deps.quitBackup?.settle(requestId, 'skipped');
        throw e;
      }
    },

    'backup:list': async () => {
      if (!deps.backups) return { available: false, entries: [] };
      return { available: true, folder: deps.backups.folder, entries: await deps.backups.list() };
    },

    'backup:read': async ({ name }) => {
      if (!deps.backups) throw new Error('No snapshots are kept here');
      return { bytes: await deps.backups.read(name) };
    },

    'backup:skip': ({ requestId }) => {
      deps.quitBackup?.settle(requestId, 'skipped');
      return { ok: true };
    },

    'attachment:put': ({ sha256, bytes }) => store().put(sha256, bytes),

    'attachment:get': async ({ sha256 }) => {
      const bytes = await store().get(sha256);
      // A Buffer over a plain ArrayBuffer (never shared memory): what the contract's Uint8Array means.
      return bytes ? { found: true, bytes: bytes as Uint8Array<ArrayBuffer> } : { found: false };
    },

    'attachment:has': async ({ sha256 }) => {
      const present: string[] = [];
      for (const sha of new Set(sha256)) if (await store().has(sha)) present.push(sha);
      return { present };
    },

    // A copy is opened, never the stored file: the application may change or lock what it opens.
    'attachment:open': async ({ sha256, fileName, mimeType }) => {
      if (isDangerousFile(fileName, mimeType)) return { opened: false, refused: 'dangerous' as const };
      if (!deps.openPath || !deps.openCopiesDir) return { opened: false, refused: 'failed' as const };
      const bytes = await store().get(sha256);
      if (!bytes) return { opened: false, refused: 'missing' as const };
      const dir = path.join(deps.openCopiesDir, randomBytes(8).toString('hex'));
      await fsp.mkdir(dir, { recursive: true });
      const copy = path.join(dir, safeFileName(fileName));
      await writeFileAtomic(copy, bytes, { mode: 0o400 });
      const error = await deps.openPath(copy);
      if (error !== '') deps.warn?.('Opening an attachment failed', error);
      return error === '' ? { opened: true } : { opened: false, refused: 'failed' as const };
    },

    'attachment:export': async ({ sha256, fileName, uiLang }) => {
      const bytes = await store().get(sha256);
      if (!bytes) return { saved: false, missing: true };
      const words = FILE_DIALOG_WORDS[uiLang];
      const name = safeFileName(fileName);
      const ext = extensionOf(name);
      const filters = ext ? [{ name: words.file, extensions: [ext] }, { name: words.all, extensions: ['*'] }] : [{ name: words.all, extensions: ['*'] }];
      const target = await deps.chooseSavePath(name, filters, words.saveAttachment);
      if (target === null) return { saved: false };
      await writeFileAtomic(target, bytes);
      return { saved: true, path: target };
    },

    'workspace:save-archive': async ({ suggestedName, bytes, uiLang }) => {
      const words = FILE_DIALOG_WORDS[uiLang];
      const target = await deps.chooseSavePath(safeFileName(suggestedName), [{ name: words.archive, extensions: ['zip'] }], words.saveArchive);
      if (target === null) return { saved: false };
      await writeFileAtomic(target, bytes);
      return { saved: true, path: target };
    },

    'workspace:open-archive': async ({ uiLang }) => {
      if (!deps.chooseOpenPath) throw new Error('Opening an archive is not available');
      const words = FILE_DIALOG_WORDS[uiLang];
      const source = await deps.chooseOpenPath(words.openArchive, [{ name: words.archive, extensions: ['zip'] }, { name: words.all, extensions: ['*'] }]);
      if (source === null) return { opened: false };
      const name = path.basename(source);
      if ((await fsp.stat(source)).size > MAX_ARCHIVE_BYTES) return { opened: false, name, tooLarge: true };
      return { opened: true, name, bytes: (await fsp.readFile(source)) as Uint8Array<ArrayBuffer> };
    },
  };
}
