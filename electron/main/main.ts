// Main-process entry: wires Electron to the hardening, the menu, the window, the lifecycle and the
// bridge handlers. Wiring only — the rules live in those modules and in the services.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, session, shell } from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { createBridgeHandlers } from './bridge-handlers.service';
import { defaultFontDir, renderExport } from './export/render-node.service';
import { createExportWriter, type FileFilter } from './export-writer.service';
import { hardenProcess, hardenSession, hardenWebContents } from './hardening';
import { registerBridgeHandlers, sendBridgeEvent } from './ipc';
import { runLifecycle } from './lifecycle';
import { createMenuController } from './menu';
import { isTrustedSender } from './security';
import { isAllowedExternalUrl } from '../../shared/security/urls';
import { createMainWindow } from './window';
import { createWindowStateStore } from './window-state.service';
import { createSyncTransportService } from './sync-transport.service';
import { createLiveSocketService, type NodeWebSocketLike } from './live-socket.service';
import { createAttachmentStore } from './attachment-store.service';
import { autoUpdater } from 'electron-updater';
import { createUpdateService, updateReadyMessage } from './updates.service';
import { createBackupStore, createQuitBackup } from './backup-store.service';
import { createCloseGuard } from './close-guard';
import { randomUUID } from 'node:crypto';

const APP_USER_MODEL_ID = 'kz.gov.hattama';
/** How long the app waits at quit for the renderer's snapshot (a large register takes seconds). */
const QUIT_BACKUP_TIMEOUT_MS = 20_000;
const closeGuard = createCloseGuard();
const quitBackup = createQuitBackup({ timeoutMs: QUIT_BACKUP_TIMEOUT_MS, newId: () => randomUUID() });

function log(message: string, detail?: unknown): void {
  console.error(`[hattama] ${message}`, detail ?? '');
}

/** Opens a link in the OS browser: https only, checked here at the sink as well as by every caller. */
function openExternal(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) return Promise.reject(new Error(`Refused to open a non-https link outside the app: ${url.slice(0, 100)}`));
  return shell.openExternal(url);
}

hardenProcess({ app, protocol });

const menu = createMenuController({
  platform: process.platform,
  dev: !app.isPackaged,
  apply: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  onCommand: (id) => {
    const target = BrowserWindow.getFocusedWindow() ?? lifecycle.mainWindow();
    if (!sendBridgeEvent(target?.webContents, 'menu:command', id)) log(`Menu command ${id} had no window to go to`);
  },
  onAbout: () => {
    const options = {
      type: 'info' as const,
      title: menu.labels().about,
      message: `Hattama ${app.getVersion()}`,
      detail: 'Рабочее место секретариата регионального инвестиционного штаба.',
    };
    const owner = lifecycle.mainWindow();
    void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
  },
});

async function chooseSavePath(suggestedName: string, filters: FileFilter[], title?: string): Promise<string | null> {
  const options = {
    title: title ?? 'Сохранить файл',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters,
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const owner = BrowserWindow.getFocusedWindow() ?? lifecycle.mainWindow();
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function chooseFolder(title: string): Promise<string | null> {
  const options = { title, defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
  const owner = BrowserWindow.getFocusedWindow() ?? lifecycle.mainWindow();
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
}

async function chooseOpenPath(title: string, filters: FileFilter[]): Promise<string | null> {
  const options = { title, defaultPath: app.getPath('documents'), filters, properties: ['openFile' as const] };
  const owner = BrowserWindow.getFocusedWindow() ?? lifecycle.mainWindow();
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
}

function openMainWindow(): Promise<BrowserWindow> {
  return createMainWindow({
    store: createWindowStateStore(path.join(app.getPath('userData'), 'window-state.json'), (reason) => log('Window state ignored', reason)),
    preloadPath: path.join(__dirname, 'preload.cjs'),
    devTools: !app.isPackaged,
    onClosed: (win) => lifecycle.windowClosed(win),
    log,
    beforeClose: async (win) => {
      const outcome = await quitBackup.request((id) => sendBridgeEvent(win.webContents, 'backup:request', id));
      if (outcome === 'timeout') log('The snapshot at quit did not come in time');
    },
    confirmClose: (win) => closeGuard.confirm((question) => dialog.showMessageBox(win, question)),
    onCloseCancelled: () => lifecycle.quitCancelled(),
  }).then((win) => {
    // A page that reloads or whose renderer is gone holds no unsaved form any more (a reloaded
    // page with a restored draft says so again).
    win.webContents.on('did-navigate', () => closeGuard.reset());
    win.webContents.on('render-process-gone', () => closeGuard.reset());
    return win;
  });
}

const lifecycle = runLifecycle({
  log,
  onWebContents: (contents) => hardenWebContents(contents, { openExternal: (url) => void openExternal(url).catch((e: unknown) => log('openExternal failed', e)) }),
  reopen: openMainWindow,
  async onReady() {
    if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
    hardenSession(session.defaultSession, createAppProtocolHandler(path.join(app.getAppPath(), 'dist-web')));
    menu.show();
    const sync = createSyncTransportService({ fetch: (url, init) => fetch(url, init), safeStorage, statePath: path.join(app.getPath('userData'), 'sync.json'), warn: log });
    // Off until the organization sets an update server (HATTAMA_UPDATE_URL or updates.json): only then is autoUpdater touched.
    const updates = createUpdateService({
      createUpdater: () => autoUpdater,
      settingsPath: path.join(app.getPath('userData'), 'updates.json'),
      env: process.env,
      notifyReady: (version) => {
        if (Notification.isSupported()) new Notification(updateReadyMessage(version)).show();
      },
      warn: log,
    });
    void updates.start().catch((e: unknown) => log('Updates could not start', e));
    app.on('before-quit', () => updates.stop());
    const NodeWebSocket = (globalThis as { WebSocket?: new (url: string, protocols: string[]) => NodeWebSocketLike }).WebSocket;
    registerBridgeHandlers(
      ipcMain,
      createBridgeHandlers({
        appVersion: app.getVersion(),
        platform: process.platform,
        chooseSavePath,
        chooseFolder,
        renderExport: (doc, format) => renderExport(doc, format, app.isPackaged ? path.join(process.resourcesPath, 'fonts') : defaultFontDir(app.getAppPath())),
        exportWriter: createExportWriter({ archiveRoot: path.join(app.getPath('userData'), 'exports') }),
        archiveRoot: path.join(app.getPath('userData'), 'exports'),
        openPath: (p) => shell.openPath(p),
        attachments: createAttachmentStore(path.join(app.getPath('userData'), 'attachments')),
        openCopiesDir: path.join(app.getPath('temp'), 'hattama-open'),
        chooseOpenPath,
        showItemInFolder: (p) => shell.showItemInFolder(p),
        openExternal,
        setMenu: (request) => menu.set(request),
        showNotification: (title, body) => {
          if (!Notification.isSupported()) return false;
          new Notification({ title, body }).show();
          return true;
        },
        sync,
        updates,
        live: createLiveSocketService({
          sync,
          // Node 22 (Electron's) has a WebSocket of its own.
          createSocket: NodeWebSocket ? (url, protocols) => new NodeWebSocket(url, protocols) : null,
          emit: (payload) => sendBridgeEvent(lifecycle.mainWindow()?.webContents, 'live:event', payload),
          warn: log,
        }),
        backups: createBackupStore(path.join(app.getPath('userData'), 'backups'), log),
        quitBackup,
        closeGuard,
        warn: log,
      }),
      { isTrustedSender, onError: (error, channel) => log(`IPC ${channel} failed`, error) },
    );
    return openMainWindow();
  },
});
