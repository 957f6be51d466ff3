// Electron glue for the app's lifecycle: one instance, hardening of every new web contents, quit
// rules, startup failure. What happens once the app is ready is passed in by main.ts.
import { app, BrowserWindow, dialog, type WebContents } from 'electron';

export interface LifecycleOptions {
  /** Hardens each web contents as it is created (before it can navigate). */
  readonly onWebContents: (contents: WebContents) => void;
  /** Starts the app once Electron is ready; returns the main window. */
  readonly onReady: () => Promise<BrowserWindow>;
  /** Opens a new main window (macOS: dock click with no window open). */
  readonly reopen: () => Promise<BrowserWindow>;
  readonly log: (message: string, detail?: unknown) => void;
}

/** The app's state as the glue sees it. */
export interface AppLifecycle {
  /** The main window, if open. */
  mainWindow(): BrowserWindow | null;
  /** Whether the user asked to quit (a closing window then quits once its state is saved). */
  quitting(): boolean;
  /** To be called when a window has been destroyed. */
  windowClosed(win: BrowserWindow): void;
  /** The clerk chose to stay (unsaved changes): a quit asked for is off. */
  quitCancelled(): void;
}

/** Runs the app: a second launch focuses the first one's window; any startup failure is shown and exits. */
export function runLifecycle(options: LifecycleOptions): AppLifecycle {
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  const lifecycle: AppLifecycle = {
    mainWindow: () => mainWindow,
    quitting: () => quitting,
    windowClosed(win) {
      if (mainWindow === win) mainWindow = null;
      if (quitting) app.quit();
    },
    quitCancelled() {
      quitting = false;
    },
  };

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return lifecycle;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => options.onWebContents(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) {
      void options.reopen().then((win) => (mainWindow = win)).catch((e: unknown) => options.log('Could not open the window', e));
    }
  });
  app
    .whenReady()
    .then(options.onReady)
    .then((win) => {
      mainWindow = win;
    })
    .catch((error: unknown) => {
      options.log('Startup failed', error);
      dialog.showErrorBox('Hattama', `Не удалось запустить приложение.\n${String(error)}`);
      app.exit(1);
    });
  return lifecycle;
}
