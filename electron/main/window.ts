// Electron glue for the main window: created from the remembered state with the secure preferences,
// its bounds saved shortly after each change and once more, awaited, when it closes (then the
// snapshot of the database the app takes at quit).
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL, secureWebPreferences } from './security';
import { MIN_WINDOW_SIZE, type Rect, type WindowState, type WindowStateStore } from './window-state.service';

const WINDOW_STATE_SAVE_DELAY_MS = 500;

export interface MainWindowOptions {
  readonly store: WindowStateStore;
  /** Absolute path of the bundled preload. */
  readonly preloadPath: string;
  /** Whether DevTools may open (development builds only). */
  readonly devTools: boolean;
  /** Called after the window's state was saved on close and it was destroyed. */
  readonly onClosed: (win: BrowserWindow) => void;
  readonly log: (message: string, detail?: unknown) => void;
  /** Runs (awaited) when the window closes, before it is destroyed: the snapshot taken at quit. */
  readonly beforeClose?: (win: BrowserWindow) => Promise<void>;
  /**
   * Asked first when the window is to close: false keeps it open (the clerk chose to go back to
   * unsaved changes), and then `onCloseCancelled` runs.
   */
  readonly confirmClose?: (win: BrowserWindow) => Promise<boolean>;
  readonly onCloseCancelled?: () => void;
}

/** The displays' work areas, primary first, as clampToDisplays expects. */
export function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

/** Creates the main window where it was last time and loads the app into it. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const state = await options.store.load(displayWorkAreas());
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Hattama',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });
  trackWindowState(win, options);
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

function trackWindowState(win: BrowserWindow, { store, onClosed, log, beforeClose, confirmClose, onCloseCancelled }: MainWindowOptions): void {
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
    // Always held: the window goes by destroy() once saved; a second close while the first runs
    // (or while the question is up) changes nothing.
    event.preventDefault();
    if (closing) return;
    closing = true;
    clearTimeout(timer);
    void (confirmClose ? confirmClose(win) : Promise.resolve(true))
      .catch((e: unknown) => {
        // Should the question fail, the window closes as before (the drafts are kept all the same).
        log('The question before closing failed', e);
        return true;
      })
      .then(async (close) => {
        if (close) {
          await finishClose();
          return;
        }
        closing = false;
        onCloseCancelled?.();
      });
  });
  const finishClose = () =>
    store
      .save(capture())
      .catch((e: unknown) => log('Could not save window state', e))
      .then(() => beforeClose?.(win))
      .catch((e: unknown) => log('The snapshot at close failed', e))
      .finally(() => {
        win.destroy();
        onClosed(win);
      });
}
