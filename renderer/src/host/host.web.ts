// The browser host: the same bridge contract by browser means — files are downloaded, links open in a new tab, no menu.
import type { HostBridge } from '@shared/bridge/contract';
import { isAllowedExternalUrl } from '@shared/security/urls';
import { createWebSyncTransport, webSyncEnv, type WebSyncEnv } from '../sync/web-transport';
import { browserSocket, createWebLiveHost, type WebLiveEnv } from '../sync/web-live';
import type { ExportDocument } from '@shared/export/document.schema';
import type { ExportReply, ExportRequest } from './export.worker';
import { BACKUP_EXTENSION, BACKUP_MIME } from '@shared/backup/snapshot-format';
import { isDangerousFile, safeFileName } from '@shared/attachments/policy';
import { MAX_ARCHIVE_BYTES } from '@shared/archive/workspace-archive';
import { createWebAttachmentStore, type WebAttachmentStore } from './web-attachments';

/** Types a browser tab shows itself (anything else is downloaded). */
const SHOWN_IN_TAB = /^(image\/(png|jpeg|gif|webp|bmp)|application\/pdf|text\/plain)$/i;

const EXPORT_MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** What the browser host says about self-update: not available (the server serves the current version). */
const BROWSER_UPDATES = Object.freeze({ available: false, url: '', source: 'none', state: 'off', version: null, percent: null, error: null, checkedAt: null } as const);

/** Renders an export document to bytes (in the app: a Web Worker). */
export type ExportRenderer = (doc: ExportDocument, format: 'docx' | 'pdf') => Promise<Uint8Array>;

/** A renderer that runs in one Web Worker, made on first use. */
export function workerExportRenderer(): ExportRenderer {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  return (document, format) => {
    if (!worker) {
      worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
      worker.onmessage = (e: MessageEvent<ExportReply>) => {
        const w = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        if (!w) return;
        if ('error' in e.data) w.reject(new Error(e.data.error));
        else w.resolve(e.data.bytes);
      };
      worker.onerror = (e) => {
        for (const w of waiting.values()) w.reject(new Error(e.message || 'Export worker failed'));
        waiting.clear();
        worker?.terminate();
        worker = null;
      };
    }
    const id = next++;
    return new Promise<Uint8Array>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker?.postMessage({ id, document, format } satisfies ExportRequest);
    });
  };
}

/** A file name safe on every OS, Cyrillic kept (the desktop's main process does the same). */
export function safeDownloadName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/[. ]+$/, '').slice(0, 150);
  return safe || 'export';
}

/** What the browser host needs of its environment; tests pass a jsdom window. */
export interface WebHostEnv {
  readonly window: Window & typeof globalThis;
  /** The app's version (the build defines it from package.json). */
  readonly version: string;
  /** When the download's object URL may be released (it must outlive the click). */
  readonly revokeDelayMs?: number;
  /** Sync's fetch, sessionStorage and origin (default: the window's); the page syncs with the server that served it. */
  readonly sync?: WebSyncEnv;
  /** Opens the live channel's socket (default: the window's WebSocket). */
  readonly openSocket?: WebLiveEnv['openSocket'];
  /** Renders exports (default: a Web Worker). */
  readonly renderExport?: ExportRenderer;
  /** Where attachments' bytes are kept (default: IndexedDB `hattama-files`). */
  readonly attachments?: WebAttachmentStore;
}

/** Lets the clerk pick a file (an `<input type=file>`); null when they cancel. */
function pickFile(win: Window & typeof globalThis, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'archive-file-input';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    win.document.body.append(input);
    input.click();
  });
}

function defaultEnv(): WebHostEnv {
  const version: unknown = import.meta.env.VITE_APP_VERSION;
  return { window, version: typeof version === 'string' && version.length > 0 ? version : '0.0.0' };
}

/**
 * Creates the browser host.
 * @param env the window to act in and the app version
 */
