// Electron glue for the main process: app lifecycle, the main window, hardening, menu and IPC — wiring only; logic lives in services.
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { createBridgeHandlers } from './bridge-handlers.service';
import { createExportWriter, type FileFilter } from './export-writer.service';
import { registerBridgeHandlers } from './ipc';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
} from './security';
import { createWindowStateStore, MIN_WINDOW_SIZE, type WindowState, type WindowStateStore } from './window-state.service';

const APP_USER_MODEL_ID = 'kz.gov.hattama';
/** Requests to these are cancelled when a page makes them: the app shows no remote content (DESIGN §7). */
const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];
const WINDOW_STATE_SAVE_DELAY_MS = 500;

function log(message: string, detail?: unknown): void {
  console.error(`[hattama] ${message}`, detail ?? '');
}

// Must happen before 'ready': app:// gets a real origin, secure context (IndexedDB, crypto.subtle) and fetch.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let quitting = false;

/** Denies navigation away from the app, new windows, webviews; https links go to the OS browser. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame && isAllowedExternalUrl(event.url)) void shell.openExternal(event.url).catch((e: unknown) => log('openExternal failed', e));
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url).catch((e: unknown) => log('openExternal failed', e));
    return { action: 'deny' };
  });
}

/** Permissions denied (except clipboard writes by the app), remote requests cancelled, app:// served with CSP. */
function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Only page-initiated requests: the main process's own calls (e.g. sync over net.fetch, DESIGN §4) carry no webContents.
  ses.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (details, callback) => callback({ cancel: details.webContentsId !== undefined }));
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(app.getAppPath(), 'dist-web')));
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'О программе',
    message: `Hattama ${app.getVersion()}`,
    detail: 'Рабочее место секретариата регионального инвестиционного штаба.',
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/** A small application menu with Russian labels; reload and DevTools only in development. */
function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'Файл', submenu: [isMac ? { role: 'close', label: 'Закрыть окно' } : { role: 'quit', label: 'Выход' }] },
    {
      label: 'Правка',
      submenu: [
        { role: 'undo', label: 'Отменить' },
        { role: 'redo', label: 'Повторить' },
        { type: 'separator' },
        { role: 'cut', label: 'Вырезать' },
        { role: 'copy', label: 'Копировать' },
        { role: 'paste', label: 'Вставить' },
        { role: 'selectAll', label: 'Выделить всё' },
      ],
    },
    {
      label: 'Вид',
      submenu: [
        { role: 'resetZoom', label: 'Исходный масштаб' },
        { role: 'zoomIn', label: 'Увеличить' },
        { role: 'zoomOut', label: 'Уменьшить' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Во весь экран' },
        ...(dev
          ? [{ type: 'separator' as const }, { role: 'reload' as const, label: 'Перезагрузить' }, { role: 'toggleDevTools' as const, label: 'Инструменты разработчика' }]
          : []),
      ],
    },
    { role: 'windowMenu', label: 'Окно' },
    { role: 'help', label: 'Справка', submenu: [{ label: 'О программе Hattama', click: showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}

/** Primary display first, as clampToDisplays expects. */
function displayWorkAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

async function createMainWindow(store: WindowStateStore): Promise<BrowserWindow> {
  const state = await store.load(displayWorkAreas());
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Hattama',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged }),
  });
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });
  trackWindowState(win, store);
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Saves bounds shortly after each move/resize and once more, awaited, when the window closes. */
function trackWindowState(win: BrowserWindow, store: WindowStateStore): void {
  let timer: NodeJS.Timeout | undefined;
  let closing = false;
  const capture = (): WindowState => {
    const bounds = win.getNormalBounds();
    return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, isMaximized: win.isMaximized() };
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void store.save(capture()).catch((e: unknown) => log('Could not save window state', e)), WINDOW_STATE_SAVE_DELAY_MS);
  };
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    clearTimeout(timer);
    void store
      .save(capture())
      .catch((e: unknown) => log('Could not save window state', e))
      .finally(() => {
        win.destroy();
        if (quitting) app.quit();
      });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}

async function chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null> {
  const options = {
    title: 'Сохранить файл',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters,
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const owner = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function onReady(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(buildMenu());

  const userData = app.getPath('userData');
  registerBridgeHandlers(
    ipcMain,
    createBridgeHandlers({
      appVersion: app.getVersion(),
      platform: process.platform,
      chooseSavePath,
      exportWriter: createExportWriter({ archiveRoot: path.join(userData, 'exports') }),
      openExternal: (url) => shell.openExternal(url),
      warn: log,
    }),
    { isTrustedSender, onError: (error, channel) => log(`IPC ${channel} failed`, error) },
  );

  const store = createWindowStateStore(path.join(userData, 'window-state.json'), (reason) => log('Window state ignored', reason));
  mainWindow = await createMainWindow(store);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow(store).then((win) => (mainWindow = win));
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady).catch((error: unknown) => {
    log('Startup failed', error);
    dialog.showErrorBox('Hattama', `Не удалось запустить приложение.\n${String(error)}`);
    app.exit(1);
  });
}
