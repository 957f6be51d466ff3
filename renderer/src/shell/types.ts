// What a feature declares to the shell (its contribution, as VS Code calls it): the view, its
// route and hotkey, its place in the navbar and the menu, and its commands. The shell builds the
// navbar, the routes, the hotkeys, the shortcuts help and the Electron menu from these alone.
import type { ComponentType } from 'react';
import type { HattamaDb } from '../db/db';

/** A hotkey in Mantine's `useHotkeys` syntax: `alt+1`, `mod+K` (Ctrl, or ⌘ on macOS), `/`, `F1`. */
export type Hotkey = string;

/** The top-level menu of the desktop app an item goes to. */
export type MenuGroup = 'file' | 'view' | 'help';

/** What a command may do: navigation, and the shell's own dialogs. */
export type ShellApi = {
  /** Goes to a path of the app (`/kanban`, `/projects/<id>`); `replace` does not add a history entry. */
  navigate: (path: string, opts?: { replace?: boolean }) => void;
  /** Shows a feature's view (by feature id). */
  goToView: (featureId: string) => void;
  /** Opens an overlay route (a card over the current view); replaces an overlay already open. */
  openOverlay: (path: string) => void;
  /** Closes the open overlay: back to the view it was opened over. */
  closeOverlay: () => void;
  /** Shows the keyboard shortcuts. */
  openShortcuts: () => void;
};

/** A command of a feature: a hotkey, a menu item, a header button — or only a line in the help. */
export type FeatureCommand = {
  /** Unique across the app; also the menu item's id (`command:<id>`) and the header button's test id. */
  id: string;
  /** i18n key of its label. */
  labelKey: string;
  /** Its hotkeys; the first is the menu accelerator. Empty for a command with no key. */
  hotkeys: readonly Hotkey[];
  /** What it does. Absent: a key handled inside a view (e.g. Ctrl+S in the card), listed in the help only. */
  run?: (api: ShellApi) => void;
  /** The top-level menu it appears in (none when absent). */
  menu?: MenuGroup;
  /** Shown as a button in the header. */
  header?: boolean;
  icon?: ComponentType<{ size?: number | string }>;
};

/** Props every feature view receives: the route's parameters and, for an overlay, how to close it. */
export type FeatureViewProps = {
  params: Readonly<Record<string, string | undefined>>;
  close: () => void;
};

/** A view that may be fetched ahead of use (a lazy view with its loader). */
export type FeatureView = ComponentType<FeatureViewProps> & { preload?: () => Promise<unknown> };

/** A feature's declaration, exported as `feature` from its folder's `index.ts`. */
export type Feature = {
  /** Unique; the saved last view and the navbar's test id (`nav-<id>`) use it. */
  id: string;
  icon: ComponentType<{ size?: number | string }>;
  /** i18n key of its name (navbar, menu, help). */
  labelKey: string;
  /** Hotkey that shows its view (`alt+1`), if any. */
  hotkey?: Hotkey;
  /** Path pattern of its route (`/board`, `/projects/:id`). */
  route: string;
  /** Its view: lazy, except the board which paints first. */
  view: FeatureView;
  /**
   * `page`: the view fills the main area; `overlay`: the view is drawn over the current page
   * (a card in a drawer) and closing it goes back to that page.
   */
  kind: 'page' | 'overlay';
  /** Position in the navbar, the menu and the help (ascending); the first page is the home view. */
  order: number;
  showInNav: boolean;
  /** For a record's page (a meeting): the navbar page it belongs to, shown as active. */
  navParent?: string;
  /** The menu the view's item goes to; `view` when absent. */
  menu?: MenuGroup;
  commands?: readonly FeatureCommand[];
  /** A small live widget for the header (the sync status); rendered inside the app's context. */
  headerWidget?: ComponentType;
  /**
   * Starts what the view reads when the app opens on it (a link, a restored window): called at
   * boot, before the view's code is fetched and the first render, so the two overlap.
   */
  warm?: (db: HattamaDb) => void;
};