export function createWebHost(env: WebHostEnv = defaultEnv()): HostBridge {
  const win = env.window;
  const syncEnv = env.sync ?? webSyncEnv(win);
  const sync = createWebSyncTransport(syncEnv);
  const live = createWebLiveHost({
    origin: syncEnv.origin,
    token: sync.sessionToken,
    openSocket: env.openSocket ?? (typeof win.WebSocket === 'function' ? browserSocket((url, protocols) => new win.WebSocket(url, protocols)) : null),
  });
  let render = env.renderExport;
  let files = env.attachments;
  const store = () => (files ??= createWebAttachmentStore());
  const host = Object.freeze({
    // Sync: the engine calls the server directly, the token kept for the session only (sync/web-transport.ts).
    syncStatus: sync.syncStatus,
    syncLogin: sync.syncLogin,
    syncLogout: sync.syncLogout,
    syncPush: sync.syncPush,
    syncPull: sync.syncPull,
    // The live channel: the page's own WebSocket to the same server (sync/web-live.ts).
    liveConnect: live.liveConnect,
    liveSend: live.liveSend,
    liveDisconnect: live.liveDisconnect,
    onLiveEvent: live.onLiveEvent,

    async appInfo() {
      return { host: 'browser' as const, version: env.version, platform: win.navigator.platform };
    },

    async saveFile({ suggestedName, mimeType, bytes }: { suggestedName: string; mimeType: string; bytes: Uint8Array }) {
      const blob = new win.Blob([bytes.slice().buffer], { type: mimeType });
      const url = win.URL.createObjectURL(blob);
      const a = win.document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      win.document.body.append(a);
      a.click();
      a.remove();
      win.setTimeout(() => win.URL.revokeObjectURL(url), env.revokeDelayMs ?? 10_000);
      return { saved: true };
    },

    async openExternal({ url }) {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      win.open(url, '_blank', 'noopener,noreferrer');
      return { opened: true };
    },

    // A browser tab has no application menu; the renderer's own shortcuts and buttons do the work.
    async setMenu() {
      return { ok: false };
    },

    // Reminders stay in the app in a browser tab (no OS notifications without a permission prompt).
    async notify() {
      return { shown: false };
    },

    // The same document the desktop renders, rendered in a worker and downloaded.
    async exportDocument({ document, format }: { document: ExportDocument; format: 'docx' | 'pdf' }) {
      render ??= workerExportRenderer();
      const bytes = await render(document, format);
      await host.saveFile({ suggestedName: safeDownloadName(`${document.fileStem}.${format}`), mimeType: EXPORT_MIME[format], bytes });
      return { saved: true, bytes: bytes.byteLength };
    },

    // Several documents: no zip library is part of the app, so the files download one after another
    // (each rendered first, so a failure downloads nothing).
    async exportDocuments({ documents, format }: { documents: ExportDocument[]; format: 'docx' | 'pdf' }) {
      render ??= workerExportRenderer();
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const document of documents) files.push({ name: safeDownloadName(`${document.fileStem}.${format}`), bytes: await render(document, format) });
      for (const f of files) await host.saveFile({ suggestedName: f.name, mimeType: EXPORT_MIME[format], bytes: f.bytes });
      return { saved: true, files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength })) };
    },

    // A browser has downloads, not files the app may open, and keeps no export archive.
    async revealExport() {
      return { ok: false };
    },
    async exportArchive() {
      return { available: false, entries: [] };
    },

    // Attachments: bytes in this browser's own IndexedDB store, never synced.
    async attachmentPut({ sha256, bytes }: { sha256: string; bytes: Uint8Array }) {
      return store().put(sha256, bytes);
    },
    async attachmentGet({ sha256 }: { sha256: string }) {
      const bytes = await store().get(sha256);
      return bytes ? { found: true, bytes: bytes as Uint8Array<ArrayBuffer> } : { found: false };
    },
    async attachmentHas({ sha256 }: { sha256: string[] }) {
      return { present: await store().has(sha256) };
    },
    // Pictures, PDFs and plain text open in a new tab (a blob URL); other types are downloaded; programs and scripts never open.
    async attachmentOpen({ sha256, fileName, mimeType }: { sha256: string; fileName: string; mimeType: string }) {
      if (isDangerousFile(fileName, mimeType)) return { opened: false, refused: 'dangerous' as const };
      const bytes = await store().get(sha256);
      if (!bytes) return { opened: false, refused: 'missing' as const };
      if (!SHOWN_IN_TAB.test(mimeType)) {
        await host.saveFile({ suggestedName: safeFileName(fileName), mimeType: mimeType || 'application/octet-stream', bytes });
        return { opened: true };
      }
      const url = win.URL.createObjectURL(new win.Blob([bytes.slice().buffer], { type: mimeType }));
      win.open(url, '_blank', 'noopener,noreferrer');
      win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
      return { opened: true };
    },
    async attachmentExport({ sha256, fileName, mimeType }: { sha256: string; fileName: string; mimeType: string }) {
      const bytes = await store().get(sha256);
      if (!bytes) return { saved: false, missing: true };
      await host.saveFile({ suggestedName: safeFileName(fileName), mimeType: mimeType || 'application/octet-stream', bytes });
      return { saved: true };
    },

    // The workspace archive: a download, and an upload the clerk picks.
    async saveWorkspaceArchive({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) {
      await host.saveFile({ suggestedName: safeDownloadName(suggestedName), mimeType: 'application/zip', bytes });
      return { saved: true };
    },
    async openWorkspaceArchive() {
      const file = await pickFile(win, '.zip,application/zip');
      if (!file) return { opened: false };
      if (file.size > MAX_ARCHIVE_BYTES) return { opened: false, name: file.name, tooLarge: true };
      return { opened: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },

    // The web version is updated with the server that serves it: the desktop updater is not here.
    async updatesStatus() {
      return BROWSER_UPDATES;
    },
    async updatesSetUrl() {
      return { ok: false as const, error: 'unavailable' as const, status: BROWSER_UPDATES };
    },
    async updatesCheck() {
      return { ok: false as const, error: 'unavailable' as const, status: BROWSER_UPDATES };
    },

    onMenuCommand() {
      return () => undefined;
    },

    // Snapshots: a browser keeps none of its own; one the clerk makes (or the one taken before a
    // restore) is downloaded, and a restore reads a file the clerk uploads (in the renderer).
    async backupSave({ bytes, reason }: { bytes: Uint8Array; reason: string }) {
      if (reason === 'auto' || reason === 'quit') return { saved: false };
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
      await host.saveFile({ suggestedName: `hattama-${stamp}-${reason}${BACKUP_EXTENSION}`, mimeType: BACKUP_MIME, bytes });
      return { saved: true };
    },
    async backupList() {
      return { available: false, entries: [] };
    },
    async backupRead(): Promise<never> {
      throw new Error('The browser keeps no snapshots: restore from a file');
    },
    async backupSkip() {
      return { ok: true };
    },
    // The tab asks by the browser's own question (beforeunload, app/warn-before-unload.ts).
    async setUnsaved() {
      return { ok: true };
    },
    onBackupRequest() {
      return () => undefined;
    },
  } satisfies HostBridge);
  return host;
}
