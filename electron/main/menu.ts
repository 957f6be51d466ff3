// The application menu: built from the renderer's `menu:set` request (its feature commands and the
// translated labels of the host's own items), with Russian fallback labels until the renderer has
// sent any. Plain module: the glue hands the template to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLabelKey } from '../../shared/bridge/contract';
import type { ParsedBridgeRequest } from './ipc';

/** A validated `menu:set` request. */
export type MenuSetRequest = ParsedBridgeRequest<'menu:set'>;
export type MenuLabels = Readonly<Record<MenuLabelKey, string>>;

/** The host's own labels before the renderer has sent its translations (the UI's default language). */
export const FALLBACK_MENU_LABELS: MenuLabels = Object.freeze({
  file: 'Файл',
  edit: 'Правка',
  view: 'Вид',
  window: 'Окно',
  help: 'Справка',
  quit: 'Выход',
  close: 'Закрыть окно',
  undo: 'Отменить',
  redo: 'Повторить',
  cut: 'Вырезать',
  copy: 'Копировать',
  paste: 'Вставить',
  selectAll: 'Выделить всё',
  resetZoom: 'Исходный масштаб',
  zoomIn: 'Увеличить',
  zoomOut: 'Уменьшить',
  toggleFullScreen: 'Во весь экран',
  reload: 'Перезагрузить',
  toggleDevTools: 'Инструменты разработчика',
  about: 'О программе Hattama',
});

/**
 * The renderer's translations over the fallback labels; keys the host does not know are ignored.
 * @param labels `labels` of a `menu:set` request, if any
 */
export function resolveMenuLabels(labels: Readonly<Record<string, string>> | undefined): MenuLabels {
  const resolved: Record<string, string> = { ...FALLBACK_MENU_LABELS };
  for (const key of Object.keys(FALLBACK_MENU_LABELS)) {
    const label = labels !== undefined && Object.hasOwn(labels, key) ? labels[key] : undefined;
    if (label !== undefined && label.trim() !== '') resolved[key] = label;
  }
  return resolved as MenuLabels;
}

export interface MenuTemplateOptions {
  /** The renderer's last `menu:set` request; null before it has sent one. */
  readonly request: MenuSetRequest | null;
  /** `process.platform`: macOS gets the app menu and "close window" instead of "quit". */
  readonly platform: string;
  /** Development build: adds reload and DevTools. */
  readonly dev: boolean;
  /** Called with the item's id when a renderer item is chosen. */
  readonly onCommand: (id: string) => void;
  /** Shows the host's About box. */
  readonly onAbout: () => void;
}

/**
 * The menu template: File, Edit, View, Window, Help, with the renderer's items at the top of their
 * group. Renderer items show their accelerator but do not register it: the renderer's own key
 * handling runs the shortcut (in both hosts), so a key press never runs a command twice.
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  // On Windows and Linux a single '&' marks a mnemonic; text from the renderer is shown as written.
  const text = (label: string) => (isMac ? label : label.replace(/&/g, '&&'));
  const labels = resolveMenuLabels(options.request?.labels);
  const l = (key: MenuLabelKey) => text(labels[key]);
  const items = options.request?.items ?? [];
  const group = (name: 'file' | 'view' | 'help'): MenuItemConstructorOptions[] => {
    const own = items
      .filter((item) => item.group === name)
      .map((item): MenuItemConstructorOptions => ({
        id: item.id,
        label: text(item.label),
        ...(item.accelerator !== undefined ? { accelerator: item.accelerator, registerAccelerator: false } : {}),
        click: () => options.onCommand(item.id),
      }));
    return own.length > 0 ? [...own, { type: 'separator' }] : [];
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: l('file'), submenu: [...group('file'), isMac ? { role: 'close', label: l('close') } : { role: 'quit', label: l('quit') }] },
    {
      label: l('edit'),
      submenu: [
        { role: 'undo', label: l('undo') },
        { role: 'redo', label: l('redo') },
        { type: 'separator' },
        { role: 'cut', label: l('cut') },
        { role: 'copy', label: l('copy') },
        { role: 'paste', label: l('paste') },
        { role: 'selectAll', label: l('selectAll') },
      ],
    },
    {
      label: l('view'),
      submenu: [
        ...group('view'),
        { role: 'resetZoom', label: l('resetZoom') },
        { role: 'zoomIn', label: l('zoomIn') },
        { role: 'zoomOut', label: l('zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l('toggleFullScreen') },
        ...(options.dev
          ? ([{ type: 'separator' }, { role: 'reload', label: l('reload') }, { role: 'toggleDevTools', label: l('toggleDevTools') }] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    { role: 'windowMenu', label: l('window') },
    { role: 'help', label: l('help'), submenu: [...group('help'), { label: l('about'), click: () => options.onAbout() }] },
  ];
}

/** Keeps the renderer's last request and rebuilds the menu from it. */
export interface MenuController {
  /** Shows the menu (with the fallback labels until the renderer has sent a request). */
  show(): void;
  /** Replaces the renderer's items and labels and rebuilds the menu. */
  set(request: MenuSetRequest): void;
  /** The label set in use (for the About box and dialogs). */
  labels(): MenuLabels;
}

export interface MenuControllerDeps extends Omit<MenuTemplateOptions, 'request'> {
  /** Installs a template as the application menu (Menu.setApplicationMenu(Menu.buildFromTemplate(t)) in the glue). */
  readonly apply: (template: MenuItemConstructorOptions[]) => void;
}

export function createMenuController(deps: MenuControllerDeps): MenuController {
  let request: MenuSetRequest | null = null;
  const { apply, ...templateOptions } = deps;
  const rebuild = () => apply(buildMenuTemplate({ ...templateOptions, request }));
  return {
    show: rebuild,
    set(next) {
      request = next;
      rebuild();
    },
    labels: () => resolveMenuLabels(request?.labels),
  };
}
