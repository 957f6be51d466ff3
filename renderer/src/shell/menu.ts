// The desktop app's menu, built from the same registry as the navbar and the hotkeys: the
// features' views and commands with their accelerators, and the host's own items (Edit, Window…),
// all in the UI language — sent again on every language change. A chosen item comes back as its id.
import type { TFunction, i18n as I18n } from 'i18next';
import { getHost, MENU_LABEL_KEYS, type MenuItemRequest, type MenuRequest } from '../host';
import type { Feature, ShellApi } from './types';
import { SHELL_HOTKEYS } from './registry';
import { toAccelerator } from './keys';

/** Labels of the host's own menus and items (`menu.<key>` in the UI strings). */
export const MENU_LABELS: readonly string[] = [
  ...new Set<string>([
    ...MENU_LABEL_KEYS,
    'file', 'edit', 'view', 'window', 'help', 'about', 'quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll',
    'reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom', 'fullscreen', 'minimize', 'close', 'shortcuts',
  ]),
];

const SHORTCUTS_ITEM = 'shell:shortcuts';

function item(id: string, label: string, group: MenuItemRequest['group'], hotkey: string | undefined): MenuItemRequest {
  const accelerator = hotkey === undefined ? undefined : toAccelerator(hotkey);
  return accelerator === undefined ? { id, label, group } : { id, label, group, accelerator };
}

/** What `setMenu` is given: the registry's items (labels in the UI language) and the host's labels. */
export function buildMenuRequest(features: readonly Feature[], t: TFunction): MenuRequest {
  const items: MenuItemRequest[] = [];
  for (const f of features) {
    if (f.kind === 'page' && f.showInNav) items.push(item(`view:${f.id}`, t(f.labelKey), f.menu ?? 'view', f.hotkey));
    for (const c of f.commands ?? []) {
      if (c.run && c.menu) items.push(item(`command:${c.id}`, t(c.labelKey), c.menu, c.hotkeys[0]));
    }
  }
  items.push(item(SHORTCUTS_ITEM, t('menu.shortcuts'), 'help', SHELL_HOTKEYS.shortcuts[0]));
  const labels = Object.fromEntries(MENU_LABELS.map((key) => [key, t(`menu.${key}`)]));
  return { items, labels };
}

/**
 * Does what a menu item asks.
 * @returns false for an id the registry does not know
 */
export function runMenuCommand(id: string, features: readonly Feature[], shell: ShellApi): boolean {
  if (id === SHORTCUTS_ITEM) {
    shell.openShortcuts();
    return true;
  }
  const [kind, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (kind === 'view' && features.some((f) => f.id === name && f.kind === 'page')) {
    shell.goToView(name);
    return true;
  }
  const command = kind === 'command' ? features.flatMap((f) => f.commands ?? []).find((c) => c.id === name) : undefined;
  if (!command?.run) return false;
  command.run(shell);
  return true;
}

/** The host's menu methods, which an older desktop build may not have. */
export type MenuHost = {
  setMenu?: (req: MenuRequest) => Promise<{ ok: boolean }>;
  onMenuCommand?: (listener: (id: string) => void) => () => void;
};

/**
 * Gives the host the menu now and after every language change, and routes its commands.
 * @param host the host (getHost()); a desktop build without the menu methods gets no menu
 * @returns the function that stops both
 */
export function startMenu(features: readonly Feature[], i18n: I18n, shell: ShellApi, host: MenuHost = currentHost()): () => void {
  const send = () => {
    if (typeof host.setMenu !== 'function') return;
    host.setMenu(buildMenuRequest(features, i18n.t.bind(i18n))).catch((e: unknown) => console.warn('The menu could not be set', e));
  };
  send();
  i18n.on('languageChanged', send);
  const stop = typeof host.onMenuCommand === 'function' ? host.onMenuCommand((id) => void runMenuCommand(id, features, shell)) : () => undefined;
  return () => {
    i18n.off('languageChanged', send);
    stop();
  };
}

function currentHost(): MenuHost {
  try {
    return getHost();
  } catch (e) {
    // A preload from another build: the app still runs, without its menu items.
    console.warn('No host bridge for the menu', e);
    return {};
  }
}
